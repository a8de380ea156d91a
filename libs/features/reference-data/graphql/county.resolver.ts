import { Args, Query, Resolver } from '@nestjs/graphql';
import { ReferenceDataRepository } from '../reference-data.repository.js';
import { assertLanskod } from '@samverka/domain';
import { Public, listComplexity } from '@samverka/engine';
import { County } from './county.model.js';

@Resolver(() => County)
export class CountyResolver {
  constructor(private readonly referenceData: ReferenceDataRepository) {}

  @Public()
  @Query(() => [County], { description: 'The 21 Swedish counties (län), in code order', complexity: listComplexity(21) })
  async counties(): Promise<County[]> {
    return (await this.referenceData.counties()).map(County.from);
  }

  @Public()
  @Query(() => County, { nullable: true, description: 'A county by its code; null for an unknown code' })
  async county(@Args('code', { description: 'Länskod: 2 digits, such as 12' }) code: string): Promise<County | null> {
    assertLanskod(code, 'code');
    const county = await this.referenceData.county(code);
    return county ? County.from(county) : null;
  }
}
