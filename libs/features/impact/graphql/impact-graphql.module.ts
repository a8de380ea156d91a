import { Module } from '@nestjs/common';
import { GoodExampleCurationResolver } from './good-example-curation.resolver.js';
import { GoodExampleResolver } from './good-example.resolver.js';
import { ImpactIndicatorResolver } from './impact-indicator.resolver.js';
import { ImpactReportResolver } from './impact-report.resolver.js';
import { PartnershipImpactResolver } from './partnership-impact.resolver.js';
import { ImpactNodes } from './impact.nodes.js';

/** Impact measurement: the transport (GraphQL). */
@Module({
  providers: [GoodExampleCurationResolver, GoodExampleResolver, ImpactNodes, ImpactIndicatorResolver, ImpactReportResolver, PartnershipImpactResolver],
})
export class ImpactGraphqlModule {}
