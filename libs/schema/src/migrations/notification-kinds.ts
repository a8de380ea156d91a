import type { QueryRunner } from 'typeorm';

/**
 * Sets the notification kinds the database accepts (the CHECK on `notification` and
 * `notification_preference`). A migration that adds a kind passes the whole list as it stands after it, and
 * in `down` the list as it stood before: each migration's lists are its own snapshot, never the code's
 * current list, so an old migration means the same thing forever.
 */
export async function allowNotificationKinds(q: QueryRunner, kinds: readonly string[]): Promise<void> {
  const list = kinds.map((kind) => `'${kind}'`).join(', ');
  for (const table of ['notification', 'notification_preference']) {
    await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_kind_check`);
    await q.query(`ALTER TABLE ${table} ADD CONSTRAINT ${table}_kind_check CHECK (kind IN (${list}))`);
  }
}

/** The notification kinds as 1764300000000-feedback left them. */
export const KINDS_AFTER_FEEDBACK = [
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

/** The kinds as 1764310000000-saved-searches left them. */
export const KINDS_AFTER_SAVED_SEARCHES = [...KINDS_AFTER_FEEDBACK, 'SAVED_SEARCH_MATCH'] as const;

/** The kinds as 1764318000000-buyer-decisions left them. */
export const KINDS_AFTER_BUYER_DECISIONS = [...KINDS_AFTER_SAVED_SEARCHES, 'OFFER_INVITED'] as const;
