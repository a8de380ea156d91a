/** Swedish (klarspråk): the accounts area's messages. */
export const accounts = {} as const;
