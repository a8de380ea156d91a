import type { Translation } from '../catalogue.js';
import type { matching as sv } from '../sv/matching.js';

export const matching: Translation<typeof sv> = {};
