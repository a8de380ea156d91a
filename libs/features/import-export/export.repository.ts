import type { DataSource } from 'typeorm';
import type { ImpactUnit, LegalForm, NeedForm, NeedStatus, PartnershipStatus, TargetsStatus } from '@samverka/domain';

/**
 * What an export may contain: organisations at home in these counties (null: all); needs in these
 * statuses, and then only those of verified buyers, as the public sees them (null: all needs).
 */
export interface ExportScope {
  counties: readonly string[] | null;
  needStatuses: readonly NeedStatus[] | null;
}

export interface EnterpriseExportRow {
  id: string;
  organisationsnummer: string;
  name: string;
  municipalityCode: string | null;
  countyCode: string;
  website: string | null;
  verified: boolean;
  /** Null when the enterprise has no profile yet (the profile fields are then null too). */
  description: string | null;
  services: string | null;
  cpvCodes: string[] | null;
  sdgs: number[] | null;
  nationwide: boolean | null;
  municipalityCodes: string[] | null;
  countyCodes: string[] | null;
  employees: number | null;
  annualTurnoverSek: number | null;
  maxContractSek: number | null;
  legalForm: LegalForm | null;
  ideburen: boolean | null;
  workIntegrating: boolean | null;
  farFromLabourMarketShare: number | null;
  certifications: string[] | null;
  importSource: string | null;
  externalId: string | null;
  updatedAt: Date;
}

export interface NeedExportRow {
  id: string;
  buyerOrganizationId: string;
  buyerOrganisationsnummer: string;
  buyerName: string;
  title: string;
  description: string;
  cpvCodes: string[];
  sdgs: number[];
  municipalityCode: string | null;
  countyCode: string | null;
  budgetMinSek: number | null;
  budgetMaxSek: number | null;
  form: NeedForm;
  wantedImpact: string;
  responseDeadline: Date | null;
  status: NeedStatus;
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  importSource: string | null;
  externalId: string | null;
}

/** One indicator of a partnership's impact: the agreed target (if agreed) and what confirmed reports add up to. */
export interface PartnershipImpactRow {
  indicatorCode: string;
  nameSv: string;
  nameEn: string;
  unit: ImpactUnit;
  /** Null when no target on this indicator is agreed (none proposed, or a proposal not agreed yet). */
  target: number | null;
  /** The sum over the CONFIRMED reports (a superseded report is replaced by its confirmed correction). */
  confirmedTotal: number;
  /** How many confirmed reports the total adds up. */
  confirmedReports: number;
}

export interface PartnershipExportRow {
  id: string;
  title: string;
  description: string;
  status: PartnershipStatus;
  buyerId: string;
  buyerName: string;
  buyerOrganisationsnummer: string;
  enterpriseId: string;
  enterpriseName: string;
  enterpriseOrganisationsnummer: string;
  countyCode: string;
  municipalityCode: string | null;
  cpvCodes: string[];
  /** The Swedish label of each CPV code, in the same order (null for a code not in the reference data). */
  cpvLabels: (string | null)[];
  sdgs: number[];
  /** Dates, YYYY-MM-DD. */
  startsOn: string;
  endsOn: string | null;
  startedAt: Date;
  endedAt: Date | null;
  /** The need it was awarded from; null for an agreement a coordinator brokered. */
  needId: string | null;
  needForm: NeedForm | null;
  offerId: string | null;
  /** The accepted offer's price, when it came of an offer that named one. */
  offerPriceSek: number | null;
  /** When the buyer accepted the offer. */
  offerDecidedAt: Date | null;
  /** The coordinator (user id) who brokered it. */
  brokeredBy: string | null;
  targetsStatus: TargetsStatus;
  /** The last change of the partnership or of its confirmed impact. */
  updatedAt: Date;
  /** Per indicator with an agreed target or a confirmed value, by code. */
  impact: PartnershipImpactRow[];
}

/** An indicator of the catalogue, active or retired, as exports name it. */
export interface ExportIndicator {
  code: string;
  nameSv: string;
  nameEn: string;
  unit: ImpactUnit;
}

