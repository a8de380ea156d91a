import type { Translation } from '../catalogue.js';
import type { ops as sv } from '../sv/ops.js';

export const ops: Translation<typeof sv> = {};
