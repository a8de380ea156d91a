import type { Translation } from '../catalogue.js';
import type { insights as sv } from '../sv/insights.js';

export const insights: Translation<typeof sv> = {};