/**
 * Reads for exports, a page at a time in id order (keyset), so an export of any size streams in bounded
 * memory and a page costs the same at any depth.
 */
export class ExportRepository {
  constructor(private readonly dataSource: DataSource) {}

  async enterprises(scope: ExportScope, page: { limit: number; afterId?: string }): Promise<EnterpriseExportRow[]> {
    const rows: EnterpriseExportRow[] = await this.dataSource.query(
      `SELECT o.id, o.org_number AS organisationsnummer, o.name, o.municipality_code AS "municipalityCode", o.county_code AS "countyCode", o.website, o.verified,
         p.description, p.services, p.cpv_codes AS "cpvCodes", p.sdgs, p.nationwide, p.municipality_codes AS "municipalityCodes", p.county_codes AS "countyCodes",
         p.employees, p.annual_turnover_sek::float8 AS "annualTurnoverSek", p.max_contract_sek::float8 AS "maxContractSek", p.legal_form AS "legalForm",
         p.ideburen, p.work_integrating AS "workIntegrating", p.far_from_labour_market_share AS "farFromLabourMarketShare", p.certifications,
         m.source AS "importSource", m.external_id AS "externalId", GREATEST(o.updated_at, p.updated_at) AS "updatedAt"
       FROM organization o
       LEFT JOIN enterprise_profile p ON p.organization_id = o.id
       LEFT JOIN import_mapping m ON m.organization_id = o.id
       WHERE o.kind = 'SOCIAL_ENTERPRISE' AND ($1::uuid IS NULL OR o.id > $1::uuid) AND ($2::text[] IS NULL OR o.county_code = ANY($2::text[]))
       ORDER BY o.id LIMIT $3`,
      [page.afterId ?? null, scope.counties, page.limit],
    );
    return rows;
  }

  async needs(scope: ExportScope, page: { limit: number; afterId?: string }): Promise<NeedExportRow[]> {
    const rows: NeedExportRow[] = await this.dataSource.query(
      `SELECT n.id, n.buyer_organization_id AS "buyerOrganizationId", b.org_number AS "buyerOrganisationsnummer", b.name AS "buyerName", n.title, n.description,
         n.cpv_codes AS "cpvCodes", n.sdgs, n.municipality_code AS "municipalityCode", n.county_code AS "countyCode",
         n.budget_min_sek::float8 AS "budgetMinSek", n.budget_max_sek::float8 AS "budgetMaxSek", n.form, n.wanted_impact AS "wantedImpact",
         n.response_deadline AS "responseDeadline", n.status, n.published_at AS "publishedAt", n.created_at AS "createdAt", n.updated_at AS "updatedAt",
         m.source AS "importSource", m.external_id AS "externalId"
       FROM need n
       JOIN organization b ON b.id = n.buyer_organization_id
       LEFT JOIN import_mapping m ON m.need_id = n.id
       WHERE ($1::uuid IS NULL OR n.id > $1::uuid) AND ($2::text[] IS NULL OR b.county_code = ANY($2::text[])) AND ($3::text[] IS NULL OR (n.status = ANY($3::text[]) AND n.buyer_verified))
       ORDER BY n.id LIMIT $4`,
      [page.afterId ?? null, scope.counties, scope.needStatuses, page.limit],
    );
    return rows;
  }

