import type { Translation } from '../catalogue.js';
import type { validation as sv } from '../sv/validation.js';

export const validation: Translation<typeof sv> = {
  invalidInput_one: 'One field needs correcting.',
  invalidInput_other: '{{count}} fields need correcting.',
  required: 'Fill in this field.',
  tooShort_one: 'Write at least {{count}} character.',
  tooShort_other: 'Write at least {{count}} characters.',
  tooLong_one: 'Write at most {{count}} character.',
  tooLong_other: 'Write at most {{count}} characters.',
  tooMany_one: 'Give at most {{count}} value.',
  tooMany_other: 'Give at most {{count}} values.',
  tooFew_one: 'Give at least {{count}} value.',
  tooFew_other: 'Give at least {{count}} values.',
  range: 'Give a number from {{min}} to {{max}}.',
  wholeNumberRange: 'Give a whole number from {{min}} to {{max}}.',
  oneOf: 'Choose one of: {{values}}.',
  nulCharacter: 'The text contains a character that is not allowed (NUL).',
  invalidId: 'Give an id that the API gave you.',
  kronor: 'Give the amount in whole kronor: an integer, at most 9,007,199,254,740,991 either way.',
  date: 'Give a date that exists in the calendar, written YYYY-MM-DD, such as 2026-03-31.',
  dateTime: 'Give a time as ISO 8601 with a time zone, such as 2026-03-31T14:00:00+02:00 or 2026-03-31T12:00:00Z.',
};
