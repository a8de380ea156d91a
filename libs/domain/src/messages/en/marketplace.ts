import type { Translation } from '../catalogue.js';
import type { marketplace as sv } from '../sv/marketplace.js';

export const marketplace: Translation<typeof sv> = {};
