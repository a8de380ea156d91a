/** Swedish (klarspråk): refusals of a request as a whole, and of its paging. */
export const request = {
  invalidCursor: 'Ange en markör (endCursor eller startCursor) som API:et har gett dig för samma lista och sortering.',
} as const;
