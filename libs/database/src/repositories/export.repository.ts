import type { DataSource } from 'typeorm';
import type { LegalForm, NeedForm, NeedStatus } from '@samverka/domain';

/** What an export may contain: organisations at home in these counties (null: all), needs in these statuses (null: all). */
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
       WHERE ($1::uuid IS NULL OR n.id > $1::uuid) AND ($2::text[] IS NULL OR b.county_code = ANY($2::text[])) AND ($3::text[] IS NULL OR n.status = ANY($3::text[]))
       ORDER BY n.id LIMIT $4`,
      [page.afterId ?? null, scope.counties, scope.needStatuses, page.limit],
    );
    return rows;
  }
}
