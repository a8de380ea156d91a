export { type AuditActorKind, AuditEventEntity } from './entities/audit-event.entity.js';
export { CoordinatorRegionEntity } from './entities/coordinator-region.entity.js';
export { CountyEntity } from './entities/county.entity.js';
export { CpvCodeEntity } from './entities/cpv-code.entity.js';
export { EnterpriseProfileEntity } from './entities/enterprise-profile.entity.js';
export { ImpactIndicatorEntity, ImpactReportEntity, ImpactReportValueEntity, PartnershipTargetEntity } from './entities/impact.entity.js';
export {
  IntroductionEntity,
  InvitationEntity,
  MembershipEntity,
  MunicipalityEntity,
  NeedEntity,
  NotificationEntity,
  NotificationPreferenceEntity,
  OfferEntity,
  OrganizationEntity,
  PartnershipEntity,
  QueueProbeEntity,
  RefreshTokenEntity,
  SdgEntity,
  UserEntity,
  entities,
} from './entities/index.js';
export { type EmailStatus } from './entities/notification.entity.js';
export { ORGANIZATION_KINDS, type OrganizationKind } from './entities/organization.entity.js';
export { STARTER_INDICATORS } from './migrations/1764230000000-brokering.js';
export { migrations } from './migrations/index.js';
