import type { Translation } from '../catalogue.js';
import type { notifications as sv } from '../sv/notifications.js';

export const notifications: Translation<typeof sv> = {
  emailSubject: 'Samverka: {{title}}',
  emailGreeting: 'Hello {{name}},',
  emailReadMore: 'Read more in Samverka: {{link}}',
  emailInLanguage: 'In English',
  emailWhy: 'You receive this message because you take part in Samverka. In your notification settings you choose which notifications you get by e-mail.',
};
