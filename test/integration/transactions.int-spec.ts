import { randomUUID } from 'node:crypto';
import { loadConfig, type DatabaseConfig, Database, OutboxRepository, InProcessQueueDriver, Outbox, systemClock, type JobHandlerMap } from '@samverka/engine';
import { QueueProbeRepository } from '@samverka/ops';
import { createTestDatabase, describeWith, tempDir, type TestDatabase } from '../support/services.js';
import { waitFor } from '../support/wait.js';

function transactionSuite(open: () => Promise<{ config: DatabaseConfig; cleanup(): Promise<void> | void }>) {
  let database: Database;
  let probes: QueueProbeRepository;
  let driver: InProcessQueueDriver;
  let outbox: Outbox;
  let cleanup: () => Promise<void> | void;
  const seen: { probeId: string; visible: boolean }[] = [];

  beforeAll(async () => {
    const opened = await open();
    cleanup = opened.cleanup;
    database = await Database.open(opened.config);
    probes = new QueueProbeRepository(database.dataSource);
    driver = new InProcessQueueDriver({ concurrency: 1, retryBackoffMs: 10, shutdownTimeoutMs: 2_000 });
    outbox = new Outbox(new OutboxRepository(database.dataSource), driver, systemClock);
    const handlers: JobHandlerMap = {
      // Reads through the pool, i.e. another connection than the transaction's.
      'system.probe': async ({ probeId }) => void seen.push({ probeId, visible: (await probes.findById(probeId)) !== null }),
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
    await driver.consume(handlers);
  });
  afterAll(async () => {
    await driver?.close();
    await database?.close();
    await cleanup?.();
  });

  it('publishes a job only after the transaction commits, when its rows are visible to others', async () => {
    const probe = await database.transaction(async (tx) => {
      const created = await probes.create(0, tx.manager);
      await outbox.publish(tx, 'system.probe', { probeId: created.id });
      expect(await driver.counts()).toMatchObject({ system: { waiting: 0 } });
      return created;
    });
    await waitFor('the job', () => seen.some((s) => s.probeId === probe.id));
    expect(seen.find((s) => s.probeId === probe.id)).toEqual({ probeId: probe.id, visible: true });
  });

  it('publishes nothing and keeps nothing when the transaction rolls back', async () => {
    let createdId = '';
    await expect(
      database.transaction(async (tx) => {
        createdId = (await probes.create(0, tx.manager)).id;
        await outbox.publish(tx, 'system.probe', { probeId: createdId });
        throw new Error('the use case failed after publishing');
      }),
    ).rejects.toThrow('the use case failed');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(seen.some((s) => s.probeId === createdId)).toBe(false);
    expect(await probes.findById(createdId)).toBeNull();
  });

  it('publishes at once in a transaction of its own', async () => {
    const probeId = randomUUID();
    await database.transaction((tx) => outbox.publish(tx, 'system.probe', { probeId }));
    await waitFor('the job', () => seen.some((s) => s.probeId === probeId));
  });
}

describe('transactions and jobs on embedded PGlite', () => {
  transactionSuite(async () => {
    const folder = tempDir('transactions');
    return { config: loadConfig({ DATA_DIR: folder.dir }).database, cleanup: folder.remove };
  });
});

describeWith(['PostgreSQL'])('transactions and jobs on PostgreSQL', () => {
  transactionSuite(async () => {
    const target: TestDatabase = await createTestDatabase();
    return { config: loadConfig({ DATABASE_URL: target.url }).database, cleanup: target.drop };
  });
});
