import type { Translation } from '../catalogue.js';
import type { brokering as sv } from '../sv/brokering.js';

export const brokering: Translation<typeof sv> = {
  introductionReceivedTitle: '{{enterprise}} is proposed for the need “{{need}}”',
  introductionReceivedBody: 'A regional coordinator has introduced {{enterprise}} to the need “{{need}}” of {{buyer}}. Accept if you want to make an offer, or decline.',
  introductionMadeTitle: '{{enterprise}} was introduced to “{{need}}”',
  introductionMadeBody: 'A regional coordinator has proposed {{enterprise}} for your need “{{need}}”. The enterprise will answer whether it wants to make an offer.',
  introductionAcceptedTitle: '{{enterprise}} accepted the introduction to “{{need}}”',
  introductionAcceptedBody: '{{enterprise}} wants to make an offer on “{{need}}” of {{buyer}}.',
  introductionDeclinedTitle: '{{enterprise}} declined the introduction to “{{need}}”',
  introductionDeclinedBody: '{{enterprise}} will not make an offer on “{{need}}” of {{buyer}}.',
  coordinatorNote: 'The coordinator’s note: {{note}}',
  enterpriseAnswer: 'The enterprise’s answer: {{note}}',
  partnershipStartedTitle: 'Partnership started: {{partnership}}',
  partnershipStartedBody: '{{buyer}} and {{enterprise}} have started the partnership “{{partnership}}” from {{startsOn}}. Agree on the impact you will measure.',
  partnershipCompletedTitle: 'The partnership “{{partnership}}” was completed',
  partnershipCompletedBody: '{{buyer}} and {{enterprise}} have completed their partnership.',
  partnershipCompletedNote: 'Note: {{note}}',
  partnershipTerminatedTitle: 'The partnership “{{partnership}}” was terminated',
  partnershipTerminatedBody: 'The partnership between {{buyer}} and {{enterprise}} was ended early.',
  partnershipTerminatedReason: 'Reason: {{note}}',
};
