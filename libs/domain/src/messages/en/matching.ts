import type { Translation } from '../catalogue.js';
import type { matching as sv } from '../sv/matching.js';

export const matching: Translation<typeof sv> = {
  strongMatchTitle: 'A new need fits you: {{need}}',
  strongMatchBody: 'Your organisation matches the need with {{score}} out of 100. See the reasons and make an offer in Samverka.',
};
