import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { MembershipRepository } from '../membership.repository.js';
import type { Actor } from '@samverka/domain';
import { User } from '@samverka/accounts';
import { CurrentActor, listComplexity } from '@samverka/engine';
import { Membership } from './organization.model.js';

/** The organisations a person belongs to. */
@Resolver(() => User)
export class UserMembershipsResolver {
  constructor(private readonly membershipRepository: MembershipRepository) {}

  @ResolveField(() => [Membership], {
    nullable: true,
    description: 'The organisations the person belongs to: shown to the person and to administrators, null to others',
    complexity: listComplexity(10),
  })
  async memberships(@Parent() user: User, @CurrentActor() actor: Actor): Promise<Membership[] | null> {
    if (actor.kind !== 'user' || (actor.userId !== user.id && actor.role !== 'ADMIN')) return null;
    return (await this.membershipRepository.ofUser(user.id)).map(Membership.from);
  }
}
