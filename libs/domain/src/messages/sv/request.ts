/** Swedish (klarspråk): refusals of a request as a whole, and of its paging. */
export const request = {
  invalidCursor: 'Ange en markör (endCursor eller startCursor) som API:et har gett dig för samma lista och sortering.',
  bodyTooLarge: 'Förfrågan är för stor: högst {{maxKb}} kB tillåts. Skicka mindre i taget.',
  malformedBody: 'Förfrågan går inte att läsa. Skicka den som JSON, eller som multipart när den har med en fil.',
  variablesTooDeep: 'Variablerna är nästlade i för många nivåer: högst {{max}} tillåts.',
  tooCostly: 'Frågan kostar för mycket: {{cost}} poäng, högst {{max}} tillåts. Be om färre poster eller fält, eller dela upp frågan.',
  tooDeep: 'Frågan är nästlad i för många nivåer: högst {{max}} tillåts. Dela upp frågan.',
  tooManyAliases: 'Frågan har för många alias: högst {{max}} tillåts. Dela upp frågan.',
  tooManyDirectives: 'Frågan har för många direktiv: högst {{max}} tillåts. Dela upp frågan.',
  tooManyTokens: 'Frågan är för lång: högst {{max}} delar (namn, tecken och värden) tillåts. Korta den eller dela upp den.',
  operationToRun: 'Ange vilken operation som ska köras: dokumentet har flera, eller ingen.',
  subscriptionsOnly: 'Bara prenumerationer går över WebSocket. Skicka frågor och ändringar över HTTP.',
} as const;
