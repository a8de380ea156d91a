import type { Translation } from '../catalogue.js';
import type { importExport as sv } from '../sv/import-export.js';

export const importExport: Translation<typeof sv> = {};
