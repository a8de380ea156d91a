/** Swedish (klarspråk): the rules of input fields, shared by every feature. */
export const validation = {
  invalidInput_one: 'En uppgift behöver rättas.',
  invalidInput_other: '{{count}} uppgifter behöver rättas.',
  required: 'Fyll i fältet.',
  tooShort_one: 'Skriv minst {{count}} tecken.',
  tooShort_other: 'Skriv minst {{count}} tecken.',
  tooLong_one: 'Skriv högst {{count}} tecken.',
  tooLong_other: 'Skriv högst {{count}} tecken.',
  tooMany_one: 'Ange högst {{count}} värde.',
  tooMany_other: 'Ange högst {{count}} värden.',
  tooFew_one: 'Ange minst {{count}} värde.',
  tooFew_other: 'Ange minst {{count}} värden.',
  range: 'Ange ett tal från {{min}} till {{max}}.',
  wholeNumberRange: 'Ange ett heltal från {{min}} till {{max}}.',
  oneOf: 'Välj något av: {{values}}.',
  nulCharacter: 'Texten innehåller ett otillåtet tecken (NUL).',
  invalidId: 'Ange ett id som API:et har gett dig.',
} as const;
