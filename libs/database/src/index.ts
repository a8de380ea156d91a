export { Database, type OpenDatabaseOptions, type Transaction } from './database.js';
export { DatabaseModule } from './database.module.js';
export { postgresRefusal, translate, translating, SQLSTATE, type PostgresRefusal, type RefusalMap } from './database-errors.js';
export { StartupError } from './startup-error.js';
export { EmbeddedPostgres, DatabaseInUseError, type EmbeddedEndpoint } from './embedded-postgres.js';
export { entities, QueueProbeEntity } from './entities/index.js';
export { migrations } from './migrations/index.js';
export { STARTER_INDICATORS, type StarterIndicator } from './migrations/1764230000000-brokering.js';
export { QueueProbeRepository } from './repositories/queue-probe.repository.js';
export { AuditRepository, type AuditFilter, type NewAuditEvent } from './repositories/audit.repository.js';
export { InvitationRepository } from './repositories/invitation.repository.js';
export { MembershipRepository } from './repositories/membership.repository.js';
export { OrganizationRepository, type NewOrganization, type OrganizationFilter } from './repositories/organization.repository.js';
export { RefreshTokenRepository } from './repositories/refresh-token.repository.js';
export { UserRepository, type ActorRecord, type NewUser } from './repositories/user.repository.js';
export {
  AuditEventEntity,
  CoordinatorRegionEntity,
  InvitationEntity,
  MembershipEntity,
  OrganizationEntity,
  RefreshTokenEntity,
  UserEntity,
  EnterpriseProfileEntity,
  NeedEntity,
  OfferEntity,
  PartnershipEntity,
  type PartnershipStatus,
  IntroductionEntity,
  ImpactIndicatorEntity,
  ImpactReportEntity,
  ImpactReportValueEntity,
  PartnershipTargetEntity,
  NotificationEntity,
  NotificationPreferenceEntity,
  type EmailStatus,
  ORGANIZATION_KINDS,
  type OrganizationKind,
  type AuditActorKind,
} from './entities/index.js';
export { CountyEntity, MunicipalityEntity, SdgEntity, CpvCodeEntity, ReferenceDataVersionEntity } from './entities/index.js';
export { ReferenceDataRepository, type CpvSearch, type CpvSearchResult } from './repositories/reference-data.repository.js';
export { loadReferenceData, findReferenceDataDir, describeReferenceDataLoad, ReferenceDataError, type ReferenceDataLoadResult, type ReferenceDataset } from './reference-data/reference-data.loader.js';
export { EnterpriseProfileRepository, ENTERPRISE_SORTS, enterpriseSortUsed, type EnterpriseFilter, type EnterpriseSort, type ProfileFields } from './repositories/enterprise-profile.repository.js';
export { NeedRepository, NEED_SORTS, needSortUsed, type NeedFields, type NeedFilter, type NeedSort, type NeedVisibility } from './repositories/need.repository.js';
export { OfferRepository, type OfferFields } from './repositories/offer.repository.js';
export {
  PartnershipRepository,
  type GoodExampleFilter,
  type GoodExampleRow,
  type NewPartnership,
  type PartnershipChanges,
  type PartnershipFilter,
  type PartnershipVisibility,
} from './repositories/partnership.repository.js';
export { IntroductionRepository, type IntroductionParties, type NewIntroduction } from './repositories/introduction.repository.js';
export { ImpactRepository, IMPACT_REPORT_REFUSALS, type ImpactIndicatorFields, type ImpactReportFields, type ImpactTotal, type NewImpactReport, type ReportDue } from './repositories/impact.repository.js';
export { NotificationRepository, type EmailToSend, type NewNotification, type NotificationView, type WrittenNotification } from './repositories/notification.repository.js';
export {
  InsightsRepository,
  type AreaFigures,
  type BucketCounts,
  type BucketImpact,
  type BucketSeries,
  type CpvDivisionGap,
  type EnterpriseTotals,
  type IndicatorTotal,
  type LegalFormCount,
  type SdgCount,
  type SdgGap,
  type StatusCount,
  type SupplyGapCriteria,
} from './repositories/insights.repository.js';
export {
  MatchingRepository,
  type MatchableNeedRow,
  type MatchableProfileRow,
  type MatchingRebuild,
  type MatchingSubject,
  type MatchRowInput,
  type NeedMatchState,
  type StoredMatch,
} from './repositories/matching.repository.js';
export { MatchRepository } from './repositories/match.repository.js';
export { MatchingRebuildRepository } from './repositories/matching-rebuild.repository.js';
export { OutboxRepository, type OutboxEntry, type DueOutboxRow } from './repositories/outbox.repository.js';
export type { KeysetPosition, SortDirection } from './repositories/search-helpers.js';
export {
  ImportRepository,
  MAX_IMPORT_MESSAGES,
  type ImportCounts,
  type ImportEntityType,
  type ImportFormat,
  type ImportKind,
  type ImportMapping,
  type ImportMessage,
  type ImportRunRow,
  type ImportSeverity,
  type ImportStatus,
  type NewImportedEnterprise,
  type NewImportMapping,
  type NewImportRun,
  type StoredImportMessage,
} from './repositories/import.repository.js';
export { ImportFileRepository, type ImportFileRow } from './repositories/import-file.repository.js';
export {
  ExportRepository,
  type ExportScope,
  type EnterpriseExportRow,
  type NeedExportRow,
  type PartnershipExportRow,
  type PartnershipImpactRow,
  type ExportIndicator,
} from './repositories/export.repository.js';
