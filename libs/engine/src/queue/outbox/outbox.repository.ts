import type { DataSource, EntityManager } from 'typeorm';

/** A job to write into the outbox: its row's key (made by the job registry), name and payload. */
export interface OutboxEntry {
  key: string;
  jobName: string;
  payload: unknown;
}

/** A row whose job is due to be taken for lost. */
export interface DueOutboxRow extends OutboxEntry {
  revision: string;
  sweeps: number;
}

/**
 * `job_outbox`: one row per job still to be done, keyed by the job registry's key. Publishing the same
 * key again gives the row a new revision (a newer change); a job clears the row only for the revision it
 * saw, so a change that arrives while it runs keeps its row. Times come from the caller's clock.
 */
export class OutboxRepository {
  constructor(private readonly dataSource: DataSource) {}

  private q(manager?: EntityManager) {
    return manager ?? this.dataSource.manager;
  }

  /** Writes (or renews) the rows in the caller's transaction; their revisions by key. */
  async write(entries: readonly OutboxEntry[], now: Date, dueAt: readonly Date[], manager: EntityManager): Promise<Map<string, string>> {
    if (entries.length === 0) return new Map();
    const rows: { key: string; revision: string }[] = await manager.query(
      `INSERT INTO job_outbox (key, job_name, payload, published_at, due_at)
       SELECT e.key, e.job_name, e.payload, $4, e.due_at FROM unnest($1::text[], $2::text[], $3::jsonb[], $5::timestamptz[]) AS e(key, job_name, payload, due_at)
       ON CONFLICT (key) DO UPDATE SET revision = nextval('job_outbox_revision_seq'), payload = EXCLUDED.payload,
         published_at = EXCLUDED.published_at, due_at = EXCLUDED.due_at, sweeps = 0, given_up_at = NULL
       RETURNING key, revision::text AS revision`,
      [entries.map((e) => e.key), entries.map((e) => e.jobName), entries.map((e) => JSON.stringify(e.payload)), now, dueAt],
    );
    return new Map(rows.map((r) => [r.key, r.revision]));
  }

  /**
   * The revision of the row, or null when there is none (or it was given up). With `lock`, the row is
   * share-locked until the transaction ends: a newer publish of the key waits for it.
   */
  async revision(key: string, manager?: EntityManager, options: { lock?: boolean } = {}): Promise<string | null> {
    const rows: { revision: string }[] = await this.q(manager).query(
      `SELECT revision::text AS revision FROM job_outbox WHERE key = $1 AND given_up_at IS NULL${options.lock ? ' FOR SHARE' : ''}`,
      [key],
    );
    return rows[0]?.revision ?? null;
  }

  /** The revisions of the rows among these keys, by key. */
  async revisions(keys: readonly string[], manager?: EntityManager): Promise<Map<string, string>> {
    if (keys.length === 0) return new Map();
    const rows: { key: string; revision: string }[] = await this.q(manager).query(
      `SELECT key, revision::text AS revision FROM job_outbox WHERE key = ANY($1::text[]) AND given_up_at IS NULL`,
      [keys],
    );
    return new Map(rows.map((r) => [r.key, r.revision]));
  }

  /** Clears the row: its job is done, unless a newer publish arrived meanwhile (its revision differs). */
  async complete(key: string, revision: string, manager?: EntityManager): Promise<boolean> {
    const rows = returnedRows(await this.q(manager).query(`DELETE FROM job_outbox WHERE key = $1 AND revision = $2::bigint RETURNING key`, [key, revision]));
    return rows.length > 0;
  }

  /** Clears rows whatever their revision: work started in the same transaction covers them. */
  async discard(keys: readonly string[], manager: EntityManager): Promise<void> {
    if (keys.length > 0) await manager.query(`DELETE FROM job_outbox WHERE key = ANY($1::text[])`, [keys]);
  }

  /** A running job's sign of life: its row is not taken for lost before `dueAt`. */
  async keepAlive(key: string, dueAt: Date, manager: EntityManager): Promise<void> {
    await manager.query(`UPDATE job_outbox SET due_at = $2 WHERE key = $1 AND given_up_at IS NULL`, [key, dueAt]);
  }

  /** Rows due at `now` (their job not done long after its enqueue), oldest first. */
  async due(now: Date, limit: number): Promise<DueOutboxRow[]> {
    return this.q().query(
      `SELECT key, job_name AS "jobName", payload, revision::text AS revision, sweeps FROM job_outbox
       WHERE given_up_at IS NULL AND due_at <= $1 ORDER BY due_at, key LIMIT $2`,
      [now, limit],
    );
  }

  /** The sweep enqueued the row's job again: one more attempt, due again at `dueAt`. */
  async swept(key: string, revision: string, dueAt: Date): Promise<void> {
    await this.q().query(`UPDATE job_outbox SET sweeps = sweeps + 1, due_at = $3 WHERE key = $1 AND revision = $2::bigint`, [key, revision, dueAt]);
  }

  /** The row is given up: kept for operators to see, never enqueued again (a new publish revives it). */
  async giveUp(key: string, revision: string, now: Date): Promise<boolean> {
    const rows = returnedRows(
      await this.q().query(`UPDATE job_outbox SET given_up_at = $3 WHERE key = $1 AND revision = $2::bigint AND given_up_at IS NULL RETURNING key`, [key, revision, now]),
    );
    return rows.length > 0;
  }

  /** Which of these keys have a row whose job is not done. */
  async pending(keys: readonly string[]): Promise<Set<string>> {
    return new Set((await this.revisions(keys)).keys());
  }
}

/** The RETURNING rows of an UPDATE or DELETE: TypeORM's postgres driver answers [rows, count] for them. */
function returnedRows(result: unknown): unknown[] {
  return (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result) as unknown[];
}
