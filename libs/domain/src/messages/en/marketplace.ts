import type { Translation } from '../catalogue.js';
import type { marketplace as sv } from '../sv/marketplace.js';

export const marketplace: Translation<typeof sv> = {
  directAwardOverLimit:
    'The budget (up to SEK {{budget, number}}) is above the direct award limit under LOU, SEK {{limit, number}}. A contract this large must normally be procured in another way: choose another form or lower the budget.',
  readinessDescription: 'Describe the enterprise and its social purpose in at least {{min}} characters.',
  readinessServices: 'Write which services the enterprise offers.',
  readinessCpvCodes: 'Add at least one CPV code, so that the enterprise is matched with buyers’ needs.',
  readinessSdgs: 'Choose the global goals (the 2030 Agenda) the enterprise contributes to.',
  readinessArea: 'Say where the enterprise works: in which municipalities or regions, or nationwide.',
  readinessCapacity: 'Give the largest contract the enterprise can take, in kronor. Then buyers see what fits.',
  readinessSize: 'Give the number of employees and the annual turnover.',
  readinessLegalForm: 'Give the legal form, such as an economic association or a limited company.',
  readinessWorkIntegrationShare: 'Give the share of staff who are far from the labour market. Reserved contracts need at least {{min}} per cent.',
  offerReceivedTitle: 'New offer on {{need}}',
  offerReceivedBody: '{{enterprise}} has made an offer.',
  offerShortlistedTitle: 'Your offer on {{need}} has been shortlisted',
  offerAcceptedTitle: 'Your offer on {{need}} has been accepted',
  offerDeclinedTitle: 'Your offer on {{need}} has been declined',
  offerWithdrawnTitle: '{{enterprise}} has withdrawn its offer on {{need}}',
  // Verification: what an organisation not verified yet cannot do.
  offerEnterpriseNotVerified:
    'The enterprise is not verified yet, so you cannot submit the offer. An administrator or the coordinator of your county verifies the enterprise. You can keep the offer as a draft meanwhile.',
  needAwaitingVerification:
    "The need is not shown to enterprises yet, because its buyer is not verified. Try again once an administrator or the coordinator of the buyer's county has verified the buyer.",
  enterpriseNotVerified: 'The enterprise is not verified yet. Verify it first, or ask the coordinator of its county to.',
};
