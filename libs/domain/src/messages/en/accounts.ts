import type { Translation } from '../catalogue.js';
import type { accounts as sv } from '../sv/accounts.js';

export const accounts: Translation<typeof sv> = {};
