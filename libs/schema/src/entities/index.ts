import { QueueProbeEntity } from './queue-probe.entity.js';
import { AuditEventEntity } from './audit-event.entity.js';
import { CoordinatorRegionEntity } from './coordinator-region.entity.js';
import { InvitationEntity } from './invitation.entity.js';
import { MembershipEntity } from './membership.entity.js';
import { OrganizationEntity } from './organization.entity.js';
import { RefreshTokenEntity } from './refresh-token.entity.js';
import { UserEntity } from './user.entity.js';
import { EnterpriseProfileEntity } from './enterprise-profile.entity.js';
import { NeedEntity } from './need.entity.js';
import { OfferEntity } from './offer.entity.js';
import { PartnershipEntity } from './partnership.entity.js';
import { IntroductionEntity } from './introduction.entity.js';
import { ImpactIndicatorEntity, ImpactReportEntity, ImpactReportValueEntity, PartnershipTargetEntity } from './impact.entity.js';
import { NotificationEntity, NotificationPreferenceEntity } from './notification.entity.js';
import { CountyEntity } from './county.entity.js';
import { MunicipalityEntity } from './municipality.entity.js';
import { SdgEntity } from './sdg.entity.js';
import { CpvCodeEntity } from './cpv-code.entity.js';
import { ReferenceDataVersionEntity } from './reference-data-version.entity.js';

export { QueueProbeEntity };
export { CountyEntity, MunicipalityEntity, SdgEntity, CpvCodeEntity, ReferenceDataVersionEntity };
export { AuditEventEntity, CoordinatorRegionEntity, InvitationEntity, MembershipEntity, OrganizationEntity, RefreshTokenEntity, UserEntity };
export { ORGANIZATION_KINDS, type OrganizationKind } from './organization.entity.js';
export { EnterpriseProfileEntity, NeedEntity, OfferEntity, PartnershipEntity };
export type { PartnershipStatus } from './partnership.entity.js';
export { IntroductionEntity, ImpactIndicatorEntity, ImpactReportEntity, ImpactReportValueEntity, PartnershipTargetEntity, NotificationEntity, NotificationPreferenceEntity };
export type { EmailStatus } from './notification.entity.js';
export type { AuditActorKind } from './audit-event.entity.js';

/** Every entity TypeORM maps. */
export const entities = [
  EnterpriseProfileEntity,
  NeedEntity,
  OfferEntity,
  PartnershipEntity,
  IntroductionEntity,
  ImpactIndicatorEntity,
  PartnershipTargetEntity,
  ImpactReportEntity,
  ImpactReportValueEntity,
  NotificationEntity,
  NotificationPreferenceEntity,
  AuditEventEntity,
  CoordinatorRegionEntity,
  InvitationEntity,
  MembershipEntity,
  OrganizationEntity,
  RefreshTokenEntity,
  UserEntity,
  QueueProbeEntity,
  CountyEntity,
  MunicipalityEntity,
  SdgEntity,
  CpvCodeEntity,
  ReferenceDataVersionEntity,
];
