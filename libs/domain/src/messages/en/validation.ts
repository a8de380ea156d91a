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
  wholeNumber: 'Give a whole number.',
  number: 'Give a number.',
  text: 'Give a text.',
  trueOrFalse: 'Give true or false.',
  object: 'Give an object with fields, such as {"name": "value"}.',
  dateTime: 'Give a point in time in ISO 8601, such as 2026-03-01T09:00:00Z.',
  valueOfType: 'Give a value of type {{type}}.',
  unknownField: 'There is no such field here. Remove it.',
};
