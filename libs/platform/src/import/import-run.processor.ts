import { JobHandler, JOBS, type JobContext, type JobPayload, type JobProcessor } from '@samverka/queue';
import { ImportRunner } from './import-runner.js';

@JobHandler('import.run')
export class ImportRunProcessor implements JobProcessor<'import.run'> {
  constructor(private readonly runner: ImportRunner) {}

  async handle({ runId }: JobPayload<'import.run'>, context: JobContext): Promise<void> {
    await this.runner.runStored(runId, { notifyMatching: true, lastAttempt: context.attempt >= JOBS['import.run'].attempts });
  }
}
