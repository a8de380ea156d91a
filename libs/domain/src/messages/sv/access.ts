/** Swedish (klarspråk): who may do what. */
export const access = {
  signInNeeded: 'Du behöver logga in för att göra det här.',
} as const;
