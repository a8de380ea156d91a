import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type NeedEntity, type OfferEntity, type OrganizationEntity } from '@samverka/schema';
import type { Actor } from '@samverka/domain';
import { Authorize, CurrentActor, Loaded, NodeRegistry, Public, type RequestContext } from '@samverka/engine';
import { Organization } from '@samverka/organizations';
import { Need, Offer } from './marketplace.models.js';
import { CreateOfferInput, UpdateOfferInput } from './marketplace.inputs.js';
import { OfferService } from '../offer.service.js';

const ofEnterprise = (args: { id: string }) => ({ offerEnterprise: args.id });
const ofBuyer = (args: { id: string }) => ({ offerBuyer: args.id });

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

  @Authorize('offer.create', (args: { input: CreateOfferInput }) => ({ organizationId: args.input.enterpriseOrganizationId }))
  @Mutation(() => Offer, { description: 'Starts a draft offer; only eligible enterprises may answer reserved contracts and IOP needs' })
  async createOffer(@Args('input') input: CreateOfferInput, @CurrentActor() actor: Actor, @Loaded('organization') enterprise?: OrganizationEntity): Promise<Offer> {
    return Offer.from(await this.offerService.create(actor, input, enterprise));
  }

  @Authorize('offer.manage', (args: { input: UpdateOfferInput }) => ({ offerEnterprise: args.input.id }))
  @Mutation(() => Offer, { description: 'Changes a draft offer' })
  async updateOffer(@Args('input') input: UpdateOfferInput, @CurrentActor() actor: Actor, @Loaded('offer') offer?: OfferEntity, @Loaded('need') need?: NeedEntity): Promise<Offer> {
    const { id, version, ...fields } = input;
    return Offer.from(await this.offerService.update(actor, id, version, fields, { offer, need }));
  }

  @Authorize('offer.manage', ofEnterprise)
  @Mutation(() => Offer, { description: 'Sends the draft to the buyer' })
  async submitOffer(
    @Args('id', { type: () => ID }) id: string,
    @Args('version', { type: () => Int }) version: number,
    @CurrentActor() actor: Actor,
    @Loaded('offer') offer?: OfferEntity,
    @Loaded('need') need?: NeedEntity,
  ) {
    return Offer.from(await this.offerService.submit(actor, id, version, { offer, need }));
  }

  @Authorize('offer.manage', ofEnterprise)
  @Mutation(() => Offer)
  async withdrawOffer(
    @Args('id', { type: () => ID }) id: string,
    @Args('version', { type: () => Int }) version: number,
    @CurrentActor() actor: Actor,
    @Loaded('offer') offer?: OfferEntity,
    @Loaded('need') need?: NeedEntity,
  ) {
    return Offer.from(await this.offerService.withdraw(actor, id, version, { offer, need }));
  }

  @Authorize('offer.decide', ofBuyer)
  @Mutation(() => Offer, { description: 'The buyer puts a submitted offer on its shortlist' })
  async shortlistOffer(
    @Args('id', { type: () => ID }) id: string,
    @CurrentActor() actor: Actor,
    @Loaded('offer') offer?: OfferEntity,
    @Loaded('need') need?: NeedEntity,
  ): Promise<Offer> {
    return Offer.from(await this.offerService.shortlist(actor, id, { offer, need }));
  }

  @Authorize('offer.decide', ofBuyer)
  @Mutation(() => Offer)
  async declineOffer(
    @Args('id', { type: () => ID }) id: string,
    @CurrentActor() actor: Actor,
    @Loaded('offer') offer?: OfferEntity,
    @Loaded('need') need?: NeedEntity,
  ): Promise<Offer> {
    return Offer.from(await this.offerService.decline(actor, id, { offer, need }));
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
