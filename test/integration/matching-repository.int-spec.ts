import { setTimeout as sleep } from 'node:timers/promises';
import { loadConfig, Database, OutboxRepository, InProcessQueueDriver, Outbox, systemClock } from '@samverka/engine';
import { loadReferenceData } from '@samverka/reference-data';
import { MatchingRebuildRepository, MatchingRepository } from '@samverka/matching';
import { createTestDatabase, describeWith, type TestDatabase } from '../support/services.js';
import { waitFor } from '../support/wait.js';

describeWith(['PostgreSQL'])('matching repository on PostgreSQL', () => {
  let target: TestDatabase;
  let database: Database;
  let repository: MatchingRepository;
  let rebuilds: MatchingRebuildRepository;
  let buyer: string;

  const publishedNeeds = async (count: number) => {
    const rows: { id: string }[] = await database.dataSource.query(
      `INSERT INTO need (buyer_organization_id, title, description, form, status, published_at)
       SELECT $1, 'Lokalvård ' || g, 'Daglig lokalvård av förskolor.', 'PUBLIC_PROCUREMENT', 'PUBLISHED', now() FROM generate_series(1, $2) AS g RETURNING id`,
      [buyer, count],
    );
    return rows.map((r) => r.id);
  };

  beforeAll(async () => {
    target = await createTestDatabase();
    database = await Database.open(loadConfig({ DATABASE_URL: target.url, REDIS_URL: 'redis://127.0.0.1:6379' }).database);
    await loadReferenceData(database.dataSource);
    repository = new MatchingRepository(database.dataSource);
    rebuilds = new MatchingRebuildRepository(database.dataSource);
    [{ id: buyer }] = await database.dataSource.query(
      `INSERT INTO organization (kind, name, org_number, municipality_code, county_code, verified) VALUES ('MUNICIPALITY', 'Lunds kommun', '212000-1132', '1281', '12', true) RETURNING id`,
    );
  });
  afterAll(async () => {
    await database?.close();
    await target?.drop();
  });

  it('finishes a rebuild when its last two chunks complete at the same moment', async () => {
    await database.dataSource.query(`DELETE FROM matching_rebuild`);
    await publishedNeeds(4);
    const started = await database.transaction(({ manager }) => rebuilds.startRebuild('test-version', 'test', 2, manager));
    expect(started!.chunks).toEqual([0, 1]);
    const id = started!.rebuild.id;
    // The first completion holds its transaction open while the second one runs.
    const first = database.transaction(async ({ manager }) => {
      await rebuilds.completeChunk(id, 0, manager);
      await sleep(300);
    });
    await sleep(50);
    const second = database.transaction(({ manager }) => rebuilds.completeChunk(id, 1, manager));
    await Promise.all([first, second]);
    expect(await rebuilds.rebuild(id)).toMatchObject({ status: 'DONE', chunksDone: 2, chunksTotal: 2 });
  });

  it('keeps one running rebuild at a time, and finishes one whose chunks are all done', async () => {
    await database.dataSource.query(`DELETE FROM matching_rebuild`);
    const started = await database.transaction(({ manager }) => rebuilds.startRebuild('test-version', 'test', 2, manager));
    expect(await database.transaction(({ manager }) => rebuilds.startRebuild('test-version', 'again', 2, manager))).toBeNull();
    // All chunks done, the rebuild still RUNNING (as a crash between the two updates would leave it).
    await database.dataSource.query(`UPDATE matching_rebuild_chunk SET done_at = now() WHERE rebuild_id = $1`, [started!.rebuild.id]);
    expect(await rebuilds.finishCompleteRebuilds()).toBe(1);
    expect(await rebuilds.rebuild(started!.rebuild.id)).toMatchObject({ status: 'DONE' });
  });

  it('clears an outbox entry only for the revision that was matched', async () => {
    const [need] = await publishedNeeds(1);
    // Rows only: nothing consumes this queue.
    const outbox = new Outbox(new OutboxRepository(database.dataSource), new InProcessQueueDriver({ concurrency: 1, retryBackoffMs: 10, shutdownTimeoutMs: 100 }), systemClock);
    const change = { needId: need };
    await database.transaction((tx) => outbox.publish(tx, 'matching.need', change, { enqueue: false }));
    const revision = await outbox.revision('matching.need', change);
    expect(revision).not.toBeNull();
    // A newer change arrives while the first one is being matched.
    await database.transaction((tx) => outbox.publish(tx, 'matching.need', change, { enqueue: false }));
    await database.transaction(({ manager }) => outbox.complete('matching.need', change, revision!, manager));
    const newer = await outbox.revision('matching.need', change);
    expect(newer).not.toBeNull();
    expect(newer).not.toBe(revision);
    await database.transaction(({ manager }) => outbox.complete('matching.need', change, newer!, manager));
    expect(await outbox.revision('matching.need', change)).toBeNull();
  });

  it('reads only the rows changed since the horizon of the previous look, including late commits', async () => {
    const first = await repository.needsChangedSince(null);
    // A transaction that began before the next look and commits after it is still seen by the look after.
    let release!: () => void;
    let updated!: (change: { id: string; xid: string }) => void;
    const didUpdate = new Promise<{ id: string; xid: string }>((resolve) => (updated = resolve));
    const late = database.transaction(async ({ manager }) => {
      // An UPDATE with RETURNING answers [rows, count].
      const [[change]] = await manager.query(
        `UPDATE need SET title = title || ' (ändrad)' WHERE id = (SELECT id FROM need ORDER BY id LIMIT 1) RETURNING id, pg_current_xact_id()::text AS xid`,
      );
      updated(change);
      await new Promise<void>((resolve) => (release = resolve));
    });
    const change = await didUpdate;
    const second = await repository.needsChangedSince(first.horizon);
    // It may read the row as it was (other sessions can hold the horizon back), never the uncommitted change.
    expect(second.rows.find((r) => r.id === change.id)?.title ?? '').not.toMatch(/\(ändrad\)$/);
    release();
    await late;
    const third = await repository.needsChangedSince(second.horizon);
    expect(third.rows.find((r) => r.id === change.id)?.title).toMatch(/\(ändrad\)$/);
    // Once the horizon has passed the late transaction, the change is not read again. Other sessions'
    // transactions on the same server may hold the horizon back for a while, so wait for it to pass.
    const passed = await waitFor(
      'the horizon to pass the late transaction',
      async () => {
        const look = await repository.needsChangedSince(third.horizon);
        return BigInt(look.horizon) > BigInt(change.xid) && look;
      },
      120_000,
    );
    const fourth = await repository.needsChangedSince(passed.horizon);
    expect(fourth.rows.map((r) => r.id)).not.toContain(change.id);
  });
});
