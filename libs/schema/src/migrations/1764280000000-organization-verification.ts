import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Organisations are verified before they act in public: a need is shown to others only while its buyer is
 * verified, and only verified enterprises are matched.
 *
 * `need.buyer_verified` is the buyer's `verified`, kept by triggers: set when a need is written, and
 * carried to every need of an organisation whose verification changes, in the same transaction. Every
 * read of needs (lists, search, lookups, the matcher's feature cache, insights, exports) then decides on
 * the need's own row, without a join; and since the change rewrites the needs' rows, their `feature_xid`
 * moves, so the matcher's caches see it like any change of a need. The organisation's profile is touched
 * the same way (the matcher reads the organisation's `verified` with it).
 *
 * Two notification kinds tell the owners: ORGANIZATION_VERIFIED and ORGANIZATION_UNVERIFIED.
 */
export class OrganizationVerification1764280000000 implements MigrationInterface {
  name = 'OrganizationVerification1764280000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE need ADD COLUMN buyer_verified boolean NOT NULL DEFAULT false`);
    await q.query(`UPDATE need n SET buyer_verified = o.verified FROM organization o WHERE o.id = n.buyer_organization_id AND o.verified`);
    await q.query(`
      CREATE FUNCTION need_buyer_verified() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.buyer_verified := COALESCE((SELECT verified FROM organization WHERE id = NEW.buyer_organization_id), false);
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER need_buyer_verified BEFORE INSERT OR UPDATE OF buyer_organization_id ON need FOR EACH ROW EXECUTE FUNCTION need_buyer_verified()`);
    await q.query(`
      CREATE FUNCTION organization_verification_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE need SET buyer_verified = NEW.verified WHERE buyer_organization_id = NEW.id AND buyer_verified IS DISTINCT FROM NEW.verified;
        UPDATE enterprise_profile SET feature_xid = pg_current_xact_id() WHERE organization_id = NEW.id;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER organization_verification AFTER UPDATE OF verified ON organization
      FOR EACH ROW WHEN (OLD.verified IS DISTINCT FROM NEW.verified) EXECUTE FUNCTION organization_verification_changed()`);

    // The needs of unverified buyers, and unverified enterprises, leave the matches they had.
    await q.query(`
      INSERT INTO job_outbox (key, job_name, payload)
      SELECT 'need-' || id::text, 'matching.need', jsonb_build_object('needId', id) FROM need WHERE status = 'PUBLISHED' AND NOT buyer_verified
      ON CONFLICT (key) DO UPDATE SET revision = nextval('job_outbox_revision_seq'), due_at = now()`);
    await q.query(`
      INSERT INTO job_outbox (key, job_name, payload)
      SELECT 'profile-' || p.organization_id::text, 'matching.profile', jsonb_build_object('organizationId', p.organization_id)
      FROM enterprise_profile p JOIN organization o ON o.id = p.organization_id WHERE NOT o.verified
      ON CONFLICT (key) DO UPDATE SET revision = nextval('job_outbox_revision_seq'), due_at = now()`);

    await this.notificationKinds(q, [...NOTIFICATION_KINDS, 'ORGANIZATION_VERIFIED', 'ORGANIZATION_UNVERIFIED']);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM notification WHERE kind IN ('ORGANIZATION_VERIFIED', 'ORGANIZATION_UNVERIFIED')`);
    await q.query(`DELETE FROM notification_preference WHERE kind IN ('ORGANIZATION_VERIFIED', 'ORGANIZATION_UNVERIFIED')`);
    await this.notificationKinds(q, NOTIFICATION_KINDS);
    await q.query(`DROP TRIGGER organization_verification ON organization`);
    await q.query(`DROP FUNCTION organization_verification_changed()`);
    await q.query(`DROP TRIGGER need_buyer_verified ON need`);
    await q.query(`DROP FUNCTION need_buyer_verified()`);
    await q.query(`ALTER TABLE need DROP COLUMN buyer_verified`);
  }

  private async notificationKinds(q: QueryRunner, kinds: readonly string[]): Promise<void> {
    const list = kinds.map((k) => `'${k}'`).join(', ');
    for (const table of ['notification', 'notification_preference']) {
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_kind_check`);
      await q.query(`ALTER TABLE ${table} ADD CONSTRAINT ${table}_kind_check CHECK (kind IN (${list}))`);
    }
  }
}

/** The notification kinds before this migration (as 1764230000000-brokering left them). */
const NOTIFICATION_KINDS = [
  'MATCH_STRONG',
  'OFFER_RECEIVED',
  'OFFER_STATUS_CHANGED',
  'INTRODUCTION_RECEIVED',
  'INTRODUCTION_MADE',
  'INTRODUCTION_ANSWERED',
  'PARTNERSHIP_STARTED',
  'PARTNERSHIP_TARGETS',
  'PARTNERSHIP_ENDED',
  'REPORT_DUE',
  'REPORT_SUBMITTED',
  'REPORT_CONFIRMED',
  'REPORT_RETURNED',
] as const;
