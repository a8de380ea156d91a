import { Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { DomainError } from '@samverka/domain';
import type { Request, Response } from 'express';
import { SessionService, type Session } from '../session.service.js';
import { SESSION_ROUTE, SessionCookie } from './session-cookie.js';

/** What POST /auth/refresh answers: the new access token (kept in memory by the web app) and who it is for. */
export interface WebSessionBody {
  accessToken: string;
  accessTokenExpiresAt: string;
  /** When the session ends unless renewed before. */
  refreshTokenExpiresAt: string;
  user: { id: string; displayName: string; platformRole: string };
}

/**
 * The web app's session, carried by the refresh cookie that a sign-in with `session: COOKIE` set:
 * POST /auth/refresh rotates it (a used one ends the session, as with refreshSession), POST
 * /auth/logout ends it. The cookie authenticates these two requests, so each must prove it comes from
 * our own page (403 otherwise); Nest answers other methods 404.
 */
@Controller(SESSION_ROUTE)
export class SessionController {
  constructor(
    private readonly sessions: SessionService,
    private readonly cookie: SessionCookie,
  ) {}

  @Post('refresh')
  @HttpCode(200)
  async refresh(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<WebSessionBody> {
    this.cookie.assertFromOurPage(req);
    res.setHeader('cache-control', 'no-store');
    const refreshToken = this.cookie.read(req);
    if (!refreshToken) throw DomainError.unauthenticated('accounts.notSignedIn');
    let session: Session;
    try {
      session = await this.sessions.refresh(refreshToken);
    } catch (error) {
      // A token that was refused (used, ended, expired) will never work again: the browser may forget it.
      if (error instanceof DomainError && error.code === 'UNAUTHENTICATED') this.cookie.clear(res);
      throw error;
    }
    this.cookie.set(res, session.refreshToken, session.refreshTokenExpiresAt);
    return {
      accessToken: session.accessToken,
      accessTokenExpiresAt: session.accessTokenExpiresAt.toISOString(),
      refreshTokenExpiresAt: session.refreshTokenExpiresAt.toISOString(),
      user: { id: session.user.id, displayName: session.user.displayName, platformRole: session.user.platformRole },
    };
  }

  /** Ends the session and clears the cookie; without a cookie (or with an unknown one) only clears it. */
  @Post('logout')
  @HttpCode(204)
  async logout(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    this.cookie.assertFromOurPage(req);
    const refreshToken = this.cookie.read(req);
    if (refreshToken) await this.sessions.logout(refreshToken);
    this.cookie.clear(res);
  }
}
