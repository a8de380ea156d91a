import { JobHandler, type JobProcessor, JOBS, type JobPayload, type JobContext } from '@samverka/engine';
import { ImportRunner } from './import-runner.js';

@JobHandler('import.run')
export class ImportRunProcessor implements JobProcessor<'import.run'> {
  constructor(private readonly runner: ImportRunner) {}

  async handle({ runId }: JobPayload<'import.run'>, context: JobContext): Promise<void> {
    const run = await this.runner.runStored(runId, { notifyMatching: true, lastAttempt: context.attempt >= JOBS['import.run'].attempts });
    // Another job is running it (its progress is fresh): this one is not done, so its outbox row stays.
    if (run?.status === 'RUNNING' || run?.status === 'QUEUED') throw new Error(`import ${runId} is being run by another job`);
  }
}
