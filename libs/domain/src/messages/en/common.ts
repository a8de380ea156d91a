import type { Translation } from '../catalogue.js';
import type { common as sv } from '../sv/common.js';

export const common: Translation<typeof sv> = {
  stale: 'Someone else changed this after you read it (version {{version}}). Reload and try again.',
  internal: 'Something went wrong on our side. Try again in a while. If it persists, contact support and give the reference {{requestId}}.',
};
