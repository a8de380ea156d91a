import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { PartnershipRepository } from '../partnership.repository.js';
import { type OfferEntity } from '@samverka/schema';
import type { Actor } from '@samverka/domain';
import { Authorize, CurrentActor, Loaded, type RequestContext } from '@samverka/engine';
import { Dashboard, Need, StatusCount, statusCounts } from '@samverka/marketplace';
import { AwardService } from '../award.service.js';
import { AcceptOfferInput } from './brokering.inputs.js';
import { AcceptOfferPayload } from './brokering.payloads.js';
import { Partnership } from './partnership.model.js';

/** The buyer accepts an offer, and a partnership begins. */
@Resolver()
export class AwardResolver {
  constructor(private readonly awards: AwardService) {}

  @Authorize('offer.decide', ({ input }: { input: AcceptOfferInput }) => ({ offerBuyer: input.offerId }))
  @Mutation(() => AcceptOfferPayload, { description: 'Accepts the offer: the need is awarded, the other open offers declined, and a partnership begins' })
  async acceptOffer(@Args('input') { offerId }: AcceptOfferInput, @CurrentActor() actor: Actor, @Loaded('offer') seen?: OfferEntity): Promise<AcceptOfferPayload> {
    return AcceptOfferPayload.of(await this.awards.accept(actor, offerId, { offer: seen }));
  }
}

/** The partnership a need's award led to. */
@Resolver(() => Need)
export class NeedPartnershipResolver {
  @ResolveField(() => Partnership, { nullable: true, description: 'The partnership an award led to' })
  async partnership(@Parent() need: Need, @Context() context: RequestContext): Promise<Partnership | null> {
    const partnership = await context.loaders.partnershipOfNeed.load(need.id);
    return partnership ? Partnership.from(partnership) : null;
  }
}

/** An organisation's partnerships by status, on its dashboard. */
@Resolver(() => Dashboard)
export class DashboardPartnershipsResolver {
  constructor(private readonly repository: PartnershipRepository) {}

  @ResolveField(() => [StatusCount])
  async partnerships(@Parent() dashboard: Dashboard): Promise<StatusCount[]> {
    return statusCounts(await this.repository.countsByStatus(dashboard.organizationId));
  }
}
