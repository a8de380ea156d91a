import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ReferenceDataRepository } from '../reference-data.repository.js';
import { assertKommunkod, assertLanskod, DomainError } from '@samverka/domain';
import { Public, type RequestContext, listComplexity } from '@samverka/engine';
import { County } from './county.model.js';
import { Municipality } from './municipality.model.js';

@Resolver(() => Municipality)
export class MunicipalityResolver {
  constructor(private readonly referenceData: ReferenceDataRepository) {}

  @Public()
  @Query(() => [Municipality], {
    description: 'The Swedish municipalities (kommuner), in code order: all 290, or those of one county',
    complexity: listComplexity(290),
  })
  async municipalities(
    @Args('countyCode', { nullable: true, type: () => String, description: 'Only the municipalities of this county (länskod, such as 12)' })
    countyCode?: string | null,
  ): Promise<Municipality[]> {
    if (countyCode === undefined || countyCode === null) return (await this.referenceData.municipalities()).map(Municipality.from);
    assertLanskod(countyCode, 'countyCode');
    // An unknown county is a mistake worth naming, not an empty list.
    if (!(await this.referenceData.county(countyCode))) throw DomainError.notFound('referenceData.countyNotFound', { code: countyCode });
    return (await this.referenceData.municipalities({ countyCode })).map(Municipality.from);
  }

  @Public()
  @Query(() => Municipality, { nullable: true, description: 'A municipality by its code; null for an unknown code' })
  async municipality(@Args('code', { description: 'Kommunkod: 4 digits, such as 0180' }) code: string): Promise<Municipality | null> {
    assertKommunkod(code, 'code');
    const municipality = await this.referenceData.municipality(code);
    return municipality ? Municipality.from(municipality) : null;
  }

  @ResolveField(() => County)
  async county(@Parent() municipality: Municipality, @Context() context: RequestContext): Promise<County> {
    const county = await context.loaders.county.load(municipality.countyCode);
    // The foreign key makes this impossible; say so plainly if it ever happens.
    if (!county) throw new Error(`county ${municipality.countyCode} of municipality ${municipality.code} is missing`);
    return County.from(county);
  }
}
