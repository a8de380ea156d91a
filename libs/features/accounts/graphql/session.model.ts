import { Field, GraphQLISODateTime, ObjectType } from '@nestjs/graphql';
import type { Session } from '../session.service.js';
import { User } from './user.model.js';

@ObjectType({ description: 'A signed-in session: send the access token as "Authorization: Bearer …"' })
export class AuthPayload {
  @Field()
  accessToken: string;

  @Field(() => GraphQLISODateTime)
  accessTokenExpiresAt: Date;

  @Field({ description: 'Exchange it with refreshSession for new tokens; each one works once' })
  refreshToken: string;

  @Field(() => GraphQLISODateTime)
  refreshTokenExpiresAt: Date;

  @Field(() => User)
  user: User;

  static from(session: Session): AuthPayload {
    return Object.assign(new AuthPayload(), { ...session, user: User.from(session.user) });
  }
}
