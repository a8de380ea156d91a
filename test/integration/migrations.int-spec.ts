import { loadConfig, Database } from '@samverka/engine';
import { migrations } from '@samverka/schema';
import { createTestDatabase, describeWith, tempDir, type TestDatabase } from '../support/services.js';

const ALL = migrations.map((m) => new m().name!).reverse();

async function tables(database: Database): Promise<string[]> {
  const rows: { table_name: string }[] = await database.dataSource.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`);
  return rows.map((r) => r.table_name);
}

/** Up, down to nothing, and up again: every migration must undo cleanly and apply again. */
async function upDownUp(database: Database): Promise<void> {
  expect(await database.appliedMigrations()).toEqual([]);
  expect(await database.migrate()).toEqual([...ALL].reverse());
  expect(await database.appliedMigrations()).toEqual(ALL);
  expect(await tables(database)).toEqual(expect.arrayContaining(['queue_probe', 'schema_migrations']));
  expect(await database.migrate()).toEqual([]);

  for (const name of ALL) expect(await database.revertLast()).toBe(name);
  expect(await database.revertLast()).toBeUndefined();
  expect(await tables(database)).toEqual(['schema_migrations']);

  expect(await database.migrate()).toEqual([...ALL].reverse());
}

describe('migrations on embedded PGlite', () => {
  const folder = tempDir('migrations');
  afterAll(() => folder.remove());

  it('run up, down and up again', async () => {
    const database = await Database.open(loadConfig({ DATA_DIR: folder.dir }).database, { migrate: false });
    try {
      await upDownUp(database);
    } finally {
      await database.close();
    }
  });

  it('keep the data in the folder across a reopen, and refuse a second opener meanwhile', async () => {
    const config = loadConfig({ DATA_DIR: folder.dir }).database;
    const first = await Database.open(config);
    const [{ id }] = await first.dataSource.query(`INSERT INTO queue_probe (hold_ms) VALUES (42) RETURNING id`);
    await expect(Database.open(config)).rejects.toThrow(/already open in this process/);
    await first.close();

    const second = await Database.open(config);
    try {
      expect(await second.migrate()).toEqual([]);
      expect(await second.dataSource.query(`SELECT hold_ms FROM queue_probe WHERE id = $1`, [id])).toEqual([{ hold_ms: 42 }]);
    } finally {
      await second.close();
    }
  });
});

describeWith(['PostgreSQL'])('migrations on PostgreSQL', () => {
  let target: TestDatabase;
  beforeAll(async () => {
    target = await createTestDatabase();
  });
  afterAll(async () => target?.drop());

  it('run up, down and up again', async () => {
    const database = await Database.open(loadConfig({ DATABASE_URL: target.url }).database, { migrate: false });
    try {
      await upDownUp(database);
    } finally {
      await database.close();
    }
  });

  it('apply once when several processes start at the same time', async () => {
    const config = loadConfig({ DATABASE_URL: target.url }).database;
    const reset = await Database.open(config, { migrate: false });
    while (await reset.revertLast());
    await reset.close();

    const opened = await Promise.all([1, 2, 3].map(() => Database.open(config, { migrate: false })));
    try {
      const applied = await Promise.all(opened.map((d) => d.migrate()));
      expect(applied.flat().sort()).toEqual([...ALL].sort());
    } finally {
      await Promise.all(opened.map((d) => d.close()));
    }
  });
});
