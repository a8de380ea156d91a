import type { DataSource, EntityManager } from 'typeorm';
import { returnedRows, type MatchingRebuild } from './matching.repository.js';

/** Rebuilds of every published need, in chunks (`matching_rebuild`, `matching_rebuild_chunk`). */
export class MatchingRebuildRepository {
  constructor(private readonly dataSource: DataSource) {}

  private q(manager?: EntityManager) {
    return manager ?? this.dataSource.manager;
  }

  /** Published needs whose matches were computed by another algorithm version, or never, and that no pending change covers. */
  async outdatedNeedIds(algorithmVersion: string, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.q().query(
      `SELECT n.id FROM need n LEFT JOIN need_match_state s ON s.need_id = n.id
       WHERE n.status = 'PUBLISHED' AND n.buyer_verified AND (s.need_id IS NULL OR s.algorithm_version <> $1)
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
   * Starts a rebuild of every published need, split into chunks of `chunkSize` needs; null when one is
   * already running. Returns the chunks to enqueue.
   */
  async startRebuild(algorithmVersion: string, reason: string, chunkSize: number, manager: EntityManager): Promise<{ rebuild: MatchingRebuild; chunks: number[] } | null> {
    const running = await manager.query(`SELECT id FROM matching_rebuild WHERE status = 'RUNNING' FOR UPDATE`);
    if (running.length > 0) return null;
    const needs: { id: string }[] = await manager.query(`SELECT id FROM need WHERE status = 'PUBLISHED' AND buyer_verified ORDER BY id`);
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
    const rows = await manager.query(`SELECT need_ids AS "needIds", done_at AS "doneAt" FROM matching_rebuild_chunk WHERE rebuild_id = $1 AND chunk = $2 FOR UPDATE`, [
      rebuildId,
      chunk,
    ]);
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

const REBUILD_COLUMNS = `id, algorithm_version AS "algorithmVersion", status, reason, chunks_total AS "chunksTotal", chunks_done AS "chunksDone",
  needs_total AS "needsTotal", started_at AS "startedAt", finished_at AS "finishedAt"`;
