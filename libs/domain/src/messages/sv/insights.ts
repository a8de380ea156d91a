/** Swedish (klarspråk): the insights area's messages. */
export const insights = {} as const;
