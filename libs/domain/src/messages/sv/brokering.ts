/** Swedish (klarspråk): the brokering area's messages. */
export const brokering = {} as const;
