import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search that knows Swedish compounds. PostgreSQL's Swedish stemmer keeps "storstädning" whole, so a
 * search for "städning" missed it. The application splits compounds (the analyzer of
 * @samverka/scoring, with its word list) and writes the parts and roots of a row's words into
 * `search_parts`; the search vectors add them in 'simple' form at the lowest weight, so a whole-word
 * hit still ranks above a part hit. `search_parts_version` is the analyzer version the parts were
 * computed with.
 *
 * Existing rows are not computed here: the analyzer and its word list live in TypeScript, and the
 * migration runner (the CLI, the API's start on PostgreSQL or PGlite, the tests) should not need them.
 * The rows start at version 0 and the application computes every row below the current version at
 * start-up, in batches; a later change of the analyzer bumps the version and is re-indexed the same way.
 */
export class CompoundSearch1764500000000 implements MigrationInterface {
  name = 'CompoundSearch1764500000000';

  async up(q: QueryRunner): Promise<void> {
    for (const table of ['need', 'enterprise_profile', 'partnership']) {
      await q.query(`ALTER TABLE ${table} ADD COLUMN search_parts text NOT NULL DEFAULT '', ADD COLUMN search_parts_version smallint NOT NULL DEFAULT 0`);
    }
    await q.query(`ALTER TABLE need DROP COLUMN search`);
    await q.query(`
      ALTER TABLE need ADD COLUMN search tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('swedish', title), 'A') || setweight(to_tsvector('swedish', description || ' ' || wanted_impact), 'B')
          || setweight(to_tsvector('simple', search_parts), 'D')
      ) STORED`);
    await q.query(`CREATE INDEX need_search_idx ON need USING gin (search)`);
    // The profile's own words go to weight A (they had the default D) so that they rank above parts.
    await q.query(`ALTER TABLE enterprise_profile DROP COLUMN search`);
    await q.query(`
      ALTER TABLE enterprise_profile ADD COLUMN search tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('swedish', description || ' ' || services), 'A') || setweight(to_tsvector('simple', search_parts), 'D')
      ) STORED`);
    await q.query(`CREATE INDEX enterprise_profile_search_idx ON enterprise_profile USING gin (search)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE enterprise_profile DROP COLUMN search`);
    await q.query(`ALTER TABLE enterprise_profile ADD COLUMN search tsvector GENERATED ALWAYS AS (to_tsvector('swedish', description || ' ' || services)) STORED`);
    await q.query(`CREATE INDEX enterprise_profile_search_idx ON enterprise_profile USING gin (search)`);
    await q.query(`ALTER TABLE need DROP COLUMN search`);
    await q.query(`
      ALTER TABLE need ADD COLUMN search tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('swedish', title), 'A') || setweight(to_tsvector('swedish', description || ' ' || wanted_impact), 'B')
      ) STORED`);
    await q.query(`CREATE INDEX need_search_idx ON need USING gin (search)`);
    for (const table of ['need', 'enterprise_profile', 'partnership']) {
      await q.query(`ALTER TABLE ${table} DROP COLUMN search_parts, DROP COLUMN search_parts_version`);
    }
  }
}
