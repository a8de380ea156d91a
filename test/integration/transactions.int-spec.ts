import { randomUUID } from 'node:crypto';
import { loadConfig, type DatabaseConfig } from '@samverka/config';
import { Database, QueueProbeRepository } from '@samverka/database';
import { InProcessQueueDriver, JobPublisher, type JobHandlerMap } from '@samverka/queue';
import { createTestDatabase, describeWith, tempDir, type TestDatabase } from '../support/services.js';
import { waitFor } from '../support/wait.js';

function transactionSuite(open: () => Promise<{ config: DatabaseConfig; cleanup(): Promise<void> | void }>) {
  let database: Database;
  let probes: QueueProbeRepository;
  let driver: InProcessQueueDriver;
  let publisher: JobPublisher;
  let cleanup: () => Promise<void> | void;
  const seen: { probeId: string; visible: boolean }[] = [];

  beforeAll(async () => {
    const opened = await open();
    cleanup = opened.cleanup;
    database = await Database.open(opened.config);
    probes = new QueueProbeRepository(database.dataSource);
    driver = new InProcessQueueDriver({ concurrency: 1, retryBackoffMs: 10, shutdownTimeoutMs: 2_000 });
    publisher = new JobPublisher(driver);
    const handlers: JobHandlerMap = {
      // Reads through the pool, i.e. another connection than the transaction's.
      'system.probe': async ({ probeId }) => void seen.push({ probeId, visible: (await probes.findById(probeId)) !== null }),
      'needs.closeExpired': async () => {},
      'matching.need': async () => {},
      'matching.profile': async () => {},
      'matching.rebuildChunk': async () => {},
      'matching.sweep': async () => {},
      'import.run': async () => {},
      'import.sweep': async () => {},
      'notification.email': async () => {},
      'notification.emailSweep': async () => {},
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
      await publisher.publish('system.probe', { probeId: created.id }, { transaction: tx });
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
        await publisher.publish('system.probe', { probeId: createdId }, { transaction: tx });
        throw new Error('the use case failed after publishing');
      }),
    ).rejects.toThrow('the use case failed');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(seen.some((s) => s.probeId === createdId)).toBe(false);
    expect(await probes.findById(createdId)).toBeNull();
  });

  it('publishes at once outside a transaction', async () => {
    const probeId = randomUUID();
    await publisher.publish('system.probe', { probeId });
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
