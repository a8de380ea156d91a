import type { MigrationInterface, QueryRunner } from 'typeorm';
import { allowNotificationKinds, KINDS_AFTER_BUYER_DECISIONS, KINDS_AFTER_SAVED_SEARCHES } from './notification-kinds.js';

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
    await allowNotificationKinds(q, KINDS_AFTER_BUYER_DECISIONS);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM notification WHERE kind = 'OFFER_INVITED'`);
    await q.query(`DELETE FROM notification_preference WHERE kind = 'OFFER_INVITED'`);
    await allowNotificationKinds(q, KINDS_AFTER_SAVED_SEARCHES);
    await q.query(`DROP TABLE need_invitation`);
    await q.query(`ALTER TABLE offer DROP COLUMN decline_reason`);
  }
}
