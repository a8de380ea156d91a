import type { Translation } from '../catalogue.js';
import type { brokering as sv } from '../sv/brokering.js';

export const brokering: Translation<typeof sv> = {};
