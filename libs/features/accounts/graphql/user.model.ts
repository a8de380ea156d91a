import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { UserEntity } from '@samverka/schema';
import { PlatformRoleEnum } from './accounts.enums.js';
import { Node, DateTimeScalar } from '@samverka/engine';

@ObjectType({ description: 'A person with an account', implements: () => [Node] })
export class User {
  @Field(() => ID)
  id: string;

  @Field()
  displayName: string;

  @Field(() => PlatformRoleEnum)
  platformRole: PlatformRoleEnum;

  @Field(() => DateTimeScalar)
  createdAt: Date;

  /** Kept for field resolvers; `email` is resolved through the contact-details rule. */
  emailAddress: string;

  static from(entity: UserEntity): User {
    return Object.assign(new User(), {
      id: entity.id,
      displayName: entity.displayName,
      platformRole: entity.platformRole,
      createdAt: entity.createdAt,
      emailAddress: entity.email,
    });
  }
}
