import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DomainError, type Actor } from '@samverka/domain';
import { AccessService, Authorize, CurrentActor, keysetConnection, PageArgs, pagedComplexity, pageRequest, parseKeysetKey, type RequestContext } from '@samverka/engine';
import { partnershipScope, Partnership } from '@samverka/brokering';
import { CurateGoodExampleInput, GoodExampleFilterInput } from './impact.inputs.js';
import { CurateGoodExamplePayload, GoodExampleConnection } from './good-example.model.js';
import { GoodExampleCurationService } from '../good-example-curation.service.js';
import { GoodExampleCurationRepository } from '../good-example-curation.repository.js';

/** The curation of the library of good examples: by the region's coordinators and administrators. */
@Resolver(() => Partnership)
export class GoodExampleCurationResolver {
  constructor(
    private readonly curation: GoodExampleCurationService,
    private readonly curations: GoodExampleCurationRepository,
    private readonly access: AccessService,
  ) {}

  @Authorize('goodExample.curateList')
  @Query(() => GoodExampleConnection, {
    description:
      "The good examples a curator keeps, hidden ones included (with hiddenReason): a coordinator's counties, every county for administrators; featured first, then newest start",
    complexity: pagedComplexity,
  })
  async goodExamplesToCurate(@Args() page: PageArgs, @CurrentActor() actor: Actor, @Args('filter', { nullable: true }) filter?: GoodExampleFilterInput) {
    const request = pageRequest(page);
    const result = await this.curation.toCurate(actor, filter ?? {}, { limit: request.limit, after: parseKeysetKey(request.after, 'text') });
    return keysetConnection(
      result,
      request,
      (g) => g.id,
      (g) => g,
    );
  }

  @Authorize('goodExample.curate', ({ input }: { input: { partnershipId: string } }) => ({ partnership: input.partnershipId }))
  @Mutation(() => CurateGoodExamplePayload, {
    description:
      "The region's coordinator (or an administrator) says what a good example shows, features it (first in the library) or hides it with a reason the parties see; recorded in the audit trail",
  })
  async curateGoodExample(@Args('input') input: CurateGoodExampleInput, @CurrentActor() actor: Actor): Promise<CurateGoodExamplePayload> {
    return Object.assign(new CurateGoodExamplePayload(), { goodExample: await this.curation.curate(actor, input) });
  }

  @ResolveField(() => String, {
    nullable: true,
    description:
      "Why the region's coordinator hid the partnership from the library of good examples; null when it is not hidden. For the partnership's parties, its region's coordinators and administrators",
  })
  async goodExampleHiddenReason(@Parent() parent: Partnership, @CurrentActor() actor: Actor, @Context() context: RequestContext): Promise<string | null> {
    const partnership = parent.record ?? (await context.loaders.partnership.load(parent.id));
    if (!partnership) throw DomainError.notFound('brokering.partnershipNotFound', { id: parent.id });
    this.access.assert(actor, 'partnership.read', partnershipScope(partnership));
    return (await this.curations.find(partnership.id))?.hiddenReason ?? null;
  }
}
