import { registerEnumType } from '@nestjs/graphql';

export enum ImpactThemeEnum {
  WORK_INTEGRATION = 'WORK_INTEGRATION',
  ENVIRONMENT = 'ENVIRONMENT',
  INCLUSION = 'INCLUSION',
  WELFARE = 'WELFARE',
}
registerEnumType(ImpactThemeEnum, { name: 'ImpactTheme', description: 'The area an impact indicator measures: work integration, environment, inclusion or welfare' });

export enum ImpactUnitEnum {
  PERSONS = 'PERSONS',
  HOURS = 'HOURS',
  TONNES = 'TONNES',
  TONNES_CO2E = 'TONNES_CO2E',
  MEALS = 'MEALS',
  COUNT = 'COUNT',
}
registerEnumType(ImpactUnitEnum, {
  name: 'ImpactUnit',
  description: 'What an indicator is counted in: persons, meals and counts are whole numbers, hours have 1 decimal, tonnes 3',
});

export enum ImpactReportStatusEnum {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  RETURNED = 'RETURNED',
  CONFIRMED = 'CONFIRMED',
  SUPERSEDED = 'SUPERSEDED',
}
registerEnumType(ImpactReportStatusEnum, {
  name: 'ImpactReportStatus',
  description: 'DRAFT → SUBMITTED → CONFIRMED (locked) or RETURNED (to the enterprise, then SUBMITTED again); a CONFIRMED report becomes SUPERSEDED when its correction is confirmed',
});
