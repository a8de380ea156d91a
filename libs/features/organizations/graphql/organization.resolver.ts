import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { InvitationRepository } from '../invitation.repository.js';
import { DomainError, type Actor } from '@samverka/domain';
import {
  AccessService,
  Authorize,
  Public,
  CurrentActor,
  Loaded,
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
import { Invitation, Membership, Organization } from './organization.model.js';
import {
  AcceptInvitationInput,
  CreateOrganizationInput,
  InviteMemberInput,
  OrganizationFilterInput,
  RemoveMemberInput,
  RevokeInvitationInput,
  SetMemberRoleInput,
  UpdateOrganizationInput,
  VerifyOrganizationInput,
} from './organization.inputs.js';
import {
  AcceptInvitationPayload,
  CreateOrganizationPayload,
  InviteMemberPayload,
  RemoveMemberPayload,
  RevokeInvitationPayload,
  SetMemberRolePayload,
  UpdateOrganizationPayload,
  VerifyOrganizationPayload,
} from './organization.payloads.js';
import { type OrganizationEntity } from '@samverka/schema';
import { OrganizationService, type OrganizationPageKey } from '../organization.service.js';

const OrganizationConnection = ConnectionType(Organization);
const byOrganization = ({ input }: { input: { organizationId: string } }) => ({ organizationId: input.organizationId });

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
  @Mutation(() => CreateOrganizationPayload, { description: 'Registers an organisation with you as its owner; an administrator or a coordinator of its county verifies it' })
  async createOrganization(@Args('input') input: CreateOrganizationInput, @CurrentActor() actor: Actor): Promise<CreateOrganizationPayload> {
    return CreateOrganizationPayload.of(await this.organizationService.create(actor, input));
  }

  @Authorize('organization.update', byOrganization)
  @Mutation(() => UpdateOrganizationPayload, { description: 'Changes an organisation (its owners and administrators)' })
  async updateOrganization(@Args('input') input: UpdateOrganizationInput, @CurrentActor() actor: Actor): Promise<UpdateOrganizationPayload> {
    return UpdateOrganizationPayload.of(await this.organizationService.update(actor, input));
  }

  @Authorize('organization.verify', byOrganization)
  @Mutation(() => VerifyOrganizationPayload, {
    description:
      'Marks an organisation as checked, or withdraws that (administrators, and coordinators of its county). Until verified, its published needs are shown only to its members and administrators, it is not matched, and it cannot submit offers; withdrawing the verification hides its needs again',
  })
  async verifyOrganization(@Args('input') { organizationId, verified }: VerifyOrganizationInput, @CurrentActor() actor: Actor): Promise<VerifyOrganizationPayload> {
    return VerifyOrganizationPayload.of(await this.organizationService.setVerified(actor, organizationId, verified));
  }

  @Authorize('organization.members.invite', byOrganization)
  @Mutation(() => InviteMemberPayload, { description: 'Invites a person by e-mail to join the organisation (its owners and administrators)' })
  async inviteMember(@Args('input') input: InviteMemberInput, @CurrentActor() actor: Actor): Promise<InviteMemberPayload> {
    const { invitation, token } = await this.membershipService.invite(actor, input);
    return { invitation: Invitation.from(invitation), token };
  }

  @Authorize('organization.members.invite', byOrganization)
  @Mutation(() => RevokeInvitationPayload, { description: 'Takes back an open invitation' })
  async revokeInvitation(
    @Args('input') { organizationId, invitationId }: RevokeInvitationInput,
    @CurrentActor() actor: Actor,
    @Loaded('organization') organization?: OrganizationEntity,
  ): Promise<RevokeInvitationPayload> {
    await this.membershipService.revokeInvitation(actor, organizationId, invitationId);
    return Object.assign(RevokeInvitationPayload.of(organization ?? (await this.organizationService.get(organizationId))), { revokedInvitationId: invitationId });
  }

  @Authorize('invitation.accept')
  @Mutation(() => AcceptInvitationPayload, { description: 'Joins an organisation with an invitation sent to your e-mail address' })
  async acceptInvitation(@Args('input') { token }: AcceptInvitationInput, @CurrentActor() actor: Actor): Promise<AcceptInvitationPayload> {
    return { membership: Membership.from(await this.membershipService.accept(actor, token)) };
  }

  @Authorize('organization.members.remove', ({ input }: { input: RemoveMemberInput }) => ({
    organizationId: input.organizationId,
    memberUserId: input.userId.toLowerCase(),
  }))
  @Mutation(() => RemoveMemberPayload, { description: 'Removes a member; members may remove themselves' })
  async removeMember(
    @Args('input') { organizationId, userId }: RemoveMemberInput,
    @CurrentActor() actor: Actor,
    @Loaded('organization') organization?: OrganizationEntity,
  ): Promise<RemoveMemberPayload> {
    await this.membershipService.remove(actor, organizationId, userId);
    return Object.assign(RemoveMemberPayload.of(organization ?? (await this.organizationService.get(organizationId))), { removedUserId: userId.toLowerCase() });
  }

  @Authorize('organization.members.setRole', byOrganization)
  @Mutation(() => SetMemberRolePayload, { description: "Makes a member an owner, or an owner a member (the organisation's owners and administrators)" })
  async setMemberRole(@Args('input') { organizationId, userId, role }: SetMemberRoleInput, @CurrentActor() actor: Actor): Promise<SetMemberRolePayload> {
    return { membership: Membership.from(await this.membershipService.setRole(actor, organizationId, userId, role)) };
  }

  @ResolveField(() => [Membership], {
    nullable: true,
    description: "Its people: for its members, its region's coordinators and administrators",
    complexity: listComplexity(5),
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
