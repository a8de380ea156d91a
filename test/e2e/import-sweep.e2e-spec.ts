import fs from 'node:fs';
import { Database, Outbox, OutboxSweepService } from '@samverka/engine';
import { ImportFileRepository, ImportRepository, type ImportFormat, type ImportRunRow, ImportRunner } from '@samverka/import-export';
import { startEmbeddedApi, type EmbeddedApi } from '../support/embedded-api.js';
import { fixture } from '../support/imports.js';
import { waitFor } from '../support/wait.js';

/**
 * The outbox sweep for imports (embedded mode): a run whose `import.run` job was lost is enqueued again
 * and finishes; a run another job is still running (fresh progress) is left alone, and cannot be claimed
 * twice; a run started too many times is failed.
 */
describe('import sweep (embedded)', () => {
  let api: EmbeddedApi;
  let database: Database;
  let imports: ImportRepository;
  let files: ImportFileRepository;

  /** A run as the API stores it (its file in the database, its job in the outbox), but the job was lost. */
  const storedRun = async (path: string, format: ImportFormat): Promise<ImportRunRow> => {
    const bytes = fs.readFileSync(path);
    const fileId = await files.create('lost.' + format, null, null);
    await files.appendChunk(fileId, 0, bytes);
    await files.complete(fileId, bytes.length, 'x', 1);
    return database.transaction(async (tx) => {
      const run = await imports.createRun(
        {
          kind: 'enterprises',
          format,
          source: 'enterprises',
          options: { source: 'enterprises' },
          fileId,
          fileName: 'lost.' + format,
          sizeBytes: bytes.length,
          via: 'api',
          requestedBy: null,
          scopeCounties: null,
        },
        tx.manager,
      );
      await api.app.get(Outbox).publish(tx, 'import.run', { runId: run.id }, { enqueue: false });
      return run;
    });
  };
  /** The run's job was enqueued long ago (and lost): its outbox row is due. */
  const jobLostLongAgo = (id: string) =>
    database.dataSource.query(`UPDATE job_outbox SET due_at = now() - interval '1 hour' WHERE job_name = 'import.run' AND payload->>'runId' = $1`, [id]);
  const sweep = () => api.app.get(OutboxSweepService).sweep();
  const finished = (id: string) =>
    waitFor(
      `import ${id} to finish`,
      async () => {
        const run = await imports.findRun(id);
        return run && (run.status === 'DONE' || run.status === 'FAILED') ? run : undefined;
      },
      60_000,
    );

  beforeAll(async () => {
    api = await startEmbeddedApi('import-sweep');
    database = api.app.get(Database);
    imports = api.app.get(ImportRepository);
    files = api.app.get(ImportFileRepository);
  });
  afterAll(async () => api?.stop());

  it('enqueues again a run left QUEUED without its job, which then finishes and drops its file', async () => {
    const run = await storedRun(fixture('data/examples/enterprises.csv'), 'csv');
    // Not stale yet: nothing to do.
    expect(await sweep()).toEqual({ requeued: 0, failed: 0 });
    await database.dataSource.query(`UPDATE import_run SET created_at = now() - interval '1 hour', updated_at = now() - interval '1 hour' WHERE id = $1`, [run.id]);
    await jobLostLongAgo(run.id);
    expect(await sweep()).toEqual({ requeued: 1, failed: 0 });
    expect(await finished(run.id)).toMatchObject({ status: 'DONE', rowsRead: 8, created: 8, updated: 0, unchanged: 0, rejected: 0, attempts: 1 });
    expect(await files.find(run.fileId!)).toBeNull();
  });

  it('takes over a RUNNING run with no progress for too long, skipping the rows already committed', async () => {
    const run = await storedRun(fixture('data/examples/enterprises.jsonl'), 'jsonl');
    // A worker claimed it, committed one row's batch and died.
    await database.dataSource.query(
      `UPDATE import_run SET status = 'RUNNING', attempts = 1, started_at = now() - interval '2 hours', rows_read = 1, created = 1,
         created_at = now() - interval '2 hours', updated_at = now() - interval '1 hour' WHERE id = $1`,
      [run.id],
    );
    await jobLostLongAgo(run.id);
    expect(await sweep()).toEqual({ requeued: 1, failed: 0 });
    // The first row is read past, not applied: only the other three are created by this attempt.
    expect(await finished(run.id)).toMatchObject({ status: 'DONE', rowsRead: 4, created: 4, rejected: 0, attempts: 2 });
    const [{ made }] = await database.dataSource.query(`SELECT count(*)::int AS made FROM import_mapping WHERE run_id = $1`, [run.id]);
    expect(made).toBe(3);
  });

  it('leaves alone a RUNNING run with fresh progress, and no second job can claim it', async () => {
    const run = await storedRun(fixture('data/examples/enterprises.csv'), 'csv');
    await database.dataSource.query(
      `UPDATE import_run SET status = 'RUNNING', attempts = 1, started_at = now(), created_at = now() - interval '1 hour', updated_at = now() WHERE id = $1`,
      [run.id],
    );
    expect(await sweep()).toEqual({ requeued: 0, failed: 0 });
    const again = await api.app.get(ImportRunner).runStored(run.id, { notifyMatching: false });
    expect(again).toMatchObject({ status: 'RUNNING', attempts: 1, rowsRead: 0 });
    expect(await files.find(run.fileId!)).not.toBeNull();
  });

  it('fails a run that was started too many times without finishing, and drops its file', async () => {
    const run = await storedRun(fixture('data/examples/enterprises.csv'), 'csv');
    await database.dataSource.query(`UPDATE import_run SET status = 'RUNNING', attempts = 6, updated_at = now() - interval '1 hour' WHERE id = $1`, [run.id]);
    await jobLostLongAgo(run.id);
    // The sweep hands the run to a job, whose claim is its seventh start: it fails the run.
    expect(await sweep()).toEqual({ requeued: 1, failed: 0 });
    expect(await finished(run.id)).toMatchObject({ status: 'FAILED', failure: 'Importen avbröts 6 gånger utan att bli klar.' });
    expect(await files.find(run.fileId!)).toBeNull();
  });
});
