import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Imports: uploaded files (kept in the database in chunks, so that any worker process can read what the
 * API received), import runs with their progress and messages, and the mapping from an import source's
 * external ids to the records they created, which makes importing the same file again change nothing.
 */
export class ImportExport1764240000000 implements MigrationInterface {
  name = 'ImportExport1764240000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE import_file (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        file_name text NOT NULL,
        content_type text,
        size_bytes bigint NOT NULL DEFAULT 0 CHECK (size_bytes >= 0),
        sha256 text,
        chunks integer NOT NULL DEFAULT 0 CHECK (chunks >= 0),
        complete boolean NOT NULL DEFAULT false,
        created_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE import_file_chunk (
        file_id uuid NOT NULL REFERENCES import_file (id) ON DELETE CASCADE,
        seq integer NOT NULL CHECK (seq >= 0),
        data bytea NOT NULL,
        PRIMARY KEY (file_id, seq)
      )`);

    await q.query(`
      CREATE TABLE import_run (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('enterprises', 'needs', 'ocds')),
        format text NOT NULL CHECK (format IN ('csv', 'jsonl', 'json')),
        source text NOT NULL,
        options jsonb NOT NULL DEFAULT '{}'::jsonb,
        file_id uuid REFERENCES import_file (id) ON DELETE SET NULL,
        file_name text NOT NULL,
        size_bytes bigint,
        via text NOT NULL CHECK (via IN ('api', 'cli')),
        requested_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        scope_counties text[],
        status text NOT NULL DEFAULT 'QUEUED' CHECK (status IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
        rows_read integer NOT NULL DEFAULT 0 CHECK (rows_read >= 0),
        created integer NOT NULL DEFAULT 0 CHECK (created >= 0),
        updated integer NOT NULL DEFAULT 0 CHECK (updated >= 0),
        unchanged integer NOT NULL DEFAULT 0 CHECK (unchanged >= 0),
        rejected integer NOT NULL DEFAULT 0 CHECK (rejected >= 0),
        warnings integer NOT NULL DEFAULT 0 CHECK (warnings >= 0),
        messages_kept integer NOT NULL DEFAULT 0 CHECK (messages_kept >= 0),
        failure text,
        attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX import_run_created_idx ON import_run (created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX import_run_requested_by_idx ON import_run (requested_by, created_at DESC, id DESC)`);

    await q.query(`
      CREATE TABLE import_message (
        run_id uuid NOT NULL REFERENCES import_run (id) ON DELETE CASCADE,
        seq integer NOT NULL CHECK (seq >= 0),
        severity text NOT NULL CHECK (severity IN ('ERROR', 'WARNING')),
        line integer,
        item text,
        external_id text,
        field text,
        message text NOT NULL,
        PRIMARY KEY (run_id, seq)
      )`);

    await q.query(`
      CREATE TABLE import_mapping (
        source text NOT NULL,
        entity_type text NOT NULL CHECK (entity_type IN ('organization', 'need')),
        external_id text NOT NULL,
        organization_id uuid REFERENCES organization (id) ON DELETE CASCADE,
        need_id uuid REFERENCES need (id) ON DELETE CASCADE,
        content_hash text NOT NULL,
        source_version text,
        run_id uuid REFERENCES import_run (id) ON DELETE SET NULL,
        imported_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (source, entity_type, external_id),
        CHECK ((entity_type = 'organization') = (organization_id IS NOT NULL)),
        CHECK ((entity_type = 'need') = (need_id IS NOT NULL))
      )`);
    // A record belongs to one import source: two sources never overwrite each other's rows.
    await q.query(`CREATE UNIQUE INDEX import_mapping_organization_idx ON import_mapping (organization_id) WHERE organization_id IS NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX import_mapping_need_idx ON import_mapping (need_id) WHERE need_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE import_mapping`);
    await q.query(`DROP TABLE import_message`);
    await q.query(`DROP TABLE import_run`);
    await q.query(`DROP TABLE import_file_chunk`);
    await q.query(`DROP TABLE import_file`);
  }
}
