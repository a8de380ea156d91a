/** Swedish (klarspråk): the audit area's messages. */
export const audit = {
  toBeforeFrom: 'Till-datumet får inte vara före från-datumet ({{from}}).',
} as const;
