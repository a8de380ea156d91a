import type { Translation } from '../catalogue.js';
import type { impact as sv } from '../sv/impact.js';

export const impact: Translation<typeof sv> = {};
