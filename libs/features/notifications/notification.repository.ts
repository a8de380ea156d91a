import type { DataSource, EntityManager } from 'typeorm';
import type { NotificationKind } from '@samverka/domain';
import { NotificationEntity, NotificationPreferenceEntity, type EmailStatus } from '@samverka/schema';
import { orderWithKeyset, type KeysetPosition } from '@samverka/engine';

/** A notification to write: who is told is worked out in SQL from organisations and people. */
export interface NewNotification {
  kind: NotificationKind;
  subjectType: string;
  subjectId: string;
  /** Every member of these organisations is told, on behalf of that organisation. */
  organizationIds: readonly string[];
  /** The owners of these organisations are told, on behalf of that organisation. */
  ownerOrganizationIds?: readonly string[];
  /** And these people, on behalf of no organisation (a coordinator, say). */
  userIds: readonly string[];
  /** The person whose action it was is not told of it. */
  exceptUserId: string | null;
  titleSv: string;
  titleEn: string;
  bodySv: string;
  bodyEn: string;
  data: Record<string, unknown>;
  dedupeKey: string;
  /** false: never e-mailed, whatever the preference (absent: as the preference says). */
  email?: boolean;
}

/** One person's notification as the inbox and live updates show it. */
export type NotificationView = Pick<
  NotificationEntity,
  | 'id'
  | 'userId'
  | 'kind'
  | 'organizationId'
  | 'subjectType'
  | 'subjectId'
  | 'titleSv'
  | 'titleEn'
  | 'bodySv'
  | 'bodyEn'
  | 'data'
  | 'inApp'
  | 'readAt'
  | 'emailStatus'
  | 'createdAt'
>;

/** A row just written: `inApp` says whether it goes to the inbox, `emailStatus` PENDING whether it is e-mailed. */
export type WrittenNotification = NotificationView;

/** A notification claimed for e-mailing, with its recipient's address. */
export interface EmailToSend {
  id: string;
  kind: NotificationKind;
  email: string;
  displayName: string;
  titleSv: string;
  titleEn: string;
  bodySv: string;
  bodyEn: string;
  subjectType: string;
  subjectId: string;
  /** The details written with it (ids the link to its page is made of). */
  data: Record<string, unknown>;
  /** Attempts so far, this one included. */
  attempts: number;
}

const VIEW_COLUMNS = `id, user_id AS "userId", kind, organization_id AS "organizationId", subject_type AS "subjectType", subject_id AS "subjectId",
  title_sv AS "titleSv", title_en AS "titleEn", body_sv AS "bodySv", body_en AS "bodyEn", data, in_app AS "inApp", read_at AS "readAt",
  email_status AS "emailStatus", created_at AS "createdAt"`;

export class NotificationRepository {
  constructor(private readonly dataSource: DataSource) {}