  /**
   * Partnerships (of these counties: the partnership's own county, the buyer's), with their parties, the
   * accepted offer's price and, per page, their impact: two more queries a page, not one a row.
   */
  async partnerships(scope: ExportScope, page: { limit: number; afterId?: string }): Promise<PartnershipExportRow[]> {
    const rows: Omit<PartnershipExportRow, 'impact'>[] = await this.dataSource.query(
      `SELECT p.id, p.title, p.description, p.status,
         p.buyer_organization_id AS "buyerId", b.name AS "buyerName", b.org_number AS "buyerOrganisationsnummer",
         p.enterprise_organization_id AS "enterpriseId", e.name AS "enterpriseName", e.org_number AS "enterpriseOrganisationsnummer",
         p.county_code AS "countyCode", p.municipality_code AS "municipalityCode", p.cpv_codes AS "cpvCodes",
         ARRAY(SELECT c.label_sv FROM unnest(p.cpv_codes) WITH ORDINALITY AS u(code, i) LEFT JOIN cpv_code c ON c.code = u.code ORDER BY u.i) AS "cpvLabels",
         p.sdgs, p.starts_on::text AS "startsOn", p.ends_on::text AS "endsOn", p.started_at AS "startedAt", p.ended_at AS "endedAt",
         p.need_id AS "needId", n.form AS "needForm", p.offer_id AS "offerId", o.price_sek::float8 AS "offerPriceSek", o.decided_at AS "offerDecidedAt",
         p.brokered_by AS "brokeredBy", p.targets_status AS "targetsStatus",
         GREATEST(p.updated_at, (SELECT max(GREATEST(r.confirmed_at, r.superseded_at)) FROM impact_report r WHERE r.partnership_id = p.id AND r.confirmed_at IS NOT NULL)) AS "updatedAt"
       FROM partnership p
       JOIN organization b ON b.id = p.buyer_organization_id
       JOIN organization e ON e.id = p.enterprise_organization_id
       LEFT JOIN need n ON n.id = p.need_id
       LEFT JOIN offer o ON o.id = p.offer_id
       WHERE ($1::uuid IS NULL OR p.id > $1::uuid) AND ($2::text[] IS NULL OR p.county_code = ANY($2::text[]))
       ORDER BY p.id LIMIT $3`,
      [page.afterId ?? null, scope.counties, page.limit],
    );
    const impact = await this.impactOf(rows.map((r) => r.id));
    return rows.map((row) => ({ ...row, impact: impact.get(row.id) ?? [] }));
  }

  /** The indicator catalogue, retired indicators too (reports may have used them), by code. */
  async indicators(): Promise<ExportIndicator[]> {
    return this.dataSource.query(`SELECT code, name_sv AS "nameSv", name_en AS "nameEn", unit FROM impact_indicator ORDER BY code`);
  }

  private async impactOf(partnershipIds: readonly string[]): Promise<Map<string, PartnershipImpactRow[]>> {
    const byPartnership = new Map<string, PartnershipImpactRow[]>();
    if (partnershipIds.length === 0) return byPartnership;
    const rows: (PartnershipImpactRow & { partnershipId: string })[] = await this.dataSource.query(
      `WITH targets AS (
         SELECT t.partnership_id, t.indicator_code, t.target FROM partnership_target t JOIN partnership p ON p.id = t.partnership_id
         WHERE t.partnership_id = ANY($1::uuid[]) AND p.targets_status = 'AGREED'
       ), confirmed AS (
         SELECT r.partnership_id, v.indicator_code, sum(v.value) AS total, count(*)::int AS reports
         FROM impact_report r JOIN impact_report_value v ON v.report_id = r.id
         WHERE r.partnership_id = ANY($1::uuid[]) AND r.status = 'CONFIRMED'
         GROUP BY r.partnership_id, v.indicator_code
       )
       SELECT COALESCE(t.partnership_id, c.partnership_id) AS "partnershipId", i.code AS "indicatorCode", i.name_sv AS "nameSv", i.name_en AS "nameEn", i.unit,
         t.target::float8 AS target, COALESCE(c.total, 0)::float8 AS "confirmedTotal", COALESCE(c.reports, 0) AS "confirmedReports"
       FROM targets t FULL JOIN confirmed c ON c.partnership_id = t.partnership_id AND c.indicator_code = t.indicator_code
       JOIN impact_indicator i ON i.code = COALESCE(t.indicator_code, c.indicator_code)
       ORDER BY 1, 2`,
      [partnershipIds],
    );
    for (const { partnershipId, ...row } of rows) {
      const list = byPartnership.get(partnershipId) ?? [];
      list.push(row);
      byPartnership.set(partnershipId, list);
    }
    return byPartnership;
  }
}
