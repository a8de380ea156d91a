import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { loadConfig } from '@samverka/engine';
import { createApi } from '../../apps/api/src/bootstrap.js';
import type { DemoPartnership } from '../../libs/features/demo/demo-scenario.types.js';
import { loadSkaneScenario } from '../../libs/features/demo/skane-scenario.js';
import { auth, login } from '../support/accounts.js';
import { gql } from '../support/graphql.js';
import { tempDir } from '../support/services.js';

const skaneScenario = loadSkaneScenario();

const buyerOf = (name: string) => {
  const org = skaneScenario.organizations.find((o) => o.name === name)!;
  return skaneScenario.people.find((p) => p.key === org.ownerKeys[0])!.email;
};
const person = (key: string) => skaneScenario.people.find((p) => p.key === key)!;
const organizationName = (key: string) => skaneScenario.organizations.find((o) => o.key === key)!.name;
const needTitle = (key: string) => skaneScenario.needs.find((n) => n.key === key)!.title;
const partnershipTitle = (p: DemoPartnership) => ('awardedNeedKey' in p.source ? needTitle(p.source.awardedNeedKey) : p.source.agreement.title);
const sorted = <T>(items: T[]) => [...items].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
const coordinator = skaneScenario.people.find((p) => p.platformRole === 'COORDINATOR')!;

/** What the scenario's confirmed reports add up to per indicator (a confirmed correction replaces the report it corrects). */
function confirmedImpact() {
  const totals = new Map<string, { total: number; reports: number; partnerships: Set<string> }>();
  for (const partnership of skaneScenario.partnerships) {
    for (const report of partnership.reports.filter((r) => r.status === 'CONFIRMED')) {
      for (const { indicatorCode, value } of report.correction?.values ?? report.values) {
        const row = totals.get(indicatorCode) ?? { total: 0, reports: 0, partnerships: new Set<string>() };
        totals.set(indicatorCode, { total: row.total + value, reports: row.reports + 1, partnerships: row.partnerships.add(partnership.key) });
      }
    }
  }
  return totals;
}

