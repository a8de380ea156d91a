/** Swedish (klarspråk): the reference-data area's messages. */
export const referenceData = {} as const;
