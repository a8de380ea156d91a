import type { Translation } from '../catalogue.js';
import type { matching as sv } from '../sv/matching.js';

export const matching: Translation<typeof sv> = {
  // ---- Refusals.
  rebuildRunning: 'A rebuild of the matches is already running. Follow it with the matchingRebuild query.',
  // ---- End of refusals.
};
