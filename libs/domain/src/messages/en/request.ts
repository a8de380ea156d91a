import type { Translation } from '../catalogue.js';
import type { request as sv } from '../sv/request.js';

export const request: Translation<typeof sv> = {
  invalidCursor: 'Give a cursor (endCursor or startCursor) that the API gave you for the same list and sort order.',
};
