import { Inject, Injectable } from '@nestjs/common';
import {
  InsightsRepository,
  type AreaFigures,
  type BucketImpact,
  type CpvDivisionGap,
  type EnterpriseTotals,
  type IndicatorTotal,
  type LegalFormCount,
  type SdgCount,
  type SdgGap,
  type StatusCount,
  type SupplyGapCriteria,
} from './insights.repository.js';
import { ReferenceDataRepository } from '@samverka/reference-data';
import { type CountyEntity } from '@samverka/schema';
import { assertLanskod, DomainError, PARTNERSHIP_STATUSES, swedishDate } from '@samverka/domain';
import { ALGORITHM_VERSION } from '@samverka/scoring';
import { CLOCK, type Clock } from '@samverka/engine';
import { bucketAt, bucketSpan, type BucketSpan, type InsightInterval } from './insight-period.js';

/** A matched need whose best match scores below this is a supply gap, unless the request says otherwise. */
export const DEFAULT_WEAK_MATCH_BELOW = 50;

export interface RegionInsightsRequest {
  countyCode: string;
  /** Default: DEFAULT_BUCKETS buckets up to the one containing `to`. */
  from?: string | null;
  /** Default: today in Sweden. */
  to?: string | null;
  interval: InsightInterval;
  weakMatchBelow?: number | null;
}

/** One bucket of the timeline, with the confirmed impact of the reports whose period ends in it. */
export interface TimelineBucket {
  start: string;
  end: string;
  label: string;
  needsPublished: number;
  partnershipsStarted: number;
  impact: Omit<BucketImpact, 'bucket'>[];
}

/**
 * The checked request, and each section read at most once, when first asked for (a GraphQL query reads
 * only the sections it selects; a CSV export only its one).
 */
export class RegionInsightsReader {
  private readonly sections = new Map<string, Promise<unknown>>();
  readonly criteria: SupplyGapCriteria;

  constructor(
    private readonly repository: InsightsRepository,
    readonly county: CountyEntity,
    readonly span: BucketSpan,
    readonly weakMatchBelow: number,
    readonly generatedAt: Date,
  ) {
    this.criteria = { countyCode: county.code, algorithmVersion: ALGORITHM_VERSION, weakMatchBelow };
  }

  private once<T>(section: string, read: () => Promise<T>): Promise<T> {
    let pending = this.sections.get(section) as Promise<T> | undefined;
    if (!pending) {
      pending = read();
      this.sections.set(section, pending);
    }
    return pending;
  }

  /** The region first (municipalityCode null), then each municipality by kommunkod. */
  areas(): Promise<AreaFigures[]> {
    return this.once('areas', () => this.repository.areas(this.criteria));
  }

  supplyGapByCpvDivision(): Promise<CpvDivisionGap[]> {
    return this.once('gapCpv', () => this.repository.supplyGapByCpvDivision(this.criteria));
  }

  supplyGapBySdg(): Promise<SdgGap[]> {
    return this.once('gapSdg', () => this.repository.supplyGapBySdg(this.criteria));
  }

  enterpriseTotals(): Promise<EnterpriseTotals> {
    return this.once('enterprises', () => this.repository.enterpriseTotals(this.county.code));
  }

  enterprisesBySdg(): Promise<SdgCount[]> {
    return this.once('enterprisesSdg', () => this.repository.enterprisesBySdg(this.county.code));
  }

  enterprisesByLegalForm(): Promise<LegalFormCount[]> {
    return this.once('enterprisesLegalForm', () => this.repository.enterprisesByLegalForm(this.county.code));
  }

  partnershipsByStatus(): Promise<StatusCount[]> {
    return this.once('partnerships', () => this.repository.partnershipsByStatus(this.county.code, PARTNERSHIP_STATUSES));
  }

  impactTotals(): Promise<IndicatorTotal[]> {
    return this.once('impact', () => this.repository.impactTotals(this.county.code));
  }

  timeline(): Promise<TimelineBucket[]> {
    return this.once('timeline', async () => {
      const counts = await this.repository.timeline(this.county.code, this.span);
      const impact = await this.repository.impactTimeline(this.county.code, this.span);
      const impactOf = new Map<string, Omit<BucketImpact, 'bucket'>[]>();
      for (const { bucket, ...value } of impact) {
        const values = impactOf.get(bucket) ?? [];
        values.push(value);
        impactOf.set(bucket, values);
      }
      return counts.map((c) => ({
        ...bucketAt(c.bucket, this.span.interval),
        needsPublished: c.needsPublished,
        partnershipsStarted: c.partnershipsStarted,
        impact: impactOf.get(c.bucket) ?? [],
      }));
    });
  }
}

/** Regional insights for coordinators and administrators (the policy guard has checked the region). */
@Injectable()
export class InsightsService {
  constructor(
    private readonly repository: InsightsRepository,
    private readonly referenceData: ReferenceDataRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async open(request: RegionInsightsRequest): Promise<RegionInsightsReader> {
    assertLanskod(request.countyCode, 'countyCode');
    const county = await this.referenceData.county(request.countyCode);
    if (!county) throw DomainError.notFound('insights.countyNotFound', { code: request.countyCode });
    const now = this.clock();
    const span = bucketSpan(request.from ?? null, request.to ?? swedishDate(now), request.interval);
    const weakMatchBelow = request.weakMatchBelow ?? DEFAULT_WEAK_MATCH_BELOW;
    if (!Number.isFinite(weakMatchBelow) || weakMatchBelow < 0 || weakMatchBelow > 100) {
      throw DomainError.badInput('weakMatchBelow', 'OUT_OF_RANGE', 'validation.range', { min: 0, max: 100 });
    }
    return new RegionInsightsReader(this.repository, county, span, weakMatchBelow, now);
  }
}
