import type { Translation } from '../catalogue.js';
import type { accounts as sv } from '../sv/accounts.js';

export const accounts: Translation<typeof sv> = {
  // Sessions in the browser: the refresh cookie and the checks that guard it.
  csrfHeaderMissing: 'The request lacks the X-Samverka-CSRF header. Send it with the value 1.',
  crossSiteRequest: 'The request came from a site other than Samverka. Open Samverka at {{publicUrl}} and try again.',
  notSignedIn: 'You are not signed in. Sign in again.',
  cookieSessionNeedsHttp: 'A cookie session can only start over plain HTTP. Send the request to /graphql with POST, or choose TOKEN.',
};
