import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Matching: the match rows, each need's match state, the outbox of changes still to be matched, and
 * rebuilds split into chunks.
 *
 * The outbox is filled by triggers, in the same transaction as the change: a need that is published,
 * changed while published, or leaves the published state; a profile that is created or changed; a
 * partnership that starts or changes (it is the enterprise's track record). No code path can forget
 * it, and a change committed while the queue is away is still there for the sweep to find.
 *
 * `feature_xid` (the transaction that last changed what the matcher reads) lets a worker's in-memory
 * feature cache catch up with exactly the rows committed since it last looked: every transaction that
 * commits after a snapshot has an id at or above that snapshot's xmin.
 */
export class Matching1764220000000 implements MigrationInterface {
  name = 'Matching1764220000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE match (
        need_id uuid NOT NULL REFERENCES need (id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
        score numeric(5, 2) NOT NULL CHECK (score BETWEEN 0 AND 100),
        components jsonb NOT NULL,
        reasons jsonb NOT NULL,
        algorithm_version text NOT NULL,
        computed_at timestamptz NOT NULL,
        PRIMARY KEY (need_id, organization_id)
      )`);
    await q.query(`CREATE INDEX match_need_rank_idx ON match (need_id, score DESC, organization_id)`);
    await q.query(`CREATE INDEX match_organization_rank_idx ON match (organization_id, score DESC, need_id)`);

    await q.query(`
      CREATE TABLE need_match_state (
        need_id uuid PRIMARY KEY REFERENCES need (id) ON DELETE CASCADE,
        algorithm_version text NOT NULL,
        computed_at timestamptz NOT NULL,
        candidates integer NOT NULL CHECK (candidates >= 0),
        matched integer NOT NULL CHECK (matched >= 0),
        min_score numeric(5, 2)
      )`);

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
      CREATE TABLE matching_rebuild (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        algorithm_version text NOT NULL,
        status text NOT NULL CHECK (status IN ('RUNNING', 'DONE')),
        reason text NOT NULL,
        chunks_total integer NOT NULL CHECK (chunks_total >= 0),
        chunks_done integer NOT NULL DEFAULT 0 CHECK (chunks_done >= 0),
        needs_total integer NOT NULL CHECK (needs_total >= 0),
        started_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX matching_rebuild_one_running ON matching_rebuild ((true)) WHERE status = 'RUNNING'`);
    await q.query(`CREATE INDEX matching_rebuild_started_idx ON matching_rebuild (started_at DESC)`);
    await q.query(`
      CREATE TABLE matching_rebuild_chunk (
        rebuild_id uuid NOT NULL REFERENCES matching_rebuild (id) ON DELETE CASCADE,
        chunk integer NOT NULL CHECK (chunk >= 0),
        need_ids uuid[] NOT NULL,
        enqueued_at timestamptz NOT NULL DEFAULT now(),
        done_at timestamptz,
        PRIMARY KEY (rebuild_id, chunk)
      )`);

    await q.query(`ALTER TABLE need ADD COLUMN feature_xid xid8 NOT NULL DEFAULT pg_current_xact_id()`);
    await q.query(`ALTER TABLE enterprise_profile ADD COLUMN feature_xid xid8 NOT NULL DEFAULT pg_current_xact_id()`);
    await q.query(`CREATE INDEX need_feature_xid_idx ON need (feature_xid)`);
    await q.query(`CREATE INDEX enterprise_profile_feature_xid_idx ON enterprise_profile (feature_xid)`);

    await q.query(`
      CREATE FUNCTION matching_mark(mark_kind text, mark_subject uuid) RETURNS void LANGUAGE sql AS $$
        INSERT INTO matching_outbox (kind, subject_id) VALUES (mark_kind, mark_subject)
        ON CONFLICT (kind, subject_id) DO UPDATE SET revision = nextval('matching_revision_seq'), marked_at = now()
      $$`);
    await q.query(`
      CREATE FUNCTION matching_touch_xid() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.feature_xid := pg_current_xact_id();
        RETURN NEW;
      END $$`);
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
    await q.query(`
      CREATE FUNCTION matching_partnership_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE enterprise_profile SET feature_xid = pg_current_xact_id() WHERE organization_id = NEW.enterprise_organization_id;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER need_feature_xid BEFORE INSERT OR UPDATE ON need FOR EACH ROW EXECUTE FUNCTION matching_touch_xid()`);
    await q.query(`CREATE TRIGGER need_matching AFTER INSERT OR UPDATE ON need FOR EACH ROW EXECUTE FUNCTION matching_need_changed()`);
    await q.query(`CREATE TRIGGER enterprise_profile_feature_xid BEFORE INSERT OR UPDATE ON enterprise_profile FOR EACH ROW EXECUTE FUNCTION matching_touch_xid()`);
    await q.query(`CREATE TRIGGER enterprise_profile_matching AFTER INSERT OR UPDATE ON enterprise_profile FOR EACH ROW EXECUTE FUNCTION matching_profile_changed()`);
    await q.query(`
      CREATE TRIGGER partnership_matching AFTER INSERT OR UPDATE OF status ON partnership
      FOR EACH ROW EXECUTE FUNCTION matching_partnership_changed()`);

    // What is already there is matched too.
    await q.query(`INSERT INTO matching_outbox (kind, subject_id) SELECT 'need', id FROM need WHERE status = 'PUBLISHED'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER partnership_matching ON partnership`);
    await q.query(`DROP TRIGGER enterprise_profile_matching ON enterprise_profile`);
    await q.query(`DROP TRIGGER enterprise_profile_feature_xid ON enterprise_profile`);
    await q.query(`DROP TRIGGER need_matching ON need`);
    await q.query(`DROP TRIGGER need_feature_xid ON need`);
    await q.query(`DROP FUNCTION matching_partnership_changed()`);
    await q.query(`DROP FUNCTION matching_profile_changed()`);
    await q.query(`DROP FUNCTION matching_need_changed()`);
    await q.query(`DROP FUNCTION matching_touch_xid()`);
    await q.query(`DROP FUNCTION matching_mark(text, uuid)`);
    await q.query(`ALTER TABLE enterprise_profile DROP COLUMN feature_xid`);
    await q.query(`ALTER TABLE need DROP COLUMN feature_xid`);
    await q.query(`DROP TABLE matching_rebuild_chunk`);
    await q.query(`DROP TABLE matching_rebuild`);
    await q.query(`DROP TABLE matching_outbox`);
    await q.query(`DROP SEQUENCE matching_revision_seq`);
    await q.query(`DROP TABLE need_match_state`);
    await q.query(`DROP TABLE match`);
  }
}
