import { Args, Query, Resolver } from '@nestjs/graphql';
import { Public, keysetConnection, PageArgs, pagedComplexity, pageRequest, parseKeysetKey } from '@samverka/engine';
import { GoodExampleFilterInput } from './impact.inputs.js';
import { GoodExample, GoodExampleConnection } from './good-example.model.js';
import { GoodExampleService } from '../good-example.service.js';

/** The public library of good examples (goda exempel): open to everyone, signed in or not. */
@Resolver(() => GoodExample)
export class GoodExampleResolver {
  constructor(private readonly library: GoodExampleService) {}

  @Public()
  @Query(() => GoodExampleConnection, {
    description: 'Partnerships both parties show as good examples, not terminated, featured first, then newest start; searchable by SDG, CPV, region, indicator and text',
    complexity: pagedComplexity,
  })
  async goodExamples(@Args() page: PageArgs, @Args('filter', { nullable: true }) filter?: GoodExampleFilterInput) {
    const request = pageRequest(page);
    const result = await this.library.search(filter ?? {}, { limit: request.limit, after: parseKeysetKey(request.after, 'text') });
    return keysetConnection(
      result,
      request,
      (g) => g.id,
      (g) => g,
    );
  }
}
