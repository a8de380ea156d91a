import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fixture } from '../support/imports.js';
import { tempDir } from '../support/services.js';

const CLI = path.resolve(import.meta.dirname, '../../dist/apps/api/src/cli');

/** The import and export commands on the embedded database (PGlite in a data folder of their own). */
describe('import and export commands (embedded)', () => {
  const folder = tempDir('import-cli');
  const run = (script: 'import' | 'export', args: string[]) =>
    spawnSync(process.execPath, [path.join(CLI, `${script}.js`), ...args], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', DATA_DIR: folder.dir, DEMO_DATA: 'off', LOG_LEVEL: 'warn' },
      timeout: 120_000,
    });
  afterAll(() => folder.remove());

  it('imports the example enterprises, then again without changing anything', () => {
    const first = run('import', ['enterprises', fixture('data/examples/enterprises.csv')]);
    expect(first.stdout).toMatch(/8 rows read: 8 created, 0 updated, 0 unchanged, 0 rejected/);
    // Without Redis nobody else takes jobs: the API's sweep matches the new profiles when it runs.
    expect(first.stdout).toMatch(/Matching follows when the API runs/);
    expect(first.status).toBe(0);
    const second = run('import', ['enterprises', fixture('data/examples/enterprises.csv'), '--quiet']);
    expect(second.stdout).toMatch(/8 rows read: 0 created, 0 updated, 8 unchanged, 0 rejected/);
    expect(second.status).toBe(0);
  });

  it('says which rows it rejected, with exit code 3, and refuses a wrong command line with 2', () => {
    const broken = run('import', ['enterprises', fixture('test/fixtures/import/enterprises-broken.csv'), '--quiet']);
    expect(broken.status).toBe(3);
    expect(broken.stdout).toMatch(/2 created, 0 updated, 0 unchanged, 6 rejected/);
    expect(broken.stdout).toContain(
      'rejected line 5 (BROKEN-SHARE): farFromLabourMarketShare: Only work-integrating enterprises give this share. Mark the enterprise as work-integrating, or remove the share.',
    );
    expect(run('import', ['partnerships', 'x.csv']).status).toBe(2);
    const wrongFormat = run('import', ['ocds', fixture('data/examples/enterprises.csv')]);
    expect(wrongFormat.status).toBe(2);
    expect(wrongFormat.stderr).toMatch(/ocds are imported from json, not csv/);
    expect(run('import', ['needs', fixture('data/examples/needs.jsonl'), '--status', 'LATER']).stderr).toContain('--status: Choose one of: DRAFT, PUBLISHED.');
  });

  it('fails a file it cannot read to the end with exit code 4', () => {
    const file = path.join(folder.dir, 'trasig.json');
    fs.writeFileSync(file, '{"releases": [');
    const failed = run('import', ['ocds', file, '--buyer', '212000-1124']);
    expect(failed.status).toBe(4);
    expect(failed.stdout).toMatch(/The file could not be read to the end: .*not valid JSON/);
  });

  it('exports the enterprises as JSON Lines that name their source', () => {
    const file = path.join(folder.dir, 'foretag.jsonl');
    expect(run('export', ['enterprises', file]).status).toBe(0);
    const rows = fs
      .readFileSync(file, 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { externalId: string; importSource: string; cpvCodes: string[] });
    expect(rows).toHaveLength(10);
    expect(rows.find((r) => r.externalId === 'SKANE-001')).toMatchObject({ importSource: 'enterprises', cpvCodes: ['39516000-2', '45421000-4', '90911200-8'] });
  });

  it('exports partnerships as CSV and as an OCDS release package, and refuses a format the kind does not have', () => {
    const csv = path.join(folder.dir, 'partnerskap.csv');
    expect(run('export', ['partnerships', csv]).status).toBe(0);
    // No partnerships yet: the header alone, with a target and a confirmed column per indicator of the catalogue.
    expect(fs.readFileSync(csv, 'utf8')).toMatch(/^\uFEFFid,title,buyerId,.*,impact\.WORK_TRAINING_HOURS\.target,impact\.WORK_TRAINING_HOURS\.confirmed,.*\n$/);
    const ocds = path.join(folder.dir, 'partnerskap.ocds.json');
    expect(run('export', ['partnerships', ocds]).status).toBe(0);
    expect(JSON.parse(fs.readFileSync(ocds, 'utf8'))).toMatchObject({
      uri: 'http://localhost:3000/export/partnerships.ocds.json',
      version: '1.1',
      publisher: { name: 'Samverka' },
      releases: [],
    });
    const wrong = run('export', ['enterprises', path.join(folder.dir, 'foretag.json')]);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/enterprises are exported as csv or jsonl, not ocds/);
  });
});
