import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '@samverka/domain';
import { AccessService, Authorize, CurrentActor, Loaded, listComplexity, type RequestContext } from '@samverka/engine';
import { Organization } from '@samverka/organizations';
import type { NeedEntity } from '@samverka/schema';
import { NeedInvitationService } from '../need-invitation.service.js';
import { InviteToOfferInput } from './marketplace.inputs.js';
import { Need, NeedInvitation } from './marketplace.models.js';
import { InviteToOfferPayload } from './marketplace.payloads.js';

/** The buyer's invitations to enterprises to offer on its need. */
@Resolver(() => Need)
export class NeedInvitationResolver {
  constructor(
    private readonly invitationService: NeedInvitationService,
    private readonly access: AccessService,
  ) {}

  @Authorize('need.invite', ({ input }: { input: InviteToOfferInput }) => ({ needBuyer: input.needId }))
  @Mutation(() => InviteToOfferPayload, {
    description: 'The buyer invites an enterprise to make an offer on its published need; the enterprise is told. Each enterprise once per need (a second time: CONFLICT)',
  })
  async inviteToOffer(@Args('input') input: InviteToOfferInput, @CurrentActor() actor: Actor, @Loaded('need') need?: NeedEntity): Promise<InviteToOfferPayload> {
    const result = await this.invitationService.invite(actor, input, need);
    return Object.assign(new InviteToOfferPayload(), { invitation: NeedInvitation.from(result.invitation), need: Need.from(result.need) });
  }

  @ResolveField(() => [NeedInvitation], {
    nullable: true,
    description: 'The enterprises the buyer invited to offer, oldest first; for the buyer, its region’s coordinators and administrators (null with a FORBIDDEN error for others)',
    complexity: listComplexity(5),
  })
  async invitations(@Parent() need: Need, @CurrentActor() actor: Actor, @Context() context: RequestContext): Promise<NeedInvitation[]> {
    const buyer = await context.loaders.organization.load(need.buyerOrganizationId);
    this.access.assert(actor, 'need.matches.read', { organizationId: need.buyerOrganizationId, countyCode: buyer?.countyCode ?? null });
    return (await context.loaders.invitationsOfNeed.load(need.id)).map(NeedInvitation.from);
  }
}

@Resolver(() => NeedInvitation)
export class NeedInvitationFieldsResolver {
  @ResolveField(() => Organization, { description: 'The enterprise invited' })
  async organization(@Parent() invitation: NeedInvitation, @Context() context: RequestContext): Promise<Organization> {
    return Organization.from((await context.loaders.organization.load(invitation.organizationId))!);
  }
}
