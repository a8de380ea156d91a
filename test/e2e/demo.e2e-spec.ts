import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { loadConfig } from '@samverka/config';
import { createApi } from '../../apps/api/src/bootstrap.js';
import { skaneScenario } from '../../apps/api/src/demo/skane-scenario.js';
import { auth, login } from '../support/accounts.js';
import { gql } from '../support/graphql.js';
import { tempDir } from '../support/services.js';

const buyerOf = (name: string) => {
  const org = skaneScenario.organizations.find((o) => o.name === name)!;
  return skaneScenario.people.find((p) => p.key === org.ownerKeys[0])!.email;
};

describe('the Skåne demo in the embedded mode', () => {
  const folder = tempDir('demo');
  let app: INestApplication;
  let url: string;

  const start = async () => {
    app = await createApi(loadConfig({ DATA_DIR: folder.dir, LOG_LEVEL: 'silent', DEMO_DATA: 'on' }));
    await app.listen(0, '127.0.0.1');
    url = await app.getUrl();
  };
  beforeAll(start);
  afterAll(async () => {
    await app?.close();
    folder.remove();
  });

  it('seeds the scenario on the first start, with working logins', async () => {
    const counts = await gql<{ organizations: { totalCount: number }; enterprises: { totalCount: number }; needs: { totalCount: number } }>(
      url,
      '{ organizations { totalCount } enterprises { totalCount } needs { totalCount } }',
    );
    const expectedPublic = skaneScenario.needs.filter((n) => ['PUBLISHED', 'CLOSED', 'AWARDED'].includes(n.status)).length;
    expect(counts.data).toEqual({
      organizations: { totalCount: skaneScenario.organizations.length },
      enterprises: { totalCount: skaneScenario.profiles.length },
      needs: { totalCount: expectedPublic },
    });
    const password = fs.readFileSync(path.join(folder.dir, 'demo-password'), 'utf8').trim();
    expect(password).toMatch(/^[A-Za-z0-9_-]{16}$/);
    const signedIn = await login(url, buyerOf('Malmö stad'), password);
    expect(signedIn.errors).toBeUndefined();
  });

  it('puts needs and offers in the states the scenario names', async () => {
    const admin = await login(url, 'admin@demo.samverka.se', fs.readFileSync(path.join(folder.dir, 'demo-password'), 'utf8').trim());
    const all = await gql<{ needs: { nodes: { title: string; status: string; offers: { status: string }[] }[] } }>(
      url,
      '{ needs(first: 100) { nodes { title status offers { status } } } }',
      {},
      auth(admin.data!.login.accessToken),
    );
    const byTitle = new Map(all.data!.needs.nodes.map((n) => [n.title, n]));
    for (const need of skaneScenario.needs) {
      expect({ title: need.title, status: byTitle.get(need.title)?.status }).toEqual({ title: need.title, status: need.status });
      // Administrators see submitted offers, not the enterprises' drafts or withdrawn ones.
      const expected = skaneScenario.offers.filter((o) => o.needKey === need.key && o.status !== 'DRAFT' && o.status !== 'WITHDRAWN').map((o) => o.status).sort();
      expect({ title: need.title, offers: byTitle.get(need.title)!.offers.map((o) => o.status).sort() }).toEqual({ title: need.title, offers: expected });
    }
  });

  it('does not seed again on the next start', async () => {
    await app.close();
    await start();
    const counts = await gql<{ organizations: { totalCount: number } }>(url, '{ organizations { totalCount } }');
    expect(counts.data!.organizations.totalCount).toBe(skaneScenario.organizations.length);
  });
});

describe('npm run demo (the built command)', () => {
  const folder = tempDir('demo-cli');
  afterAll(() => folder.remove());
  const CLI = path.resolve(import.meta.dirname, '../../dist/apps/api/src/cli/demo.js');
  const run = (command: string, env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [CLI, command], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', DATA_DIR: folder.dir, ...env }, timeout: 120_000 });

  it('seeds an empty database, refuses to seed twice, and resets', () => {
    const seeded = run('seed');
    expect(seeded.status).toBe(0);
    expect(seeded.stdout).toContain(`password for every login: ${fs.readFileSync(path.join(folder.dir, 'demo-password'), 'utf8').trim()}`);
    expect(seeded.stdout).toContain('admin@demo.samverka.se');
    const again = run('seed');
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already has organisations: use `npm run demo -- reset`/);
    expect(run('reset').status).toBe(0);
  });

  it('is off in production and refuses to reset PostgreSQL', () => {
    expect(run('seed', { NODE_ENV: 'production', DATABASE_URL: 'postgres://x@127.0.0.1:1/x', REDIS_URL: 'redis://127.0.0.1:1', JWT_SECRET: 'x'.repeat(32) }).stderr).toMatch(/never seeded in production/);
    expect(run('reset', { DATABASE_URL: 'postgres://x@127.0.0.1:1/x' }).stderr).toMatch(/reset only deletes the embedded database/);
    expect(run('nonsense').status).toBe(2);
  });
});
