import type { DataSource, EntityManager } from 'typeorm';

/** A table whose rows carry search parts, and the SQL of the texts they are computed from. */
interface SearchedTable {
  table: 'need' | 'enterprise_profile' | 'partnership';
  key: string;
  /** The texts, in the order the writers give them to searchPartsOf. */
  texts: string[];
}

/**
 * The tables searched with compound parts. The texts must be those their writers use: NeedRepository,
 * profileSearchParts and the partnership's (a description only when it came from a need).
 */
export const SEARCHED_TABLES: readonly SearchedTable[] = [
  { table: 'need', key: 'id', texts: ['title', 'description', 'wanted_impact'] },
  { table: 'enterprise_profile', key: 'organization_id', texts: ['description', 'services'] },
  { table: 'partnership', key: 'id', texts: ['title', 'public_summary', 'CASE WHEN need_id IS NOT NULL THEN description END'] },
];

export interface StaleRow {
  key: string;
  texts: (string | null)[];
}

/** Rows whose search parts were computed by an older analyzer (or never), to compute again. */
export class SearchPartsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Up to `limit` stale rows of the table, locked until the transaction ends; rows another process is
   * computing are skipped, so an API and a worker starting together share the work.
   */
  async lockStale(table: SearchedTable, version: number, limit: number, manager: EntityManager): Promise<StaleRow[]> {
    const rows: { key: string; texts: (string | null)[] }[] = await manager.query(
      `SELECT ${table.key}::text AS key, ARRAY[${table.texts.join(', ')}] AS texts FROM ${table.table}
       WHERE search_parts_version < $1 ORDER BY ${table.key} LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [version, limit],
    );
    return rows;
  }

  /** Writes the parts of the rows (one statement). */
  async write(table: SearchedTable, rows: readonly { key: string; searchParts: string }[], version: number, manager: EntityManager): Promise<void> {
    if (rows.length === 0) return;
    await manager.query(
      `UPDATE ${table.table} t SET search_parts = r.parts, search_parts_version = $3
       FROM unnest($1::text[], $2::text[]) AS r(key, parts) WHERE t.${table.key}::text = r.key`,
      [rows.map((r) => r.key), rows.map((r) => r.searchParts), version],
    );
  }

  /** How many rows of the table are stale. */
  async countStale(table: SearchedTable, version: number): Promise<number> {
    const [row]: { count: string }[] = await this.dataSource.query(`SELECT count(*) AS count FROM ${table.table} WHERE search_parts_version < $1`, [version]);
    return Number(row.count);
  }
}
