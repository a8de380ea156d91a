import type { IncomingHttpHeaders } from 'node:http';

/**
 * The header our web app sends with every request that sets or uses the session cookie. A page on
 * another site cannot send it: a header outside the CORS-safelisted ones makes the browser ask first
 * (a preflight), and the API answers no cross-origin preflight. A plain form cannot send one at all.
 */
export const CSRF_HEADER = 'x-samverka-csrf';

export type CrossSiteRefusal = 'accounts.csrfHeaderMissing' | 'accounts.crossSiteRequest';

/**
 * Why a request that sets or uses the session cookie does not come from Samverka's own page, or null
 * when it does. Besides our header, where the browser says where the request comes from, that must be
 * us: `Sec-Fetch-Site: same-origin` (which also holds behind a development server that proxies the
 * API under its own origin), or else an `Origin` equal to the public address. A request with neither
 * header comes from no browser (or one too old to send them), and our header alone stands.
 */
export function crossSiteRefusal(headers: IncomingHttpHeaders, publicOrigin: string): CrossSiteRefusal | null {
  if (headers[CSRF_HEADER] !== '1') return 'accounts.csrfHeaderMissing';
  const site = headers['sec-fetch-site'];
  const origin = headers.origin;
  if (site === 'same-origin') return null;
  if (site === undefined && origin === undefined) return null;
  return origin === publicOrigin ? null : 'accounts.crossSiteRequest';
}
