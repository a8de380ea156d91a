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

  @Field({ description: 'Exchange it with refreshSession for new tokens; each one works once' })
  refreshToken: string;

  @Field(() => DateTimeScalar)
  refreshTokenExpiresAt: Date;

  @Field(() => User)
  user: User;

  static from(session: Session): AuthPayload {
    return Object.assign(new AuthPayload(), { ...session, user: User.from(session.user) });
  }
}
