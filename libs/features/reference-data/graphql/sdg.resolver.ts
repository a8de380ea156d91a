import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { ReferenceDataRepository } from '../reference-data.repository.js';
import { DomainError } from '@samverka/domain';
import { Public, listComplexity } from '@samverka/engine';
import { Sdg } from './sdg.model.js';

@Resolver(() => Sdg)
export class SdgResolver {
  constructor(private readonly referenceData: ReferenceDataRepository) {}

  @Public()
  @Query(() => [Sdg], { description: 'The 17 UN Sustainable Development Goals, in order', complexity: listComplexity(17) })
  async sdgs(): Promise<Sdg[]> {
    return (await this.referenceData.sdgs()).map(Sdg.from);
  }

  @Public()
  @Query(() => Sdg, { nullable: true, description: 'A Sustainable Development Goal by its number' })
  async sdg(@Args('number', { type: () => Int, description: '1 to 17' }) number: number): Promise<Sdg | null> {
    if (!Number.isInteger(number) || number < 1 || number > 17) throw DomainError.badInput('number', 'OUT_OF_RANGE', 'validation.wholeNumberRange', { min: 1, max: 17 });
    const sdg = await this.referenceData.sdg(number);
    return sdg ? Sdg.from(sdg) : null;
  }
}
