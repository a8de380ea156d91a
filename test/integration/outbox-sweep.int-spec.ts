import {
  loadConfig,
  Database,
  OutboxRepository,
  BullMqQueueDriver,
  JOB_NAMES,
  lostAfterMs,
  Outbox,
  OUTBOX_MAX_SWEEPS,
  OutboxSweepService,
  type JobHandlerMap,
} from '@samverka/engine';
import { QueueProbeRepository } from '@samverka/ops';
import { FakeClock } from '../support/fake-clock.js';
import { clearRedisPrefix, createTestDatabase, describeWith, REDIS_TEST_URL, uniqueName, type TestDatabase } from '../support/services.js';
import { waitFor } from '../support/wait.js';

/**
 * The outbox's sweep against the real queue (BullMQ on Redis) and PostgreSQL, with a clock the test moves:
 * a job lost after its row committed is enqueued again and done once; a row whose job never gets done is
 * enqueued again OUTBOX_MAX_SWEEPS times, then given up.
 */
describeWith(['PostgreSQL', 'Redis'])('the outbox sweep with BullMQ and PostgreSQL', () => {
  let target: TestDatabase;
  let database: Database;
  let probes: QueueProbeRepository;
  const clock = new FakeClock();
  const drivers: { driver: BullMqQueueDriver; prefix: string }[] = [];
  /** Probe ids, once per run of their job. */
  const runs: string[] = [];

  const driver = () => {
    const prefix = uniqueName('outbox');
    const created = new BullMqQueueDriver({
      redisUrl: REDIS_TEST_URL,
      prefix,
      concurrency: 1,
      retryBackoffMs: 10,
      lockDurationMs: 30_000,
      stalledIntervalMs: 30_000,
      shutdownTimeoutMs: 2_000,
    });
    drivers.push({ driver: created, prefix });
    return { driver: created, prefix };
  };
  const outboxOf = (queue: BullMqQueueDriver) => {
    const outbox = new Outbox(new OutboxRepository(database.dataSource), queue, clock.now);
    return { outbox, sweep: new OutboxSweepService(new OutboxRepository(database.dataSource), outbox, clock.now) };
  };
  const row = async (probeId: string) =>
    (
      (await database.dataSource.query(`SELECT sweeps, given_up_at AS "givenUpAt" FROM job_outbox WHERE job_name = 'system.probe' AND payload->>'probeId' = $1`, [probeId])) as {
        sweeps: number;
        givenUpAt: Date | null;
      }[]
    )[0] ?? null;
  const publishProbe = (outbox: Outbox) =>
    database.transaction(async (tx) => {
      const probe = await probes.create(0, tx.manager);
      await outbox.publish(tx, 'system.probe', { probeId: probe.id });
      return probe.id;
    });

  beforeAll(async () => {
    target = await createTestDatabase();
    database = await Database.open(loadConfig({ DATABASE_URL: target.url }).database);
    probes = new QueueProbeRepository(database.dataSource);
  });
  afterAll(async () => {
    for (const { driver: d, prefix } of drivers) {
      await d.close();
      await clearRedisPrefix(prefix);
    }
    await database?.close();
    await target?.drop();
  });

  it('enqueues again a job lost after its row committed, which is then done exactly once', async () => {
    const { driver: queue, prefix } = driver();
    const { outbox, sweep } = outboxOf(queue);
    const probeId = await publishProbe(outbox);
    // The job was enqueued after the commit; Redis then loses it.
    expect((await queue.counts()).system.waiting).toBe(1);
    await clearRedisPrefix(prefix);
    expect((await queue.counts()).system.waiting).toBe(0);

    const handlers = Object.fromEntries(JOB_NAMES.map((name) => [name, async () => {}])) as unknown as JobHandlerMap;
    handlers['system.probe'] = async ({ probeId: id }) => void runs.push(id);
    await queue.consume(outbox.completing(handlers));

    // Not lost yet: the sweep leaves it.
    expect(await sweep.sweep()).toEqual({ requeued: 0, failed: 0 });
    clock.advance(lostAfterMs('system.probe') + 1);
    expect(await sweep.sweep()).toEqual({ requeued: 1, failed: 0 });
    // Done: the row goes with the job.
    await waitFor('the probe job to run and clear its row', async () => runs.includes(probeId) && (await row(probeId)) === null);
    clock.advance(lostAfterMs('system.probe') + 1);
    expect(await sweep.sweep()).toEqual({ requeued: 0, failed: 0 });
    expect(runs.filter((id) => id === probeId)).toHaveLength(1);
  });

  it('gives a row up, once, after its job was enqueued again OUTBOX_MAX_SWEEPS times without being done', async () => {
    // Nobody consumes this queue: each job enqueued stays undone.
    const { driver: queue } = driver();
    const { outbox, sweep } = outboxOf(queue);
    const probeId = await publishProbe(outbox);
    for (let sweeps = 1; sweeps <= OUTBOX_MAX_SWEEPS; sweeps++) {
      clock.advance(lostAfterMs('system.probe') + 1);
      expect(await sweep.sweep()).toEqual({ requeued: 1, failed: 0 });
      expect(await row(probeId)).toMatchObject({ sweeps, givenUpAt: null });
    }
    // One job per enqueue: the first and one per sweep.
    expect((await queue.counts()).system.waiting).toBe(OUTBOX_MAX_SWEEPS + 1);
    clock.advance(lostAfterMs('system.probe') + 1);
    expect(await sweep.sweep()).toEqual({ requeued: 0, failed: 1 });
    expect((await row(probeId))!.givenUpAt).not.toBeNull();
    clock.advance(lostAfterMs('system.probe') + 1);
    expect(await sweep.sweep()).toEqual({ requeued: 0, failed: 0 });
    // A newer publish of the same job revives it.
    await database.transaction((tx) => outbox.publish(tx, 'system.probe', { probeId }));
    expect(await row(probeId)).toMatchObject({ sweeps: 0, givenUpAt: null });
  });
});
