import type { Translation } from '../catalogue.js';
import type { request as sv } from '../sv/request.js';

export const request: Translation<typeof sv> = {
  invalidCursor: 'Give a cursor (endCursor or startCursor) that the API gave you for the same list and sort order.',
  bodyTooLarge: 'The request is too large: at most {{maxKb}} kB is allowed. Send less at a time.',
  malformedBody: 'The request cannot be read. Send it as JSON, or as multipart when it carries a file.',
  variablesTooDeep: 'The variables are nested too deep: at most {{max}} levels are allowed.',
  tooCostly: 'The query costs too much: {{cost}} points, at most {{max}} are allowed. Ask for fewer items or fields, or split the query.',
  tooDeep: 'The query is nested too deep: at most {{max}} levels are allowed. Split the query.',
  tooManyAliases: 'The query has too many aliases: at most {{max}} are allowed. Split the query.',
  tooManyDirectives: 'The query has too many directives: at most {{max}} are allowed. Split the query.',
  tooManyTokens: 'The query is too long: at most {{max}} tokens (names, punctuation and values) are allowed. Shorten it or split it.',
  operationToRun: 'Name the operation to run: the document has several, or none.',
  subscriptionsOnly: 'Only subscriptions are served over WebSocket. Send queries and mutations over HTTP.',
};
