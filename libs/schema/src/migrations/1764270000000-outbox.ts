import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One durable outbox for every job a service starts (`job_outbox`), in place of the matching outbox
 * filled by triggers, the import sweep's look at `import_run`, the e-mail sweep's look at `notification`
 * and the rebuild chunks' `enqueued_at`. A row is written in the transaction of the change, its job is
 * enqueued after the commit, and the row goes when the job is done; a row still there after its job's
 * `lostAfterMs` (`due_at`) is enqueued again by the sweep, `sweeps` counting how often, until it is given
 * up. Keys are made by the job registry (libs/engine/src/queue/jobs.ts); the ones written here, once, for what
 * was pending, follow it.
 */
export class Outbox1764270000000 implements MigrationInterface {
  name = 'Outbox1764270000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE job_outbox_revision_seq`);
    await q.query(`
      CREATE TABLE job_outbox (
        key text PRIMARY KEY,
        job_name text NOT NULL,
        payload jsonb NOT NULL,
        revision bigint NOT NULL DEFAULT nextval('job_outbox_revision_seq'),
        published_at timestamptz NOT NULL DEFAULT now(),
        due_at timestamptz NOT NULL DEFAULT now(),
        sweeps integer NOT NULL DEFAULT 0 CHECK (sweeps >= 0),
        given_up_at timestamptz
      )`);
    await q.query(`CREATE INDEX job_outbox_due_idx ON job_outbox (due_at) WHERE given_up_at IS NULL`);
    await q.query(`CREATE INDEX job_outbox_job_idx ON job_outbox (job_name)`);

    // What was pending, due at once (the sweep enqueues it), except imports that may still be running.
    await q.query(`
      INSERT INTO job_outbox (key, job_name, payload, published_at, due_at)
      SELECT o.kind || '-' || o.subject_id::text,
             CASE o.kind WHEN 'need' THEN 'matching.need' ELSE 'matching.profile' END,
             CASE o.kind WHEN 'need' THEN jsonb_build_object('needId', o.subject_id) ELSE jsonb_build_object('organizationId', o.subject_id) END,
             o.marked_at, o.marked_at
      FROM matching_outbox o`);
    await q.query(`
      INSERT INTO job_outbox (key, job_name, payload, published_at, due_at)
      SELECT 'rebuild-' || c.rebuild_id::text || '-' || c.chunk, 'matching.rebuildChunk',
             jsonb_build_object('rebuildId', c.rebuild_id, 'chunk', c.chunk), c.enqueued_at, c.enqueued_at
      FROM matching_rebuild_chunk c JOIN matching_rebuild r ON r.id = c.rebuild_id
      WHERE r.status = 'RUNNING' AND c.done_at IS NULL`);
    await q.query(`
      INSERT INTO job_outbox (key, job_name, payload, published_at, due_at)
      SELECT 'import-' || id::text, 'import.run', jsonb_build_object('runId', id), created_at, updated_at + interval '10 minutes'
      FROM import_run WHERE via = 'api' AND status IN ('QUEUED', 'RUNNING')`);
    await q.query(`
      INSERT INTO job_outbox (key, job_name, payload, published_at, due_at)
      SELECT 'notification-email-' || id::text, 'notification.email', jsonb_build_object('notificationId', id), created_at, created_at
      FROM notification WHERE email_status = 'PENDING'`);

    await q.query(`DROP TRIGGER enterprise_profile_matching ON enterprise_profile`);
    await q.query(`DROP TRIGGER need_matching ON need`);
    await q.query(`DROP FUNCTION matching_profile_changed()`);
    await q.query(`DROP FUNCTION matching_need_changed()`);
    await q.query(`DROP FUNCTION matching_mark(text, uuid)`);
    await q.query(`DROP TABLE matching_outbox`);
    await q.query(`DROP SEQUENCE matching_revision_seq`);
    await q.query(`ALTER TABLE matching_rebuild_chunk DROP COLUMN enqueued_at`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE matching_rebuild_chunk ADD COLUMN enqueued_at timestamptz NOT NULL DEFAULT now()`);
    await q.query(`CREATE SEQUENCE matching_revision_seq`);
    await q.query(`
      CREATE TABLE matching_outbox (
        kind text NOT NULL CHECK (kind IN ('need', 'profile')),
        subject_id uuid NOT NULL,
        revision bigint NOT NULL DEFAULT nextval('matching_revision_seq'),
        marked_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (kind, subject_id)
      )`);
    await q.query(`CREATE INDEX matching_outbox_marked_idx ON matching_outbox (marked_at)`);
    await q.query(`
      CREATE FUNCTION matching_mark(mark_kind text, mark_subject uuid) RETURNS void LANGUAGE sql AS $$
        INSERT INTO matching_outbox (kind, subject_id) VALUES (mark_kind, mark_subject)
        ON CONFLICT (kind, subject_id) DO UPDATE SET revision = nextval('matching_revision_seq'), marked_at = now()
      $$`);
    await q.query(`
      CREATE FUNCTION matching_need_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.status = 'PUBLISHED' OR (TG_OP = 'UPDATE' AND OLD.status IS DISTINCT FROM NEW.status) THEN
          PERFORM matching_mark('need', NEW.id);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION matching_profile_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM matching_mark('profile', NEW.organization_id);
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER need_matching AFTER INSERT OR UPDATE ON need FOR EACH ROW EXECUTE FUNCTION matching_need_changed()`);
    await q.query(`CREATE TRIGGER enterprise_profile_matching AFTER INSERT OR UPDATE ON enterprise_profile FOR EACH ROW EXECUTE FUNCTION matching_profile_changed()`);
    // The pending matching changes go back; the other jobs' sweeps find theirs in their own tables again.
    await q.query(`
      INSERT INTO matching_outbox (kind, subject_id, marked_at)
      SELECT CASE job_name WHEN 'matching.need' THEN 'need' ELSE 'profile' END,
             COALESCE(payload->>'needId', payload->>'organizationId')::uuid, published_at
      FROM job_outbox WHERE job_name IN ('matching.need', 'matching.profile') AND given_up_at IS NULL`);
    await q.query(`DROP TABLE job_outbox`);
    await q.query(`DROP SEQUENCE job_outbox_revision_seq`);
  }
}
