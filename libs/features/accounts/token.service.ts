import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, CLOCK, type Clock } from '@samverka/engine';
import { DomainError } from '@samverka/domain';
import { errors, jwtVerify, SignJWT } from 'jose';
import { JWT_KEY } from './jwt-key.js';

const ISSUER = 'samverka';
const AUDIENCE = 'samverka-api';
/** Pinned: a token signed with any other algorithm (or "none") is refused. */
const ALGORITHM = 'HS256';

export interface AccessClaims {
  userId: string;
  /** The session (refresh-token family) the token belongs to. */
  sessionId: string;
  issuedAt: Date;
}

/** Short-lived signed access tokens, and opaque refresh tokens of which only a hash is stored. */
@Injectable()
export class TokenService {
  constructor(
    @Inject(JWT_KEY) private readonly key: Uint8Array,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async issueAccessToken(userId: string, sessionId: string): Promise<{ token: string; expiresAt: Date }> {
    const now = Math.floor(this.clock().getTime() / 1000);
    const expiresAt = now + this.config.auth.accessTokenTtlS;
    const token = await new SignJWT({ sid: sessionId })
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setSubject(userId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(now)
      .setExpirationTime(expiresAt)
      .setJti(randomUUID())
      .sign(this.key);
    return { token, expiresAt: new Date(expiresAt * 1000) };
  }

  async verifyAccessToken(token: string): Promise<AccessClaims> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: [ALGORITHM],
        issuer: ISSUER,
        audience: AUDIENCE,
        typ: 'JWT',
        currentDate: this.clock(),
        requiredClaims: ['sub', 'iat', 'exp'],
      });
      if (typeof payload.sid !== 'string') throw new errors.JWTClaimValidationFailed('missing sid', payload, 'sid');
      return { userId: payload.sub!, sessionId: payload.sid, issuedAt: new Date(payload.iat! * 1000) };
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw DomainError.unauthenticated('accounts.accessTokenExpired');
      throw DomainError.unauthenticated('accounts.accessTokenInvalid');
    }
  }

  /** A new opaque refresh token and the hash to store. */
  newRefreshToken(): { token: string; hash: string; expiresAt: Date } {
    const token = randomBytes(32).toString('base64url');
    return {
      token,
      hash: TokenService.hash(token),
      expiresAt: new Date(this.clock().getTime() + this.config.auth.refreshTokenTtlS * 1000),
    };
  }

  static hash(token: string): string {
    return createHash('sha256').update(token, 'utf8').digest('hex');
  }
}
