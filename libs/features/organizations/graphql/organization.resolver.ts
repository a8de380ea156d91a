import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { InvitationRepository } from '../invitation.repository.js';
import { DomainError, type Actor } from '@samverka/domain';
import { MembershipRoleEnum } from '@samverka/accounts';
import {
  AccessService,
  Authorize,
  Public,
  CurrentActor,
  type RequestContext,
  ConnectionType,
  listComplexity,
  NodeRegistry,
  PageArgs,
  pagedComplexity,
  pageRequest,
  toConnection,
} from '@samverka/engine';
import { MembershipService } from '../membership.service.js';
import { Invitation, InvitationTicket, Membership, Organization } from './organization.model.js';
import { CreateOrganizationInput, InviteMemberInput, OrganizationFilterInput, UpdateOrganizationInput } from './organization.inputs.js';
import { OrganizationService, type OrganizationPageKey } from '../organization.service.js';

const OrganizationConnection = ConnectionType(Organization);
const byOrganization = (args: { organizationId: string }) => ({ organizationId: args.organizationId });

@Resolver(() => Organization)
export class OrganizationResolver {
  constructor(
    private readonly organizationService: OrganizationService,
    private readonly membershipService: MembershipService,
    private readonly invitationRepository: InvitationRepository,
    private readonly access: AccessService,
    private readonly nodes: NodeRegistry,
  ) {}

  @Public()
  @Query(() => Organization, { nullable: true, description: 'An organisation; null for an unknown id' })
  async organization(@Args('id', { type: () => ID }) id: string, @Context() context: RequestContext): Promise<Organization | null> {
    return this.nodes.loadOne<Organization>('Organization', id, context);
  }

  @Public()
  @Query(() => OrganizationConnection, { description: 'Organisations by name, filtered', complexity: pagedComplexity })
  async organizations(@Args() page: PageArgs, @Args('filter', { nullable: true }) filter?: OrganizationFilterInput) {
    const request = pageRequest(page);
    const after = request.after ? parseKey(request.after) : undefined;
    const { rows, total } = await this.organizationService.list(filter ?? {}, { limit: request.limit, after });
    return toConnection(rows.map(Organization.from), request, total, (o) => JSON.stringify({ name: o.name, id: o.id } satisfies OrganizationPageKey));
  }

  @Authorize('organization.create')
  @Mutation(() => Organization, { description: 'Registers an organisation with you as its owner; an administrator or a coordinator of its county verifies it' })
  async createOrganization(@Args('input') input: CreateOrganizationInput, @CurrentActor() actor: Actor): Promise<Organization> {
    return Organization.from(await this.organizationService.create(actor, input));
  }

  @Authorize('organization.update', (args: { input: UpdateOrganizationInput }) => ({ organizationId: args.input.id }))
  @Mutation(() => Organization)
  async updateOrganization(@Args('input') input: UpdateOrganizationInput, @CurrentActor() actor: Actor): Promise<Organization> {
    return Organization.from(await this.organizationService.update(actor, input));
  }

  @Authorize('organization.verify', (args: { id: string }) => ({ organizationId: args.id }))
  @Mutation(() => Organization, {
    description:
      'Marks an organisation as checked, or withdraws that (administrators, and coordinators of its county). Until verified, its published needs are shown only to its members and administrators, it is not matched, and it cannot submit offers; withdrawing the verification hides its needs again',
  })
  async verifyOrganization(
    @Args('id', { type: () => ID }) id: string,
    @Args('verified', { defaultValue: true }) verified: boolean,
    @CurrentActor() actor: Actor,
  ): Promise<Organization> {
    return Organization.from(await this.organizationService.setVerified(actor, id, verified));
  }

  @Authorize('organization.members.invite', (args: { input: InviteMemberInput }) => ({ organizationId: args.input.organizationId }))
  @Mutation(() => InvitationTicket)
  async inviteMember(@Args('input') input: InviteMemberInput, @CurrentActor() actor: Actor): Promise<InvitationTicket> {
    const { invitation, token } = await this.membershipService.invite(actor, input);
    return { invitation: Invitation.from(invitation), token };
  }

  @Authorize('organization.members.invite', byOrganization)
  @Mutation(() => Boolean)
  async revokeInvitation(
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @Args('invitationId', { type: () => ID }) invitationId: string,
    @CurrentActor() actor: Actor,
  ): Promise<boolean> {
    await this.membershipService.revokeInvitation(actor, organizationId, invitationId);
    return true;
  }

  @Authorize('invitation.accept')
  @Mutation(() => Membership, { description: 'Joins an organisation with an invitation sent to your e-mail address' })
  async acceptInvitation(@Args('token') token: string, @CurrentActor() actor: Actor): Promise<Membership> {
    return Membership.from(await this.membershipService.accept(actor, token));
  }

  @Authorize('organization.members.remove', (args: { organizationId: string; userId: string }) => ({
    organizationId: args.organizationId,
    memberUserId: args.userId.toLowerCase(),
  }))
  @Mutation(() => Boolean, { description: 'Removes a member; members may remove themselves' })
  async removeMember(
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @Args('userId', { type: () => ID }) userId: string,
    @CurrentActor() actor: Actor,
  ): Promise<boolean> {
    await this.membershipService.remove(actor, organizationId, userId);
    return true;
  }

  @Authorize('organization.members.setRole', byOrganization)
  @Mutation(() => Membership)
  async setMemberRole(
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @Args('userId', { type: () => ID }) userId: string,
    @Args('role', { type: () => MembershipRoleEnum }) role: MembershipRoleEnum,
    @CurrentActor() actor: Actor,
  ): Promise<Membership> {
    return Membership.from(await this.membershipService.setRole(actor, organizationId, userId, role));
  }

  @ResolveField(() => [Membership], {
    nullable: true,
    description: "Its people: for its members, its region's coordinators and administrators",
    complexity: listComplexity(20),
  })
  async members(@Parent() organization: Organization, @CurrentActor() actor: Actor, @Context() context: RequestContext): Promise<Membership[]> {
    this.access.assert(actor, 'organization.members.read', { organizationId: organization.id, countyCode: organization.countyCode });
    return (await context.loaders.membersOfOrganization.load(organization.id)).map(Membership.from);
  }

  @ResolveField(() => [Invitation], { nullable: true, description: 'Open invitations: for its owners and administrators', complexity: listComplexity(10) })
  async invitations(@Parent() organization: Organization, @CurrentActor() actor: Actor): Promise<Invitation[]> {
    this.access.assert(actor, 'organization.members.invite', { organizationId: organization.id, countyCode: organization.countyCode });
    return (await this.invitationRepository.openOf([organization.id])).map(Invitation.from);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function parseKey(key: string): OrganizationPageKey {
  try {
    const parsed = JSON.parse(key) as OrganizationPageKey;
    if (typeof parsed.name === 'string' && parsed.name.length <= 500 && typeof parsed.id === 'string' && UUID.test(parsed.id)) return parsed;
  } catch {
    // falls through to the error below
  }
  throw DomainError.badInput('after', 'INVALID_FORMAT', 'request.invalidCursor');
}
