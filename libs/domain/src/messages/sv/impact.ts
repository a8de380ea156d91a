/** Swedish (klarspråk): the impact area's messages. */
export const impact = {} as const;
