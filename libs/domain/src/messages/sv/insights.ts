/** Swedish (klarspråk): the insights area's messages. */
export const insights = {
  // ---- Refusals: a region's figures.
  countyNotFound: 'Vi hittar inget län med koden {{code}}.',
  dateOutOfRange: 'Välj ett datum från {{earliest}} till {{latest}}.',
  toBeforeFrom: 'Slutdatumet får inte vara före startdatumet ({{from}}).',
  spanTooLong_MONTH: 'Välj en period på högst {{max}} månader. {{from}} till {{to}} omfattar {{count}} månader. Välj en kortare period eller ett längre intervall.',
  spanTooLong_QUARTER: 'Välj en period på högst {{max}} kvartal. {{from}} till {{to}} omfattar {{count}} kvartal. Välj en kortare period eller ett längre intervall.',
  spanTooLong_YEAR: 'Välj en period på högst {{max}} år. {{from}} till {{to}} omfattar {{count}} år.',
  // ---- End of refusals.
} as const;
