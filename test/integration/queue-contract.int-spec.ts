import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { BullMqQueueDriver, InProcessQueueDriver, InvalidJobPayloadError, type JobContext, type JobHandlerMap, type QueueDriver } from '@samverka/engine';
import { clearRedisPrefix, describeWith, REDIS_TEST_URL, uniqueName } from '../support/services.js';
import { waitFor } from '../support/wait.js';

interface Seen {
  probeId: string;
  context: JobContext;
  startedAt: number;
}

/** A handler for every job name, recording what it saw and behaving as `behaviour` says per probe id. */
function recordingHandlers(seen: Seen[], behaviour: (probeId: string, attempt: number) => Promise<void> = async () => {}): JobHandlerMap {
  return {
    'system.probe': async ({ probeId }, context) => {
      seen.push({ probeId, context, startedAt: Date.now() });
      await behaviour(probeId, context.attempt);
    },
    'needs.closeExpired': async () => {},
    'matching.need': async () => {},
    'matching.profile': async () => {},
    'matching.rebuildChunk': async () => {},
    'matching.upkeep': async () => {},
    'import.run': async () => {},
    'notification.email': async () => {},
    'outbox.sweep': async () => {},
    'impact.reportDue': async () => {},
  };
}

const drivers: { name: string; describe: jest.Describe; create(concurrency?: number): QueueDriver; cleanup(driver: QueueDriver): Promise<void> }[] = [
  {
    name: 'in-process',
    describe,
    create: (concurrency = 2) => new InProcessQueueDriver({ concurrency, retryBackoffMs: 50, shutdownTimeoutMs: 5_000 }),
    cleanup: async () => {},
  },
  {
    name: 'bullmq',
    describe: describeWith(['Redis']),
    create: (concurrency = 2) =>
      new BullMqQueueDriver({
        redisUrl: REDIS_TEST_URL,
        prefix: uniqueName('samverka-test'),
        concurrency,
        retryBackoffMs: 50,
        lockDurationMs: 5_000,
        stalledIntervalMs: 5_000,
        shutdownTimeoutMs: 5_000,
      }),
    cleanup: async (driver) => clearRedisPrefix((driver as unknown as { options: { prefix: string } }).options.prefix),
  },
];

