import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reference data: counties (län), municipalities (kommuner), the UN Sustainable Development Goals and the
 * CPV 2008 vocabulary. The tables start empty; the reference-data loader fills them from data/*.csv at
 * start and records each file's checksum in reference_data_version.
 */
export class ReferenceData1764190000000 implements MigrationInterface {
  name = 'ReferenceData1764190000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE county (
        code char(2) PRIMARY KEY CHECK (code ~ '^[0-9]{2}$'),
        name text NOT NULL,
        short_name text NOT NULL,
        regional_authority_name text NOT NULL,
        lat double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
        lon double precision NOT NULL CHECK (lon BETWEEN -180 AND 180)
      )`);
    await q.query(`
      CREATE TABLE municipality (
        code char(4) PRIMARY KEY CHECK (code ~ '^[0-9]{4}$'),
        name text NOT NULL,
        county_code char(2) NOT NULL REFERENCES county (code),
        lat double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
        lon double precision NOT NULL CHECK (lon BETWEEN -180 AND 180),
        -- A kommunkod begins with its länskod.
        CHECK (left(code, 2) = county_code)
      )`);
    await q.query(`CREATE INDEX municipality_county_code_idx ON municipality (county_code, code)`);
    await q.query(`
      CREATE TABLE sdg (
        number smallint PRIMARY KEY CHECK (number BETWEEN 1 AND 17),
        title_en text NOT NULL,
        title_sv text NOT NULL,
        statement_en text NOT NULL,
        statement_sv text NOT NULL,
        color text NOT NULL CHECK (color ~ '^#[0-9A-Fa-f]{6}$')
      )`);
    // The search columns are generated so that every writer gets them right; to_tsvector with a named
    // configuration is immutable, which a generated column needs (and PGlite has both configurations).
    await q.query(`
      CREATE TABLE cpv_code (
        code text PRIMARY KEY CHECK (code ~ '^[0-9]{8}-[0-9]$'),
        code8 char(8) NOT NULL UNIQUE CHECK (code8 = left(code, 8)),
        label_en text NOT NULL,
        label_sv text NOT NULL,
        level smallint NOT NULL CHECK (level BETWEEN 1 AND 7),
        parent_code text REFERENCES cpv_code (code),
        division char(2) NOT NULL CHECK (division = left(code, 2)),
        search_sv tsvector NOT NULL GENERATED ALWAYS AS (to_tsvector('swedish', label_sv)) STORED,
        search_en tsvector NOT NULL GENERATED ALWAYS AS (to_tsvector('english', label_en)) STORED,
        -- Only the divisions (level 1) have no parent.
        CHECK ((level = 1) = (parent_code IS NULL))
      )`);
    await q.query(`CREATE INDEX cpv_code_parent_code_idx ON cpv_code (parent_code, code)`);
    // code8 is char(8), whose LIKE 'prefix%' needs the bpchar flavour of text_pattern_ops to use an index
    // under any collation.
    await q.query(`CREATE INDEX cpv_code_code8_prefix_idx ON cpv_code (code8 bpchar_pattern_ops)`);
    await q.query(`CREATE INDEX cpv_code_level_idx ON cpv_code (level, code)`);
    await q.query(`CREATE INDEX cpv_code_search_sv_idx ON cpv_code USING gin (search_sv)`);
    await q.query(`CREATE INDEX cpv_code_search_en_idx ON cpv_code USING gin (search_en)`);
    await q.query(`
      CREATE TABLE reference_data_version (
        dataset text PRIMARY KEY,
        checksum text NOT NULL CHECK (checksum ~ '^[0-9a-f]{64}$'),
        row_count integer NOT NULL CHECK (row_count >= 0),
        loaded_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE reference_data_version`);
    await q.query(`DROP TABLE cpv_code`);
    await q.query(`DROP TABLE sdg`);
    await q.query(`DROP TABLE municipality`);
    await q.query(`DROP TABLE county`);
  }
}
