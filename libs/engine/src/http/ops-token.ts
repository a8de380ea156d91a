import { timingSafeEqual } from 'node:crypto';

export type OpsCheck = 'ok' | 'disabled' | 'missing' | 'wrong';

/**
 * Checks an Authorization header against OPS_TOKEN: `Bearer <token>`, or Basic with the token as the
 * password (so a browser can open the queue dashboard).
 */
export function checkOpsToken(authorization: string | undefined, token: string | undefined): OpsCheck {
  if (!token) return 'disabled';
  if (!authorization) return 'missing';
  const [scheme, value = ''] = authorization.split(' ', 2);
  let presented: string | undefined;
  if (/^bearer$/i.test(scheme)) presented = value.trim();
  if (/^basic$/i.test(scheme)) {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    presented = decoded.slice(decoded.indexOf(':') + 1);
  }
  if (!presented) return 'missing';
  const a = Buffer.from(presented);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b) ? 'ok' : 'wrong';
}
