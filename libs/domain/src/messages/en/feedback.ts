import type { Translation } from '../catalogue.js';
import type { feedback as sv } from '../sv/feedback.js';

export const feedback: Translation<typeof sv> = {
  // ---- Refusals.
  tooManyMessages_one: 'You have sent a lot of feedback in a short time. Wait {{count}} second and try again.',
  tooManyMessages_other: 'You have sent a lot of feedback in a short time. Wait {{count}} seconds and try again.',
  // ---- End of refusals.
  receivedTitle: 'New feedback on accessibility',
  receivedBodyPage: 'It concerns the page {{page}}.',
  receivedBodyAnswer: 'The sender would like an answer at {{email}}.',
  receivedBodyNoAnswer: 'The sender left no e-mail address.',
};
