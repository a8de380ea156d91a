import { applyDecorators, Injectable, SetMetadata } from '@nestjs/common';
import type { JobName, JobPayload } from './jobs.js';
import type { JobContext } from './queue-driver.js';

export const JOB_HANDLER_METADATA = 'samverka:job-handler';

/** A provider that handles one job name; found at start-up by the queue module. */
export interface JobProcessor<N extends JobName = JobName> {
  handle(payload: JobPayload<N>, context: JobContext): Promise<void>;
}

/** Marks a provider as the handler of a job. Each job name has exactly one. */
export function JobHandler(name: JobName): ClassDecorator {
  return applyDecorators(SetMetadata(JOB_HANDLER_METADATA, name), Injectable());
}
