/**
 * Whether this browser had a session when last seen: only then is the session cookie worth trying on start,
 * so a visitor who never signed in makes no request that must fail. A cookie the server reads too, so the
 * page it renders shows the same header the app starts with (apps/api/src/web-app.ts). Not a secret: the
 * session cookie decides. Its own module, because the app's first script (main.tsx) reads it.
 */
export const SIGNED_IN_COOKIE = 'samverka-signed-in';

export function rememberSignedIn(signedIn: boolean): void {
  if (typeof document === 'undefined') return;
  document.cookie = signedIn ? `${SIGNED_IN_COOKIE}=1; path=/; max-age=2592000; samesite=lax` : `${SIGNED_IN_COOKIE}=; path=/; max-age=0; samesite=lax`;
}

export function mayHaveSession(): boolean {
  return typeof document !== 'undefined' && document.cookie.split(/;\s*/).includes(`${SIGNED_IN_COOKIE}=1`);
}
