import type { Translation } from '../catalogue.js';
import type { accounts as sv } from '../sv/accounts.js';

export const accounts: Translation<typeof sv> = {
  emailTaken: 'An account with this e-mail address already exists. Sign in instead.',
  passwordIsEmail: 'Choose a password that is not your e-mail address.',
  wrongCurrentPassword: 'The password is wrong. Write your current password.',
  samePassword: 'Choose a new password that differs from the one you have now.',
  signInFailed: 'The e-mail address or the password is wrong.',
  tooManyAttempts_one: 'You have tried too many times. Wait {{count}} second and try again.',
  tooManyAttempts_other: 'You have tried too many times. Wait {{count}} seconds and try again.',
  authorizationHeader: 'Send your access token in the Authorization header, like this: Bearer <access token>.',
  accountGone: 'The account no longer exists. Sign in with another account.',
  sessionEnded: 'The session has ended. Sign in again.',
  accessTokenExpired: 'The access token has expired. Renew the session with your refresh token.',
  accessTokenInvalid: 'The access token is not valid. Sign in again.',
  refreshTokenInvalid: 'The refresh token is not valid. Sign in again.',
  refreshTokenExpired: 'The refresh token has expired. Sign in again.',
  refreshTokenReused: 'The refresh token was already used. To be safe, we have ended the session. Sign in again.',
  userNotFound: 'There is no user with id {{id}}.',
  lastAdministrator: 'The platform must keep at least one administrator. Make someone else administrator first.',
  coordinatorNeedsCounty: 'Give at least one county (länskod) for the coordinator to work in.',
  countiesOnlyForCoordinators: 'Give counties only for a coordinator. Leave the field empty for other roles.',
  // Sessions in the browser: the refresh cookie and the checks that guard it.
  csrfHeaderMissing: 'The request lacks the X-Samverka-CSRF header. Send it with the value 1.',
  crossSiteRequest: 'The request came from a site other than Samverka. Open Samverka at {{publicUrl}} and try again.',
  notSignedIn: 'You are not signed in. Sign in again.',
  cookieSessionNeedsHttp: 'A cookie session can only start over plain HTTP. Send the request to /graphql with POST, or choose TOKEN.',
};
