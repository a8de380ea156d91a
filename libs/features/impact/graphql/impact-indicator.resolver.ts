import { Args, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor, Language } from '@samverka/domain';
import { Authorize, Public, CurrentActor, listComplexity, RequestLanguage, t } from '@samverka/engine';
import { ImpactThemeEnum } from './impact.enums.js';
import { CreateImpactIndicatorInput, UpdateImpactIndicatorInput } from './impact.inputs.js';
import { ImpactIndicator, UNIT_LABELS } from './impact.models.js';
import { CreateImpactIndicatorPayload, UpdateImpactIndicatorPayload } from './impact.payloads.js';
import { ImpactIndicatorService } from '../impact-indicator.service.js';

@Resolver(() => ImpactIndicator)
export class ImpactIndicatorResolver {
  constructor(private readonly indicators: ImpactIndicatorService) {}

  // Reference data, like the SDGs and CPV codes: anyone may read how impact is counted.
  @Public()
  @Query(() => [ImpactIndicator], { description: 'The shared catalogue of impact indicators, by theme and code', complexity: listComplexity(40) })
  async impactIndicators(
    @Args('theme', { type: () => ImpactThemeEnum, nullable: true }) theme?: ImpactThemeEnum,
    @Args('sdg', { type: () => Int, nullable: true, description: 'Only indicators related to this goal' }) sdg?: number,
    @Args('includeRetired', { type: () => Boolean, nullable: true, description: 'Also retired indicators (default false)' }) includeRetired?: boolean,
  ): Promise<ImpactIndicator[]> {
    return (await this.indicators.list({ theme, sdg, includeRetired })).map(ImpactIndicator.from);
  }

  @Authorize('impactIndicator.manage')
  @Mutation(() => CreateImpactIndicatorPayload, { description: 'Adds an indicator to the catalogue (administrators)' })
  async createImpactIndicator(@Args('input') input: CreateImpactIndicatorInput, @CurrentActor() actor: Actor): Promise<CreateImpactIndicatorPayload> {
    return CreateImpactIndicatorPayload.of(await this.indicators.create(actor, input));
  }

  @Authorize('impactIndicator.manage')
  @Mutation(() => UpdateImpactIndicatorPayload, {
    description: 'Changes or retires an indicator (administrators); its code never changes, its unit only while nothing uses it',
  })
  async updateImpactIndicator(@Args('input') input: UpdateImpactIndicatorInput, @CurrentActor() actor: Actor): Promise<UpdateImpactIndicatorPayload> {
    const { indicatorCode, version, ...changes } = input;
    return UpdateImpactIndicatorPayload.of(await this.indicators.update(actor, indicatorCode, version, changes));
  }

  @ResolveField(() => String, { description: 'The unit as shown after a number ("personer", "persons"), in the language of Accept-Language' })
  unitLabel(@Parent() indicator: ImpactIndicator, @RequestLanguage() language: Language): string {
    return t(UNIT_LABELS[indicator.unit], undefined, language);
  }
}
