/** Swedish (klarspråk): the ops area's messages. */
export const ops = {} as const;
