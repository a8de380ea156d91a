import { Inject, Injectable, Logger } from '@nestjs/common';
import { OutboxRepository } from './outbox.repository.js';
import { type Transaction } from '../../database/database.js';
import type { EntityManager } from 'typeorm';
import { CLOCK, type Clock } from '../clock.js';
import { isOutboxJob, JOB_NAMES, lostAfterMs, outboxKey, type JobName, type JobPayload, type OutboxJobName } from '../jobs.js';
import { QUEUE_DRIVER, type JobHandlerFn, type JobHandlerMap, type QueueDriver } from '../queue-driver.js';

/** How long the committing request waits for the queue before leaving the job to the sweep. */
const ENQUEUE_TIMEOUT_MS = 2_000;

export interface OutboxPublishOptions {
  /** Run no earlier than this many milliseconds from now. */
  delayMs?: number;
  /**
   * false: only write the row; the caller enqueues later (`enqueuePending`), or else the sweep does once
   * the row is due (an import's bulk of profiles, which its end may cover with a rebuild instead).
   */
  enqueue?: boolean;
}

/**
 * The one way to start a job: `publish` writes the job's row into `job_outbox` in the caller's
 * transaction and enqueues the job once it commits, so a consumer never sees a job before its data and
 * nothing committed is lost when the queue is away (the sweep enqueues it again). The row goes when the
 * job is done (`completing`, applied to every handler by the queue module); a newer publish of the same
 * key (the registry's, in jobs.ts) renews the row, so a job that ran for an older one leaves it.
 */
@Injectable()
export class Outbox {
  private readonly logger = new Logger('Outbox');

  constructor(
    private readonly rows: OutboxRepository,
    @Inject(QUEUE_DRIVER) private readonly driver: QueueDriver,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async publish<N extends OutboxJobName>(tx: Transaction, name: N, payload: JobPayload<N>, options: OutboxPublishOptions = {}): Promise<void> {
    await this.publishMany(tx, name, [payload], options);
  }

  /** Many jobs of one name in one statement (an import's batch, a rebuild's chunks, a notification's e-mails). */
  async publishMany<N extends OutboxJobName>(tx: Transaction, name: N, payloads: readonly JobPayload<N>[], options: OutboxPublishOptions = {}): Promise<void> {
    if (payloads.length === 0) return;
    const now = this.clock();
    const dueAt = new Date(now.getTime() + (options.delayMs ?? 0) + lostAfterMs(name));
    const entries = payloads.map((payload) => ({ key: outboxKey(name, payload), jobName: name, payload }));
    const revisions = await this.rows.write(
      entries,
      now,
      entries.map(() => dueAt),
      tx.manager,
    );
    if (options.enqueue === false) return;
    tx.afterCommit(() =>
      this.safely(`${payloads.length} ${name} jobs`, payloads.length, () =>
        Promise.all(entries.map((e) => this.enqueue(name, e.payload as JobPayload<N>, `${e.key}.${revisions.get(e.key)}`, options.delayMs))).then(() => undefined),
      ),
    );
  }

  /** Enqueues the jobs of these payloads whose rows are there (written with `enqueue: false`). */
  async enqueuePending<N extends OutboxJobName>(name: N, payloads: readonly JobPayload<N>[]): Promise<number> {
    const keyed = payloads.map((payload) => ({ payload, key: outboxKey(name, payload) }));
    const revisions = await this.rows.revisions(keyed.map((k) => k.key));
    const pending = keyed.filter((k) => revisions.has(k.key));
    await Promise.all(pending.map((k) => this.enqueue(name, k.payload, `${k.key}.${revisions.get(k.key)}`)));
    return pending.length;
  }

  /** A running job's sign of life, in the transaction of its progress: its row is not taken for lost yet. */
  async keepAlive<N extends OutboxJobName>(tx: Transaction, name: N, payload: JobPayload<N>): Promise<void> {
    await this.rows.keepAlive(outboxKey(name, payload), new Date(this.clock().getTime() + lostAfterMs(name)), tx.manager);
  }

  /** The revision of the job's row (null: nothing pending); `lock` share-locks it, so a newer publish waits. */
  async revision<N extends OutboxJobName>(name: N, payload: JobPayload<N>, manager?: EntityManager, options: { lock?: boolean } = {}): Promise<string | null> {
    return this.rows.revision(outboxKey(name, payload), manager, options);
  }

  /** Clears the job's row for the revision that was done, in the caller's transaction. */
  async complete<N extends OutboxJobName>(name: N, payload: JobPayload<N>, revision: string, manager?: EntityManager): Promise<void> {
    await this.rows.complete(outboxKey(name, payload), revision, manager);
  }

  /** Clears the rows of these jobs whatever their revision: work started in the same transaction covers them. */
  async discard<N extends OutboxJobName>(tx: Transaction, name: N, payloads: readonly JobPayload<N>[]): Promise<void> {
    await this.rows.discard(
      payloads.map((payload) => outboxKey(name, payload)),
      tx.manager,
    );
  }

  /** Which of these payloads have a job not done yet. */
  async pending<N extends OutboxJobName>(name: N, payloads: readonly JobPayload<N>[]): Promise<boolean[]> {
    const keys = payloads.map((payload) => outboxKey(name, payload));
    const found = await this.rows.pending(keys);
    return keys.map((key) => found.has(key));
  }

  /**
   * The handlers, each clearing its job's row once it has run: for the revision the row had when the job
   * started, so a change published while it ran keeps its row (and its own job).
   */
  completing(handlers: JobHandlerMap): JobHandlerMap {
    const wrapped = { ...handlers } as Record<JobName, JobHandlerFn>;
    for (const name of JOB_NAMES) {
      if (!isOutboxJob(name)) continue;
      const handler = handlers[name] as JobHandlerFn;
      wrapped[name] = async (payload, context) => {
        const key = outboxKey(name, payload as never);
        const revision = await this.rows.revision(key);
        await handler(payload, context);
        if (revision !== null) await this.rows.complete(key, revision);
      };
    }
    return wrapped as JobHandlerMap;
  }

  /** Enqueues under the row's key and revision (and sweep attempt): one job per change, whatever enqueues it. */
  enqueue<N extends OutboxJobName>(name: N, payload: JobPayload<N>, jobKey: string, delayMs?: number): Promise<string> {
    return this.driver.enqueue(name, payload, { dedupeKey: jobKey, delayMs });
  }

  /** Never fails the committed request: a job that could not be enqueued is the sweep's. */
  private async safely(what: string, count: number, enqueue: () => Promise<void>): Promise<void> {
    const timeoutMs = ENQUEUE_TIMEOUT_MS * Math.min(30, Math.max(1, Math.ceil(count / 100)));
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        enqueue(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
        }),
      ]);
    } catch (error) {
      this.logger.warn(`could not enqueue ${what} (${error instanceof Error ? error.message : String(error)}); the sweep will`);
    } finally {
      clearTimeout(timer);
    }
  }
}
