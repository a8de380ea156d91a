import { stringify } from 'csv-stringify/sync';
import { InsightSectionEnum } from './graphql/insights.enums.js';
import type { RegionInsightsReader } from './insights.service.js';

type Cell = string | number | null;

/** One CSV table: its columns (snake_case headers) and rows in the same order. */
interface Table {
  columns: readonly string[];
  rows: Cell[][];
}

/**
 * Each section as a table. Numbers are written as they are (a point for decimals, no grouping), dates
 * as YYYY-MM-DD, a missing value as an empty cell. Every cell comes from counts or reference data, never
 * from text a user typed, so no cell can start a spreadsheet formula.
 */
const SECTIONS: Record<InsightSectionEnum, (reader: RegionInsightsReader) => Promise<Table>> = {
  [InsightSectionEnum.AREAS]: async (reader) => ({
    columns: [
      'area',
      'county_code',
      'municipality_code',
      'municipality_name',
      'open_needs',
      'needs_without_offers',
      'supply_gap_needs',
      'needs_awaiting_matching',
      'enterprises',
      'active_partnerships',
    ],
    rows: (await reader.areas()).map((a) => [
      a.municipalityCode === null ? 'REGION' : 'MUNICIPALITY',
      reader.county.code,
      a.municipalityCode,
      a.municipalityCode === null ? reader.county.name : a.municipalityName,
      a.openNeeds,
      a.needsWithoutOffers,
      a.supplyGapNeeds,
      a.needsAwaitingMatching,
      a.enterprises,
      a.activePartnerships,
    ]),
  }),
  [InsightSectionEnum.SUPPLY_GAP_BY_CPV_DIVISION]: async (reader) => ({
    columns: ['cpv_division', 'label_sv', 'label_en', 'supply_gap_needs', 'open_needs'],
    rows: (await reader.supplyGapByCpvDivision()).map((d) => [d.division, d.labelSv, d.labelEn, d.supplyGapNeeds, d.openNeeds]),
  }),
  [InsightSectionEnum.SUPPLY_GAP_BY_SDG]: async (reader) => ({
    columns: ['sdg', 'title_sv', 'title_en', 'supply_gap_needs', 'open_needs'],
    rows: (await reader.supplyGapBySdg()).map((g) => [g.sdg, g.titleSv, g.titleEn, g.supplyGapNeeds, g.openNeeds]),
  }),
  [InsightSectionEnum.ENTERPRISES_BY_SDG]: async (reader) => ({
    columns: ['sdg', 'title_sv', 'title_en', 'enterprises'],
    rows: (await reader.enterprisesBySdg()).map((g) => [g.sdg, g.titleSv, g.titleEn, g.enterprises]),
  }),
  [InsightSectionEnum.ENTERPRISES_BY_LEGAL_FORM]: async (reader) => ({
    columns: ['legal_form', 'enterprises'],
    rows: (await reader.enterprisesByLegalForm()).map((f) => [f.legalForm, f.enterprises]),
  }),
  [InsightSectionEnum.PARTNERSHIPS_BY_STATUS]: async (reader) => ({
    columns: ['status', 'partnerships'],
    rows: (await reader.partnershipsByStatus()).map((s) => [s.status, s.partnerships]),
  }),
  [InsightSectionEnum.IMPACT_TOTALS]: async (reader) => ({
    columns: ['indicator_code', 'name_sv', 'name_en', 'unit', 'total', 'reports', 'partnerships'],
    rows: (await reader.impactTotals()).map((i) => [i.indicatorCode, i.nameSv, i.nameEn, i.unit, i.total, i.reports, i.partnerships]),
  }),
  [InsightSectionEnum.TIMELINE]: async (reader) => ({
    columns: ['bucket_start', 'bucket_end', 'bucket_label', 'needs_published', 'partnerships_started'],
    rows: (await reader.timeline()).map((b) => [b.start, b.end, b.label, b.needsPublished, b.partnershipsStarted]),
  }),
  // Long format: one row per bucket and indicator, so the columns do not depend on the indicators reported.
  [InsightSectionEnum.IMPACT_TIMELINE]: async (reader) => ({
    columns: ['bucket_start', 'bucket_end', 'bucket_label', 'indicator_code', 'name_sv', 'name_en', 'unit', 'total'],
    rows: (await reader.timeline()).flatMap((b) => b.impact.map((i) => [b.start, b.end, b.label, i.indicatorCode, i.nameSv, i.nameEn, i.unit, i.total])),
  }),
};

/** One section of a region's insights as CSV: UTF-8 text, a header row, comma-separated, LF line ends. */
export async function insightsCsv(reader: RegionInsightsReader, section: InsightSectionEnum): Promise<string> {
  const table = await SECTIONS[section](reader);
  return stringify(table.rows, { header: true, columns: [...table.columns] });
}
