import { z } from 'zod';

/**
 * Every job Samverka runs: its name, the queue it travels on, the shape of its payload (IDs only, never
 * whole records: the handler loads the current state) and its retry policy. The one place that maps
 * job names to payload types.
 */
export const JOBS = {
  'system.probe': {
    queue: 'system',
    payload: z.object({ probeId: z.uuid() }).strict(),
    attempts: 5,
    outbox: { key: ({ probeId }) => `probe-${probeId}`, lostAfterMs: 60_000 },
  },
  'needs.closeExpired': {
    queue: 'maintenance',
    payload: z.object({}).strict(),
    attempts: 3,
    everyMs: 60_000,
  },
  /** A need was published, changed or withdrawn: score it against every eligible enterprise. */
  'matching.need': {
    queue: 'matching',
    payload: z.object({ needId: z.uuid() }).strict(),
    attempts: 5,
    // One pending change per need: a newer change replaces the row's revision, and the job that ran for an
    // older one leaves the row to the newer one's job.
    outbox: { key: ({ needId }) => `need-${needId}`, lostAfterMs: 10_000 },
  },
  /** A profile (or its track record) changed: rescore it against every published need. */
  'matching.profile': {
    queue: 'matching',
    payload: z.object({ organizationId: z.uuid() }).strict(),
    attempts: 5,
    outbox: { key: ({ organizationId }) => `profile-${organizationId}`, lostAfterMs: 10_000 },
  },
  /** One chunk of a full rebuild: its needs are listed in matching_rebuild_chunk. */
  'matching.rebuildChunk': {
    queue: 'matching-rebuild',
    payload: z.object({ rebuildId: z.uuid(), chunk: z.number().int().min(0) }).strict(),
    attempts: 5,
    // A chunk takes a while: only one not done long after its enqueue is taken for lost (computing a slow
    // chunk twice gives the same rows, but costs).
    outbox: { key: ({ rebuildId, chunk }) => `rebuild-${rebuildId}-${chunk}`, lostAfterMs: 6 * 60_000 },
  },
  /**
   * Starts a rebuild when needs were matched by another algorithm version (or never), and finishes a
   * rebuild whose chunks are all done. Lost jobs are the outbox sweep's.
   */
  'matching.upkeep': {
    queue: 'maintenance',
    payload: z.object({}).strict(),
    attempts: 3,
    everyMs: 15_000,
  },
  /**
   * An import started through the API: reads its stored file and applies it. Taken up again after a
   * crash, it skips the rows already committed.
   */
  'import.run': {
    queue: 'import',
    payload: z.object({ runId: z.uuid() }).strict(),
    attempts: 3,
    // Each committed batch keeps the row alive (Outbox.keepAlive): only a run with no progress for this
    // long has lost its job, and only then may another job claim it (IMPORT_STALE_RUNNING_MS).
    outbox: { key: ({ runId }) => `import-${runId}`, lostAfterMs: 10 * 60_000 },
  },
  /** E-mails one notification (its row says whether it still needs to be; a retry never sends twice). */
  'notification.email': {
    queue: 'notifications',
    payload: z.object({ notificationId: z.uuid() }).strict(),
    attempts: 5,
    outbox: { key: ({ notificationId }) => `notification-email-${notificationId}`, lostAfterMs: 60_000 },
  },
  /**
   * The one safety net of every job published through the outbox: enqueues again the jobs not done
   * long after their enqueue (lost with Redis, with the in-process queue's process, or failed for good),
   * counting the attempts and giving a row up after OUTBOX_MAX_SWEEPS.
   */
  'outbox.sweep': {
    queue: 'maintenance',
    payload: z.object({}).strict(),
    attempts: 3,
    everyMs: 15_000,
  },
  /**
   * Tells enterprises whose next impact report is due (ACTIVE partnerships with agreed targets); each
   * due date is told once (a dedupe key per partnership and date), so running it again is harmless.
   */
  'impact.reportDue': {
    queue: 'maintenance',
    payload: z.object({}).strict(),
    attempts: 3,
    everyMs: 3_600_000,
  },
} as const satisfies { [name: string]: JobDefinition };

// Each job's payload type differs; `any` lets the registry's `satisfies` accept every job's own `key` function.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface JobDefinition<P = any> {
  queue: string;
  payload: z.ZodType<P>;
  /** How many times the job runs at most, the first run included. Retries back off exponentially. */
  attempts: number;
  /** Run on this schedule (milliseconds) by whichever process consumes, once across all of them. */
  everyMs?: number;
  /**
   * Published through the outbox (libs/engine/src/queue/outbox): `key` names the row of a payload (the one
   * place dedupe keys are made: letters, digits, "-"), `lostAfterMs` is how long after its enqueue a job
   * not done is taken for lost and enqueued again by the sweep.
   */
  outbox?: { key: (payload: P) => string; lostAfterMs: number };
}

export type JobName = keyof typeof JOBS;
export type JobPayload<N extends JobName> = z.infer<(typeof JOBS)[N]['payload']>;
/** The jobs that services publish through the outbox (the others run on a schedule). */
export type OutboxJobName = { [N in JobName]: (typeof JOBS)[N] extends { outbox: object } ? N : never }[JobName];

export function isOutboxJob(name: JobName): name is OutboxJobName {
  return (JOBS[name] as JobDefinition).outbox !== undefined;
}

/** The outbox row's key of a job: the one place it is made. */
export function outboxKey<N extends OutboxJobName>(name: N, payload: JobPayload<N>): string {
  return (JOBS[name] as JobDefinition).outbox!.key(payload);
}

export function lostAfterMs(name: OutboxJobName): number {
  return (JOBS[name] as JobDefinition).outbox!.lostAfterMs;
}

export const JOB_NAMES = Object.keys(JOBS) as JobName[];
export const QUEUE_NAMES = [...new Set(JOB_NAMES.map((name) => JOBS[name].queue))];
export const SCHEDULED_JOBS = JOB_NAMES.flatMap((name) => {
  const everyMs = (JOBS[name] as JobDefinition).everyMs;
  return everyMs ? [{ name, everyMs }] : [];
});

export function isJobName(name: string): name is JobName {
  return Object.hasOwn(JOBS, name);
}

export class InvalidJobPayloadError extends Error {
  constructor(
    readonly jobName: string,
    readonly problems: string[],
  ) {
    super(`Invalid payload for job ${jobName}: ${problems.join('; ')}`);
    this.name = 'InvalidJobPayloadError';
  }
}

/** Validates a payload against its job's schema, naming each field and rule that fails. */
export function parsePayload<N extends JobName>(name: N, payload: unknown): JobPayload<N> {
  const result = JOBS[name].payload.safeParse(payload);
  if (!result.success) {
    throw new InvalidJobPayloadError(
      name,
      result.error.issues.map((i) => `${i.path.join('.') || '(payload)'} ${i.message}`),
    );
  }
  return result.data as JobPayload<N>;
}
