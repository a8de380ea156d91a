import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, checkOpsToken } from '@samverka/engine';
import { RefreshTokenRepository } from './refresh-token.repository.js';
import { UserRepository } from './user.repository.js';
import { ANONYMOUS, DomainError, OPERATOR, type Actor } from '@samverka/domain';
import { TokenService } from './token.service.js';

/** Turns an Authorization header into the actor: anonymous, an operator, or a signed-in person. */
@Injectable()
export class ActorResolver {
  constructor(
    private readonly tokens: TokenService,
    private readonly users: UserRepository,
    private readonly refreshTokens: RefreshTokenRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async resolve(authorization: string | undefined): Promise<Actor> {
    if (!authorization) return ANONYMOUS;
    const [scheme, token] = authorization.split(' ', 2);
    if (!/^bearer$/i.test(scheme) || !token) {
      throw DomainError.unauthenticated('accounts.authorizationHeader');
    }
    if (this.config.ops.token && checkOpsToken(authorization, this.config.ops.token) === 'ok') return OPERATOR;
    const claims = await this.tokens.verifyAccessToken(token.trim());
    const [actor, revoked] = await Promise.all([this.actorOf(claims.userId), this.refreshTokens.isSessionRevoked(claims.sessionId)]);
    if (!actor) throw DomainError.unauthenticated('accounts.accountGone');
    // An access token lives only as long as its session: sign-out, reuse of a refresh token and a
    // password change end the session, and with it every access token issued in it.
    if (revoked) throw DomainError.unauthenticated('accounts.sessionEnded');
    return actor;
  }

  /** The person as an actor, with their role, regions and memberships as they are now; null when the account is gone. */
  async actorOf(userId: string): Promise<Actor | null> {
    const record = await this.users.loadActor(userId);
    if (!record) return null;
    return {
      kind: 'user',
      userId: record.user.id,
      role: record.user.platformRole,
      coordinatorCounties: record.user.platformRole === 'COORDINATOR' ? record.coordinatorCounties : [],
      memberships: new Map(record.memberships.map((m) => [m.organizationId, m.role])),
    };
  }
}
