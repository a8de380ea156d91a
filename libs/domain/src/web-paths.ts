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

/**
 * Where a notification is best read: a need's own page when it is about a need, else the inbox, where
 * every notification waits with its links.
 */
export function notificationPath(subject: { subjectType: string; subjectId: string }): string {
  return subject.subjectType === 'need' ? needPath(subject.subjectId) : WEB_PATHS.inbox;
}

/** `path` on the public address, without a doubled slash when the address ends in one. */
export function webUrl(publicUrl: string, path: string): string {
  return `${publicUrl.replace(/\/+$/, '')}${path}`;
}
