import type { DataSource, EntityManager } from 'typeorm';
import { returnedRows, type MatchRowInput, type NeedMatchState, type StoredMatch } from './matching.repository.js';

/** A need's match rows and its match state (`match`, `need_match_state`). Writes take the caller's transaction. */
export class MatchRepository {
  constructor(private readonly dataSource: DataSource) {}

  private q(manager?: EntityManager) {
    return manager ?? this.dataSource.manager;
  }

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
  async applyProfileScore(needId: string, organizationId: string, match: MatchRowInput | null, limit: number, algorithmVersion: string, manager: EntityManager): Promise<void> {
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
  async standings(
    needIds: readonly string[],
    organizationId: string,
    manager: EntityManager,
  ): Promise<Map<string, { matched: number; minScore: number | null; mine: number | null; computed: boolean }>> {
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
    const from = `FROM match m JOIN need n ON n.id = m.need_id AND n.status = 'PUBLISHED' AND n.buyer_verified WHERE m.organization_id = $1 AND m.score >= $2`;
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
}

const MATCH_COLUMNS = `m.need_id AS "needId", m.organization_id AS "organizationId", m.score::float8 AS score, m.components, m.reasons,
  m.algorithm_version AS "algorithmVersion", m.computed_at AS "computedAt"`;

function normaliseMatch(row: StoredMatch): StoredMatch {
  return { ...row, score: Number(row.score) };
}
