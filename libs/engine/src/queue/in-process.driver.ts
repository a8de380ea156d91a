import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { JOBS, parsePayload, QUEUE_NAMES, type JobName, type JobPayload } from './jobs.js';
import type { EnqueueOptions, JobHandlerMap, QueueCounts, QueueDriver } from './queue-driver.js';

interface PendingJob {
  id: string;
  name: JobName;
  payload: unknown;
  attempt: number;
  key?: string;
}

export interface InProcessDriverOptions {
  concurrency: number;
  /** Delay before the first retry; it doubles with each further retry. */
  retryBackoffMs: number;
  shutdownTimeoutMs: number;
}

/**
 * Runs jobs inside this process, for the embedded mode: nothing to install. Jobs live in memory, so
 * they are for work whose trigger can be replayed (a rebuild, a sweep), never the only record of it.
 */
export class InProcessQueueDriver implements QueueDriver {
  readonly kind = 'in-process' as const;
  private readonly logger = new Logger('InProcessQueue');
  private readonly waiting: PendingJob[] = [];
  private readonly timers = new Map<NodeJS.Timeout, PendingJob>();
  private readonly running = new Set<Promise<void>>();
  private readonly runningByQueue = new Map<string, number>();
  private readonly failedByQueue = new Map<string, number>();
  private handlers?: JobHandlerMap;
  private readonly intervals = new Map<JobName, NodeJS.Timeout>();
  private closing = false;
  private idle?: () => void;
  /** Dedupe keys of jobs waiting, delayed or running, with their job ids. */
  private readonly keys = new Map<string, string>();

  constructor(private readonly options: InProcessDriverOptions) {}

  async enqueue<N extends JobName>(name: N, payload: JobPayload<N>, options: EnqueueOptions = {}): Promise<string> {
    if (this.closing) throw new Error(`The queue is shutting down; job ${name} was not accepted`);
    const checked = parsePayload(name, payload);
    if (options.dedupeKey !== undefined) {
      const existing = this.keys.get(options.dedupeKey);
      if (existing) return existing;
    }
    const job: PendingJob = { id: randomUUID(), name, payload: checked, attempt: 0, key: options.dedupeKey };
    if (job.key !== undefined) this.keys.set(job.key, job.id);
    if (options.delayMs && options.delayMs > 0) this.later(job, options.delayMs);
    else this.push(job);
    return job.id;
  }

  async schedule<N extends JobName>(name: N, payload: JobPayload<N>, everyMs: number): Promise<void> {
    const checked = parsePayload(name, payload);
    // One schedule per job name, as with BullMQ's job schedulers: scheduling again replaces it.
    clearInterval(this.intervals.get(name));
    const interval = setInterval(() => {
      if (!this.closing) this.push({ id: randomUUID(), name, payload: checked, attempt: 0 });
    }, everyMs);
    interval.unref();
    this.intervals.set(name, interval);
  }

  async consume(handlers: JobHandlerMap): Promise<void> {
    this.handlers = handlers;
    this.pump();
  }

  async counts(): Promise<Record<string, QueueCounts>> {
    const counts: Record<string, QueueCounts> = {};
    for (const queue of QUEUE_NAMES) {
      counts[queue] = {
        waiting: this.waiting.filter((j) => JOBS[j.name].queue === queue).length,
        active: this.runningByQueue.get(queue) ?? 0,
        delayed: [...this.timers.values()].filter((j) => JOBS[j.name].queue === queue).length,
        failed: this.failedByQueue.get(queue) ?? 0,
      };
    }
    return counts;
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    this.closing = true;
    this.intervals.forEach((interval) => clearInterval(interval));
    for (const [timer, job] of this.timers) {
      clearTimeout(timer);
      this.logger.warn(`released delayed job ${job.name} ${job.id} at shutdown`);
    }
    this.timers.clear();
    if (this.running.size === 0 && (this.waiting.length === 0 || !this.handlers)) return;
    const drained = new Promise<void>((resolve) => (this.idle = resolve));
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), this.options.shutdownTimeoutMs);
    });
    const outcome = await Promise.race([drained, timedOut]);
    clearTimeout(timer);
    if (outcome === 'timeout') {
      this.logger.warn(`shutdown timeout: released ${this.running.size} running and ${this.waiting.length} waiting jobs`);
      this.waiting.length = 0;
    }
  }

  private forget(job: PendingJob): void {
    if (job.key !== undefined && this.keys.get(job.key) === job.id) this.keys.delete(job.key);
  }

  private push(job: PendingJob): void {
    this.waiting.push(job);
    // Run on a later turn, so the caller's request (and transaction) is never inside the job.
    setImmediate(() => this.pump());
  }

  private later(job: PendingJob, delayMs: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.push(job);
    }, delayMs);
    this.timers.set(timer, job);
  }

  private pump(): void {
    const handlers = this.handlers;
    if (!handlers) return;
    while (this.running.size < this.options.concurrency && this.waiting.length > 0) {
      const job = this.waiting.shift()!;
      const run = this.run(job, handlers).finally(() => {
        this.running.delete(run);
        this.pump();
        if (this.closing && this.running.size === 0 && this.waiting.length === 0) this.idle?.();
      });
      this.running.add(run);
    }
  }

  private async run(job: PendingJob, handlers: JobHandlerMap): Promise<void> {
    const queue = JOBS[job.name].queue;
    const definition = JOBS[job.name];
    job.attempt += 1;
    this.runningByQueue.set(queue, (this.runningByQueue.get(queue) ?? 0) + 1);
    try {
      const handler = handlers[job.name] as (payload: unknown, ctx: { jobId: string; attempt: number }) => Promise<void>;
      await handler(job.payload, { jobId: job.id, attempt: job.attempt });
      this.forget(job);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (job.attempt < definition.attempts && !this.closing) {
        const delay = this.options.retryBackoffMs * 2 ** (job.attempt - 1);
        this.logger.warn(`job ${job.name} ${job.id} failed (attempt ${job.attempt}), retrying in ${delay} ms: ${reason}`);
        this.later(job, delay);
      } else {
        this.forget(job);
        this.failedByQueue.set(queue, (this.failedByQueue.get(queue) ?? 0) + 1);
        this.logger.error(`job ${job.name} ${job.id} failed after ${job.attempt} attempts: ${reason}`);
      }
    } finally {
      this.runningByQueue.set(queue, (this.runningByQueue.get(queue) ?? 1) - 1);
    }
  }
}
