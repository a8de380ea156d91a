import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The buyer's decisions told in words: the reason an offer was declined (shown to the enterprise and sent
 * with its notification), and the buyer's invitations to matched enterprises to offer on a published need
 * (one per need and enterprise; notification kind OFFER_INVITED).
 */
export class BuyerDecisions1764318000000 implements MigrationInterface {
  name = 'BuyerDecisions1764318000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE offer ADD COLUMN decline_reason text CHECK (decline_reason IS NULL OR char_length(decline_reason) BETWEEN 1 AND 1000)`);
    await q.query(`
      CREATE TABLE need_invitation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        need_id uuid NOT NULL REFERENCES need (id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
        message text NOT NULL DEFAULT '' CHECK (char_length(message) <= 1000),
        invited_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT need_invitation_once UNIQUE (need_id, organization_id)
      )`);
    await this.notificationKinds(q, [...NOTIFICATION_KINDS, 'OFFER_INVITED']);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM notification WHERE kind = 'OFFER_INVITED'`);
    await q.query(`DELETE FROM notification_preference WHERE kind = 'OFFER_INVITED'`);
    await this.notificationKinds(q, NOTIFICATION_KINDS);
    await q.query(`DROP TABLE need_invitation`);
    await q.query(`ALTER TABLE offer DROP COLUMN decline_reason`);
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
