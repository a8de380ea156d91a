import os from 'node:os';
import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '@samverka/engine';
import type { NotificationView } from './notification.repository.js';
import { Redis } from 'ioredis';

/**
 * Live delivery of new notifications to the people who have a subscription open. The API subscribes;
 * the API and the worker publish (the worker writes strong-match notifications). A notification is in
 * the inbox whether or not anyone was listening: this only shortens the wait.
 */
export interface NotificationBus {
  readonly kind: 'in-process' | 'redis';
  /** Hands each row to its owner's open subscriptions, in this process or (with Redis) in any. */
  publish(rows: readonly NotificationView[]): Promise<void>;
  /** The person's notifications published from now on, until the iterator is returned. */
  subscribe(userId: string): AsyncIterableIterator<NotificationView>;
  /** How many subscriptions the person has open in this process. */
  listeners(userId: string): number;
}

export const NOTIFICATION_BUS = Symbol('NOTIFICATION_BUS');

/** Events kept for a subscriber that reads slower than they come; older ones are dropped (the inbox has them). */
const MAX_BUFFERED = 100;

/** One open subscription: a queue of rows its reader has not taken yet. */
class Subscription implements AsyncIterableIterator<NotificationView> {
  private readonly buffered: NotificationView[] = [];
  private waiting?: (result: IteratorResult<NotificationView>) => void;
  private closed = false;

  constructor(private readonly detach: (subscription: Subscription) => void) {}

  push(row: NotificationView): void {
    if (this.closed) return;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = undefined;
      resolve({ value: row, done: false });
      return;
    }
    if (this.buffered.length >= MAX_BUFFERED) this.buffered.shift();
    this.buffered.push(row);
  }

  next(): Promise<IteratorResult<NotificationView>> {
    if (this.buffered.length > 0) return Promise.resolve({ value: this.buffered.shift()!, done: false });
    if (this.closed) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.waiting = resolve));
  }

  /** Ends the subscription at once, even while its reader waits (a generator would wait for the next row). */
  return(): Promise<IteratorResult<NotificationView>> {
    if (!this.closed) {
      this.closed = true;
      this.buffered.length = 0;
      this.detach(this);
      this.waiting?.({ value: undefined, done: true });
      this.waiting = undefined;
    }
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error: unknown): Promise<IteratorResult<NotificationView>> {
    void this.return();
    return Promise.reject(error);
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<NotificationView> {
    return this;
  }
}

/** The subscriptions open in this process, by person. */
class LocalSubscribers {
  private readonly byUser = new Map<string, Set<Subscription>>();

  subscribe(userId: string): Subscription {
    const subscription = new Subscription((s) => {
      const set = this.byUser.get(userId);
      set?.delete(s);
      if (set?.size === 0) this.byUser.delete(userId);
    });
    const set = this.byUser.get(userId) ?? new Set();
    set.add(subscription);
    this.byUser.set(userId, set);
    return subscription;
  }

  deliver(row: NotificationView): void {
    for (const subscription of this.byUser.get(row.userId) ?? []) subscription.push(row);
  }

  get size(): number {
    return this.byUser.size;
  }

  of(userId: string): number {
    return this.byUser.get(userId)?.size ?? 0;
  }

  closeAll(): void {
    for (const set of [...this.byUser.values()]) for (const subscription of [...set]) void subscription.return();
  }
}

/** The embedded mode: one process, so publishing is handing over. */
export class InProcessNotificationBus implements NotificationBus, OnApplicationShutdown {
  readonly kind = 'in-process' as const;
  private readonly local = new LocalSubscribers();

  async publish(rows: readonly NotificationView[]): Promise<void> {
    for (const row of rows) this.local.deliver(row);
  }

  subscribe(userId: string): AsyncIterableIterator<NotificationView> {
    return this.local.subscribe(userId);
  }

  listeners(userId: string): number {
    return this.local.of(userId);
  }

  onApplicationShutdown(): void {
    this.local.closeAll();
  }
}

/**
 * Several processes: every notification is published on one Redis channel, and each API process hands
 * the rows to the subscriptions it holds. Connections open on first use (a worker never subscribes).
 * Redis pub/sub keeps nothing: a process that is not connected at the moment misses the event, and its
 * clients see the notification in the inbox instead.
 */
export class RedisNotificationBus implements NotificationBus, OnApplicationShutdown {
  readonly kind = 'redis' as const;
  private readonly logger = new Logger('NotificationBus');
  private readonly local = new LocalSubscribers();
  private readonly channel: string;
  private publisher?: Redis;
  private subscriber?: Redis;

  constructor(private readonly options: { redisUrl: string; prefix: string }) {
    this.channel = `${options.prefix}:notifications`;
  }

  async publish(rows: readonly NotificationView[]): Promise<void> {
    if (rows.length === 0) return;
    this.publisher ??= this.connect('publisher', { maxRetriesPerRequest: 2, connectTimeout: 5_000 });
    await this.publisher.publish(this.channel, JSON.stringify(rows));
  }

  subscribe(userId: string): AsyncIterableIterator<NotificationView> {
    if (!this.subscriber) {
      // Blocking in subscriber mode, and retrying for as long as Redis is away (it subscribes again on reconnect).
      this.subscriber = this.connect('subscriber', { maxRetriesPerRequest: null });
      this.subscriber.on('message', (channel: string, message: string) => {
        if (channel === this.channel) this.receive(message);
      });
      this.subscriber.subscribe(this.channel).catch((error: Error) => this.logger.warn(`could not subscribe to ${this.channel}: ${error.message}`));
    }
    return this.local.subscribe(userId);
  }

  listeners(userId: string): number {
    return this.local.of(userId);
  }

  async onApplicationShutdown(): Promise<void> {
    this.local.closeAll();
    await Promise.all([this.publisher, this.subscriber].filter((c): c is Redis => !!c).map((c) => c.quit().catch(() => c.disconnect())));
  }

  private receive(message: string): void {
    if (this.local.size === 0) return;
    let rows: NotificationView[];
    try {
      rows = JSON.parse(message) as NotificationView[];
    } catch {
      this.logger.warn(`ignored a message on ${this.channel} that is not JSON`);
      return;
    }
    for (const row of rows) {
      this.local.deliver({ ...row, createdAt: new Date(row.createdAt), readAt: row.readAt === null ? null : new Date(row.readAt) });
    }
  }

  private connect(role: string, options: { maxRetriesPerRequest: number | null; connectTimeout?: number }): Redis {
    const connection = new Redis(this.options.redisUrl, { ...options, connectionName: `samverka-notifications-${role}-${os.hostname()}-${process.pid}` });
    connection.on('error', (error) => this.logger.warn(`Redis (${role}): ${error.message}`));
    return connection;
  }
}

/** Redis pub/sub when the queue is on Redis (several processes), else in-process, like the queue driver. */
export function createNotificationBus(config: AppConfig['queue']): NotificationBus {
  return config.driver === 'bullmq' ? new RedisNotificationBus({ redisUrl: config.redisUrl, prefix: config.prefix }) : new InProcessNotificationBus();
}
