import { Inject, Injectable, Logger } from '@nestjs/common';
import { ImportFileRepository, ImportRepository } from '@samverka/database';
import { JobHandler, QUEUE_DRIVER, type JobProcessor, type QueueDriver } from '@samverka/queue';
import { IMPORT_STALE_RUNNING_MS } from './import-runner.js';

/** A run still QUEUED this long after it was started (or given back for a retry) has lost its job. */
export const IMPORT_STALE_QUEUED_MS = 5 * 60_000;

/**
 * A run claimed this many times without finishing is failed instead of enqueued again: something in it
 * (or about it) stops every process that takes it up.
 */
export const IMPORT_MAX_STARTS = 6;

/** Runs looked at per sweep. */
const SWEEP_LIMIT = 100;

/**
 * The safety net of `import.run`: enqueues again the runs whose job was lost. The dedupe key names the
 * run, its attempts so far and the sweep period, so a sweep never adds a second job beside one that is
 * still waiting; and should two jobs meet anyway, only one claims the run (ImportRepository.start).
 */
@Injectable()
export class ImportSweepService {
  private readonly logger = new Logger('Import');

  constructor(
    private readonly imports: ImportRepository,
    private readonly files: ImportFileRepository,
    @Inject(QUEUE_DRIVER) private readonly queue: QueueDriver,
  ) {}

  async sweep(): Promise<{ requeued: number; failed: number }> {
    const stale = await this.imports.stale(IMPORT_STALE_QUEUED_MS, IMPORT_STALE_RUNNING_MS, SWEEP_LIMIT);
    const period = Math.floor(Date.now() / IMPORT_STALE_QUEUED_MS);
    let requeued = 0;
    let failed = 0;
    for (const run of stale) {
      if (run.attempts >= IMPORT_MAX_STARTS) {
        const done = await this.imports.finish(run.id, 'FAILED', `stopped ${run.attempts} times without finishing`);
        if (done && run.fileId) await this.files.delete(run.fileId);
        failed += 1;
        continue;
      }
      await this.queue.enqueue('import.run', { runId: run.id }, { dedupeKey: `import-${run.id}-${run.attempts}-sweep${period}` });
      requeued += 1;
    }
    if (stale.length > 0) this.logger.warn(`sweep: ${requeued} imports enqueued again, ${failed} failed after ${IMPORT_MAX_STARTS} starts`);
    return { requeued, failed };
  }
}

@JobHandler('import.sweep')
export class ImportSweepProcessor implements JobProcessor<'import.sweep'> {
  constructor(private readonly sweeper: ImportSweepService) {}

  async handle(): Promise<void> {
    await this.sweeper.sweep();
  }
}
