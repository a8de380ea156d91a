import { Inject, Injectable } from '@nestjs/common';
import { Database, type KeysetPosition, CLOCK, type Clock } from '@samverka/engine';
import { NotificationRepository } from './notification.repository.js';
import { type NotificationEntity } from '@samverka/schema';
import { assertId, DomainError, NOTIFICATION_KINDS, type Actor, type NotificationKind } from '@samverka/domain';
import { NotificationPreference } from './graphql/notification.models.js';

/** At most this many ids per markNotificationsRead. */
export const MAX_MARK_READ = 100;

/**
 * A person's own inbox and preferences. Every method works on the signed-in person's rows only; an id
 * that is not one of their inbox notifications is NOT_FOUND, as if it did not exist.
 */
@Injectable()
export class NotificationInboxService {
  constructor(
    private readonly database: Database,
    private readonly notifications: NotificationRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async list(actor: Actor, filter: { unreadOnly: boolean }, page: { limit: number; after?: KeysetPosition }) {
    return this.notifications.inbox(userOf(actor), filter, page);
  }

  async unreadCount(actor: Actor): Promise<number> {
    return this.notifications.unreadCount(userOf(actor));
  }

  /**
   * Marks the notifications read, all or none: an id that is not the person's inbox notification is
   * NOT_FOUND and nothing is marked. Ones read already keep the time they were first read.
   */
  async markRead(actor: Actor, ids: readonly string[]): Promise<NotificationEntity[]> {
    const userId = userOf(actor);
    if (ids.length > MAX_MARK_READ) throw DomainError.badInput('notificationIds', `must list at most ${MAX_MARK_READ} notifications`);
    const wanted = [...new Set(ids.map((id) => assertId(id, 'notificationIds')))];
    return this.database.transaction(async ({ manager }) => {
      const own = await this.notifications.ownInboxIds(userId, wanted, manager);
      const missing = wanted.find((id) => !own.has(id));
      if (missing) throw DomainError.notFound('Notification', missing);
      return this.notifications.markRead(userId, wanted, this.clock(), manager);
    });
  }

  /** Marks every unread notification of the person read; returns how many were. */
  async markAllRead(actor: Actor): Promise<number> {
    return this.notifications.markAllRead(userOf(actor), this.clock());
  }

  /** Every kind, with the person's choice or the default (inbox and e-mail on). */
  async preferences(actor: Actor): Promise<NotificationPreference[]> {
    const stored = new Map((await this.notifications.preferences(userOf(actor))).map((p) => [p.kind, p]));
    return NOTIFICATION_KINDS.map((kind) => NotificationPreference.of(kind, stored.get(kind)));
  }

  async setPreference(actor: Actor, kind: NotificationKind, inApp: boolean, email: boolean): Promise<NotificationPreference> {
    if (!NOTIFICATION_KINDS.includes(kind)) throw DomainError.badInput('kind', `must be one of ${NOTIFICATION_KINDS.join(', ')}`);
    const saved = await this.notifications.setPreference(userOf(actor), kind, inApp, email);
    return NotificationPreference.of(kind, saved);
  }
}

/** The policy lets only signed-in people through; this keeps the type honest. */
function userOf(actor: Actor): string {
  if (actor.kind !== 'user') throw DomainError.unauthenticated('Sign in to read your notifications');
  return actor.userId;
}
