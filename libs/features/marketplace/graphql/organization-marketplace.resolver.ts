import { Args, Context, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { EnterpriseProfileRepository } from '../enterprise-profile.repository.js';
import { NeedRepository } from '../need.repository.js';
import { OfferRepository } from '../offer.repository.js';
import { profileReadiness, type Actor } from '@samverka/domain';
import { AccessService, Authorize, CurrentActor, type RequestContext, keysetConnection, PageArgs, pagedComplexity, pageRequest, parseKeysetKey } from '@samverka/engine';
import { Organization } from '@samverka/organizations';
import { OfferStatusEnum } from './marketplace.enums.js';
import { Dashboard, EnterpriseProfile, Offer, OfferConnection, Readiness, statusCounts } from './marketplace.models.js';

/** The marketplace side of an organisation: its profile, its offers and its figures. */
@Resolver(() => Organization)
export class OrganizationMarketplaceResolver {
  constructor(
    private readonly offerRepository: OfferRepository,
    private readonly needs: NeedRepository,
    private readonly profiles: EnterpriseProfileRepository,
    private readonly access: AccessService,
  ) {}

  @Authorize('organization.dashboard.read', (args: { organizationId: string }) => ({ organizationId: args.organizationId }))
  @Query(() => Dashboard, { description: "An organisation's figures: for its members, its region's coordinators and administrators" })
  async organizationDashboard(@Args('organizationId', { type: () => ID }) organizationId: string): Promise<Dashboard> {
    const id = organizationId.toLowerCase();
    const [needs, offersReceived, offersMade, profile] = await Promise.all([
      this.needs.countsByStatus(id),
      this.offerRepository.countsForBuyer(id),
      this.offerRepository.countsForEnterprise(id),
      this.profiles.find(id),
    ]);
    return {
      organizationId: id,
      needs: statusCounts(needs),
      offersReceived: statusCounts(offersReceived),
      offersMade: statusCounts(offersMade),
      profileReadiness: profile ? Readiness.from(profileReadiness(profile)) : null,
    };
  }

  @ResolveField(() => EnterpriseProfile, { nullable: true, description: 'Its enterprise profile (social enterprises)' })
  async profile(@Parent() organization: Organization, @Context() context: RequestContext): Promise<EnterpriseProfile | null> {
    const profile = await context.loaders.profile.load(organization.id);
    return profile ? EnterpriseProfile.from(profile) : null;
  }

  @ResolveField(() => OfferConnection, { nullable: true, description: 'Offers the enterprise made, newest first: for its members and administrators', complexity: pagedComplexity })
  async offers(
    @Parent() organization: Organization,
    @CurrentActor() actor: Actor,
    @Args() page: PageArgs,
    @Args('statuses', { type: () => [OfferStatusEnum], nullable: true }) statuses?: OfferStatusEnum[],
  ) {
    this.access.assert(actor, 'organization.offers.read', { organizationId: organization.id, countyCode: organization.countyCode });
    const request = pageRequest(page);
    // Drafts are the enterprise's own: administrators see its submitted offers only.
    const withDrafts = actor.kind === 'user' && actor.memberships.has(organization.id);
    const result = await this.offerRepository.ofEnterprise(
      organization.id,
      { statuses, withDrafts },
      { limit: request.limit, after: parseKeysetKey(request.after, 'timestamptz') },
    );
    return keysetConnection(result, request, (o) => o.id, Offer.from);
  }
}
