import type { JobName, JobPayload } from './jobs.js';

export interface JobContext {
  /** The driver's id of this job; the same across retries. */
  jobId: string;
  /** 1 on the first run, 2 on the first retry, … */
  attempt: number;
}

export type JobHandlerFn<N extends JobName = JobName> = (payload: JobPayload<N>, context: JobContext) => Promise<void>;
export type JobHandlerMap = { [N in JobName]: JobHandlerFn<N> };

export interface EnqueueOptions {
  /** Run no earlier than this many milliseconds from now. */
  delayMs?: number;
  /**
   * A job with the same key that is still waiting, running or kept after completion is not added again
   * (the existing job's id is returned). Letters, digits, ".", "_" and "-".
   */
  dedupeKey?: string;
}

export interface QueueCounts {
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
}

/**
 * The one queue contract. `bullmq` keeps jobs in Redis and is consumed by worker processes;
 * `in-process` keeps them in memory and runs them inside the API process.
 */
export interface QueueDriver {
  readonly kind: 'bullmq' | 'in-process';
  /** Validates the payload and adds the job; resolves with the job id once the job is stored. */
  enqueue<N extends JobName>(name: N, payload: JobPayload<N>, options?: EnqueueOptions): Promise<string>;
  /** Adds the job every `everyMs` milliseconds, once across every process that schedules it. */
  schedule<N extends JobName>(name: N, payload: JobPayload<N>, everyMs: number): Promise<void>;
  /** Starts taking jobs with these handlers (one per job name). */
  consume(handlers: JobHandlerMap): Promise<void>;
  /** Counts per queue name. */
  counts(): Promise<Record<string, QueueCounts>>;
  /** Throws when the backing store cannot be reached. */
  ping(): Promise<void>;
  /**
   * Stops taking jobs, lets running ones finish within the shutdown timeout (a job still running after
   * it is released, to be retried), and closes connections.
   */
  close(): Promise<void>;
}

export const QUEUE_DRIVER = Symbol('QUEUE_DRIVER');
