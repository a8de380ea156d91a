/** Swedish (klarspråk): the marketplace area's messages. */
export const marketplace = {} as const;
