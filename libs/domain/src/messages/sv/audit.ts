/** Swedish (klarspråk): the audit area's messages. */
export const audit = {} as const;
