import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Import runs count the rows they skip: OCDS releases whose tender is closed or missing (awards,
 * contracts, Samverka's own partnership export) are not needs, and are neither imported nor rejected.
 */
export class ImportSkipped1764250000000 implements MigrationInterface {
  name = 'ImportSkipped1764250000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE import_run ADD COLUMN skipped integer NOT NULL DEFAULT 0 CHECK (skipped >= 0)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE import_run DROP COLUMN skipped`);
  }
}