  private q(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  /**
   * Writes each notification once for each of its recipients, as their preferences for its kind say (no
   * row: inbox and e-mail both on; both off: nothing is written). E-mail is PENDING only when `email` is
   * on and the person wants it. A recipient who already has the dedupe key gets nothing new (nor does
   * one named twice in the batch). One statement for the whole batch; returns the rows written.
   */
  async insert(items: readonly NewNotification[], options: { email: boolean }, manager?: EntityManager): Promise<WrittenNotification[]> {
    if (items.length === 0) return [];
    const rows: WrittenNotification[] = await this.q(manager).query(
      `WITH item AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS i(n int, kind text, subject_type text, subject_id uuid, except_user_id uuid,
           title_sv text, title_en text, body_sv text, body_en text, data jsonb, dedupe_key text, email boolean)
       ), target AS (
         SELECT * FROM jsonb_to_recordset($2::jsonb) AS t(n int, organization_id uuid, user_id uuid, owners_only boolean)
       ), recipient AS (
         SELECT DISTINCT ON (r.n, r.user_id) r.n, r.user_id, r.organization_id
         FROM (
           SELECT t.n, m.user_id, m.organization_id FROM target t
           JOIN membership m ON m.organization_id = t.organization_id AND (NOT COALESCE(t.owners_only, false) OR m.role = 'OWNER')
           UNION ALL
           SELECT t.n, t.user_id, NULL::uuid FROM target t WHERE t.user_id IS NOT NULL
         ) r
         JOIN item i ON i.n = r.n
         WHERE r.user_id IS DISTINCT FROM i.except_user_id
         ORDER BY r.n, r.user_id, r.organization_id NULLS LAST
       ), written AS (
         INSERT INTO notification (user_id, kind, organization_id, subject_type, subject_id, title_sv, title_en, body_sv, body_en, data, dedupe_key, in_app, email_status)
         SELECT r.user_id, i.kind, r.organization_id, i.subject_type, i.subject_id, i.title_sv, i.title_en, i.body_sv, i.body_en, i.data, i.dedupe_key,
                COALESCE(p.in_app, true), CASE WHEN $3::boolean AND COALESCE(i.email, true) AND COALESCE(p.email, true) THEN 'PENDING' ELSE 'NONE' END
         FROM recipient r
         JOIN item i ON i.n = r.n
         LEFT JOIN notification_preference p ON p.user_id = r.user_id AND p.kind = i.kind
         WHERE COALESCE(p.in_app, true) OR ($3::boolean AND COALESCE(i.email, true) AND COALESCE(p.email, true))
         ORDER BY r.n, r.user_id
         ON CONFLICT (user_id, dedupe_key) DO NOTHING
         RETURNING *
       )
       SELECT ${VIEW_COLUMNS} FROM written ORDER BY created_at, id`,
      [
        JSON.stringify(
          items.map((n, i) => ({
            n: i,
            kind: n.kind,
            subject_type: n.subjectType,
            subject_id: n.subjectId,
            except_user_id: n.exceptUserId,
            title_sv: n.titleSv,
            title_en: n.titleEn,
            body_sv: n.bodySv,
            body_en: n.bodyEn,
            data: n.data,
            dedupe_key: n.dedupeKey,
            email: n.email ?? true,
          })),
        ),
        JSON.stringify(
          items.flatMap((n, i) => [
            ...n.organizationIds.map((organizationId) => ({ n: i, organization_id: organizationId, user_id: null })),
            ...(n.ownerOrganizationIds ?? []).map((organizationId) => ({ n: i, organization_id: organizationId, user_id: null, owners_only: true })),
            ...n.userIds.map((userId) => ({ n: i, organization_id: null, user_id: userId })),
          ]),
        ),
        options.email,
      ],
    );
    return rows.map(normaliseView);
  }

  // ------------------------------------------------------------ the inbox

  /** The person's inbox (unread only, if asked), newest first, paged by (created_at, id). */
  async inbox(
    userId: string,
    filter: { unreadOnly: boolean },
    page: { limit: number; after?: KeysetPosition },
  ): Promise<{ rows: NotificationEntity[]; sortValues: string[]; total: number }> {
    const query = this.dataSource.getRepository(NotificationEntity).createQueryBuilder('n').where('n.userId = :userId AND n.inApp', { userId });
    if (filter.unreadOnly) query.andWhere('n.readAt IS NULL');
    const total = await query.getCount();
    orderWithKeyset(query, 'n.created_at', 'timestamptz', 'n.id', 'DESC', page.after);
    query.addSelect('(n.created_at)::text', 'sort_value').limit(page.limit + 1);
    const { entities, raw } = await query.getRawAndEntities<{ sort_value: string }>();
    return { rows: entities, sortValues: raw.map((r) => r.sort_value), total };
  }

  async unreadCount(userId: string): Promise<number> {
    const [{ count }] = await this.q().query(`SELECT count(*)::int AS count FROM notification WHERE user_id = $1 AND in_app AND read_at IS NULL`, [userId]);
    return count;
  }

  /** These notifications, if they are in this person's inbox. */
  async inboxByIds(userId: string, ids: readonly string[]): Promise<NotificationEntity[]> {
    if (ids.length === 0) return [];
    return this.dataSource.getRepository(NotificationEntity).createQueryBuilder('n').where('n.userId = :userId AND n.inApp AND n.id IN (:...ids)', { userId, ids }).getMany();
  }

  /** Of these ids, the ones that are this person's inbox notifications. */
  async ownInboxIds(userId: string, ids: readonly string[], manager?: EntityManager): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows: { id: string }[] = await this.q(manager).query(`SELECT id FROM notification WHERE user_id = $1 AND in_app AND id = ANY($2::uuid[])`, [userId, ids]);
    return new Set(rows.map((r) => r.id));
  }

