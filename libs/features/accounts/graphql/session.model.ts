import { Field, ObjectType } from '@nestjs/graphql';
import type { Session } from '../session.service.js';
import { User } from './user.model.js';
import { DateTimeScalar } from '@samverka/engine';

@ObjectType({ description: 'A signed-in session: send the access token as "Authorization: Bearer …"' })
export class AuthPayload {
  @Field()
  accessToken: string;

  @Field(() => DateTimeScalar)
  accessTokenExpiresAt: Date;

  @Field(() => String, {
    nullable: true,
    description: 'Exchange it with refreshSession for new tokens; each one works once. Null in a COOKIE session, whose refresh token is in the cookie',
  })
  refreshToken: string | null;

  @Field(() => DateTimeScalar)
  refreshTokenExpiresAt: Date;

  @Field(() => User)
  user: User;

  static from(session: Session, options: { refreshTokenInCookie?: boolean } = {}): AuthPayload {
    return Object.assign(new AuthPayload(), { ...session, refreshToken: options.refreshTokenInCookie ? null : session.refreshToken, user: User.from(session.user) });
  }
}
