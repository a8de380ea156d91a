export const INTRODUCTION_STATUSES = ['PROPOSED', 'ACCEPTED', 'DECLINED', 'WITHDRAWN'] as const;
export type IntroductionStatus = (typeof INTRODUCTION_STATUSES)[number];

export const PARTNERSHIP_STATUSES = ['ACTIVE', 'COMPLETED', 'TERMINATED'] as const;
export type PartnershipStatus = (typeof PARTNERSHIP_STATUSES)[number];

export const TARGETS_STATUSES = ['NONE', 'PROPOSED', 'AGREED'] as const;
export type TargetsStatus = (typeof TARGETS_STATUSES)[number];

/** How often the enterprise reports impact, in months. */
export const REPORT_INTERVALS = [1, 3, 6, 12] as const;

export const IMPACT_REPORT_STATUSES = ['DRAFT', 'SUBMITTED', 'RETURNED', 'CONFIRMED', 'SUPERSEDED'] as const;
export type ImpactReportStatus = (typeof IMPACT_REPORT_STATUSES)[number];

export const IMPACT_THEMES = ['WORK_INTEGRATION', 'ENVIRONMENT', 'INCLUSION', 'WELFARE'] as const;
export type ImpactTheme = (typeof IMPACT_THEMES)[number];

export const IMPACT_UNITS = ['PERSONS', 'HOURS', 'TONNES', 'TONNES_CO2E', 'MEALS', 'COUNT'] as const;
export type ImpactUnit = (typeof IMPACT_UNITS)[number];

/** Every kind of notification; the migration's CHECK lists the same. */
export const NOTIFICATION_KINDS = [
  'MATCH_STRONG',
  'OFFER_RECEIVED',
  'OFFER_STATUS_CHANGED',
  'INTRODUCTION_RECEIVED',
  'INTRODUCTION_MADE',
  'INTRODUCTION_ANSWERED',
  'PARTNERSHIP_STARTED',
  'PARTNERSHIP_TARGETS',
  'PARTNERSHIP_ENDED',
  'REPORT_DUE',
  'REPORT_SUBMITTED',
  'REPORT_CONFIRMED',
  'REPORT_RETURNED',
  'ORGANIZATION_VERIFIED',
  'ORGANIZATION_UNVERIFIED',
  'FEEDBACK_RECEIVED',
  'OFFER_INVITED',
  'SAVED_SEARCH_MATCH',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
