import type { Translation } from '../catalogue.js';
import type { notifications as sv } from '../sv/notifications.js';

export const notifications: Translation<typeof sv> = {};
