import { enumFromList } from '@samverka/engine';
import { INSIGHT_INTERVALS, type InsightInterval } from '../insight-period.js';

export const InsightIntervalEnum = enumFromList(INSIGHT_INTERVALS, { name: 'InsightInterval', description: 'The length of a timeline bucket: calendar months, quarters or years' });
export type InsightIntervalEnum = InsightInterval;

/** The parts of a region's insights, each exported as its own CSV table. */
const INSIGHT_SECTIONS = [
  'AREAS',
  'SUPPLY_GAP_BY_CPV_DIVISION',
  'SUPPLY_GAP_BY_SDG',
  'ENTERPRISES_BY_SDG',
  'ENTERPRISES_BY_LEGAL_FORM',
  'PARTNERSHIPS_BY_STATUS',
  'IMPACT_TOTALS',
  'TIMELINE',
  'IMPACT_TIMELINE',
] as const;
export const InsightSectionEnum = enumFromList(INSIGHT_SECTIONS, {
  name: 'InsightSection',
  description:
    'AREAS: the region and each municipality; SUPPLY_GAP_BY_CPV_DIVISION / _BY_SDG; ENTERPRISES_BY_SDG / _BY_LEGAL_FORM; PARTNERSHIPS_BY_STATUS; IMPACT_TOTALS; TIMELINE: needs published and partnerships started per bucket; IMPACT_TIMELINE: confirmed impact per bucket and indicator',
});
export type InsightSectionEnum = (typeof INSIGHT_SECTIONS)[number];
