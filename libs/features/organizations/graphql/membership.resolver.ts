import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { User } from '@samverka/accounts';
import type { RequestContext } from '@samverka/engine';
import { Membership, Organization } from './organization.model.js';

@Resolver(() => Membership)
export class MembershipResolver {
  @ResolveField(() => User)
  async user(@Parent() membership: Membership, @Context() context: RequestContext): Promise<User> {
    return User.from((await context.loaders.user.load(membership.userId))!);
  }

  @ResolveField(() => Organization)
  async organization(@Parent() membership: Membership, @Context() context: RequestContext): Promise<Organization> {
    return Organization.from((await context.loaders.organization.load(membership.organizationId))!);
  }
}
