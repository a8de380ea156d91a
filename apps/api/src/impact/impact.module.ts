import { GoodExampleResolver } from './good-example.resolver.js';
import { GoodExampleService } from './good-example.service.js';
import { Module } from '@nestjs/common';
import { ImpactIndicatorResolver } from './impact-indicator.resolver.js';
import { ImpactIndicatorService } from './impact-indicator.service.js';
import { ImpactReportDecisionService } from './impact-report-decision.service.js';
import { ImpactReportResolver } from './impact-report.resolver.js';
import { ImpactReportService } from './impact-report.service.js';
import { PartnershipImpactResolver } from './partnership-impact.resolver.js';
import { PartnershipTargetsService } from './partnership-targets.service.js';

/** Impact measurement: the indicator catalogue, partnerships' agreed targets, impact reports and their totals. */
@Module({
  providers: [
    GoodExampleService,
    GoodExampleResolver,
    ImpactIndicatorService,
    PartnershipTargetsService,
    ImpactReportService,
    ImpactReportDecisionService,
    ImpactIndicatorResolver,
    PartnershipImpactResolver,
    ImpactReportResolver,
  ],
  // The demo seeder agrees targets and files reports through the same services.
  exports: [PartnershipTargetsService, ImpactReportService, ImpactReportDecisionService],
})
export class ImpactModule {}
