/** Swedish (klarspråk): the notifications area's messages. */
export const notifications = {} as const;
