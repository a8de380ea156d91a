import { Args, ArgsType, Field, Float, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Authorize, listComplexity, DateScalar } from '@samverka/engine';
import { insightsCsv } from '../insights-csv.js';
import { InsightIntervalEnum, InsightSectionEnum } from './insights.enums.js';
import { InsightArea, InsightBucket, InsightCpvDivisionGap, InsightEnterprises, InsightImpactTotal, InsightSdgGap, InsightStatusCount, RegionInsights } from './insights.models.js';
import { DEFAULT_WEAK_MATCH_BELOW, InsightsService } from '../insights.service.js';

@ArgsType()
class RegionInsightsArgs {
  @Field({ description: 'Länskod of the region, 2 digits, such as 12' })
  countyCode: string;

  @Field(() => DateScalar, { nullable: true, description: 'First day of the timeline, widened to the start of its bucket (default: 12 buckets up to `to`)' })
  from?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Last day of the timeline, included, widened to the end of its bucket (default: today)' })
  to?: string | null;

  @Field(() => InsightIntervalEnum, { defaultValue: InsightIntervalEnum.MONTH })
  interval: InsightIntervalEnum;

  @Field(() => Float, {
    defaultValue: DEFAULT_WEAK_MATCH_BELOW,
    description: 'A matched need whose best match scores below this (0–100), or that has no match, is a supply gap',
  })
  weakMatchBelow: number;
}

const byCounty = (args: { countyCode: string }) => ({ countyCode: args.countyCode });

/** A region's insights for its coordinators and administrators, as GraphQL and as CSV. */
@Resolver(() => RegionInsights)
export class InsightsResolver {
  constructor(private readonly insights: InsightsService) {}

  @Authorize('region.insights.read', byCounty)
  @Query(() => RegionInsights, { description: "A region's needs, supply gap, enterprises, partnerships and confirmed impact, for its coordinators and administrators" })
  async regionInsights(@Args() args: RegionInsightsArgs): Promise<RegionInsights> {
    return RegionInsights.from(await this.insights.open(args));
  }

  @Authorize('region.insights.read', byCounty)
  @Query(() => String, { description: 'One section of a region’s insights as CSV (UTF-8, a header row, comma-separated, numbers unformatted, dates YYYY-MM-DD)' })
  async regionInsightsCsv(@Args() args: RegionInsightsArgs, @Args('section', { type: () => InsightSectionEnum }) section: InsightSectionEnum): Promise<string> {
    return insightsCsv(await this.insights.open(args), section);
  }

  @ResolveField(() => InsightArea, { description: 'The whole region' })
  async region(@Parent() insights: RegionInsights): Promise<InsightArea> {
    return (await insights.reader.areas())[0];
  }

  @ResolveField(() => [InsightArea], { description: 'Every municipality of the region, by kommunkod', complexity: listComplexity(49) })
  async municipalities(@Parent() insights: RegionInsights): Promise<InsightArea[]> {
    return (await insights.reader.areas()).slice(1);
  }

  @ResolveField(() => [InsightCpvDivisionGap], { description: 'Supply-gap needs by CPV division, most first', complexity: listComplexity(45) })
  async supplyGapByCpvDivision(@Parent() insights: RegionInsights): Promise<InsightCpvDivisionGap[]> {
    return insights.reader.supplyGapByCpvDivision();
  }

  @ResolveField(() => [InsightSdgGap], { description: 'Supply-gap needs by global goal, most first', complexity: listComplexity(17) })
  async supplyGapBySdg(@Parent() insights: RegionInsights): Promise<InsightSdgGap[]> {
    return insights.reader.supplyGapBySdg();
  }

  @ResolveField(() => InsightEnterprises)
  async enterprises(@Parent() insights: RegionInsights): Promise<InsightEnterprises> {
    const [totals, bySdg, byLegalForm] = await Promise.all([insights.reader.enterpriseTotals(), insights.reader.enterprisesBySdg(), insights.reader.enterprisesByLegalForm()]);
    return Object.assign(new InsightEnterprises(), totals, { bySdg, byLegalForm });
  }

  @ResolveField(() => [InsightStatusCount], { description: 'Partnerships of the region by status, every status listed' })
  async partnershipsByStatus(@Parent() insights: RegionInsights): Promise<InsightStatusCount[]> {
    return insights.reader.partnershipsByStatus();
  }

  @ResolveField(() => [InsightImpactTotal], { description: 'Confirmed impact of the region’s partnerships, all time, per indicator', complexity: listComplexity(16) })
  async impactTotals(@Parent() insights: RegionInsights): Promise<InsightImpactTotal[]> {
    return insights.reader.impactTotals();
  }

  @ResolveField(() => [InsightBucket], { description: 'Every bucket from `from` to `to`, empty ones included', complexity: listComplexity(24) })
  async timeline(@Parent() insights: RegionInsights): Promise<InsightBucket[]> {
    return insights.reader.timeline();
  }
}
