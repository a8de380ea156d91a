import type { DataSource, EntityManager } from 'typeorm';
import type { NeedForm, NeedStatus } from '@samverka/domain';

export type MatchingSubject = 'need' | 'profile';

/** A profile as the matcher reads it, with its track record. */
export interface MatchableProfileRow {
  organizationId: string;
  description: string;
  services: string;
  cpvCodes: string[];
  sdgs: number[];
  nationwide: boolean;
  municipalityCodes: string[];
  countyCodes: string[];
  maxContractSek: number | null;
  ideburen: boolean;
  workIntegrating: boolean;
  farFromLabourMarketShare: number | null;
  /** COMPLETED partnerships. */
  completedPartnerships: number;
  /** Of those, the ones with at least one CONFIRMED impact report. */
  completedWithImpact: number;
  /** ACTIVE partnerships with at least one CONFIRMED impact report. */
  ongoingWithImpact: number;
  /** The buyers of the partnerships counted above (a TERMINATED one, or an ACTIVE one without confirmed impact, is not). */
  partnerBuyerIds: string[];
  /** The municipalities and counties of the needs those partnerships answered. */
  partnerMunicipalityCodes: string[];
  partnerCountyCodes: string[];
  /** The first CPV code of each counted partnership's need, once per partnership (its field). */
  partnerCpvCodes: string[];
  /** Whether the enterprise is verified: only verified enterprises are matched. */
  verified: boolean;
}

/** A need as the matcher reads it. */
export interface MatchableNeedRow {
  id: string;
  buyerOrganizationId: string;
  title: string;
  description: string;
  cpvCodes: string[];
  sdgs: number[];
  municipalityCode: string | null;
  countyCode: string | null;
  budgetMinSek: number | null;
  budgetMaxSek: number | null;
  form: NeedForm;
  status: NeedStatus;
  /** Whether its buyer is verified: only then is a published need matched. */
  buyerVerified: boolean;
}

export interface MatchRowInput {
  organizationId: string;
  score: number;
  components: unknown;
  reasons: unknown;
}

export interface StoredMatch {
  needId: string;
  organizationId: string;
  score: number;
  components: unknown;
  reasons: unknown;
  algorithmVersion: string;
  computedAt: Date;
}

export interface NeedMatchState {
  needId: string;
  algorithmVersion: string;
  computedAt: Date;
  candidates: number;
  matched: number;
  minScore: number | null;
}

export interface MatchingRebuild {
  id: string;
  algorithmVersion: string;
  status: 'RUNNING' | 'DONE';
  reason: string;
  chunksTotal: number;
  chunksDone: number;
  needsTotal: number;
  startedAt: Date;
  finishedAt: Date | null;
}

const PROFILE_COLUMNS = `
  p.organization_id AS "organizationId", p.description, p.services, p.cpv_codes AS "cpvCodes", p.sdgs, p.nationwide,
  p.municipality_codes AS "municipalityCodes", p.county_codes AS "countyCodes", p.max_contract_sek::float8 AS "maxContractSek",
  p.ideburen, p.work_integrating AS "workIntegrating", p.far_from_labour_market_share AS "farFromLabourMarketShare",
  COALESCE(t.completed, 0)::int AS "completedPartnerships", COALESCE(t.completed_with_impact, 0)::int AS "completedWithImpact",
  COALESCE(t.ongoing_with_impact, 0)::int AS "ongoingWithImpact", COALESCE(t.buyers, '{}') AS "partnerBuyerIds",
  COALESCE(t.buyer_municipalities, '{}') AS "partnerMunicipalityCodes", COALESCE(t.buyer_counties, '{}') AS "partnerCountyCodes",
  COALESCE(t.cpv_codes, '{}') AS "partnerCpvCodes", o.verified`;

