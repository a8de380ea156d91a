import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@samverka/domain';
import { APP_CONFIG, CLOCK, type AppConfig, type Clock } from '@samverka/engine';
import { parseCookie, stringifySetCookie } from 'cookie';
import type { Request, Response } from 'express';
import { crossSiteRefusal } from './same-origin.js';

/** Where the web app renews and ends its session (POST /auth/refresh, /auth/logout): the only path the cookie is sent to. */
export const SESSION_ROUTE = 'auth';

/**
 * Whether browsers take a Secure cookie from this address: over https, and over http on the loopback
 * (localhost, 127.0.0.1, [::1]), which they treat as secure. Elsewhere over plain http (a demo on a LAN)
 * a Secure cookie would be dropped, so it goes without.
 */
export function isSecureContext(publicUrl: string): boolean {
  const { protocol, hostname } = new URL(publicUrl);
  if (protocol === 'https:') return true;
  return hostname === 'localhost' || hostname.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(hostname) || hostname === '[::1]';
}

/**
 * The web app's refresh token, in a cookie no script can read (HttpOnly), sent only to our own site
 * (SameSite=Strict), only over a secure connection (Secure), and only to /auth: never with the GraphQL
 * requests, which carry the access token instead. With Secure the name takes the `__Secure-` prefix, so
 * the browser refuses the same cookie from a page served over plain http.
 */
@Injectable()
export class SessionCookie {
  readonly name: string;
  private readonly secure: boolean;
  private readonly publicUrl: string;
  private readonly publicOrigin: string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.publicUrl = config.http.publicUrl;
    this.publicOrigin = new URL(config.http.publicUrl).origin;
    this.secure = isSecureContext(config.http.publicUrl);
    this.name = this.secure ? '__Secure-samverka-session' : 'samverka-session';
  }

  set(res: Response, refreshToken: string, expiresAt: Date): void {
    const maxAge = Math.max(0, Math.ceil((expiresAt.getTime() - this.clock().getTime()) / 1000));
    res.append('set-cookie', stringifySetCookie(this.name, refreshToken, { ...this.attributes(), maxAge }));
  }

  /** Tells the browser to forget the cookie (same name and path, Max-Age=0). */
  clear(res: Response): void {
    res.append('set-cookie', stringifySetCookie(this.name, '', { ...this.attributes(), maxAge: 0 }));
  }

  read(req: Request): string | undefined {
    return req.headers.cookie ? parseCookie(req.headers.cookie)[this.name] || undefined : undefined;
  }

  /** Refuses (403) a request that sets or uses the cookie unless it comes from Samverka's own page (see `crossSiteRefusal`). */
  assertFromOurPage(req: Request): void {
    const refusal = crossSiteRefusal(req.headers, this.publicOrigin);
    if (refusal) throw DomainError.forbidden(refusal, { publicUrl: this.publicUrl });
  }

  private attributes() {
    return { httpOnly: true, secure: this.secure, sameSite: 'strict', path: `/${SESSION_ROUTE}` } as const;
  }
}
