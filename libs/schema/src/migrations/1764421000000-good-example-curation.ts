import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The region's coordinator curates the public library of good examples: a short text on what an example
 * shows, featured examples first, and examples hidden from the library with a reason its parties see.
 * Kept beside the partnership, not in it: the parties' own record and version stay theirs.
 */
export class GoodExampleCuration1764421000000 implements MigrationInterface {
  name = 'GoodExampleCuration1764421000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE good_example_curation (
        partnership_id uuid PRIMARY KEY REFERENCES partnership (id) ON DELETE CASCADE,
        note_sv text CHECK (note_sv IS NULL OR char_length(note_sv) BETWEEN 1 AND 600),
        note_en text CHECK (note_en IS NULL OR char_length(note_en) BETWEEN 1 AND 600),
        featured boolean NOT NULL DEFAULT false,
        -- Hidden from the library while set; the parties see why.
        hidden_reason text CHECK (hidden_reason IS NULL OR char_length(hidden_reason) BETWEEN 1 AND 600),
        updated_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        version integer NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (NOT (featured AND hidden_reason IS NOT NULL))
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE good_example_curation`);
  }
}
