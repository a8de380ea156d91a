import type { Translation } from '../catalogue.js';
import type { insights as sv } from '../sv/insights.js';

export const insights: Translation<typeof sv> = {
  // ---- Refusals: a region's figures.
  countyNotFound: 'There is no county with code {{code}}.',
  dateOutOfRange: 'Choose a date from {{earliest}} to {{latest}}.',
  toBeforeFrom: 'The end date must not be before the start date ({{from}}).',
  spanTooLong_MONTH: 'Choose a period of at most {{max}} months. {{from}} to {{to}} spans {{count}} months. Choose a shorter period or a longer interval.',
  spanTooLong_QUARTER: 'Choose a period of at most {{max}} quarters. {{from}} to {{to}} spans {{count}} quarters. Choose a shorter period or a longer interval.',
  spanTooLong_YEAR: 'Choose a period of at most {{max}} years. {{from}} to {{to}} spans {{count}} years.',
  // ---- End of refusals.
};
