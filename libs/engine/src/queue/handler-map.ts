import { JOB_NAMES, type JobName } from './jobs.js';
import type { JobProcessor } from './job-handler.decorator.js';
import type { JobHandlerMap } from './queue-driver.js';

export interface FoundProcessor {
  jobName: string;
  className: string;
  instance: JobProcessor;
}

export class JobHandlerRegistrationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Job handlers are not registered correctly:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'JobHandlerRegistrationError';
  }
}

/** One handler per job name, or a start-up error listing every name without one or with two. */
export function buildHandlerMap(found: FoundProcessor[]): JobHandlerMap {
  const problems: string[] = [];
  const byName = new Map<string, FoundProcessor[]>();
  for (const processor of found) {
    if (!(JOB_NAMES as string[]).includes(processor.jobName)) {
      problems.push(`${processor.className} handles "${processor.jobName}", which is not a job name`);
      continue;
    }
    byName.set(processor.jobName, [...(byName.get(processor.jobName) ?? []), processor]);
  }
  for (const name of JOB_NAMES) {
    const handlers = byName.get(name) ?? [];
    if (handlers.length === 0) problems.push(`job "${name}" has no handler`);
    if (handlers.length > 1) {
      problems.push(`job "${name}" has ${handlers.length} handlers: ${handlers.map((h) => h.className).join(', ')}`);
    }
  }
  if (problems.length > 0) throw new JobHandlerRegistrationError(problems);
  return Object.fromEntries(
    JOB_NAMES.map((name: JobName) => {
      const { instance } = byName.get(name)![0];
      return [name, instance.handle.bind(instance)];
    }),
  ) as JobHandlerMap;
}
