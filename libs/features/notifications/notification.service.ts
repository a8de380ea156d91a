import { Inject, Injectable, Logger } from '@nestjs/common';
import { NotificationRepository, type NewNotification, type WrittenNotification } from './notification.repository.js';
import { type Transaction, Outbox, textOf } from '@samverka/engine';
import type { Language, Message, NotificationKind } from '@samverka/domain';
import { NOTIFICATION_BUS, type NotificationBus } from './notification-bus.js';
import { NotificationMailer } from './notification-mailer.js';

/** Something happened that people should hear of. */
export interface NotificationEvent {
  kind: NotificationKind;
  /** What it is about: 'need', 'offer', 'introduction', 'partnership', 'impactReport', 'organization', 'feedback'. */
  subject: { type: 'need' | 'offer' | 'introduction' | 'partnership' | 'impactReport' | 'organization' | 'feedback'; id: string };
  /** Every member of these organisations is told. */
  organizations?: readonly string[];
  /** The owners of these organisations are told (on behalf of the organisation). */
  ownersOf?: readonly string[];
  /** And these people (a coordinator, say). */
  users?: readonly (string | null)[];
  /** The person whose action it was is not told of it. */
  exceptUserId?: string | null;
  /** From the catalogue: written in Swedish and English when the event happens. */
  title: Message;
  /** Paragraphs, from the catalogue like the title; none for a notification whose title says it all. */
  body?: readonly Message[];
  data?: Record<string, unknown>;
  /** Names the event: the same key never reaches a person twice (a retried job notifies once). */
  dedupeKey: string;
  /** false: the inbox only, whatever the person's preference (a saved search that asks for no e-mail). */
  email?: boolean;
}

/** How long the request that committed waits for the live channel. */
const DISPATCH_TIMEOUT_MS = 2_000;

/**
 * The one way to tell people something. The notification is written in the caller's transaction, so
 * it exists exactly when what it tells of does; e-mail and live delivery start after the commit.
 */
@Injectable()
export class NotificationService {
  private readonly logger = new Logger('Notifications');

  constructor(
    private readonly notifications: NotificationRepository,
    private readonly mailer: NotificationMailer,
    private readonly outbox: Outbox,
    @Inject(NOTIFICATION_BUS) private readonly bus: NotificationBus,
  ) {}

  async notify(tx: Transaction, event: NotificationEvent): Promise<WrittenNotification[]> {
    return this.notifyMany(tx, [event]);
  }

  /** Several events in one statement (the matcher tells every enterprise that newly fits a need at once). */
  async notifyMany(tx: Transaction, events: readonly NotificationEvent[]): Promise<WrittenNotification[]> {
    if (events.length === 0) return [];
    const written = await this.notifications.insert(events.map(toRow), { email: this.mailer.enabled }, tx.manager);
    const email = written.filter((n) => n.emailStatus === 'PENDING').map((n) => ({ notificationId: n.id }));
    // The e-mails' jobs go through the outbox: written now, enqueued after the commit, swept if lost.
    await this.outbox.publishMany(tx, 'notification.email', email);
    if (written.length > 0) tx.afterCommit(() => this.dispatch(written));
    return written;
  }

  /**
   * After the commit: live updates to open subscriptions (inbox rows only). Never fails the caller, whose
   * change is committed: a missed live update leaves the notification in the inbox.
   */
  private async dispatch(written: WrittenNotification[]): Promise<void> {
    await this.safely('publish live notifications', () => this.bus.publish(written.filter((n) => n.inApp)));
  }

  private async safely(what: string, work: () => Promise<void>): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        work(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${DISPATCH_TIMEOUT_MS} ms`)), DISPATCH_TIMEOUT_MS);
        }),
      ]);
    } catch (error) {
      this.logger.warn(`could not ${what}: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      clearTimeout(timer);
    }
  }
}

function toRow(event: NotificationEvent): NewNotification {
  return {
    kind: event.kind,
    subjectType: event.subject.type,
    subjectId: event.subject.id,
    organizationIds: event.organizations ?? [],
    ownerOrganizationIds: event.ownersOf ?? [],
    userIds: (event.users ?? []).filter((u): u is string => !!u),
    exceptUserId: event.exceptUserId ?? null,
    titleSv: textOf(event.title, 'sv'),
    titleEn: textOf(event.title, 'en'),
    bodySv: paragraphs(event.body, 'sv'),
    bodyEn: paragraphs(event.body, 'en'),
    data: event.data ?? {},
    dedupeKey: event.dedupeKey,
    email: event.email ?? true,
  };
}

function paragraphs(body: readonly Message[] | undefined, language: Language): string {
  return (body ?? []).map((paragraph) => textOf(paragraph, language)).join('\n\n');
}
