import type { Translation } from '../catalogue.js';
import type { audit as sv } from '../sv/audit.js';

export const audit: Translation<typeof sv> = {
  toBeforeFrom: 'The to date must not be before the from date ({{from}}).',
};