describe('the Skåne demo in the embedded mode', () => {
  const folder = tempDir('demo');
  let app: INestApplication;
  let url: string;

  const start = async () => {
    app = await createApi(loadConfig({ DATA_DIR: folder.dir, LOG_LEVEL: 'silent', DEMO_DATA: 'on' }));
    await app.listen(0, '127.0.0.1');
    url = await app.getUrl();
  };
  // Seeding the scenario and matching it takes half a minute on an idle machine, longer on a busy one.
  const SEEDING_MS = 240_000;
  beforeAll(start, SEEDING_MS);
  afterAll(async () => {
    await app?.close();
    folder.remove();
  });

  it('seeds the scenario on the first start, with working logins', async () => {
    const counts = await gql<{
      organizations: { totalCount: number };
      unverified: { totalCount: number };
      enterprises: { totalCount: number };
      needs: { totalCount: number };
    }>(url, '{ organizations { totalCount } unverified: organizations(filter: { verified: false }) { totalCount } enterprises { totalCount } needs { totalCount } }');
    const expectedPublic = skaneScenario.needs.filter((n) => ['PUBLISHED', 'CLOSED', 'AWARDED'].includes(n.status)).length;
    // Every organisation of the demo is verified: its needs are shown to everyone and its offers submitted.
    expect(counts.data).toEqual({
      organizations: { totalCount: skaneScenario.organizations.length },
      unverified: { totalCount: 0 },
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
      const expected = skaneScenario.offers
        .filter((o) => o.needKey === need.key && o.status !== 'DRAFT' && o.status !== 'WITHDRAWN')
        .map((o) => o.status)
        .sort();
      expect({
        title: need.title,
        offers: byTitle
          .get(need.title)!
          .offers.map((o) => o.status)
          .sort(),
      }).toEqual({ title: need.title, offers: expected });
    }
  });

  const password = () => fs.readFileSync(path.join(folder.dir, 'demo-password'), 'utf8').trim();
  const signIn = async (email: string) => auth((await login(url, email, password())).data!.login.accessToken);

  it("shows the coordinator her introductions and the enterprises' answers", async () => {
    const result = await gql<{
      needs: {
        nodes: { title: string; introductions: { status: string; note: string; responseNote: string; enterprise: { name: string }; coordinator: { displayName: string } }[] }[];
      };
    }>(
      url,
      '{ needs(first: 100) { nodes { title introductions { status note responseNote enterprise { name } coordinator { displayName } } } } }',
      {},
      await signIn(coordinator.email),
    );
    expect(result.errors).toBeUndefined();
    const seen = result.data!.needs.nodes.flatMap((n) =>
      n.introductions.map((i) => ({ need: n.title, ...i, enterprise: i.enterprise.name, coordinator: i.coordinator.displayName })),
    );
    const expected = skaneScenario.introductions.map((i) => ({
      need: needTitle(i.needKey),
      status: i.status,
      note: i.note,
      responseNote: i.responseNote ?? '',
      enterprise: organizationName(i.enterpriseKey),
      coordinator: person(i.coordinatorKey).displayName,
    }));
    expect(sorted(seen)).toEqual(sorted(expected));
    expect(new Set(seen.map((i) => i.status))).toEqual(new Set(['PROPOSED', 'ACCEPTED', 'DECLINED']));
  });

  it('puts partnerships, targets and impact reports in the states the scenario names', async () => {
    type Row = {
      title: string;
      status: string;
      startsOn: string;
      endReason: string;
      targetsStatus: string;
      brokeredBy: { displayName: string } | null;
      introduction: { status: string } | null;
      targets: { indicatorCode: string; target: number }[];
      impactReports: { status: string; revision: number; periodStart: string; periodEnd: string; returnComment: string }[];
    };
    const result = await gql<{ partnerships: { totalCount: number; nodes: Row[] } }>(
      url,
      `{ partnerships(first: 10) { totalCount nodes { title status startsOn endReason targetsStatus brokeredBy { displayName } introduction { status }
          targets { indicatorCode target } impactReports { status revision periodStart periodEnd returnComment } } } }`,
      {},
      await signIn(coordinator.email),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.partnerships.totalCount).toBe(skaneScenario.partnerships.length);
    const byTitle = new Map(result.data!.partnerships.nodes.map((p) => [p.title, p]));
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
    for (const partnership of skaneScenario.partnerships) {
      const row = byTitle.get(partnershipTitle(partnership))!;
      expect({ key: partnership.key, status: row.status, endReason: row.endReason }).toEqual({
        key: partnership.key,
        status: partnership.end?.status ?? 'ACTIVE',
        endReason: partnership.end?.note ?? '',
      });
      const targets = partnership.targets;
      expect({ key: partnership.key, targetsStatus: row.targetsStatus }).toEqual({
        key: partnership.key,
        targetsStatus: !targets ? 'NONE' : targets.agreedByKey ? 'AGREED' : 'PROPOSED',
      });
      expect(sorted(row.targets)).toEqual(sorted((targets?.items ?? []).map((t) => ({ indicatorCode: t.indicatorCode, target: t.target }))));
      // A correction's report is superseded; the coordinator does not see the enterprise's drafts (there are none).
      const statuses = partnership.reports.flatMap((r) => (r.correction ? ['SUPERSEDED', 'CONFIRMED'] : [r.status])).sort();
      expect({ key: partnership.key, reports: row.impactReports.map((r) => r.status).sort() }).toEqual({ key: partnership.key, reports: statuses });
      for (const report of row.impactReports) {
        expect(report.periodStart >= row.startsOn && report.periodEnd < today).toBe(true);
        if (report.status === 'RETURNED') expect(report.returnComment.length).toBeGreaterThan(0);
      }
      if ('agreement' in partnership.source) expect(row.brokeredBy?.displayName).toBe(person(partnership.source.agreement.coordinatorKey).displayName);
    }
    // The award that followed the coordinator's accepted introduction is hers too.
    const introduced = skaneScenario.introductions.filter((i) => i.status === 'ACCEPTED' && skaneScenario.needs.find((n) => n.key === i.needKey)!.status === 'AWARDED');
    expect(introduced.length).toBeGreaterThan(0);
    for (const introduction of introduced) {
      const row = byTitle.get(needTitle(introduction.needKey))!;
      expect({ brokeredBy: row.brokeredBy?.displayName, introduction: row.introduction?.status }).toEqual({
        brokeredBy: person(introduction.coordinatorKey).displayName,
        introduction: 'ACCEPTED',
      });
    }
  });

  it("shows the confirmed impact in Skåne's regional insights", async () => {
    const result = await gql<{
      regionInsights: {
        impactTotals: { indicatorCode: string; total: number; reports: number; partnerships: number }[];
        partnershipsByStatus: { status: string; partnerships: number }[];
      };
    }>(
      url,
      `{ regionInsights(countyCode: "12") { impactTotals { indicatorCode total reports partnerships } partnershipsByStatus { status partnerships } } }`,
      {},
      await signIn(coordinator.email),
    );
    expect(result.errors).toBeUndefined();
    const expected = confirmedImpact();
    const totals = result.data!.regionInsights.impactTotals;
    expect(totals.map((t) => t.indicatorCode).sort()).toEqual([...expected.keys()].sort());
    for (const row of totals) {
      const want = expected.get(row.indicatorCode)!;
      expect(row.total).toBeCloseTo(want.total, 3);
      expect({ code: row.indicatorCode, reports: row.reports, partnerships: row.partnerships }).toEqual({
        code: row.indicatorCode,
        reports: want.reports,
        partnerships: want.partnerships.size,
      });
    }
    const byStatus = Object.fromEntries(result.data!.regionInsights.partnershipsByStatus.map((s) => [s.status, s.partnerships]));
    const count = (status: string) => skaneScenario.partnerships.filter((p) => (p.end?.status ?? 'ACTIVE') === status).length;
    expect(byStatus).toEqual({ ACTIVE: count('ACTIVE'), COMPLETED: count('COMPLETED'), TERMINATED: count('TERMINATED') });
    expect(count('COMPLETED')).toBeGreaterThan(0);
  });

  it('lists the partnerships both parties show in the public library of good examples', async () => {
    const result = await gql<{
      goodExamples: { nodes: { title: string; summary: string; buyer: { name: string }; enterprise: { name: string }; impact: { indicatorCode: string; value: number }[] }[] };
    }>(url, '{ goodExamples(first: 20) { nodes { title summary buyer { name } enterprise { name } impact { indicatorCode value } } } }');
    expect(result.errors).toBeUndefined();
    const shown = skaneScenario.partnerships.filter((p) => p.public);
    expect(shown.length).toBeGreaterThanOrEqual(2);
    expect(sorted(result.data!.goodExamples.nodes.map((n) => ({ title: n.title, summary: n.summary })))).toEqual(
      sorted(shown.map((p) => ({ title: partnershipTitle(p), summary: p.public!.summary }))),
    );
    for (const node of result.data!.goodExamples.nodes) {
      const partnership = shown.find((p) => partnershipTitle(p) === node.title)!;
      const confirmedCodes = new Set(partnership.reports.filter((r) => r.status === 'CONFIRMED').flatMap((r) => (r.correction?.values ?? r.values).map((v) => v.indicatorCode)));
      expect(node.impact.map((i) => i.indicatorCode).sort()).toEqual([...confirmedCodes].sort());
    }
  });

  it('finds Rent & Redo of the demo by “städning”: it does storstädning and flyttstädning', async () => {
    const found = async (search: string) =>
      (
        await gql<{ enterprises: { nodes: { organization: { name: string } }[] } }>(
          url,
          'query($s: String) { enterprises(filter: { search: $s }, first: 100) { nodes { organization { name } } } }',
          { s: search },
        )
      ).data!.enterprises.nodes.map((n) => n.organization.name);
    expect(await found('städning')).toContain('Rent & Redo i Malmö ekonomisk förening');
  });

  it('fills the demo people’s inboxes with what happened to them', async () => {
    const kindsOf = async (key: string) => {
      const result = await gql<{ notifications: { totalCount: number; nodes: { kind: string }[] }; unreadNotificationCount: number }>(
        url,
        '{ notifications(first: 100) { totalCount nodes { kind } } unreadNotificationCount }',
        {},
        await signIn(person(key).email),
      );
      expect(result.errors).toBeUndefined();
      expect(result.data!.unreadNotificationCount).toBeGreaterThan(0);
      return new Set(result.data!.notifications.nodes.map((n) => n.kind));
    };
    // The coordinator hears the answers to her introductions, the award she brokered, and the ends.
    expect([...(await kindsOf(coordinator.key))]).toEqual(expect.arrayContaining(['INTRODUCTION_ANSWERED', 'PARTNERSHIP_STARTED', 'PARTNERSHIP_ENDED']));
    // A buyer with a report to confirm; an enterprise with a report returned and one with reports confirmed.
    expect([...(await kindsOf('helsingborg-maria'))]).toEqual(expect.arrayContaining(['REPORT_SUBMITTED', 'PARTNERSHIP_STARTED', 'OFFER_RECEIVED']));
    expect([...(await kindsOf('p-vaxthuset-jenny'))]).toEqual(expect.arrayContaining(['REPORT_RETURNED', 'REPORT_CONFIRMED', 'INTRODUCTION_RECEIVED']));
    expect([...(await kindsOf('p-aterbruket-zeynep'))]).toEqual(expect.arrayContaining(['REPORT_CONFIRMED', 'PARTNERSHIP_ENDED']));
    // Targets proposed to a buyer that has not agreed them yet.
    expect([...(await kindsOf('ystad-lars'))]).toEqual(expect.arrayContaining(['PARTNERSHIP_TARGETS']));
  });

  it(
    'does not seed again on the next start',
    async () => {
      await app.close();
      await start();
      const counts = await gql<{ organizations: { totalCount: number } }>(url, '{ organizations { totalCount } }');
      expect(counts.data!.organizations.totalCount).toBe(skaneScenario.organizations.length);
    },
    SEEDING_MS,
  );
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
    expect(run('seed', { NODE_ENV: 'production', DATABASE_URL: 'postgres://x@127.0.0.1:1/x', REDIS_URL: 'redis://127.0.0.1:1', JWT_SECRET: 'x'.repeat(32) }).stderr).toMatch(
      /never seeded in production/,
    );
    expect(run('reset', { DATABASE_URL: 'postgres://x@127.0.0.1:1/x' }).stderr).toMatch(/reset only deletes the embedded database/);
    expect(run('nonsense').status).toBe(2);
  });
});
