/** Swedish (klarspråk): operations, the queue probe and the queue dashboard. */
export const ops = {
  holdMsRange: 'Ange hur länge jobbet ska hållas: ett heltal från 0 till {{max, number}} millisekunder.',
  probeNotFound: 'Vi hittar inget testjobb med id {{id}}.',
  dashboardRefused: 'Jobbkön visas bara för driften (med driftens token) och för administratörer (med sin åtkomsttoken).',
} as const;
