import type { Translation } from '../catalogue.js';
import type { ops as sv } from '../sv/ops.js';

export const ops: Translation<typeof sv> = {
  holdMsRange: 'Give how long the job is held: a whole number of milliseconds from 0 to {{max, number}}.',
  probeNotFound: 'There is no queue probe with id {{id}}.',
  dashboardRefused: 'The queue dashboard is for operators (with the operations token) and administrators (with their access token).',
};
