import { Inject, Injectable, Logger } from '@nestjs/common';
import { OutboxRepository } from './outbox.repository.js';
import { CLOCK, type Clock } from '../clock.js';
import { JobHandler, type JobProcessor } from '../job-handler.decorator.js';
import { isJobName, isOutboxJob, lostAfterMs, parsePayload } from '../jobs.js';
import { Outbox } from './outbox.js';

/** How often a row's job is enqueued again before the row is given up. */
export const OUTBOX_MAX_SWEEPS = 10;
/** Rows looked at per sweep. */
const SWEEP_BATCH = 1_000;

/**
 * The safety net of every published job: a row whose job is not done `lostAfterMs` after its enqueue
 * (lost with Redis, with the in-process queue's process, or failed for good) is enqueued again under a
 * new job id (a job BullMQ keeps after it failed is not in the way), one attempt more, and given up (and
 * logged) after OUTBOX_MAX_SWEEPS. A handler runs more than once only if a job was merely slow; every
 * handler is idempotent.
 */
@Injectable()
export class OutboxSweepService {
  private readonly logger = new Logger('Outbox');

  constructor(
    private readonly rows: OutboxRepository,
    private readonly outbox: Outbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async sweep(): Promise<{ requeued: number; failed: number }> {
    const now = this.clock();
    let requeued = 0;
    let failed = 0;
    for (const row of await this.rows.due(now, SWEEP_BATCH)) {
      const name = row.jobName;
      if (!isJobName(name) || !isOutboxJob(name)) {
        if (await this.rows.giveUp(row.key, row.revision, now)) failed += 1;
        this.logger.error(`gave up outbox row ${row.key}: no job is named ${name}`);
        continue;
      }
      if (row.sweeps >= OUTBOX_MAX_SWEEPS) {
        if (await this.rows.giveUp(row.key, row.revision, now)) failed += 1;
        this.logger.error(`gave up job ${name} ${row.key}: not done after ${row.sweeps} enqueues by the sweep`);
        continue;
      }
      try {
        await this.outbox.enqueue(name, parsePayload(name, row.payload) as never, `${row.key}.${row.revision}.s${row.sweeps + 1}`);
      } catch (error) {
        // The queue is away: the next sweep tries again, and this one counts no attempt.
        this.logger.warn(`sweep stopped: could not enqueue ${name} ${row.key} (${error instanceof Error ? error.message : String(error)})`);
        break;
      }
      await this.rows.swept(row.key, row.revision, new Date(now.getTime() + lostAfterMs(name)));
      requeued += 1;
    }
    if (requeued > 0 || failed > 0) this.logger.warn(`sweep: ${requeued} lost jobs enqueued again, ${failed} given up`);
    return { requeued, failed };
  }
}

@JobHandler('outbox.sweep')
export class OutboxSweepProcessor implements JobProcessor<'outbox.sweep'> {
  constructor(private readonly sweeper: OutboxSweepService) {}

  async handle(): Promise<void> {
    await this.sweeper.sweep();
  }
}
