import type { Translation } from '../catalogue.js';
import type { brokering as sv } from '../sv/brokering.js';

export const brokering: Translation<typeof sv> = {
  // ---- Refusals: introductions, the award and partnerships.
  introductionStatus_PROPOSED: 'proposed',
  introductionStatus_ACCEPTED: 'accepted',
  introductionStatus_DECLINED: 'declined',
  introductionStatus_WITHDRAWN: 'withdrawn',
  partnershipStatus_ACTIVE: 'active',
  partnershipStatus_COMPLETED: 'completed',
  partnershipStatus_TERMINATED: 'terminated',

  introductionNotFound: 'There is no introduction with id {{id}}.',
  partnershipNotFound: 'There is no partnership with id {{id}}.',

  introductionNotEnterprise: 'Choose a social enterprise. Coordinators introduce social enterprises to needs.',
  introductionOpen: 'The enterprise already has an open introduction to this need. It must be declined or withdrawn before you make a new one.',
  introductionNeedClosed: 'The need is $t(marketplace.needStatus_{{status}}). Only a published need takes introductions.',
  introductionNeedDeadlinePassed: 'The response deadline has passed, so the need takes no more introductions.',
  acceptNeedClosed: 'The need is $t(marketplace.needStatus_{{status}}) and takes no offers. You can only decline the introduction.',
  acceptNeedDeadlinePassed: 'The response deadline has passed. You can only decline the introduction.',
  introductionCannotAccept: 'You can only accept a proposed introduction. This introduction is $t(brokering.introductionStatus_{{status}}).',
  introductionCannotDecline: 'You can only decline a proposed introduction. This introduction is $t(brokering.introductionStatus_{{status}}).',
  introductionCannotWithdraw: 'You can only withdraw a proposed introduction. This introduction is $t(brokering.introductionStatus_{{status}}).',

  offerChangedDuringAward: 'The offer changed while you were accepting it. Reload it and try again.',
  offerAlreadyAccepted: 'The offer has already been accepted.',

  partnershipBuyerKind: 'Choose a municipality or a region as the buyer.',
  partnershipNotEnterprise: 'Choose a social enterprise.',
  partnershipSameParties: 'Choose another organisation than the buyer.',
  municipalityOutsideBuyerCounty: "Choose a municipality in the buyer's county ({{county}}). Municipality {{municipality}} is in county {{municipalityCounty}}.",
  endsBeforeStart: 'The end date must not be before the start date ({{startsOn}}).',
  endsBeforeToday: 'The end date must not be before today ({{today}}).',
  endsBeforeStartDate: 'The end date must not be before the start date.',
  introductionMismatch: 'Choose an introduction of this enterprise to a need of this buyer.',
  introductionNotAccepted: 'The introduction is $t(brokering.introductionStatus_{{status}}). Only an accepted introduction leads to a partnership.',
  introductionAlreadyUsed: 'The introduction has already led to a partnership.',
  partnershipCannotComplete: 'You can only complete an active partnership. This partnership is $t(brokering.partnershipStatus_{{status}}).',
  partnershipCannotTerminate: 'You can only terminate an active partnership. This partnership is $t(brokering.partnershipStatus_{{status}}).',
  terminatedNotShown: 'A terminated partnership cannot be shown as a good example.',
  summaryRequired: 'Write a short public summary of what the partnership does and has achieved before it is shown as a good example.',
  consentVersionRequired: 'Give the version you read, so that it is clear which summary you agree to.',
  notBuyerMember: "You are not a member of the buyer's organisation, so you cannot decide for it.",
  notEnterpriseMember: 'You are not a member of the enterprise, so you cannot decide for it.',
  partyRequired: 'You belong to both parties. Say which party you decide for: BUYER or ENTERPRISE.',
  // ---- End of refusals.
};