for (const target of drivers) {
  target.describe(`queue contract: ${target.name} driver`, () => {
    let driver: QueueDriver;
    let closed: boolean;

    beforeEach(() => {
      driver = target.create();
      closed = false;
    });
    afterEach(async () => {
      if (!closed) await driver.close();
      await target.cleanup(driver);
    });

    it('delivers the payload to the job handler, with the job id and attempt 1', async () => {
      const seen: Seen[] = [];
      await driver.consume(recordingHandlers(seen));
      const probeId = randomUUID();
      const jobId = await driver.enqueue('system.probe', { probeId });
      await waitFor('the job to run', () => seen.length === 1);
      expect(seen[0].probeId).toBe(probeId);
      expect(seen[0].context).toEqual({ jobId, attempt: 1 });
    });

    it('refuses a payload that does not fit the job, naming the field, and stores nothing', async () => {
      const seen: Seen[] = [];
      await driver.consume(recordingHandlers(seen));
      const bad = driver.enqueue('system.probe', { probeId: 'not-a-uuid' });
      await expect(bad).rejects.toBeInstanceOf(InvalidJobPayloadError);
      await expect(bad).rejects.toThrow(/probeId/);
      await expect(driver.enqueue('system.probe', { probeId: randomUUID(), extra: 1 } as never)).rejects.toThrow(/extra/);
      await sleep(200);
      expect(seen).toHaveLength(0);
      expect(Object.values(await driver.counts()).every((c) => c.waiting === 0 && c.delayed === 0)).toBe(true);
    });

    it('retries a failing job with the same id until it succeeds', async () => {
      const seen: Seen[] = [];
      await driver.consume(
        recordingHandlers(seen, async (_id, attempt) => {
          if (attempt < 3) throw new Error(`transient failure ${attempt}`);
        }),
      );
      const jobId = await driver.enqueue('system.probe', { probeId: randomUUID() });
      await waitFor('three attempts', () => seen.length === 3);
      expect(seen.map((s) => s.context)).toEqual([1, 2, 3].map((attempt) => ({ jobId, attempt })));
      // The back-off doubles: the third attempt waits at least twice as long as the second.
      expect(seen[2].startedAt - seen[1].startedAt).toBeGreaterThanOrEqual(90);
      await sleep(300);
      expect(seen).toHaveLength(3);
      expect((await driver.counts()).system.failed).toBe(0);
    });

    it('gives up after the job’s attempts and counts it as failed', async () => {
      const seen: Seen[] = [];
      await driver.consume(recordingHandlers(seen, async () => Promise.reject(new Error('permanent failure'))));
      await driver.enqueue('system.probe', { probeId: randomUUID() });
      await waitFor('the job to be failed', async () => (await driver.counts()).system.failed === 1, 20_000);
      expect(seen.map((s) => s.context.attempt)).toEqual([1, 2, 3, 4, 5]);
    });

    it('adds a job with a dedupe key once while the first is waiting, and returns the first job’s id', async () => {
      const probeId = randomUUID();
      const first = await driver.enqueue('system.probe', { probeId }, { dedupeKey: `probe-${probeId}` });
      const second = await driver.enqueue('system.probe', { probeId }, { dedupeKey: `probe-${probeId}` });
      const other = await driver.enqueue('system.probe', { probeId }, { dedupeKey: `probe-${probeId}-2` });
      expect(second).toBe(first);
      expect(other).not.toBe(first);
      expect((await driver.counts()).system.waiting).toBe(2);
      const seen: Seen[] = [];
      await driver.consume(recordingHandlers(seen));
      await waitFor('both jobs to run', () => seen.length === 2);
      await sleep(200);
      expect(seen.map((s) => s.context.jobId).sort()).toEqual([first, other].sort());
    });

    it('keeps jobs enqueued before anyone consumes, and runs them once consuming starts', async () => {
      const ids = [randomUUID(), randomUUID(), randomUUID()];
      for (const probeId of ids) await driver.enqueue('system.probe', { probeId });
      expect((await driver.counts()).system.waiting).toBe(3);
      const seen: Seen[] = [];
      await driver.consume(recordingHandlers(seen));
      await waitFor('all three jobs', () => seen.length === 3);
      expect(seen.map((s) => s.probeId).sort()).toEqual([...ids].sort());
    });

    it('does not run a delayed job before its delay', async () => {
      const seen: Seen[] = [];
      await driver.consume(recordingHandlers(seen));
      const enqueuedAt = Date.now();
      await driver.enqueue('system.probe', { probeId: randomUUID() }, { delayMs: 600 });
      expect((await driver.counts()).system.delayed).toBe(1);
      await waitFor('the delayed job', () => seen.length === 1, 10_000);
      expect(seen[0].startedAt - enqueuedAt).toBeGreaterThanOrEqual(550);
    });

    it('runs at most `concurrency` jobs at once', async () => {
      await driver.close();
      driver = target.create(2);
      let running = 0;
      let peak = 0;
      const seen: Seen[] = [];
      await driver.consume(
        recordingHandlers(seen, async () => {
          running += 1;
          peak = Math.max(peak, running);
          await sleep(150);
          running -= 1;
        }),
      );
      for (let i = 0; i < 6; i += 1) await driver.enqueue('system.probe', { probeId: randomUUID() });
      await waitFor('six jobs', () => seen.length === 6 && running === 0);
      expect(peak).toBe(2);
    });

    it('runs a scheduled job every period', async () => {
      let runs = 0;
      await driver.consume({ ...recordingHandlers([]), 'needs.closeExpired': async () => void (runs += 1) });
      // Scheduling twice keeps one schedule.
      await driver.schedule('needs.closeExpired', {}, 300);
      await driver.schedule('needs.closeExpired', {}, 300);
      const started = Date.now();
      await waitFor('three scheduled runs', () => runs >= 3, 10_000);
      expect(Date.now() - started).toBeGreaterThanOrEqual(600);
    });

    it('lets the running job finish when it closes, and takes no new job after', async () => {
      let finished = 0;
      const seen: Seen[] = [];
      await driver.consume(
        recordingHandlers(seen, async () => {
          await sleep(700);
          finished += 1;
        }),
      );
      await driver.enqueue('system.probe', { probeId: randomUUID() });
      await waitFor('the job to start', () => seen.length === 1);
      await driver.close();
      closed = true;
      expect(finished).toBe(1);
      await expect(driver.enqueue('system.probe', { probeId: randomUUID() })).rejects.toThrow();
    });
  });
}
