import type { Translation } from '../catalogue.js';
import type { organizations as sv } from '../sv/organizations.js';

export const organizations: Translation<typeof sv> = {};
