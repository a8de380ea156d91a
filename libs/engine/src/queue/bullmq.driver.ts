import os from 'node:os';
import { Logger } from '@nestjs/common';
import { Queue, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { isJobName, JOBS, parsePayload, QUEUE_NAMES, type JobName, type JobPayload } from './jobs.js';
import type { EnqueueOptions, JobHandlerMap, QueueCounts, QueueDriver } from './queue-driver.js';

export interface BullMqDriverOptions {
  redisUrl: string;
  prefix: string;
  concurrency: number;
  /** Delay before the first retry; it doubles with each further retry. */
  retryBackoffMs: number;
  lockDurationMs: number;
  stalledIntervalMs: number;
  shutdownTimeoutMs: number;
}

/**
 * Jobs in Redis through BullMQ: the API produces, worker processes consume. A worker that dies mid-job
 * loses its lock; the stalled-job check then moves the job back to waiting and another worker retries it.
 */
export class BullMqQueueDriver implements QueueDriver {
  readonly kind = 'bullmq' as const;
  private readonly logger = new Logger('BullMqQueue');
  /** Producers fail fast when Redis is away, so a request does not hang on it. */
  private readonly producerConnection: Redis;
  private readonly queues = new Map<string, Queue>();
  private readonly workers: Worker[] = [];
  private readonly workerConnections: Redis[] = [];
  /** Schedules this process keeps, upserted again whenever Redis comes back (it may have lost them). */
  private readonly schedules = new Map<JobName, { payload: unknown; everyMs: number }>();
  private connectedBefore = false;

  constructor(private readonly options: BullMqDriverOptions) {
    this.producerConnection = new Redis(options.redisUrl, {
      maxRetriesPerRequest: 2,
      connectTimeout: 5_000,
      connectionName: `samverka-producer-${os.hostname()}-${process.pid}`,
    });
    this.producerConnection.on('error', (error) => this.logger.warn(`Redis (producer): ${error.message}`));
    this.producerConnection.on('ready', () => {
      if (this.connectedBefore && this.schedules.size > 0) {
        this.logger.log('Redis is back: upserting the job schedules again');
        for (const [name, { payload, everyMs }] of this.schedules) {
          this.upsertSchedule(name, payload as never, everyMs).catch((error: Error) => this.logger.warn(`could not restore the schedule of ${name}: ${error.message}`));
        }
      }
      this.connectedBefore = true;
    });
    for (const name of QUEUE_NAMES) {
      this.queues.set(name, new Queue(name, { connection: this.producerConnection, prefix: options.prefix }));
    }
  }

  /** The BullMQ queues, for the operations dashboard. */
  get bullQueues(): Queue[] {
    return [...this.queues.values()];
  }

  async enqueue<N extends JobName>(name: N, payload: JobPayload<N>, options: EnqueueOptions = {}): Promise<string> {
    const definition = JOBS[name];
    const job = await this.queues.get(definition.queue)!.add(name, parsePayload(name, payload), {
      attempts: definition.attempts,
      backoff: { type: 'exponential', delay: this.options.retryBackoffMs },
      delay: options.delayMs,
      jobId: options.dedupeKey,
      removeOnComplete: { age: 24 * 3600, count: 10_000 },
      removeOnFail: { age: 14 * 24 * 3600 },
    });
    return job.id!;
  }

  async schedule<N extends JobName>(name: N, payload: JobPayload<N>, everyMs: number): Promise<void> {
    this.schedules.set(name, { payload, everyMs });
    await this.upsertSchedule(name, payload, everyMs);
  }

  private async upsertSchedule<N extends JobName>(name: N, payload: JobPayload<N>, everyMs: number): Promise<void> {
    const definition = JOBS[name];
    // Keyed by job name: every worker upserts the same scheduler, so the job runs once per period.
    await this.queues.get(definition.queue)!.upsertJobScheduler(
      name,
      { every: everyMs },
      {
        name,
        data: parsePayload(name, payload),
        opts: {
          attempts: definition.attempts,
          backoff: { type: 'exponential', delay: this.options.retryBackoffMs },
          removeOnComplete: { count: 100 },
          removeOnFail: { age: 14 * 24 * 3600 },
        },
      },
    );
  }

  async consume(handlers: JobHandlerMap): Promise<void> {
    for (const queue of QUEUE_NAMES) {
      // Blocking commands need their own connection, which retries for as long as Redis is away.
      const connection = new Redis(this.options.redisUrl, {
        maxRetriesPerRequest: null,
        connectionName: `samverka-worker-${os.hostname()}-${process.pid}`,
      });
      connection.on('error', (error) => this.logger.warn(`Redis (worker): ${error.message}`));
      this.workerConnections.push(connection);
      const worker = new Worker(queue, (job: Job) => this.process(job, handlers), {
        connection,
        prefix: this.options.prefix,
        concurrency: this.options.concurrency,
        lockDuration: this.options.lockDurationMs,
        stalledInterval: this.options.stalledIntervalMs,
        maxStalledCount: 3,
        autorun: false,
      });
      worker.on('failed', (job, error) => this.logger.warn(`job ${job?.name} ${job?.id} failed (attempt ${job?.attemptsMade}): ${error.message}`));
      worker.on('error', (error) => this.logger.error(`worker error on ${queue}: ${error.message}`));
      this.workers.push(worker);
      void worker.run();
    }
    await Promise.all(this.workers.map((w) => w.waitUntilReady()));
    this.logger.log(`consuming ${QUEUE_NAMES.join(', ')} with concurrency ${this.options.concurrency}`);
  }

  async counts(): Promise<Record<string, QueueCounts>> {
    const counts: Record<string, QueueCounts> = {};
    for (const [name, queue] of this.queues) {
      const c = await queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'prioritized');
      counts[name] = {
        waiting: (c.waiting ?? 0) + (c.prioritized ?? 0),
        active: c.active ?? 0,
        delayed: c.delayed ?? 0,
        failed: c.failed ?? 0,
      };
    }
    return counts;
  }

  async ping(): Promise<void> {
    await this.producerConnection.ping();
  }

  async close(): Promise<void> {
    // Stop taking jobs and give running ones the shutdown timeout; after it, close without waiting:
    // the unfinished jobs keep their lock until it expires and are then retried by another worker.
    const graceful = Promise.all(this.workers.map((w) => w.close()));
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), this.options.shutdownTimeoutMs);
    });
    if ((await Promise.race([graceful, timeout])) === 'timeout') {
      this.logger.warn('shutdown timeout: releasing running jobs to be retried');
      await Promise.all(this.workers.map((w) => w.close(true)));
    }
    clearTimeout(timer);
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    await Promise.all([this.producerConnection, ...this.workerConnections].map((c) => c.quit().catch(() => c.disconnect())));
  }

  private async process(job: Job, handlers: JobHandlerMap): Promise<void> {
    if (!isJobName(job.name)) throw new Error(`No job is named ${job.name}`);
    const handler = handlers[job.name] as (payload: unknown, ctx: { jobId: string; attempt: number }) => Promise<void>;
    await handler(parsePayload(job.name, job.data), { jobId: job.id!, attempt: job.attemptsMade + 1 });
  }
}