// The track record (see TRACK_RECORD in libs/scoring): completed partnerships, and partnerships with
// confirmed impact; the buyers once per partnership (repeat partnerships with a buyer count), and the
// places and the first CPV codes of the needs the partnerships answered. Per profile through the partnership index: a grouped subquery would aggregate the
// whole table even when a handful of profiles is asked for.
const PROFILE_FROM = `
  enterprise_profile p
  JOIN organization o ON o.id = p.organization_id
  LEFT JOIN LATERAL (
    SELECT count(*) FILTER (WHERE x.status = 'COMPLETED') AS completed,
           count(*) FILTER (WHERE x.status = 'COMPLETED' AND x.impact) AS completed_with_impact,
           count(*) FILTER (WHERE x.status = 'ACTIVE' AND x.impact) AS ongoing_with_impact,
           array_agg(x.buyer_organization_id ORDER BY x.buyer_organization_id) FILTER (WHERE x.status = 'COMPLETED' OR x.impact) AS buyers,
           array_agg(DISTINCT x.municipality_code) FILTER (WHERE (x.status = 'COMPLETED' OR x.impact) AND x.municipality_code IS NOT NULL) AS buyer_municipalities,
           array_agg(DISTINCT x.county_code) FILTER (WHERE (x.status = 'COMPLETED' OR x.impact) AND x.county_code IS NOT NULL) AS buyer_counties,
           array_agg(x.cpv_code ORDER BY x.cpv_code) FILTER (WHERE (x.status = 'COMPLETED' OR x.impact) AND x.cpv_code IS NOT NULL) AS cpv_codes
    FROM (
      SELECT y.status, y.buyer_organization_id, pn.municipality_code, pn.county_code, pn.cpv_codes[1] AS cpv_code,
             EXISTS (SELECT 1 FROM impact_report r WHERE r.partnership_id = y.id AND r.status = 'CONFIRMED') AS impact
      FROM partnership y LEFT JOIN need pn ON pn.id = y.need_id WHERE y.enterprise_organization_id = p.organization_id AND y.status IN ('ACTIVE', 'COMPLETED')
    ) x
  ) t ON true`;

const NEED_COLUMNS = `
  n.id, n.buyer_organization_id AS "buyerOrganizationId", n.title, n.description, n.cpv_codes AS "cpvCodes", n.sdgs,
  n.municipality_code AS "municipalityCode", n.county_code AS "countyCode", n.budget_min_sek::float8 AS "budgetMinSek",
  n.budget_max_sek::float8 AS "budgetMaxSek", n.form, n.status, n.buyer_verified AS "buyerVerified"`;

/**
 * What the matcher reads: matchable profiles and needs (all of them, or those changed since a transaction
 * horizon), the subjects' matching locks, and an import's pending profile changes. The match rows are
 * MatchRepository's, rebuilds MatchingRebuildRepository's.
 */
export class MatchingRepository {
  constructor(private readonly dataSource: DataSource) {}

  private q(manager?: EntityManager) {
    return manager ?? this.dataSource.manager;
  }

  /**
   * Profiles changed by transactions at or after `since` (all when null), and the horizon to pass next
   * time: the oldest transaction still running now, so a slow transaction that commits later is seen.
   */
  async profilesChangedSince(since: string | null, manager?: EntityManager): Promise<{ rows: MatchableProfileRow[]; horizon: string; all: boolean }> {
    const [{ horizon }] = await this.q(manager).query(`SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS horizon`);
    const where = since === null ? '' : `WHERE p.feature_xid >= $1::xid8`;
    const rows: MatchableProfileRow[] = await this.q(manager).query(`SELECT ${PROFILE_COLUMNS} FROM ${PROFILE_FROM} ${where}`, since === null ? [] : [since]);
    return { rows: rows.map(normaliseProfile), horizon, all: since === null };
  }

  /**
   * Needs changed since the horizon (all matchable ones when null), whatever their status and their buyer's
   * verification; the caller keeps the published ones of verified buyers.
   */
  async needsChangedSince(since: string | null, manager?: EntityManager): Promise<{ rows: MatchableNeedRow[]; horizon: string }> {
    const [{ horizon }] = await this.q(manager).query(`SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS horizon`);
    const rows: MatchableNeedRow[] =
      since === null
        ? await this.q(manager).query(`SELECT ${NEED_COLUMNS} FROM need n WHERE n.status = 'PUBLISHED' AND n.buyer_verified`)
        : await this.q(manager).query(`SELECT ${NEED_COLUMNS} FROM need n WHERE n.feature_xid >= $1::xid8`, [since]);
    return { rows: rows.map(normaliseNeed), horizon };
  }

  async needsByIds(ids: readonly string[], manager?: EntityManager): Promise<MatchableNeedRow[]> {
    if (ids.length === 0) return [];
    const rows: MatchableNeedRow[] = await this.q(manager).query(`SELECT ${NEED_COLUMNS} FROM need n WHERE n.id = ANY($1::uuid[]) ORDER BY n.id`, [ids]);
    return rows.map(normaliseNeed);
  }

