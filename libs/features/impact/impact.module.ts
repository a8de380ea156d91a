import { Global, Module } from '@nestjs/common';
import { repositoryProviders } from '@samverka/engine';
import { GoodExampleCurationRepository } from './good-example-curation.repository.js';
import { GoodExampleCurationService } from './good-example-curation.service.js';
import { GoodExampleService } from './good-example.service.js';
import { ImpactIndicatorService } from './impact-indicator.service.js';
import { ImpactReportDecisionService } from './impact-report-decision.service.js';
import { ImpactReportService } from './impact-report.service.js';
import { ImpactLoaders } from './impact.loaders.js';
import { ImpactRepository } from './impact.repository.js';
import { PartnershipTargetsService } from './partnership-targets.service.js';
import { ReportDueProcessor } from './report-due.processor.js';
import { ReportDueService } from './report-due.service.js';

/** Impact measurement: the indicator catalogue, agreed targets, reports and their reminders, and the good examples. */
@Global()
@Module({
  providers: [
    ...repositoryProviders(ImpactRepository, GoodExampleCurationRepository),
    GoodExampleCurationService,
    GoodExampleService,
    ImpactIndicatorService,
    ImpactReportDecisionService,
    ImpactReportService,
    ImpactLoaders,
    PartnershipTargetsService,
    ReportDueService,
    ReportDueProcessor,
  ],
  exports: [
    ImpactRepository,
    GoodExampleCurationRepository,
    GoodExampleCurationService,
    GoodExampleService,
    ImpactIndicatorService,
    ImpactReportDecisionService,
    ImpactReportService,
    ImpactLoaders,
    PartnershipTargetsService,
    ReportDueService,
  ],
})
export class ImpactModule {}
