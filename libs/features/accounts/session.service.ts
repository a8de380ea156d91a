import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, Database, CLOCK, type AppConfig, type Clock } from '@samverka/engine';
import { RefreshTokenRepository } from './refresh-token.repository.js';
import { UserRepository } from './user.repository.js';
import { type RefreshTokenEntity, type UserEntity } from '@samverka/schema';
import { assertPasswordAcceptable, checkNewAccount, DomainError, emailTaken, FieldProblems, type Actor } from '@samverka/domain';
import type { EntityManager } from 'typeorm';
import { AuditService } from '@samverka/audit';
import { LoginThrottle } from './login-throttle.js';
import { PasswordHasher } from './password-hasher.js';
import { TokenService } from './token.service.js';

export interface Session {
  user: UserEntity;
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
}

/** Registration, sign-in, token rotation, sign-out and password changes. */
@Injectable()
export class SessionService {
  constructor(
    private readonly database: Database,
    private readonly users: UserRepository,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async register(input: { email: string; password: string; displayName: string }, ip: string): Promise<Session> {
    const { email, displayName } = checkNewAccount(input);
    // Registrations count against the address like sign-ins: probing which addresses have accounts is limited too.
    await this.throttle.consume(`register:${ip}`, ip);
    const passwordHash = await this.hasher.hash(input.password);
    return this.database
      .transaction(async ({ manager }) => {
        if (await this.users.findByEmail(email, manager)) throw emailTaken();
        // Two registrations at once: the unique index refuses the second, and the repository says so as above.
        const user = await this.users.create({ email, passwordHash, displayName }, this.clock(), manager);
        await this.audit.record(
          { kind: 'user', userId: user.id, role: 'USER', coordinatorCounties: [], memberships: new Map() },
          { action: 'user.registered', entityType: 'user', entityId: user.id },
          manager,
        );
        return this.startSession(user, manager);
      })
      .then(async (session) => {
        await this.throttle.succeeded(`register:${ip}`, ip);
        return session;
      });
  }

  /** One generic error for a wrong e-mail or a wrong password, so accounts cannot be discovered. */
  async login(input: { email: string; password: string }, ip: string): Promise<Session> {
    const email = input.email.normalize('NFC').trim().toLowerCase();
    await this.throttle.consume(`email:${email}`, ip);
    const user = email ? await this.users.findWithPasswordHash({ email }) : null;
    const valid = await this.hasher.verify(user?.passwordHash, input.password);
    if (!user || !valid) throw DomainError.unauthenticated('accounts.signInFailed');
    await this.throttle.succeeded(`email:${email}`, ip);
    return this.database.transaction(({ manager }) => this.startSession(user, manager));
  }

  /**
   * Rotates a refresh token: the presented one is used up and a new one of the same session returned.
   * Presenting a token that was already used means it was copied: the whole session is revoked. Except
   * within REFRESH_REUSE_GRACE_S of its use: a browser whose renewal was cut off by a reload or a
   * navigation never received the new token and presents the old one again at once; the session goes on
   * with another new token rather than signing the person out everywhere. Session
   * changes of one person (refresh, sign-out, password change) run one at a time, under a lock on the
   * person's row, so none of them can undo another.
   */
  async refresh(refreshToken: string): Promise<Session> {
    const hash = TokenService.hash(refreshToken);
    const found = await this.refreshTokens.findByHash(hash);
    if (!found) throw DomainError.unauthenticated('accounts.refreshTokenInvalid');
    const outcome = await this.database.transaction(async ({ manager }): Promise<{ session: Session } | { reuse: RefreshTokenEntity }> => {
      const user = await this.users.lockById(found.userId, manager);
      if (!user) throw DomainError.unauthenticated('accounts.accountGone');
      const stored = (await this.refreshTokens.findByHash(hash, manager))!;
      if (stored.revokedAt) throw DomainError.unauthenticated('accounts.sessionEnded');
      const now = this.clock().getTime();
      if (stored.usedAt) {
        if (now - stored.usedAt.getTime() >= this.config.auth.refreshReuseGraceS * 1000) return { reuse: stored };
        return { session: await this.continueSession(user, stored.familyId, manager) };
      }
      if (stored.expiresAt.getTime() <= now) throw DomainError.unauthenticated('accounts.refreshTokenExpired');
      await this.refreshTokens.markUsed(stored.id, new Date(now), manager);
      return { session: await this.continueSession(user, stored.familyId, manager) };
    });
    if ('session' in outcome) return outcome.session;
    await this.database.transaction(async ({ manager }) => {
      await this.users.lockById(outcome.reuse.userId, manager);
      await this.refreshTokens.revokeFamily(outcome.reuse.familyId, 'reuse detected', manager);
      await this.audit.record(
        'system',
        { action: 'session.revoked', entityType: 'user', entityId: outcome.reuse.userId, data: { reason: 'refresh token reuse', session: outcome.reuse.familyId } },
        manager,
      );
    });
    throw DomainError.unauthenticated('accounts.refreshTokenReused');
  }

  /** Ends the session the refresh token belongs to. Unknown tokens are ignored: the result is the same. */
  async logout(refreshToken: string): Promise<void> {
    const stored = await this.refreshTokens.findByHash(TokenService.hash(refreshToken));
    if (!stored) return;
    await this.database.transaction(async ({ manager }) => {
      await this.users.lockById(stored.userId, manager);
      await this.refreshTokens.revokeFamily(stored.familyId, 'signed out', manager);
    });
  }

  /** Changes the password, ends every session of the account, and starts a new one. */
  async changePassword(actor: Actor, input: { currentPassword: string; newPassword: string }, ip: string): Promise<Session> {
    if (actor.kind !== 'user') throw DomainError.unauthenticated();
    // Guessing the current password with a stolen access token is limited like signing in.
    await this.throttle.consume(`user:${actor.userId}`, ip);
    const user = await this.users.findWithPasswordHash({ id: actor.userId });
    if (!user || !(await this.hasher.verify(user.passwordHash, input.currentPassword))) {
      throw DomainError.badInput('currentPassword', 'INVALID', 'accounts.wrongCurrentPassword');
    }
    await this.throttle.succeeded(`user:${actor.userId}`, ip);
    const problems = new FieldProblems();
    problems.absorb(() => assertPasswordAcceptable(input.newPassword, user.email, 'newPassword'));
    if (input.newPassword === input.currentPassword && !problems.has('newPassword')) problems.add('newPassword', 'NOT_ALLOWED', 'accounts.samePassword');
    problems.throwIfAny();
    const passwordHash = await this.hasher.hash(input.newPassword);
    return this.database.transaction(async ({ manager }) => {
      await this.users.lockById(user.id, manager);
      await this.users.updatePassword(user.id, passwordHash, this.clock(), manager);
      await this.refreshTokens.revokeAllOfUser(user.id, 'password changed', manager);
      await this.audit.record(actor, { action: 'user.passwordChanged', entityType: 'user', entityId: user.id }, manager);
      return this.startSession((await this.users.findById(user.id, manager))!, manager);
    });
  }

  private startSession(user: UserEntity, manager: EntityManager): Promise<Session> {
    return this.continueSession(user, randomUUID(), manager);
  }

  private async continueSession(user: UserEntity, sessionId: string, manager: EntityManager): Promise<Session> {
    const refresh = this.tokens.newRefreshToken();
    await this.refreshTokens.insert({ userId: user.id, familyId: sessionId, tokenHash: refresh.hash, expiresAt: refresh.expiresAt }, manager);
    const access = await this.tokens.issueAccessToken(user.id, sessionId);
    return { user, accessToken: access.token, accessTokenExpiresAt: access.expiresAt, refreshToken: refresh.token, refreshTokenExpiresAt: refresh.expiresAt };
  }
}
