import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type NeedEntity, type OfferEntity, type OrganizationEntity } from '@samverka/schema';
import type { Actor } from '@samverka/domain';
import { Authorize, CurrentActor, Loaded, NodeRegistry, Public, type RequestContext } from '@samverka/engine';
import { Organization } from '@samverka/organizations';
import { Need, Offer } from './marketplace.models.js';
import { CreateOfferInput, DeclineOfferInput, ShortlistOfferInput, SubmitOfferInput, UpdateOfferInput, WithdrawOfferInput } from './marketplace.inputs.js';
import { CreateOfferPayload, DeclineOfferPayload, ShortlistOfferPayload, SubmitOfferPayload, UpdateOfferPayload, WithdrawOfferPayload } from './marketplace.payloads.js';
import { OfferService } from '../offer.service.js';

const ofEnterprise = ({ input }: { input: { offerId: string } }) => ({ offerEnterprise: input.offerId });
const ofBuyer = ({ input }: { input: { offerId: string } }) => ({ offerBuyer: input.offerId });

@Resolver(() => Offer)
export class OfferResolver {
  constructor(
    private readonly offerService: OfferService,
    private readonly nodes: NodeRegistry,
  ) {}

  @Public()
  @Query(() => Offer, { nullable: true, description: "An offer: for its enterprise's members, and once submitted for the buyer's and administrators; null otherwise" })
  async offer(@Args('id', { type: () => ID }) id: string, @Context() context: RequestContext): Promise<Offer | null> {
    return this.nodes.loadOne<Offer>('Offer', id, context);
  }

  @Authorize('offer.create', ({ input }: { input: CreateOfferInput }) => ({ organizationId: input.enterpriseOrganizationId }))
  @Mutation(() => CreateOfferPayload, { description: 'Starts a draft offer; only eligible enterprises may answer reserved contracts and IOP needs' })
  async createOffer(@Args('input') input: CreateOfferInput, @CurrentActor() actor: Actor, @Loaded('organization') enterprise?: OrganizationEntity): Promise<CreateOfferPayload> {
    return CreateOfferPayload.of(Offer.from(await this.offerService.create(actor, input, enterprise)));
  }

  @Authorize('offer.manage', ofEnterprise)
  @Mutation(() => UpdateOfferPayload, { description: 'Changes a draft offer' })
  async updateOffer(
    @Args('input') input: UpdateOfferInput,
    @CurrentActor() actor: Actor,
    @Loaded('offer') offer?: OfferEntity,
    @Loaded('need') need?: NeedEntity,
  ): Promise<UpdateOfferPayload> {
    const { offerId, version, ...fields } = input;
    return UpdateOfferPayload.of(Offer.from(await this.offerService.update(actor, offerId, version, fields, { offer, need })));
  }

  @Authorize('offer.manage', ofEnterprise)
  @Mutation(() => SubmitOfferPayload, { description: 'Sends the draft to the buyer' })
  async submitOffer(
    @Args('input') { offerId, version }: SubmitOfferInput,
    @CurrentActor() actor: Actor,
    @Loaded('offer') offer?: OfferEntity,
    @Loaded('need') need?: NeedEntity,
  ): Promise<SubmitOfferPayload> {
    return SubmitOfferPayload.of(Offer.from(await this.offerService.submit(actor, offerId, version, { offer, need })));
  }

  @Authorize('offer.manage', ofEnterprise)
  @Mutation(() => WithdrawOfferPayload, { description: 'The enterprise takes back its offer before the buyer decides' })
  async withdrawOffer(
    @Args('input') { offerId, version }: WithdrawOfferInput,
    @CurrentActor() actor: Actor,
    @Loaded('offer') offer?: OfferEntity,
    @Loaded('need') need?: NeedEntity,
  ): Promise<WithdrawOfferPayload> {
    return WithdrawOfferPayload.of(Offer.from(await this.offerService.withdraw(actor, offerId, version, { offer, need })));
  }

  @Authorize('offer.decide', ofBuyer)
  @Mutation(() => ShortlistOfferPayload, { description: 'The buyer puts a submitted offer on its shortlist' })
  async shortlistOffer(
    @Args('input') { offerId }: ShortlistOfferInput,
    @CurrentActor() actor: Actor,
    @Loaded('offer') offer?: OfferEntity,
    @Loaded('need') need?: NeedEntity,
  ): Promise<ShortlistOfferPayload> {
    return ShortlistOfferPayload.of(Offer.from(await this.offerService.shortlist(actor, offerId, { offer, need })));
  }

  @Authorize('offer.decide', ofBuyer)
  @Mutation(() => DeclineOfferPayload, { description: 'The buyer declines a submitted or shortlisted offer; the enterprise is told' })
  async declineOffer(
    @Args('input') { offerId, reason }: DeclineOfferInput,
    @CurrentActor() actor: Actor,
    @Loaded('offer') offer?: OfferEntity,
    @Loaded('need') need?: NeedEntity,
  ): Promise<DeclineOfferPayload> {
    return DeclineOfferPayload.of(Offer.from(await this.offerService.decline(actor, offerId, reason, { offer, need })));
  }

  @ResolveField(() => Need)
  async need(@Parent() offer: Offer, @Context() context: RequestContext): Promise<Need> {
    return Need.from((await context.loaders.need.load(offer.needId))!);
  }

  @ResolveField(() => Organization)
  async enterprise(@Parent() offer: Offer, @Context() context: RequestContext): Promise<Organization> {
    return Organization.from((await context.loaders.organization.load(offer.enterpriseOrganizationId))!);
  }
}
