import type { MigrationInterface, QueryRunner } from 'typeorm';
import { allowNotificationKinds, KINDS_AFTER_SAVED_SEARCHES, KINDS_AFTER_FEEDBACK } from './notification-kinds.js';

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
    await allowNotificationKinds(q, KINDS_AFTER_SAVED_SEARCHES);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM notification WHERE kind = 'SAVED_SEARCH_MATCH'`);
    await q.query(`DELETE FROM notification_preference WHERE kind = 'SAVED_SEARCH_MATCH'`);
    await allowNotificationKinds(q, KINDS_AFTER_FEEDBACK);
    await q.query(`DROP TABLE saved_search`);
  }
}
