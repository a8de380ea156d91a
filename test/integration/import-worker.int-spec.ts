import { spawn } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { readMunicipalities, writeEnterpriseCsv } from '../../bench/import/synthetic.js';
import { auth, createOrganization, login, PASSWORD } from '../support/accounts.js';
import { gql } from '../support/graphql.js';
import { finishedImport, fixture, importAndWait, uploadImport } from '../support/imports.js';
import { createNeed, needInput, needTransition } from '../support/marketplace.js';
import { API_MAIN, freePort, NodeProcess, waitForHttp, WORKER_MAIN } from '../support/processes.js';
import { clearRedisPrefix, createTestDatabase, describeWith, REDIS_TEST_URL, tempDir, uniqueName, type TestDatabase } from '../support/services.js';
import { waitFor } from '../support/wait.js';

const DIST = path.resolve(import.meta.dirname, '../../dist/apps/api/src/cli');

/**
 * Imports in production mode: PostgreSQL, the API storing the upload and a separate worker process running
 * the job; the command line against the same database; matching following the imported profiles.
 */
describeWith(['PostgreSQL', 'Redis'])('imports with PostgreSQL and a separate worker', () => {
  let target: TestDatabase;
  let env: Record<string, string>;
  let api: NodeProcess;
  let worker: NodeProcess;
  let url: string;
  let admin: string;
  let db: pg.Client;
  const prefix = uniqueName('samverka-import');

  /**
   * Runs a command without blocking this process (a blocking spawnSync would keep the HTTP client from
   * closing its idle connections, which the API closes meanwhile).
   */
  const cli = (script: 'import' | 'export' | 'create-admin', args: string[], input?: string) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [path.join(DIST, `${script}.js`), ...args], { env: { PATH: process.env.PATH ?? '', ...env } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c) => (stdout += c));
      child.stderr.on('data', (c) => (stderr += c));
      child.stdin.end(input ?? '');
      child.once('close', (status) => resolve({ status, stdout, stderr }));
    });

  beforeAll(async () => {
    target = await createTestDatabase();
    env = {
      NODE_ENV: 'production',
      DATABASE_URL: target.url,
      REDIS_URL: REDIS_TEST_URL,
      QUEUE_PREFIX: prefix,
      JWT_SECRET: 'integration-jwt-secret-0123456789abcdef',
      PORT: String(await freePort()),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    };
    url = `http://127.0.0.1:${env.PORT}`;
    api = new NodeProcess(API_MAIN, env);
    await waitForHttp(`${url}/health/ready`, api);
    worker = new NodeProcess(WORKER_MAIN, { ...env, LOG_LEVEL: 'info' });
    await worker.waitForLog(/Samverka worker is taking jobs/);
    const created = await cli('create-admin', ['--email', 'admin@samverka.se'], `${PASSWORD}\n`);
    expect(created.status).toBe(0);
    admin = (await login(url, 'admin@samverka.se')).data!.login.accessToken;
    db = new pg.Client({ connectionString: target.url });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await Promise.all([api, worker].filter(Boolean).map((p) => p.stop('SIGKILL')));
    await target?.drop();
    await clearRedisPrefix(prefix);
  });

  it('runs an uploaded import in the worker, and the matches of a published need follow', async () => {
    const malmo = (await createOrganization(url, admin, { kind: 'MUNICIPALITY', name: 'Malmö stad', organisationsnummer: '212000-1124', municipalityCode: '1280' }, admin)).data!
      .createOrganization.organization.id;
    const draft = (await createNeed(url, admin, needInput(malmo, { form: 'PUBLIC_PROCUREMENT', title: 'Städning av bibliotek och fritidsgårdar', cpvCodes: ['90911200-8'] }))).data!
      .createNeed.need;
    const need = (await needTransition(url, admin, 'publishNeed', draft.id, draft.version)).data!.publishNeed.need;

    const started = await uploadImport(url, auth(admin), { kind: 'ENTERPRISES' }, { path: fixture('data/examples/enterprises.csv') });
    expect(started.data!.startImport.importRun).toMatchObject({ status: 'QUEUED', rowsRead: 0 });
    const run = await finishedImport(url, admin, started.data!.startImport.importRun.id);
    expect(run).toMatchObject({ status: 'DONE', created: 8, rejected: 0 });
    // The worker took the job, and the stored upload is deleted once the run is finished (right after the
    // run's last commit, so wait for it rather than read at once).
    expect(worker.log).not.toMatch(/import .* failed/);
    const uploads = async () => (await db.query(`SELECT count(*)::int AS n FROM import_file`)).rows[0].n as number;
    await waitFor('the finished import to delete its upload', async () => (await uploads()) === 0);
    expect(await uploads()).toBe(0);

    // The imported cleaners of Malmö meet the need, through the outbox, the notifier and the worker's jobs.
    const matched = await waitFor(
      'the imported enterprises among the need’s matches',
      async () => {
        const { rows } = await db.query<{ name: string }>(`SELECT o.name FROM match m JOIN organization o ON o.id = m.organization_id WHERE m.need_id = $1`, [need.id]);
        return rows.some((r) => r.name === 'Returhuset Malmö ekonomisk förening') ? rows.map((r) => r.name) : undefined;
      },
      60_000,
      200,
    );
    expect(matched).toContain('Returhuset Malmö ekonomisk förening');
  });

  it('imports from the command line into the same database, with exit codes that say how it went', async () => {
    const jsonl = await cli('import', ['enterprises', fixture('data/examples/enterprises.jsonl')]);
    expect(jsonl.stdout).toMatch(/Done in [\d.]+ s: 4 rows read: 4 created, 0 updated, 0 unchanged, 0 rejected/);
    expect(jsonl.status).toBe(0);
    const again = await cli('import', ['enterprises', fixture('data/examples/enterprises.csv'), '--quiet']);
    expect(again.stdout).toMatch(/8 rows read: 0 created, 0 updated, 8 unchanged, 0 rejected/);
    expect(again.status).toBe(0);
    const broken = await cli('import', ['enterprises', fixture('test/fixtures/import/enterprises-broken.csv'), '--quiet']);
    expect(broken.status).toBe(3);
    expect(broken.stdout).toMatch(/rejected line 5 \(BROKEN-SHARE\): farFromLabourMarketShare: Only work-integrating enterprises give this share\./);
    const ocds = await cli('import', ['ocds', fixture('test/fixtures/ocds/release-package.json'), '--buyer', '212000-1124', '--exchange-rate', 'GBP=13.5', '--quiet']);
    // The award release is skipped, which is no failure: exit code 0.
    expect(ocds.stdout).toMatch(/8 rows read: 6 created, [01] updated, [01] unchanged, 0 rejected, 1 skipped;/);
    expect(ocds.status).toBe(0);
    expect((await cli('import', ['ocds', fixture('test/fixtures/ocds/release-package.json'), '--exchange-rate', 'GBP'])).status).toBe(2);
    // The command line’s runs are followed like any other.
    const runs = await gql<{ importRuns: { nodes: { via: string; kind: string }[] } }>(url, '{ importRuns(first: 10) { nodes { via kind } } }', {}, auth(admin));
    expect(runs.data!.importRuns.nodes.filter((r) => r.via === 'cli')).toHaveLength(4);

    const exported = await cli('export', ['needs', '-', '--format', 'jsonl']);
    expect(exported.status).toBe(0);
    const needs = exported.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { externalId: string; importSource: string | null });
    expect(
      needs
        .filter((n) => n.importSource === 'ocds')
        .map((n) => n.externalId)
        .sort(),
    ).toEqual([
      'ocds-b5fd17-0064608c-a004-4bf1-bea8-bcc569de6670',
      'ocds-b5fd17-0cb08240-82a6-4be3-b63a-1ba819a00d18',
      'ocds-b5fd17-4c20859e-a305-4461-84c9-31ee8b43f2d0',
      'ocds-kuma6s-139221',
      'ocds-kuma6s-148223',
      'ocds-r6ebe6-0000580540',
    ]);
  });

  it('follows an import of many enterprises with one rebuild of the published needs, not a job per profile', async () => {
    const folder = tempDir('import-many');
    try {
      const file = path.join(folder.dir, 'many.csv');
      await writeEnterpriseCsv(file, 1_600, 42, readMunicipalities(fixture('data')));
      const run = await cli('import', ['enterprises', file, '--source', 'many', '--quiet']);
      expect(run.stdout).toMatch(/1600 rows read: 1600 created, 0 updated, 0 unchanged, 0 rejected/);
      const { rows: rebuilds } = await db.query<{ reason: string }>(`SELECT reason FROM matching_rebuild WHERE reason LIKE 'import %'`);
      expect(rebuilds).toEqual([{ reason: expect.stringMatching(/^import [0-9a-f-]{36} changed 1600 profiles$/) }]);
      await waitFor(
        'the rebuild to finish and the outbox to empty',
        async () =>
          (
            await db.query(
              `SELECT (SELECT count(*) FROM job_outbox WHERE job_name LIKE 'matching.%')::int + (SELECT count(*) FROM matching_rebuild WHERE status = 'RUNNING')::int AS n`,
            )
          ).rows[0].n === 0,
        60_000,
        200,
      );
      // The published need now has synthetic cleaners among its matches.
      const { rows } = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM match m JOIN import_mapping i ON i.organization_id = m.organization_id AND i.source = 'many' JOIN need n ON n.id = m.need_id WHERE n.status = 'PUBLISHED'`,
      );
      expect(rows[0].n).toBeGreaterThan(0);
    } finally {
      folder.remove();
    }
  });

  it('never half-applies a row: when the database refuses a profile, its organisation is not kept either', async () => {
    // A rule only the database knows (a stand-in for any failure while a row is written).
    await db.query(`ALTER TABLE enterprise_profile ADD CONSTRAINT test_refused_services CHECK (services <> 'NEKAS AV DATABASEN')`);
    try {
      const rows = [
        'externalId,organisationsnummer,name,municipalityCode,services,cpvCodes',
        'DB-1,769711-0018,Första Arbetslaget ek. för.,1280,Städning,90911200-8',
        'DB-2,769711-0026,Andra Arbetslaget ek. för.,1280,NEKAS AV DATABASEN,90911200-8',
        'DB-3,769711-0034,Tredje Arbetslaget ek. för.,1280,Fönsterputs,90911200-8',
      ].join('\n');
      const run = await importAndWait(url, admin, { kind: 'ENTERPRISES', source: 'db-test' }, { name: 'db.csv', content: rows });
      expect(run).toMatchObject({ status: 'DONE', created: 2, rejected: 1 });
      expect(run.messages.nodes).toEqual([
        expect.objectContaining({ line: 3, externalId: 'DB-2', field: null, message: expect.stringMatching(/^Raden kunde inte sparas: .*test_refused_services/) }),
      ]);
      const { rows: kept } = await db.query<{ org_number: string }>(`SELECT org_number FROM organization WHERE org_number LIKE '769711-%' ORDER BY org_number`);
      expect(kept.map((r) => r.org_number)).toEqual(['769711-0018', '769711-0034']);
      const { rows: mapped } = await db.query<{ external_id: string }>(`SELECT external_id FROM import_mapping WHERE source = 'db-test' ORDER BY external_id`);
      expect(mapped.map((r) => r.external_id)).toEqual(['DB-1', 'DB-3']);
    } finally {
      await db.query(`ALTER TABLE enterprise_profile DROP CONSTRAINT test_refused_services`);
    }
  });
});
