import { registerEnumType } from '@nestjs/graphql';

export enum InsightIntervalEnum {
  MONTH = 'MONTH',
  QUARTER = 'QUARTER',
  YEAR = 'YEAR',
}
registerEnumType(InsightIntervalEnum, { name: 'InsightInterval', description: 'The length of a timeline bucket: calendar months, quarters or years' });

/** The parts of a region's insights, each exported as its own CSV table. */
export enum InsightSectionEnum {
  AREAS = 'AREAS',
  SUPPLY_GAP_BY_CPV_DIVISION = 'SUPPLY_GAP_BY_CPV_DIVISION',
  SUPPLY_GAP_BY_SDG = 'SUPPLY_GAP_BY_SDG',
  ENTERPRISES_BY_SDG = 'ENTERPRISES_BY_SDG',
  ENTERPRISES_BY_LEGAL_FORM = 'ENTERPRISES_BY_LEGAL_FORM',
  PARTNERSHIPS_BY_STATUS = 'PARTNERSHIPS_BY_STATUS',
  IMPACT_TOTALS = 'IMPACT_TOTALS',
  TIMELINE = 'TIMELINE',
  IMPACT_TIMELINE = 'IMPACT_TIMELINE',
}
registerEnumType(InsightSectionEnum, {
  name: 'InsightSection',
  description:
    'AREAS: the region and each municipality; SUPPLY_GAP_BY_CPV_DIVISION / _BY_SDG; ENTERPRISES_BY_SDG / _BY_LEGAL_FORM; PARTNERSHIPS_BY_STATUS; IMPACT_TOTALS; TIMELINE: needs published and partnerships started per bucket; IMPACT_TIMELINE: confirmed impact per bucket and indicator',
});
