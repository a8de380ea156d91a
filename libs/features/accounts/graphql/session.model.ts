import { Field, ObjectType } from '@nestjs/graphql';
import type { Session } from '../session.service.js';
import { User } from './user.model.js';
import { DateTimeScalar } from '@samverka/engine';

/** A signed-in session, as signing in, registering, refreshing and changing the password answer. */
@ObjectType({ isAbstract: true })
export class SessionPayload {
  @Field({ description: 'Send it as "Authorization: Bearer …"' })
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

  static of<T extends SessionPayload>(this: new () => T, session: Session, options: { refreshTokenInCookie?: boolean } = {}): T {
    return Object.assign(new this(), { ...session, refreshToken: options.refreshTokenInCookie ? null : session.refreshToken, user: User.from(session.user) });
  }
}

@ObjectType({ description: 'The new account, signed in' })
export class RegisterPayload extends SessionPayload {}

@ObjectType({ description: 'A signed-in session' })
export class LoginPayload extends SessionPayload {}

@ObjectType({ description: 'The same session with new tokens' })
export class RefreshSessionPayload extends SessionPayload {}

@ObjectType({ description: 'A new session: every other one has ended' })
export class ChangePasswordPayload extends SessionPayload {}

@ObjectType()
export class LogoutPayload {
  @Field({ description: 'Always true: the session of the token has ended (an unknown or used token has none left to end)' })
  signedOut: boolean;
}
