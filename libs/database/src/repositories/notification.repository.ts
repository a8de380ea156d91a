import type { DataSource, EntityManager } from 'typeorm';
import type { NotificationKind } from '@samverka/domain';
import type { EmailStatus } from '../entities/notification.entity.js';

/** A notification to write: who is told is worked out in SQL from organisations and people. */
export interface NewNotification {
  kind: NotificationKind;
  subjectType: string;
  subjectId: string;
  /** Every member of these organisations is told, on behalf of that organisation. */
  organizationIds: readonly string[];
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
}

export interface WrittenNotification {
  id: string;
  userId: string;
  inApp: boolean;
  emailStatus: EmailStatus;
}

export class NotificationRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Writes the notification once for each recipient, as their preferences for its kind say (no row:
   * inbox and e-mail both on; both off: nothing is written). A recipient who already has this
   * dedupe key gets nothing new. Returns the rows written.
   */
  async insert(n: NewNotification, manager?: EntityManager): Promise<WrittenNotification[]> {
    const rows: { id: string; user_id: string; in_app: boolean; email_status: EmailStatus }[] = await (manager ?? this.dataSource.manager).query(
      `WITH recipients AS (
         SELECT DISTINCT ON (r.user_id) r.user_id, r.organization_id
         FROM (
           SELECT m.user_id, m.organization_id FROM membership m WHERE m.organization_id = ANY($1::uuid[])
           UNION ALL
           SELECT u, NULL::uuid FROM unnest($2::uuid[]) AS u
         ) r
         WHERE r.user_id IS DISTINCT FROM $3::uuid
         ORDER BY r.user_id, r.organization_id NULLS LAST
       )
       INSERT INTO notification (user_id, kind, organization_id, subject_type, subject_id, title_sv, title_en, body_sv, body_en, data, dedupe_key, in_app, email_status)
       SELECT r.user_id, $4, r.organization_id, $5, $6, $7, $8, $9, $10, $11::jsonb, $12,
              COALESCE(p.in_app, true), CASE WHEN COALESCE(p.email, true) THEN 'PENDING' ELSE 'NONE' END
       FROM recipients r
       LEFT JOIN notification_preference p ON p.user_id = r.user_id AND p.kind = $4
       WHERE COALESCE(p.in_app, true) OR COALESCE(p.email, true)
       ON CONFLICT (user_id, dedupe_key) DO NOTHING
       RETURNING id, user_id, in_app, email_status`,
      [n.organizationIds, n.userIds, n.exceptUserId, n.kind, n.subjectType, n.subjectId, n.titleSv, n.titleEn, n.bodySv, n.bodyEn, JSON.stringify(n.data), n.dedupeKey],
    );
    return rows.map((r) => ({ id: r.id, userId: r.user_id, inApp: r.in_app, emailStatus: r.email_status }));
  }
}
