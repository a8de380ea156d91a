import type { DataSource, EntityManager } from 'typeorm';

export interface NewFeedback {
  message: string;
  email: string | null;
  page: string | null;
  language: 'sv' | 'en';
  userId: string | null;
}

export interface FeedbackRow extends NewFeedback {
  id: string;
  /** The order of arrival: the list's cursor. */
  seq: string;
  createdAt: Date;
}

const COLUMNS = `id, seq::text AS seq, message, email, page, language, user_id AS "userId", created_at AS "createdAt"`;

export class FeedbackRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(feedback: NewFeedback, manager: EntityManager): Promise<FeedbackRow> {
    const [row] = (await manager.query(`INSERT INTO feedback (message, email, page, language, user_id) VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`, [
      feedback.message,
      feedback.email,
      feedback.page,
      feedback.language,
      feedback.userId,
    ])) as FeedbackRow[];
    return row;
  }

  /** The people to tell of new feedback: every administrator. */
  async administratorIds(manager: EntityManager): Promise<string[]> {
    const rows = (await manager.query(`SELECT id FROM app_user WHERE platform_role = 'ADMIN' ORDER BY id`)) as { id: string }[];
    return rows.map((r) => r.id);
  }

  /** Newest first, a page of `limit` (one more to know whether there is a next page), before the cursor `before`. */
  async list(page: { limit: number; before?: string }): Promise<{ rows: FeedbackRow[]; total: number }> {
    const [{ total }] = (await this.dataSource.query(`SELECT count(*)::int AS total FROM feedback`)) as { total: number }[];
    const rows = (await this.dataSource.query(`SELECT ${COLUMNS} FROM feedback WHERE ($1::bigint IS NULL OR seq < $1::bigint) ORDER BY seq DESC LIMIT $2`, [
      page.before ?? null,
      page.limit + 1,
    ])) as FeedbackRow[];
    return { rows, total };
  }
}
