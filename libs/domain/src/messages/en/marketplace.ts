import type { Translation } from '../catalogue.js';
import type { marketplace as sv } from '../sv/marketplace.js';

export const marketplace: Translation<typeof sv> = {
  offerEnterpriseNotVerified:
    'The enterprise is not verified yet, so you cannot submit the offer. An administrator or the coordinator of your county verifies the enterprise. You can keep the offer as a draft meanwhile.',
  needAwaitingVerification:
    "The need is not shown to enterprises yet, because its buyer is not verified. Try again once an administrator or the coordinator of the buyer's county has verified the buyer.",
  enterpriseNotVerified: 'The enterprise is not verified yet. Verify it first, or ask the coordinator of its county to.',
};
