import { randomUUID } from 'node:crypto';
import { buildHandlerMap, JobHandlerRegistrationError } from './handler-map.js';
import type { JobProcessor } from './job-handler.decorator.js';
import { JOB_NAMES } from './jobs.js';

const processor = (calls: string[]): JobProcessor => ({
  handle: async (payload) => void calls.push((payload as { probeId: string }).probeId),
});

describe('buildHandlerMap', () => {
  /** A handler for every job but the probe. */
  const others = JOB_NAMES.filter((name) => name !== 'system.probe').map((jobName) => ({ jobName, className: `${jobName}Processor`, instance: processor([]) }));

  it('maps each job name to its handler, bound to its instance', async () => {
    const calls: string[] = [];
    const map = buildHandlerMap([{ jobName: 'system.probe', className: 'QueueProbeProcessor', instance: processor(calls) }, ...others]);
    const probeId = randomUUID();
    await map['system.probe']({ probeId }, { jobId: '1', attempt: 1 });
    expect(calls).toEqual([probeId]);
  });

  it.each([
    ['no handler', [...others], /job "system.probe" has no handler/],
    [
      'two handlers',
      [{ jobName: 'system.probe', className: 'A', instance: processor([]) }, { jobName: 'system.probe', className: 'B', instance: processor([]) }, ...others],
      /job "system.probe" has 2 handlers: A, B/,
    ],
    [
      'a handler for an unknown job',
      [{ jobName: 'system.probe', className: 'A', instance: processor([]) }, { jobName: 'system.unknown', className: 'C', instance: processor([]) }, ...others],
      /C handles "system.unknown", which is not a job name/,
    ],
  ])('fails start-up with %s', (_case, found, message) => {
    expect(() => buildHandlerMap(found)).toThrow(JobHandlerRegistrationError);
    expect(() => buildHandlerMap(found)).toThrow(message);
  });
});
