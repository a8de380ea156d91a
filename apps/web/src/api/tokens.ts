import { currentLanguage } from '../i18n';
import { rememberSignedIn } from './signed-in';

export { mayHaveSession } from './signed-in';

/**
 * The access token lives in this module's memory only, never in storage; the refresh token is an HttpOnly
 * cookie on /auth that no script can read (docs/sessions.md). Renewal goes through POST /auth/refresh,
 * one tab at a time (Web Locks), because a refresh token is used once: two tabs renewing with the same
 * cookie at once would look like a stolen token and end the session.
 */
export interface SessionUser {
  id: string;
  displayName: string;
  platformRole: string;
}

export interface Session {
  accessToken: string;
  accessTokenExpiresAt: string;
  user: SessionUser;
}

type Listener = (session: Session | null) => void;

let current: Session | null = null;
const listeners = new Set<Listener>();
let timer: ReturnType<typeof setTimeout> | undefined;
let inFlight: Promise<Session | null> | null = null;

export const CSRF_HEADERS = { 'X-Samverka-CSRF': '1' } as const;

export function accessToken(): string | null {
  return current?.accessToken ?? null;
}

export function currentSession(): Session | null {
  return current;
}

export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Keeps a new session (from sign-in, registration or renewal) and renews it a minute before it expires. */
export function setSession(session: Session | null): void {
  current = session;
  rememberSignedIn(session !== null);
  if (timer) clearTimeout(timer);
  timer = undefined;
  if (session) {
    const wait = Math.max(5_000, Date.parse(session.accessTokenExpiresAt) - Date.now() - 60_000);
    timer = setTimeout(() => void refreshSession(), wait);
  }
  for (const listener of listeners) listener(session);
}

async function withRefreshLock<T>(work: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? locks.request('samverka-session-refresh', work) : work();
}

/**
 * Renews the session through the cookie; null when nobody is signed in (no cookie, or it was ended).
 * Concurrent callers share one request.
 */
export function refreshSession(): Promise<Session | null> {
  inFlight ??= withRefreshLock(async () => {
    const response = await fetch('/auth/refresh', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { ...CSRF_HEADERS, 'Accept-Language': currentLanguage() },
    });
    if (response.status === 401 || response.status === 403) return null;
    if (!response.ok) throw new Error(`refresh answered ${response.status}`);
    return (await response.json()) as Session;
  })
    .then(
      (session) => {
        setSession(session);
        return session;
      },
      (error: unknown) => {
        // The network or the server failed: keep what we have and let the next request try again.
        throw error;
      },
    )
    .finally(() => {
      inFlight = null;
    });
  return inFlight;
}

/** Ends the session on the server (the cookie is cleared there) and here. */
export async function signOut(): Promise<void> {
  try {
    await fetch('/auth/logout', { method: 'POST', credentials: 'same-origin', headers: { ...CSRF_HEADERS } });
  } finally {
    setSession(null);
  }
}
