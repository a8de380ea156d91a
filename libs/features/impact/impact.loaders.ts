import { Injectable, type OnModuleInit } from '@nestjs/common';
import { byId, byKey, groupBy, LoaderFactory } from '@samverka/engine';
import DataLoader from 'dataloader';
import type { ImpactIndicatorEntity, ImpactReportEntity, ImpactReportValueEntity, PartnershipTargetEntity } from '@samverka/schema';
import { ImpactRepository, type ImpactTotal } from './impact.repository.js';

declare global {
  interface SamverkaLoaders {
    impactIndicator: DataLoader<string, ImpactIndicatorEntity | null>;
    impactReport: DataLoader<string, ImpactReportEntity | null>;
    targetsOfPartnership: DataLoader<string, PartnershipTargetEntity[]>;
    /** Every impact report of a partnership, latest period first; resolvers leave out drafts for others than the enterprise. */
    impactReportsOfPartnership: DataLoader<string, ImpactReportEntity[]>;
    /** Per indicator, the sum over the partnership's CONFIRMED reports. */
    impactTotalsOfPartnership: DataLoader<string, ImpactTotal[]>;
    valuesOfImpactReport: DataLoader<string, ImpactReportValueEntity[]>;
  }
}

/** Indicators, targets, reports, their values and confirmed totals. */
@Injectable()
export class ImpactLoaders implements OnModuleInit {
  constructor(
    private readonly loaders: LoaderFactory,
    private readonly impact: ImpactRepository,
  ) {}

  onModuleInit(): void {
    this.loaders.register('impactIndicator', () => new DataLoader(async (codes) => byKey(codes, await this.impact.indicatorsByCodes(codes), (i) => i.code)));
    this.loaders.register('impactReport', () => new DataLoader(async (ids) => byId(ids, await this.impact.findReports(ids))));
    this.loaders.register('targetsOfPartnership', () => new DataLoader(async (ids) => groupBy(ids, await this.impact.targetsOf(ids), (t) => t.partnershipId)));
    this.loaders.register('impactReportsOfPartnership', () => new DataLoader(async (ids) => groupBy(ids, await this.impact.reportsOf(ids), (r) => r.partnershipId)));
    this.loaders.register('impactTotalsOfPartnership', () => new DataLoader(async (ids) => groupBy(ids, await this.impact.confirmedTotals(ids), (t) => t.partnershipId)));
    this.loaders.register('valuesOfImpactReport', () => new DataLoader(async (ids) => groupBy(ids, await this.impact.valuesOf(ids), (v) => v.reportId)));
  }
}
