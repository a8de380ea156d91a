import type { Translation } from '../catalogue.js';
import type { organizations as sv } from '../sv/organizations.js';

export const organizations: Translation<typeof sv> = {
  verifyNotAllowed: "Only administrators and the coordinators of the organisation's county can verify it or withdraw its verification.",
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
