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
  COALESCE(t.ongoing_with_impact, 0)::int AS "ongoingWithImpact", COALESCE(t.buyers, '{}') AS "partnerBuyerIds"`;

// The track record (see TRACK_RECORD in libs/scoring): completed partnerships, and partnerships with
// confirmed impact. Per profile through the partnership index: a grouped subquery would aggregate the
// whole table even when a handful of profiles is asked for.
const PROFILE_FROM = `
  enterprise_profile p
  LEFT JOIN LATERAL (
    SELECT count(*) FILTER (WHERE x.status = 'COMPLETED') AS completed,
           count(*) FILTER (WHERE x.status = 'COMPLETED' AND x.impact) AS completed_with_impact,
           count(*) FILTER (WHERE x.status = 'ACTIVE' AND x.impact) AS ongoing_with_impact,
           array_agg(DISTINCT x.buyer_organization_id) FILTER (WHERE x.status = 'COMPLETED' OR x.impact) AS buyers
    FROM (
      SELECT y.status, y.buyer_organization_id,
             EXISTS (SELECT 1 FROM impact_report r WHERE r.partnership_id = y.id AND r.status = 'CONFIRMED') AS impact
      FROM partnership y WHERE y.enterprise_organization_id = p.organization_id AND y.status IN ('ACTIVE', 'COMPLETED')
    ) x
  ) t ON true`;

const NEED_COLUMNS = `
  n.id, n.buyer_organization_id AS "buyerOrganizationId", n.title, n.description, n.cpv_codes AS "cpvCodes", n.sdgs,
  n.municipality_code AS "municipalityCode", n.county_code AS "countyCode", n.budget_min_sek::float8 AS "budgetMinSek",
  n.budget_max_sek::float8 AS "budgetMaxSek", n.form, n.status`;

/**
 * What the matcher reads and writes: matchable profiles and needs (all of them, or those changed since a
 * transaction horizon), the outbox of changes to match, the match rows and each need's match state,
 * and rebuilds. Writes take the caller's transaction.
 */
export class MatchingRepository {
  constructor(private readonly dataSource: DataSource) {}

  private q(manager?: EntityManager) {
    return manager ?? this.dataSource.manager;
  }

  // ------------------------------------------------------------ feature feeds

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

  /** Needs changed since the horizon (all when null), whatever their status; the caller keeps the published ones. */
  async needsChangedSince(since: string | null, manager?: EntityManager): Promise<{ rows: MatchableNeedRow[]; horizon: string }> {
    const [{ horizon }] = await this.q(manager).query(`SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS horizon`);
    const rows: MatchableNeedRow[] =
      since === null
        ? await this.q(manager).query(`SELECT ${NEED_COLUMNS} FROM need n WHERE n.status = 'PUBLISHED'`)
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

  // ------------------------------------------------------------ locks

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

  // ------------------------------------------------------------ matches

  /** Replaces a need's matches and state; returns the scores the need's matches had before, by enterprise. */
  async replaceMatches(
    needId: string,
    matches: readonly MatchRowInput[],
    state: { algorithmVersion: string; candidates: number; minScore: number | null },
    manager: EntityManager,
  ): Promise<Map<string, number>> {
    const removed = returnedRows(await manager.query(`DELETE FROM match WHERE need_id = $1 RETURNING organization_id AS "organizationId", score::float8 AS score`, [needId])) as {
      organizationId: string;
      score: number;
    }[];
    await this.insertMatches(needId, matches, state.algorithmVersion, manager);
    await manager.query(
      `INSERT INTO need_match_state (need_id, algorithm_version, computed_at, candidates, matched, min_score)
       VALUES ($1, $2, now(), $3, $4, $5)
       ON CONFLICT (need_id) DO UPDATE SET algorithm_version = EXCLUDED.algorithm_version, computed_at = EXCLUDED.computed_at,
         candidates = EXCLUDED.candidates, matched = EXCLUDED.matched, min_score = EXCLUDED.min_score`,
      [needId, state.algorithmVersion, state.candidates, matches.length, state.minScore],
    );
    return new Map(removed.map((r) => [r.organizationId, Number(r.score)]));
  }

  private async insertMatches(needId: string, matches: readonly MatchRowInput[], algorithmVersion: string, manager: EntityManager): Promise<void> {
    if (matches.length === 0) return;
    await manager.query(
      `INSERT INTO match (need_id, organization_id, score, components, reasons, algorithm_version, computed_at)
       SELECT $1, m.organization_id, m.score, m.components, m.reasons, $2, now()
       FROM unnest($3::uuid[], $4::numeric[], $5::jsonb[], $6::jsonb[]) AS m(organization_id, score, components, reasons)
       ON CONFLICT (need_id, organization_id) DO UPDATE SET score = EXCLUDED.score, components = EXCLUDED.components,
         reasons = EXCLUDED.reasons, algorithm_version = EXCLUDED.algorithm_version, computed_at = EXCLUDED.computed_at`,
      [
        needId,
        algorithmVersion,
        matches.map((m) => m.organizationId),
        matches.map((m) => m.score),
        matches.map((m) => JSON.stringify(m.components)),
        matches.map((m) => JSON.stringify(m.reasons)),
      ],
    );
  }

  /** One enterprise's new match with a need (or none), keeping the need's best `limit`. */
  async applyProfileScore(
    needId: string,
    organizationId: string,
    match: MatchRowInput | null,
    limit: number,
    algorithmVersion: string,
    manager: EntityManager,
  ): Promise<void> {
    if (match) await this.insertMatches(needId, [match], algorithmVersion, manager);
    else await manager.query(`DELETE FROM match WHERE need_id = $1 AND organization_id = $2`, [needId, organizationId]);
    await manager.query(
      `DELETE FROM match WHERE need_id = $1 AND organization_id IN (
         SELECT organization_id FROM match WHERE need_id = $1 ORDER BY score DESC, organization_id OFFSET $2)`,
      [needId, limit],
    );
    await manager.query(
      `UPDATE need_match_state s SET matched = c.matched, min_score = CASE WHEN c.matched >= $2 THEN c.min_score END, computed_at = now()
       FROM (SELECT count(*)::int AS matched, min(score) AS min_score FROM match WHERE need_id = $1) c WHERE s.need_id = $1`,
      [needId, limit],
    );
  }

  /** For these needs: their match state, and this enterprise's current row in each, if any. */
  async standings(needIds: readonly string[], organizationId: string, manager: EntityManager): Promise<Map<string, { matched: number; minScore: number | null; mine: number | null; computed: boolean }>> {
    const rows: { needId: string; matched: number | null; minScore: string | null; mine: string | null }[] = await manager.query(
      `SELECT n.id AS "needId", s.matched, s.min_score::text AS "minScore", m.score::text AS mine
       FROM unnest($1::uuid[]) AS n(id)
       LEFT JOIN need_match_state s ON s.need_id = n.id
       LEFT JOIN match m ON m.need_id = n.id AND m.organization_id = $2`,
      [needIds, organizationId],
    );
    return new Map(
      rows.map((r) => [
        r.needId,
        { matched: r.matched ?? 0, minScore: r.minScore === null ? null : Number(r.minScore), mine: r.mine === null ? null : Number(r.mine), computed: r.matched !== null },
      ]),
    );
  }

  /** The needs where this enterprise has a match row. */
  async matchedNeedIds(organizationId: string, manager?: EntityManager): Promise<string[]> {
    const rows: { needId: string }[] = await this.q(manager).query(`SELECT need_id AS "needId" FROM match WHERE organization_id = $1`, [organizationId]);
    return rows.map((r) => r.needId);
  }

  async deleteMatchesOfNeed(needId: string, manager: EntityManager): Promise<void> {
    await manager.query(`DELETE FROM match WHERE need_id = $1`, [needId]);
    await manager.query(`DELETE FROM need_match_state WHERE need_id = $1`, [needId]);
  }

  /** A need's matches, best first, from after the keyset position; `total` counts all at or above minScore. */
  async matchesOfNeed(needId: string, options: { minScore: number; limit: number; after?: { score: number; id: string } }): Promise<{ rows: StoredMatch[]; total: number }> {
    const params: unknown[] = [needId, options.minScore, options.limit + 1];
    let keyset = '';
    if (options.after) {
      params.push(options.after.score, options.after.id);
      keyset = `AND (m.score < $4 OR (m.score = $4 AND m.organization_id > $5))`;
    }
    const rows = await this.q().query(
      `SELECT ${MATCH_COLUMNS} FROM match m WHERE m.need_id = $1 AND m.score >= $2 ${keyset} ORDER BY m.score DESC, m.organization_id LIMIT $3`,
      params,
    );
    const [{ total }] = await this.q().query(`SELECT count(*)::int AS total FROM match WHERE need_id = $1 AND score >= $2`, [needId, options.minScore]);
    return { rows: rows.map(normaliseMatch), total };
  }

  /** An enterprise's matches with published needs, best first. */
  async matchesOfOrganization(
    organizationId: string,
    options: { minScore: number; limit: number; after?: { score: number; id: string } },
  ): Promise<{ rows: StoredMatch[]; total: number }> {
    const params: unknown[] = [organizationId, options.minScore, options.limit + 1];
    let keyset = '';
    if (options.after) {
      params.push(options.after.score, options.after.id);
      keyset = `AND (m.score < $4 OR (m.score = $4 AND m.need_id > $5))`;
    }
    const from = `FROM match m JOIN need n ON n.id = m.need_id AND n.status = 'PUBLISHED' WHERE m.organization_id = $1 AND m.score >= $2`;
    const rows = await this.q().query(`SELECT ${MATCH_COLUMNS} ${from} ${keyset} ORDER BY m.score DESC, m.need_id LIMIT $3`, params);
    const [{ total }] = await this.q().query(`SELECT count(*)::int AS total ${from}`, [organizationId, options.minScore]);
    return { rows: rows.map(normaliseMatch), total };
  }

  async states(needIds: readonly string[]): Promise<NeedMatchState[]> {
    if (needIds.length === 0) return [];
    const rows = await this.q().query(
      `SELECT need_id AS "needId", algorithm_version AS "algorithmVersion", computed_at AS "computedAt", candidates, matched, min_score::float8 AS "minScore"
       FROM need_match_state WHERE need_id = ANY($1::uuid[])`,
      [needIds],
    );
    return rows;
  }

  // ------------------------------------------------------------ rebuilds

  /** Published needs whose matches were computed by another algorithm version, or never, and that no pending change covers. */
  async outdatedNeedIds(algorithmVersion: string, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.q().query(
      `SELECT n.id FROM need n LEFT JOIN need_match_state s ON s.need_id = n.id
       WHERE n.status = 'PUBLISHED' AND (s.need_id IS NULL OR s.algorithm_version <> $1)
       AND n.id::text NOT IN (SELECT o.payload->>'needId' FROM job_outbox o WHERE o.job_name = 'matching.need' AND o.given_up_at IS NULL)
       ORDER BY n.id LIMIT $2`,
      [algorithmVersion, limit],
    );
    return rows.map((r) => r.id);
  }

  async runningRebuild(): Promise<MatchingRebuild | null> {
    const rows = await this.q().query(`SELECT ${REBUILD_COLUMNS} FROM matching_rebuild WHERE status = 'RUNNING'`);
    return rows[0] ?? null;
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
    const [{ n }] = await this.q().query(`SELECT count(*)::int AS n FROM need WHERE status = 'PUBLISHED'`);
    return n;
  }

  /**
   * Starts a rebuild of every published need, split into chunks of `chunkSize` needs; null when one is
   * already running. Returns the chunks to enqueue.
   */
  async startRebuild(algorithmVersion: string, reason: string, chunkSize: number, manager: EntityManager): Promise<{ rebuild: MatchingRebuild; chunks: number[] } | null> {
    const running = await manager.query(`SELECT id FROM matching_rebuild WHERE status = 'RUNNING' FOR UPDATE`);
    if (running.length > 0) return null;
    const needs: { id: string }[] = await manager.query(`SELECT id FROM need WHERE status = 'PUBLISHED' ORDER BY id`);
    const chunkCount = Math.ceil(needs.length / chunkSize);
    const [created] = await manager.query(
      `INSERT INTO matching_rebuild (algorithm_version, status, reason, chunks_total, needs_total, finished_at)
       VALUES ($1, CASE WHEN $3::int = 0 THEN 'DONE' ELSE 'RUNNING' END, $2, $3, $4, CASE WHEN $3::int = 0 THEN now() END)
       ON CONFLICT DO NOTHING RETURNING id`,
      [algorithmVersion, reason, chunkCount, needs.length],
    );
    if (!created) return null;
    const chunks: number[] = [];
    for (let c = 0; c < chunkCount; c++) chunks.push(c);
    if (chunkCount > 0) {
      await manager.query(
        `INSERT INTO matching_rebuild_chunk (rebuild_id, chunk, need_ids)
         SELECT $1, c.chunk, (SELECT array_agg(id ORDER BY id) FROM unnest($2::uuid[]) WITH ORDINALITY AS u(id, i) WHERE (u.i - 1) / $3 = c.chunk)
         FROM generate_series(0, $4 - 1) AS c(chunk)`,
        [created.id, needs.map((n) => n.id), chunkSize, chunkCount],
      );
    }
    return { rebuild: (await this.rebuild(created.id, manager))!, chunks };
  }

  async rebuild(id: string, manager?: EntityManager): Promise<MatchingRebuild | null> {
    const rows = await this.q(manager).query(`SELECT ${REBUILD_COLUMNS} FROM matching_rebuild WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  async latestRebuild(): Promise<MatchingRebuild | null> {
    const rows = await this.q().query(`SELECT ${REBUILD_COLUMNS} FROM matching_rebuild ORDER BY started_at DESC LIMIT 1`);
    return rows[0] ?? null;
  }

  /** A chunk's needs, or null when it is done already (a retry after the work was committed). */
  async chunkNeeds(rebuildId: string, chunk: number, manager: EntityManager): Promise<string[] | null> {
    const rows = await manager.query(`SELECT need_ids AS "needIds", done_at AS "doneAt" FROM matching_rebuild_chunk WHERE rebuild_id = $1 AND chunk = $2 FOR UPDATE`, [rebuildId, chunk]);
    if (!rows[0] || rows[0].doneAt) return null;
    return rows[0].needIds;
  }

  /**
   * Marks the chunk done and the rebuild done with its last chunk. The rebuild's row is locked first, so
   * two chunks finishing at the same moment count one after the other (each sees the other's chunk).
   */
  async completeChunk(rebuildId: string, chunk: number, manager: EntityManager): Promise<MatchingRebuild> {
    await manager.query(`SELECT id FROM matching_rebuild WHERE id = $1 FOR UPDATE`, [rebuildId]);
    await manager.query(`UPDATE matching_rebuild_chunk SET done_at = now() WHERE rebuild_id = $1 AND chunk = $2 AND done_at IS NULL`, [rebuildId, chunk]);
    await manager.query(
      `UPDATE matching_rebuild r SET chunks_done = c.done,
         status = CASE WHEN c.done >= r.chunks_total THEN 'DONE' ELSE r.status END,
         finished_at = CASE WHEN c.done >= r.chunks_total THEN now() ELSE r.finished_at END
       FROM (SELECT count(*)::int AS done FROM matching_rebuild_chunk WHERE rebuild_id = $1 AND done_at IS NOT NULL) c
       WHERE r.id = $1`,
      [rebuildId],
    );
    return (await this.rebuild(rebuildId, manager))!;
  }

  /** Finishes a running rebuild whose chunks are all done (a safety net: the last chunk normally does it). */
  async finishCompleteRebuilds(): Promise<number> {
    const result = await this.q().query(
      `UPDATE matching_rebuild r SET status = 'DONE', finished_at = now(), chunks_done = r.chunks_total
       WHERE r.status = 'RUNNING' AND NOT EXISTS (SELECT 1 FROM matching_rebuild_chunk c WHERE c.rebuild_id = r.id AND c.done_at IS NULL)
       RETURNING r.id`,
    );
    return returnedRows(result).length;
  }
}

/** The RETURNING rows of an UPDATE: TypeORM's postgres driver answers [rows, count] for it. */
function returnedRows(result: unknown): unknown[] {
  return (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result) as unknown[];
}

const MATCH_COLUMNS = `m.need_id AS "needId", m.organization_id AS "organizationId", m.score::float8 AS score, m.components, m.reasons,
  m.algorithm_version AS "algorithmVersion", m.computed_at AS "computedAt"`;

const REBUILD_COLUMNS = `id, algorithm_version AS "algorithmVersion", status, reason, chunks_total AS "chunksTotal", chunks_done AS "chunksDone",
  needs_total AS "needsTotal", started_at AS "startedAt", finished_at AS "finishedAt"`;

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

function normaliseMatch(row: StoredMatch): StoredMatch {
  return { ...row, score: Number(row.score) };
}
