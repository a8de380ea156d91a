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
  },
  /** A profile (or its track record) changed: rescore it against every published need. */
  'matching.profile': {
    queue: 'matching',
    payload: z.object({ organizationId: z.uuid() }).strict(),
    attempts: 5,
  },
  /** One chunk of a full rebuild: its needs are listed in matching_rebuild_chunk. */
  'matching.rebuildChunk': {
    queue: 'matching-rebuild',
    payload: z.object({ rebuildId: z.uuid(), chunk: z.number().int().min(0) }).strict(),
    attempts: 5,
  },
  /**
   * Picks up changes whose job never ran (enqueued while Redis was away, or failed for good), chunks
   * whose job was lost, and starts a rebuild when the algorithm version changed.
   */
  'matching.sweep': {
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
  },
  /**
   * Enqueues again the imports whose job was lost (Redis away or emptied, the in-process queue's process
   * gone): runs QUEUED for too long, and RUNNING runs with no progress for too long.
   */
  'import.sweep': {
    queue: 'maintenance',
    payload: z.object({}).strict(),
    attempts: 3,
    everyMs: 60_000,
  },
  /** E-mails one notification (its row says whether it still needs to be; a retry never sends twice). */
  'notification.email': {
    queue: 'notifications',
    payload: z.object({ notificationId: z.uuid() }).strict(),
    attempts: 5,
  },
  /** Enqueues again the e-mails of notifications whose job never ran or was lost (the queue was away). */
  'notification.emailSweep': {
    queue: 'maintenance',
    payload: z.object({}).strict(),
    attempts: 3,
    everyMs: 60_000,
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
} as const satisfies Record<string, JobDefinition>;

export interface JobDefinition {
  queue: string;
  payload: z.ZodType;
  /** How many times the job runs at most, the first run included. Retries back off exponentially. */
  attempts: number;
  /** Run on this schedule (milliseconds) by whichever process consumes, once across all of them. */
  everyMs?: number;
}

export type JobName = keyof typeof JOBS;
export type JobPayload<N extends JobName> = z.infer<(typeof JOBS)[N]['payload']>;

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