  async need(id: string, manager?: EntityManager): Promise<MatchableNeedRow | null> {
    const rows = await this.q(manager).query(`SELECT ${NEED_COLUMNS} FROM need n WHERE n.id = $1`, [id]);
    return rows[0] ? normaliseNeed(rows[0]) : null;
  }

  async profile(organizationId: string, manager?: EntityManager): Promise<MatchableProfileRow | null> {
    const rows = await this.q(manager).query(`SELECT ${PROFILE_COLUMNS} FROM ${PROFILE_FROM} WHERE p.organization_id = $1`, [organizationId]);
    return rows[0] ? normaliseProfile(rows[0]) : null;
  }

  async profilesByIds(organizationIds: readonly string[], manager?: EntityManager): Promise<MatchableProfileRow[]> {
    if (organizationIds.length === 0) return [];
    const rows: MatchableProfileRow[] = await this.q(manager).query(`SELECT ${PROFILE_COLUMNS} FROM ${PROFILE_FROM} WHERE p.organization_id = ANY($1::uuid[])`, [organizationIds]);
    return rows.map(normaliseProfile);
  }

  /** Holds the subject's matching lock until the transaction ends: its jobs run one at a time. */
  async lock(kind: MatchingSubject, id: string, manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))`, [`matching.${kind}`, id]);
  }

  /** Locks several needs, in the order of their lock keys, so that two jobs never wait on each other. */
  async lockNeeds(ids: readonly string[], manager: EntityManager): Promise<void> {
    if (ids.length === 0) return;
    await manager.query(
      `SELECT pg_advisory_xact_lock(hashtext('matching.need'), k.key)
       FROM (SELECT DISTINCT hashtext(id) AS key FROM unnest($1::text[]) AS u(id)) k ORDER BY k.key`,
      [ids],
    );
  }

  /**
   * Clears the pending profile changes of the organisations an import run wrote: for a rebuild started in
   * the same transaction, which ranks every enterprise for every published need and so covers them.
   */
  async completeProfilesOfImport(runId: string, manager: EntityManager): Promise<void> {
    await manager.query(
      `DELETE FROM job_outbox o USING import_mapping m
       WHERE o.job_name = 'matching.profile' AND o.payload->>'organizationId' = m.organization_id::text AND m.run_id = $1`,
      [runId],
    );
  }

  /** The pending profile changes of an import run's organisations, a page at a time in id order. */
  async pendingProfilesOfImport(runId: string, afterId: string | null, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.q().query(
      `SELECT DISTINCT m.organization_id AS id FROM job_outbox o JOIN import_mapping m ON o.payload->>'organizationId' = m.organization_id::text
       WHERE o.job_name = 'matching.profile' AND o.given_up_at IS NULL AND m.run_id = $1 AND ($2::uuid IS NULL OR m.organization_id > $2::uuid)
       ORDER BY m.organization_id LIMIT $3`,
      [runId, afterId, limit],
    );
    return rows.map((r) => r.id);
  }

  async publishedNeedCount(): Promise<number> {
    const [{ n }] = await this.q().query(`SELECT count(*)::int AS n FROM need WHERE status = 'PUBLISHED' AND buyer_verified`);
    return n;
  }
}

/** The RETURNING rows of an UPDATE: TypeORM's postgres driver answers [rows, count] for it. */
export function returnedRows(result: unknown): unknown[] {
  return (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result) as unknown[];
}

function normaliseProfile(row: MatchableProfileRow): MatchableProfileRow {
  return { ...row, sdgs: row.sdgs.map(Number), maxContractSek: row.maxContractSek === null ? null : Number(row.maxContractSek) };
}

function normaliseNeed(row: MatchableNeedRow): MatchableNeedRow {
  return {
    ...row,
    sdgs: row.sdgs.map(Number),
    municipalityCode: row.municipalityCode?.trim() ?? null,
    countyCode: row.countyCode?.trim() ?? null,
    budgetMinSek: row.budgetMinSek === null ? null : Number(row.budgetMinSek),
    budgetMaxSek: row.budgetMaxSek === null ? null : Number(row.budgetMaxSek),
  };
}
