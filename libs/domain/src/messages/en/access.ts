import type { Translation } from '../catalogue.js';
import type { access as sv } from '../sv/access.js';

export const access: Translation<typeof sv> = {
  signInNeeded: 'You need to sign in for this.',
};
