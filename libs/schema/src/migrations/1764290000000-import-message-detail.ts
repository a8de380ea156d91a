import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An import's row messages and its failure are kept as a message of the catalogue, its key and
 * parameters (`{ "key": …, "params": … }`, or `{ "text": … }` for a text from outside it), so that each
 * reader gets them in their own language; the failure also keeps the line it names. The text columns
 * go on holding the Swedish text, which is all the rows from before have.
 */
export class ImportMessageDetail1764290000000 implements MigrationInterface {
  name = 'ImportMessageDetail1764290000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE import_message ADD COLUMN detail jsonb`);
    await q.query(`ALTER TABLE import_run ADD COLUMN failure_detail jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE import_run DROP COLUMN failure_detail`);
    await q.query(`ALTER TABLE import_message DROP COLUMN detail`);
  }
}
