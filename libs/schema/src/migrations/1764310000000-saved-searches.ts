import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An enterprise's saved needs searches: the public needs search's filters with a name, the lowest match
 * score worth hearing of, and whether to be e-mailed or only told in the inbox. When a need is matched and
 * fits one, its creator is told once (notification kind SAVED_SEARCH_MATCH, dedupe key per search and need).
 */
export class SavedSearches1764310000000 implements MigrationInterface {
  name = 'SavedSearches1764310000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE saved_search (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
        created_by uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
        filter jsonb NOT NULL DEFAULT '{}'::jsonb,
        -- The filter as the matcher tests it (prefix tsquery, CPV LIKE patterns): written with the filter.
        criteria jsonb NOT NULL DEFAULT '{}'::jsonb,
        min_score smallint NOT NULL CHECK (min_score BETWEEN 0 AND 100),
        email boolean NOT NULL DEFAULT true,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX saved_search_organization_idx ON saved_search (organization_id, created_at)`);
    await this.notificationKinds(q, [...NOTIFICATION_KINDS, 'SAVED_SEARCH_MATCH']);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM notification WHERE kind = 'SAVED_SEARCH_MATCH'`);
    await q.query(`DELETE FROM notification_preference WHERE kind = 'SAVED_SEARCH_MATCH'`);
    await this.notificationKinds(q, NOTIFICATION_KINDS);
    await q.query(`DROP TABLE saved_search`);
  }

  private async notificationKinds(q: QueryRunner, kinds: readonly string[]): Promise<void> {
    const list = kinds.map((k) => `'${k}'`).join(', ');
    for (const table of ['notification', 'notification_preference']) {
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_kind_check`);
      await q.query(`ALTER TABLE ${table} ADD CONSTRAINT ${table}_kind_check CHECK (kind IN (${list}))`);
    }
  }
}

/** The notification kinds before this migration (as 1764300000000-feedback left them). */
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
  'ORGANIZATION_VERIFIED',
  'ORGANIZATION_UNVERIFIED',
  'FEEDBACK_RECEIVED',
] as const;
