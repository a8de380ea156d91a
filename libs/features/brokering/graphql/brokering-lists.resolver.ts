import { Args, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '@samverka/domain';
import { Authorize, CurrentActor, keysetConnection, PageArgs, pagedComplexity, pageRequest, parseKeysetKey } from '@samverka/engine';
import { BrokeringListsService } from '../brokering-lists.service.js';
import { IntroductionFilterInput, NeedsWithoutOffersArgs, NeedWithoutOffers, NeedWithoutOffersConnection } from './brokering-lists.models.js';
import { Introduction, IntroductionConnection } from './introduction.model.js';

/** What coordinators follow: their regions' introductions and the needs without offers. */
@Resolver()
export class BrokeringListsResolver {
  constructor(private readonly lists: BrokeringListsService) {}

  @Authorize('introduction.list')
  @Query(() => IntroductionConnection, {
    description:
      "Introductions, newest first: those of the regions the person coordinates, of their organisations (as the need's buyer or the enterprise), or all for administrators; narrowed by the filter",
    complexity: pagedComplexity,
  })
  async introductions(@Args() page: PageArgs, @CurrentActor() actor: Actor, @Args('filter', { nullable: true }) filter?: IntroductionFilterInput) {
    const request = pageRequest(page);
    const result = await this.lists.listIntroductions(actor, filter ?? {}, { limit: request.limit, after: parseKeysetKey(request.after, 'timestamptz') });
    return keysetConnection(result, request, (i) => i.id, Introduction.from);
  }

  @Authorize('brokering.workList.read', (args: { countyCode: string }) => ({ countyCode: args.countyCode }))
  @Query(() => NeedWithoutOffersConnection, {
    description:
      "The coordinators' work list: published needs of the region's buyers with no submitted offer whose response deadline is within 7 days and has not passed, soonest first; for the region's coordinators and administrators",
    complexity: pagedComplexity,
  })
  async needsWithoutOffers(@Args() args: NeedsWithoutOffersArgs, @Args() page: PageArgs) {
    const request = pageRequest(page);
    const result = await this.lists.needsWithoutOffers(args.countyCode, { limit: request.limit, after: parseKeysetKey(request.after, 'timestamptz') });
    return keysetConnection(result, request, (row) => row.need.id, NeedWithoutOffers.from);
  }
}
