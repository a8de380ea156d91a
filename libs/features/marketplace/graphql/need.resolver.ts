import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DomainError, isAdmin, needWarnings, offerVisibleTo, type Actor } from '@samverka/domain';
import { Organization } from '@samverka/organizations';
import {
  Authorize,
  Public,
  CurrentActor,
  Loaded,
  type RequestContext,
  keysetConnection,
  listComplexity,
  NodeRegistry,
  PageArgs,
  pagedComplexity,
  pageRequest,
  parseKeysetKey,
} from '@samverka/engine';
import { CodeLists } from '@samverka/reference-data';
import { NeedSortEnum } from './marketplace.enums.js';
import { CancelNeedInput, CloseNeedInput, CreateNeedInput, NeedFilterInput, type NeedVersionInput, PublishNeedInput, UpdateNeedInput } from './marketplace.inputs.js';
import { Need, NeedConnection, NeedWarning, Offer } from './marketplace.models.js';
import { CancelNeedPayload, CloseNeedPayload, CreateNeedPayload, PublishNeedPayload, UpdateNeedPayload } from './marketplace.payloads.js';
import { NeedService } from '../need.service.js';
import { needSortUsed } from '../need.repository.js';
import { type NeedEntity, type OrganizationEntity } from '@samverka/schema';

const byNeed = ({ input }: { input: NeedVersionInput }) => ({ needBuyer: input.needId });

@Resolver(() => Need)
export class NeedResolver {
  constructor(
    private readonly needService: NeedService,
    private readonly codes: CodeLists,
    private readonly nodes: NodeRegistry,
  ) {}

  @Public()
  @Query(() => Need, { nullable: true, description: 'A need: published, closed and awarded ones for everyone, drafts and cancelled ones for their buyer; null otherwise' })
  async need(@Args('id', { type: () => ID }) id: string, @Context() context: RequestContext): Promise<Need | null> {
    return this.nodes.loadOne<Need>('Need', id, context);
  }

  @Public()
  @Query(() => NeedConnection, { description: 'Needs, filtered and sorted', complexity: pagedComplexity })
  async needs(
    @Args() page: PageArgs,
    @CurrentActor() actor: Actor,
    @Args('filter', { nullable: true }) filter?: NeedFilterInput,
    @Args('sort', { type: () => NeedSortEnum, defaultValue: NeedSortEnum.PUBLISHED }) sort: NeedSortEnum = NeedSortEnum.PUBLISHED,
  ) {
    const request = pageRequest(page);
    const f = filter ?? {};
    const result = await this.needService.search(actor, { ...f, ...(await this.codes.searchFilter(f)) }, sort, {
      limit: request.limit,
      after: parseKeysetKey(request.after, needSortUsed(sort, f.search).cast),
    });
    return keysetConnection(result, request, (n) => n.id, Need.from);
  }

  @Authorize('need.create', ({ input }: { input: CreateNeedInput }) => ({ organizationId: input.buyerOrganizationId }))
  @Mutation(() => CreateNeedPayload, { description: 'Drafts a need for a municipality or region' })
  async createNeed(@Args('input') input: CreateNeedInput, @CurrentActor() actor: Actor, @Loaded('organization') buyer?: OrganizationEntity): Promise<CreateNeedPayload> {
    const { buyerOrganizationId, ...fields } = input;
    return CreateNeedPayload.of(await this.needService.create(actor, buyerOrganizationId, fields, buyer));
  }

  @Authorize('need.manage', ({ input }: { input: UpdateNeedInput }) => ({ needBuyer: input.needId }))
  @Mutation(() => UpdateNeedPayload, { description: 'Changes a draft or published need; a published one must stay complete' })
  async updateNeed(@Args('input') input: UpdateNeedInput, @CurrentActor() actor: Actor, @Loaded('need') need?: NeedEntity): Promise<UpdateNeedPayload> {
    const { needId, version, ...fields } = input;
    return UpdateNeedPayload.of(await this.needService.update(actor, needId, version, fields, need));
  }

  @Authorize('need.manage', byNeed)
  @Mutation(() => PublishNeedPayload, { description: 'Publishes a complete draft; the warnings say what to reconsider' })
  async publishNeed(@Args('input') { needId, version }: PublishNeedInput, @CurrentActor() actor: Actor, @Loaded('need') need?: NeedEntity): Promise<PublishNeedPayload> {
    return PublishNeedPayload.of(await this.needService.publish(actor, needId, version, need));
  }

  @Authorize('need.manage', byNeed)
  @Mutation(() => CloseNeedPayload, { description: 'Stops taking offers before the deadline' })
  async closeNeed(@Args('input') { needId, version }: CloseNeedInput, @CurrentActor() actor: Actor, @Loaded('need') need?: NeedEntity): Promise<CloseNeedPayload> {
    return CloseNeedPayload.of(await this.needService.close(actor, needId, version, need));
  }

  @Authorize('need.manage', byNeed)
  @Mutation(() => CancelNeedPayload, { description: 'Cancels a need that is not yet awarded, declining the offers still open on it' })
  async cancelNeed(@Args('input') { needId, version }: CancelNeedInput, @CurrentActor() actor: Actor, @Loaded('need') need?: NeedEntity): Promise<CancelNeedPayload> {
    return CancelNeedPayload.of(await this.needService.cancel(actor, needId, version, need));
  }

  @ResolveField(() => Organization)
  async buyer(@Parent() need: Need, @Context() context: RequestContext): Promise<Organization> {
    return Organization.from((await context.loaders.organization.load(need.buyerOrganizationId))!);
  }

  @ResolveField(() => [NeedWarning])
  warnings(@Parent() need: Need): NeedWarning[] {
    return needWarnings(need).map(NeedWarning.from);
  }

  @ResolveField(() => [Offer], {
    description: "The offers: all submitted ones for the buyer and administrators, an enterprise's own for its members",
    complexity: listComplexity(10),
  })
  async offers(@Parent() need: Need, @CurrentActor() actor: Actor, @Context() context: RequestContext): Promise<Offer[]> {
    if (actor.kind !== 'user') throw DomainError.unauthenticated('Sign in to see offers');
    const offers = await context.loaders.offersOfNeed.load(need.id);
    return offers.filter((offer) => offerVisibleTo(actor, offer, need)).map(Offer.from);
  }

  @ResolveField(() => Boolean, { description: 'Whether the viewer may change it (a member of its buyer, or an administrator)' })
  viewerCanManage(@Parent() need: Need, @CurrentActor() actor: Actor): boolean {
    return isAdmin(actor) || (actor.kind === 'user' && actor.memberships.has(need.buyerOrganizationId));
  }
}
