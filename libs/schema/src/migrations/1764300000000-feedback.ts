import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Feedback from the accessibility statement's form (and any page that offers it): what someone could not
 * use, on which page, and an optional address for an answer. Anyone may send it, signed in or not; the
 * administrators read it and are told of each one (notification kind FEEDBACK_RECEIVED).
 */
export class Feedback1764300000000 implements MigrationInterface {
  name = 'Feedback1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE feedback (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        message text NOT NULL CHECK (char_length(message) BETWEEN 1 AND 5000),
        email text CHECK (email IS NULL OR char_length(email) <= 254),
        page text CHECK (page IS NULL OR char_length(page) <= 500),
        language text NOT NULL CHECK (language IN ('sv', 'en')),
        user_id uuid REFERENCES app_user (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await this.notificationKinds(q, [...NOTIFICATION_KINDS, 'FEEDBACK_RECEIVED']);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM notification WHERE kind = 'FEEDBACK_RECEIVED'`);
    await q.query(`DELETE FROM notification_preference WHERE kind = 'FEEDBACK_RECEIVED'`);
    await this.notificationKinds(q, NOTIFICATION_KINDS);
    await q.query(`DROP TABLE feedback`);
  }

  private async notificationKinds(q: QueryRunner, kinds: readonly string[]): Promise<void> {
    const list = kinds.map((k) => `'${k}'`).join(', ');
    for (const table of ['notification', 'notification_preference']) {
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_kind_check`);
      await q.query(`ALTER TABLE ${table} ADD CONSTRAINT ${table}_kind_check CHECK (kind IN (${list}))`);
    }
  }
}

/** The notification kinds before this migration (as 1764280000000-organization-verification left them). */
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
] as const;
