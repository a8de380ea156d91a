import type { Translation } from '../catalogue.js';
import type { notifications as sv } from '../sv/notifications.js';

export const notifications: Translation<typeof sv> = {
  // ---- Refusals.
  notificationNotFound: 'There is no notification with id {{id}} among yours.',
  // ---- End of refusals.
};
