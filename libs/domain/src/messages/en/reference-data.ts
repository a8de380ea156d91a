import type { Translation } from '../catalogue.js';
import type { referenceData as sv } from '../sv/reference-data.js';

export const referenceData: Translation<typeof sv> = {
  countyNotFound: 'There is no county with the code (länskod) {{code}}.',
  municipalityNotFound: 'There is no municipality with the code (kommunkod) {{code}}.',
  cpvCodeNotFound: 'The code {{code}} is not in CPV 2008.',
  sdgNotFound: 'There is no global goal number {{number}}.',
  countyOfMunicipality: 'The municipality {{municipality}} is in county {{county}}. Give {{county}} or leave the field empty.',
  cpvCheckDigit: 'The check digit is wrong: the CPV code {{code8}} is written {{code}}.',
  cpvCodesMalformed_one: 'The code {{codes}} is not written as a CPV code. Write NNNNNNNN-N or NNNNNNNN, such as 85311000-2.',
  cpvCodesMalformed_other: 'The codes {{codes}} are not written as CPV codes. Write NNNNNNNN-N or NNNNNNNN, such as 85311000-2.',
  cpvCodesUnknown_one: 'The code {{codes}} is not in CPV 2008. Check the code.',
  cpvCodesUnknown_other: 'The codes {{codes}} are not in CPV 2008. Check the codes.',
  cpvCheckDigits_one: 'The check digit is wrong in {{given}}. The code is written {{codes}}.',
  cpvCheckDigits_other: 'The check digits are wrong in {{given}}. The codes are written {{codes}}.',
  kommunkoderMalformed_one: 'The municipality code {{codes}} is written wrongly. Write 4 digits, such as 0180.',
  kommunkoderMalformed_other: 'The municipality codes {{codes}} are written wrongly. Write 4 digits, such as 0180.',
  lanskoderMalformed_one: 'The county code {{codes}} is written wrongly. Write 2 digits, such as 01.',
  lanskoderMalformed_other: 'The county codes {{codes}} are written wrongly. Write 2 digits, such as 01.',
  municipalitiesUnknown_one: 'There is no municipality with the code (kommunkod) {{codes}}.',
  municipalitiesUnknown_other: 'There are no municipalities with the codes (kommunkoder) {{codes}}.',
  countiesUnknown_one: 'There is no county with the code (länskod) {{codes}}.',
  countiesUnknown_other: 'There are no counties with the codes (länskoder) {{codes}}.',
  sdgsOutOfRange_one: 'The global goals are numbered 1 to 17. {{values}} is not a goal.',
  sdgsOutOfRange_other: 'The global goals are numbered 1 to 17. {{values}} are not goals.',
};
