import type { Translation } from '../catalogue.js';
import type { request as sv } from '../sv/request.js';

export const request: Translation<typeof sv> = {
  invalidCursor: 'Give a cursor (endCursor or startCursor) that the API gave you for the same list and sort order.',
  tooCostly: 'The query is too costly: it is estimated at {{cost, number}}, and at most {{max, number}} is allowed. Ask for fewer items or fields.',
  subscriptionTooCostly: 'The subscription is too costly: it is estimated at {{cost, number}} per event, and at most {{max, number}} is allowed. Ask for fewer fields.',
  operationName: 'Name the operation to run (operationName): the document has several, or none.',
  subscriptionsOnly: 'Only subscriptions are served over WebSocket. Send queries and mutations over HTTP.',
  socketTokenExpired: 'The access token has expired. Connect again with a fresh one.',
};