  /** Marks the person's notifications read (those read already keep their time); returns them. */
  async markRead(userId: string, ids: readonly string[], readAt: Date, manager?: EntityManager): Promise<NotificationEntity[]> {
    if (ids.length === 0) return [];
    await this.q(manager).query(`UPDATE notification SET read_at = $3 WHERE user_id = $1 AND in_app AND id = ANY($2::uuid[]) AND read_at IS NULL`, [userId, ids, readAt]);
    return this.q(manager)
      .getRepository(NotificationEntity)
      .createQueryBuilder('n')
      .where('n.userId = :userId AND n.inApp AND n.id IN (:...ids)', { userId, ids })
      .orderBy('n.created_at', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .getMany();
  }

  /** Marks every unread inbox notification of the person read; returns how many. */
  async markAllRead(userId: string, readAt: Date): Promise<number> {
    const [{ count }] = await this.q().query(
      `WITH marked AS (UPDATE notification SET read_at = $2 WHERE user_id = $1 AND in_app AND read_at IS NULL RETURNING 1)
       SELECT count(*)::int AS count FROM marked`,
      [userId, readAt],
    );
    return count;
  }

  // ------------------------------------------------------------ preferences

  /** The person's stored choices; a kind without one has inbox and e-mail on. */
  async preferences(userId: string): Promise<NotificationPreferenceEntity[]> {
    return this.dataSource.getRepository(NotificationPreferenceEntity).find({ where: { userId }, order: { kind: 'ASC' } });
  }

  async setPreference(userId: string, kind: NotificationKind, inApp: boolean, email: boolean): Promise<NotificationPreferenceEntity> {
    const [row] = await this.q().query(
      `INSERT INTO notification_preference (user_id, kind, in_app, email, updated_at) VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (user_id, kind) DO UPDATE SET in_app = EXCLUDED.in_app, email = EXCLUDED.email, updated_at = EXCLUDED.updated_at
       RETURNING user_id AS "userId", kind, in_app AS "inApp", email, updated_at AS "updatedAt"`,
      [userId, kind, inApp, email],
    );
    return Object.assign(new NotificationPreferenceEntity(), row);
  }

  // ------------------------------------------------------------ e-mail

  /**
   * Claims a notification for e-mailing: it must still be PENDING and not be held by a running attempt
   * or a failed one's backoff. A claim counts an attempt and holds the row for `leaseMs` (a process that
   * dies mid-send lets it go then). Null when there is nothing to do (sent already, or someone else has
   * it). The row lock is skipped rather than waited for: another worker holding it is sending it.
   */
  async claimEmail(id: string, leaseMs: number): Promise<EmailToSend | null> {
    const rows: EmailToSend[] = await this.q().query(
      `WITH claimed AS (
         UPDATE notification n SET email_attempts = n.email_attempts + 1, email_next_attempt_at = now() + make_interval(secs => $2::float8 / 1000)
         WHERE n.id = (
           SELECT id FROM notification WHERE id = $1 AND email_status = 'PENDING' AND (email_next_attempt_at IS NULL OR email_next_attempt_at <= now())
           FOR UPDATE SKIP LOCKED
         )
         RETURNING n.*
       )
       SELECT c.id, c.kind, u.email, u.display_name AS "displayName", c.title_sv AS "titleSv", c.title_en AS "titleEn", c.body_sv AS "bodySv",
              c.body_en AS "bodyEn", c.subject_type AS "subjectType", c.subject_id AS "subjectId", c.data, c.email_attempts AS attempts
       FROM claimed c JOIN app_user u ON u.id = c.user_id`,
      [id, leaseMs],
    );
    return rows[0] ?? null;
  }

  /** The e-mail went out (SENT), was written to the log (LOGGED), or is not sent at all (NONE). */
  async emailDone(id: string, status: Extract<EmailStatus, 'SENT' | 'LOGGED' | 'NONE'>): Promise<void> {
    await this.q().query(
      `UPDATE notification SET email_status = $2, emailed_at = CASE WHEN $2 = 'NONE' THEN NULL ELSE now() END, email_next_attempt_at = NULL, email_error = NULL
       WHERE id = $1 AND email_status = 'PENDING'`,
      [id, status],
    );
  }

  /**
   * The attempt failed: after `maxAttempts` the e-mail is FAILED for good; before, it waits `retryAfterMs`
   * for the next attempt. Returns the status it is left in (null: it was not PENDING any more).
   */
  async emailFailed(id: string, error: string, maxAttempts: number, retryAfterMs: number): Promise<EmailStatus | null> {
    const rows: { status: EmailStatus }[] = await this.q().query(
      `WITH failed AS (
         UPDATE notification SET email_error = left($2, 2000),
           email_status = CASE WHEN email_attempts >= $3 THEN 'FAILED' ELSE 'PENDING' END,
           email_next_attempt_at = CASE WHEN email_attempts >= $3 THEN NULL ELSE now() + make_interval(secs => $4::float8 / 1000) END
         WHERE id = $1 AND email_status = 'PENDING'
         RETURNING email_status
       )
       SELECT email_status AS status FROM failed`,
      [id, error, maxAttempts, retryAfterMs],
    );
    return rows[0]?.status ?? null;
  }
}

function normaliseView(row: WrittenNotification): WrittenNotification {
  return { ...row, createdAt: new Date(row.createdAt), readAt: row.readAt === null ? null : new Date(row.readAt) };
}
