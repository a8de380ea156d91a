import type { Translation } from '../catalogue.js';
import type { organizations as sv } from '../sv/organizations.js';

export const organizations: Translation<typeof sv> = {
  organizationNotFound: 'There is no organisation with id {{id}}.',
  orgNumberTaken: "The organisationsnummer {{orgNumber}} is registered already. Ask the organisation's owners to invite you instead.",
  municipalityRequired: 'Give the municipality code (kommunkod) for a municipality.',
  countyRequired: 'Give the county code (länskod) for a region.',
  homeRequired: 'Give where the organisation is based: a municipality code (kommunkod) or a county code (länskod).',
  changedWhileVerifying: 'The organisation changed while you were verifying it. Try again.',
  alreadyMember: '{{email}} is already a member of the organisation.',
  invitationNotFound: 'The organisation has no invitation with id {{id}}.',
  invitationClosed: 'The invitation was already accepted or revoked.',
  invitationNotValid: 'The invitation is not valid. It may have expired, been revoked or been used. Ask for a new invitation.',
  invitationForAnotherEmail: 'The invitation was sent to another e-mail address. Sign in with that address and try again.',
  memberNotFound: 'The person with id {{id}} is not a member of the organisation.',
  lastOwner: 'An organisation must keep at least one owner. Make someone else owner first.',
  // Verification of organisations: the owners are told when it is given or withdrawn.
  verifiedTitle: '{{name}} is verified',
  verifiedBodyBuyer: "The organisation's published needs are now shown to everyone and matched with enterprises.",
  verifiedBodyEnterprise: "The enterprise can now submit offers and is suggested for buyers' needs.",
  verifiedBody: 'The organisation is now verified in Samverka.',
  unverifiedTitle: '{{name}} is no longer verified',
  unverifiedBody:
    "Until an administrator or the county's coordinator verifies the organisation again, its published needs are shown only to its members, and it cannot submit offers. You can still save drafts.",
  unverifiedAfterChangeBody:
    'The organisation has a new name or home and needs to be verified again. Until then its published needs are shown only to its members, and it cannot submit offers.',
};
