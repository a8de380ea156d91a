import type { DataSource, EntityManager } from 'typeorm';

/** What the region's coordinator wrote about a good example, as it is stored. */
export interface GoodExampleCurationValues {
  noteSv: string | null;
  noteEn: string | null;
  featured: boolean;
  hiddenReason: string | null;
}

export interface GoodExampleCurationRecord extends GoodExampleCurationValues {
  partnershipId: string;
  version: number;
}

const COLUMNS = `partnership_id AS "partnershipId", note_sv AS "noteSv", note_en AS "noteEn", featured, hidden_reason AS "hiddenReason", version`;

/** The curation of the library of good examples (good_example_curation), one row per partnership once curated. */
export class GoodExampleCurationRepository {
  constructor(private readonly dataSource: DataSource) {}

  async find(partnershipId: string, manager?: EntityManager): Promise<GoodExampleCurationRecord | null> {
    const rows: GoodExampleCurationRecord[] = await (manager ?? this.dataSource.manager).query(`SELECT ${COLUMNS} FROM good_example_curation WHERE partnership_id = $1`, [
      partnershipId,
    ]);
    return rows[0] ?? null;
  }

  /** Writes the curation if it is still at `version` (0: never curated); null when someone else wrote it first. */
  async writeIfVersion(
    partnershipId: string,
    version: number,
    values: GoodExampleCurationValues,
    updatedBy: string | null,
    manager: EntityManager,
  ): Promise<GoodExampleCurationRecord | null> {
    const params = [partnershipId, values.noteSv, values.noteEn, values.featured, values.hiddenReason, updatedBy];
    if (version === 0) {
      const rows: GoodExampleCurationRecord[] = await manager.query(
        `INSERT INTO good_example_curation (partnership_id, note_sv, note_en, featured, hidden_reason, updated_by)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (partnership_id) DO NOTHING RETURNING ${COLUMNS}`,
        params,
      );
      return rows[0] ?? null;
    }
    const [rows] = (await manager.query(
      `UPDATE good_example_curation SET note_sv = $2, note_en = $3, featured = $4, hidden_reason = $5, updated_by = $6,
         version = version + 1, updated_at = now()
       WHERE partnership_id = $1 AND version = $7 RETURNING ${COLUMNS}`,
      [...params, version],
    )) as [GoodExampleCurationRecord[], number];
    return rows[0] ?? null;
  }
}
