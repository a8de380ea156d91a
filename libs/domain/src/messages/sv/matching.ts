/** Swedish (klarspråk): the matching area's messages. */
export const matching = {} as const;
