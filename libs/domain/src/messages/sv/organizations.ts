/** Swedish (klarspråk): the organizations area's messages. */
export const organizations = {} as const;
