/**
 * The web app's pages that the API links to (from e-mails), in one place. The web app declares the same
 * paths in apps/web/src/app/routes.tsx: a path changed there must change here, and the other way round.
 * Paths are relative to the public address (PUBLIC_URL), Swedish and stable: e-mails already sent keep them.
 */
export const WEB_PATHS = {
  start: '/start',
  inbox: '/inkorg',
  account: '/konto',
  signIn: '/logga-in',
  register: '/registrera',
  needs: '/behov',
  enterprises: '/foretag',
  myNeeds: '/mina-behov',
  introductions: '/introduktioner',
  partnerships: '/samarbeten',
  needsForYou: '/behov-for-er',
} as const;

/** A published need's page. */
export function needPath(needId: string): string {
  return `${WEB_PATHS.needs}/${encodeURIComponent(needId)}`;
}

/** A social enterprise's page in the directory. */
export function enterprisePath(organizationId: string): string {
  return `${WEB_PATHS.enterprises}/${encodeURIComponent(organizationId)}`;
}

/** The page that accepts an invitation to an organisation, with its token. */
export function invitationPath(token: string): string {
  return `/inbjudan?token=${encodeURIComponent(token)}`;
}

/** The page where an enterprise makes (or follows) its offer on a need. */
export function needOfferPath(needId: string): string {
  return `${needPath(needId)}/anbud`;
}

/** A buyer's own need: its matches, invitations and offers. */
export function myNeedPath(needId: string): string {
  return `${WEB_PATHS.myNeeds}/${encodeURIComponent(needId)}`;
}

/** A partnership: its targets, impact reports and end. */
export function partnershipPath(partnershipId: string): string {
  return `${WEB_PATHS.partnerships}/${encodeURIComponent(partnershipId)}`;
}

/** A notification as far as its page goes: what it is about, and the ids its details carry. */
export interface NotificationLinkable {
  kind: string;
  subjectType: string;
  subjectId: string;
  data: Readonly<Record<string, unknown>>;
}

/**
 * Where a notification is best read, for the person it was written to: the page where they act on it
 * (an invitation on the offer form, a new offer on the buyer's need, a report on its partnership), else
 * the inbox, where every notification waits. The inbox and the e-mails link the same way.
 */
export function notificationPath(n: NotificationLinkable): string {
  const id = (key: string) => (typeof n.data[key] === 'string' && n.data[key] !== '' ? (n.data[key] as string) : null);
  const needId = id('needId');
  switch (n.subjectType) {
    case 'need':
      return n.kind === 'OFFER_INVITED' ? needOfferPath(n.subjectId) : needPath(n.subjectId);
    case 'offer':
      if (!needId) break;
      // Told to the buyer: a new offer, or one withdrawn; told to the enterprise: the buyer's decision.
      return n.kind === 'OFFER_RECEIVED' || n.data.status === 'WITHDRAWN' ? myNeedPath(needId) : needOfferPath(needId);
    case 'introduction':
      if (n.kind === 'INTRODUCTION_RECEIVED') return WEB_PATHS.introductions;
      if (n.kind === 'INTRODUCTION_MADE' && needId) return myNeedPath(needId);
      return needId ? needPath(needId) : WEB_PATHS.inbox;
    case 'partnership':
      return partnershipPath(n.subjectId);
    case 'impactReport': {
      const partnershipId = id('partnershipId');
      if (partnershipId) return partnershipPath(partnershipId);
      break;
    }
  }
  return WEB_PATHS.inbox;
}

/** `path` on the public address, without a doubled slash when the address ends in one. */
export function webUrl(publicUrl: string, path: string): string {
  return `${publicUrl.replace(/\/+$/, '')}${path}`;
}
