export { ImpactReportDecisionService } from './impact-report-decision.service.js';
export { ImpactReportService } from './impact-report.service.js';
export { ImpactModule } from './impact.module.js';
export { IMPACT_REPORT_REFUSALS, ImpactRepository } from './impact.repository.js';
export { PartnershipTargetsService } from './partnership-targets.service.js';
export { ReportDueService } from './report-due.service.js';
export { ImpactGraphqlModule } from './graphql/impact-graphql.module.js';
export { ImpactUnitEnum } from './graphql/impact.enums.js';
