import type { Translation } from '../catalogue.js';
import type { referenceData as sv } from '../sv/reference-data.js';

export const referenceData: Translation<typeof sv> = {};
