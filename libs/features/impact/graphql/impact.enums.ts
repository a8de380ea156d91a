import { IMPACT_REPORT_STATUSES, IMPACT_THEMES, IMPACT_UNITS, type ImpactReportStatus, type ImpactTheme, type ImpactUnit } from '@samverka/domain';
import { enumFromList } from '@samverka/engine';

export const ImpactThemeEnum = enumFromList(IMPACT_THEMES, {
  name: 'ImpactTheme',
  description: 'The area an impact indicator measures: work integration, environment, inclusion or welfare',
});
export type ImpactThemeEnum = ImpactTheme;

export const ImpactUnitEnum = enumFromList(IMPACT_UNITS, {
  name: 'ImpactUnit',
  description: 'What an indicator is counted in: persons, meals and counts are whole numbers, hours have 1 decimal, tonnes 3',
});
export type ImpactUnitEnum = ImpactUnit;

export const ImpactReportStatusEnum = enumFromList(IMPACT_REPORT_STATUSES, {
  name: 'ImpactReportStatus',
  description:
    'DRAFT → SUBMITTED → CONFIRMED (locked) or RETURNED (to the enterprise, then SUBMITTED again); a CONFIRMED report becomes SUPERSEDED when its correction is confirmed',
});
export type ImpactReportStatusEnum = ImpactReportStatus;
