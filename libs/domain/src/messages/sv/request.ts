/** Swedish (klarspråk): refusals of a request as a whole, and of its paging. */
export const request = {
  invalidCursor: 'Ange en markör (endCursor eller startCursor) som API:et har gett dig för samma lista och sortering.',
  tooCostly: 'Frågan är för stor: den beräknas kosta {{cost, number}}, och högst {{max, number}} är tillåtet. Fråga efter färre poster eller fält.',
  subscriptionTooCostly: 'Prenumerationen är för stor: den beräknas kosta {{cost, number}} per händelse, och högst {{max, number}} är tillåtet. Fråga efter färre fält.',
  operationName: 'Ange vilken operation som ska köras (operationName): dokumentet har flera, eller ingen.',
  subscriptionsOnly: 'Över WebSocket tar API:et bara emot prenumerationer. Skicka frågor och ändringar över HTTP.',
  socketTokenExpired: 'Åtkomsttoken har gått ut. Anslut igen med en ny.',
} as const;
