import { Module } from '@nestjs/common';
import { MembershipResolver } from './membership.resolver.js';
import { OrganizationResolver } from './organization.resolver.js';
import { UserMembershipsResolver } from './user-memberships.resolver.js';
import { OrganizationNodes } from './organization.nodes.js';

/** Organisations, their members and invitations: the transport (GraphQL). */
@Module({
  providers: [MembershipResolver, OrganizationNodes, OrganizationResolver, UserMembershipsResolver],
})
export class OrganizationsGraphqlModule {}
