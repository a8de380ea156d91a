import type { Translation } from '../catalogue.js';
import type { marketplace as sv } from '../sv/marketplace.js';

export const marketplace: Translation<typeof sv> = {
  // ---- Refusals: profiles, needs and offers.
  needStatus_DRAFT: 'a draft',
  needStatus_PUBLISHED: 'published',
  needStatus_CLOSED: 'closed',
  needStatus_AWARDED: 'awarded',
  needStatus_CANCELLED: 'cancelled',
  offerStatus_DRAFT: 'a draft',
  offerStatus_SUBMITTED: 'submitted',
  offerStatus_SHORTLISTED: 'shortlisted',
  offerStatus_ACCEPTED: 'accepted',
  offerStatus_DECLINED: 'declined',
  offerStatus_WITHDRAWN: 'withdrawn',

  needNotFound: 'There is no need with id {{id}}.',
  offerNotFound: 'There is no offer with id {{id}}.',
  organizationNotFound: 'There is no organisation with id {{id}}.',
  profileNotFound: 'Organisation {{id}} has no enterprise profile yet.',

  needCannotPublish: 'You can only publish a need that is a draft. This need is $t(marketplace.needStatus_{{status}}).',
  needCannotClose: 'You can only close a published need. This need is $t(marketplace.needStatus_{{status}}).',
  needCannotAward: 'You can only award a need that is published or closed. This need is $t(marketplace.needStatus_{{status}}).',
  needCannotCancel: 'The need is $t(marketplace.needStatus_{{status}}) and can no longer be cancelled.',
  needLocked: 'The need is $t(marketplace.needStatus_{{status}}) and can no longer be changed. You can only change a draft or a published need.',
  needAwardedToOther: 'The need has already been awarded to another offer.',
  needTakesNoOffers: 'The need is $t(marketplace.needStatus_{{status}}) and takes no offers.',
  needDeadlinePassed: 'The response deadline has passed. The need takes no more offers.',
  offersDecided: 'The need is $t(marketplace.needStatus_{{status}}), so its offers are already decided.',

  needNotPublishable_one: 'The need cannot be published yet. One field needs correcting.',
  needNotPublishable_other: 'The need cannot be published yet. {{count}} fields need correcting.',
  publishTitle: 'Write a title of at least {{count}} characters before you publish the need.',
  publishDescription: 'Describe the need in at least {{count}} characters before you publish it, so that enterprises understand what you are looking for.',
  publishCpvCodes: 'Give at least one CPV code before you publish the need.',
  publishPlace: 'Say where the work is done, a municipality or a county, before you publish the need.',
  publishBudget: 'Give a maximum budget before you publish, so that enterprises know the size of the contract.',
  publishDeadline: 'Give a response deadline before you publish the need.',
  deadlineInPast: 'The response deadline has already passed. Choose a later time.',

  buyerKind: 'Choose a municipality or a region. Needs are posted by public buyers.',
  formRequired: 'Choose a procurement form.',
  formRemoved: 'A need must have a procurement form. You can change the form, but not remove it.',
  formLocked: 'You cannot change the procurement form of a published need. Cancel the need and post a new one instead.',
  budgetRange: 'Give the budget in whole kronor, from 0 to 100 000 000 000.',
  budgetMinAboveMax: 'The minimum budget must not be above the maximum.',

  profileNotEnterprise: 'Choose a social enterprise. Only social enterprises have an enterprise profile.',
  profileVersionRequired: 'Give the version of the profile your change is based on. The profile already exists.',
  shareOnlyWorkIntegrating: 'Only work-integrating enterprises give this share. Mark the enterprise as work-integrating, or remove the share.',

  offerNotEnterprise: 'Choose a social enterprise. Offers come from social enterprises.',
  offerExists: 'The enterprise already has an offer on this need. Change that offer, or withdraw it first.',
  offerMessageRequired: 'Write what you offer before you submit the offer.',
  offerPriceRequired: 'Give a price before you submit the offer.',
  offerCannotSubmit: 'You can only submit an offer that is a draft. This offer is $t(marketplace.offerStatus_{{status}}).',
  offerCannotShortlist: 'You can only shortlist a submitted offer. This offer is $t(marketplace.offerStatus_{{status}}).',
  offerCannotAccept: 'You can only accept an offer that is submitted or shortlisted. This offer is $t(marketplace.offerStatus_{{status}}).',
  offerCannotDecline: 'You can only decline an offer that is submitted or shortlisted. This offer is $t(marketplace.offerStatus_{{status}}).',
  offerCannotWithdraw: 'The offer is $t(marketplace.offerStatus_{{status}}) and can no longer be withdrawn.',
  offerLocked: 'The offer is $t(marketplace.offerStatus_{{status}}) and can no longer be changed. You can only change a draft.',

  noProfile: 'The organisation has no enterprise profile yet. Create one before you make an offer.',
  reservedNotWorkIntegrating:
    'A reserved contract (LOU 4 kap. 18 §) is only for work-integrating enterprises with at least {{min}} % of staff far from the labour market. This profile is not marked work-integrating.',
  reservedShareTooLow: 'A reserved contract (LOU 4 kap. 18 §) needs at least {{min}} % of staff far from the labour market. This enterprise reports {{share}} %.',
  iopNotIdeburen: 'An IOP (idéburet offentligt partnerskap) is only for idéburna organisations. This profile is not marked idéburen.',
  // ---- End of refusals.
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
