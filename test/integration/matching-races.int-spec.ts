import { loadConfig, Database, OutboxRepository, InProcessQueueDriver, Outbox, systemClock } from '@samverka/engine';
import { loadReferenceData } from '@samverka/reference-data';
import { MatchingRepository, MatchRepository, NeedMatcher, ProfileMatcher, ScoringModelProvider } from '@samverka/matching';
import { setTimeout as sleep } from 'node:timers/promises';
import { FeatureCache } from '../../libs/features/matching/feature-cache.js';
import { needInput, profileInput } from '../../libs/features/matching/matching-inputs.js';
import { createTestDatabase, describeWith, type TestDatabase } from '../support/services.js';

/**
 * The matching service under interleavings that the job flow allows: a change committing between two
 * steps of a job. Nothing consumes the queue; the outbox is what guarantees that a need left stale is
 * matched again.
 */
/** These tests are about the match rows; strong-match notifications are tested in notifications.e2e-spec.ts. */
const noNotifications = { isNew: () => false, notify: async () => undefined } as never;
const noSavedSearches = { notify: async () => undefined } as never;

describeWith(['PostgreSQL'])('matching under concurrent changes', () => {
  let target: TestDatabase;
  let database: Database;
  let repository: MatchingRepository;
  let matches: MatchRepository;
  let service: { matchNeed: NeedMatcher['matchNeed']; matchProfile: ProfileMatcher['matchProfile'] };
  let models: ScoringModelProvider;
  let outbox: Outbox;
  let driver: InProcessQueueDriver;
  let untracked: Database['transaction'];
  let buyer: string;
  let hook: ((n: number) => Promise<void>) | null = null;
  /** The need and profile matchers of a configuration, as the worker has them. */
  const matchers = (config: ReturnType<typeof loadConfig>, cache: FeatureCache) => {
    const needs = new NeedMatcher(database, repository, matches, cache, models, outbox, config, noNotifications, noSavedSearches);
    const profiles = new ProfileMatcher(database, repository, matches, cache, models, outbox, config, noNotifications);
    return { matchNeed: needs.matchNeed.bind(needs), matchProfile: profiles.matchProfile.bind(profiles) };
  };
  /** A change as a service makes it: the rows and its outbox entry in one transaction (not counted by the hooks). */
  const change = (kind: 'need' | 'profile', id: string, sql?: string, params: unknown[] = []) =>
    untracked(async (tx) => {
      if (sql) await tx.manager.query(sql, params);
      if (kind === 'need') await outbox.publish(tx, 'matching.need', { needId: id }, { enqueue: false });
      else await outbox.publish(tx, 'matching.profile', { organizationId: id }, { enqueue: false });
    });
  const pendingKinds = (id: string) =>
    q(`SELECT CASE job_name WHEN 'matching.need' THEN 'need' ELSE 'profile' END AS kind FROM job_outbox WHERE payload->>'needId' = $1 OR payload->>'organizationId' = $1`, [id]);

  beforeAll(async () => {
    target = await createTestDatabase();
    const config = loadConfig({ DATABASE_URL: target.url, REDIS_URL: 'redis://127.0.0.1:6379', MATCHING_MIN_SCORE: '0' });
    database = await Database.open(config.database);
    await loadReferenceData(database.dataSource);
    repository = new MatchingRepository(database.dataSource);
    matches = new MatchRepository(database.dataSource);
    models = new ScoringModelProvider();
    const cache = new FeatureCache(repository, models);
    driver = new InProcessQueueDriver({ concurrency: 1, retryBackoffMs: 10, shutdownTimeoutMs: 100 });
    outbox = new Outbox(new OutboxRepository(database.dataSource), driver, systemClock);
    // Count transactions so a test can run something between two of them.
    const original = database.transaction.bind(database);
    untracked = original;
    let count = 0;
    (database as unknown as { transaction: unknown }).transaction = async (work: never) => {
      count++;
      const h = hook;
      if (h) await h(count);
      return original(work);
    };
    service = matchers(config, cache);
    [{ id: buyer }] = await database.dataSource.query(
      `INSERT INTO organization (kind, name, org_number, municipality_code, county_code, verified) VALUES ('MUNICIPALITY', 'Lunds kommun', '212000-1132', '1281', '12', true) RETURNING id`,
    );
  });
  afterAll(async () => {
    await driver?.close();
    await database?.close();
    await target?.drop();
  });

  const q = (sql: string, p: unknown[] = []) => database.dataSource.query(sql, p);
  let orgSeq = 0;
  const enterprise = async (services: string, cpv: string[]) => {
    const [{ id }] = await q(
      `INSERT INTO organization (kind, name, org_number, municipality_code, county_code, verified) VALUES ('SOCIAL_ENTERPRISE', $1, $2, '1281', '12', true) RETURNING id`,
      [`E${orgSeq}`, `55${String(orgSeq++).padStart(8, '0')}`.replace(/^(\d{6})(\d{4})$/, '$1-$2')],
    );
    await change('profile', id, `INSERT INTO enterprise_profile (organization_id, description, services, cpv_codes, municipality_codes) VALUES ($1, $2, $2, $3, '{1281}')`, [
      id,
      services,
      cpv,
    ]);
    return id as string;
  };
  const need = async (title: string, cpv: string[]) => {
    const [{ id }] = await q(
      `INSERT INTO need (buyer_organization_id, title, description, cpv_codes, municipality_code, form, status, published_at) VALUES ($1, $2, $2, $3, '1281', 'PUBLIC_PROCUREMENT', 'PUBLISHED', now()) RETURNING id`,
      [buyer, title, cpv],
    );
    await change('need', id);
    return id as string;
  };
  const expected = async (needId: string, orgId: string) => {
    const n = await repository.need(needId);
    const p = await repository.profile(orgId);
    const m = models.model;
    return m.explain(m.needFeatures(needInput(n!)), m.profileFeatures(profileInput(p!))).score;
  };
  /** The enterprise that should be first for the need now, by scoring every profile afresh. */
  const best = async (needId: string) => {
    const ids: { id: string }[] = await q(`SELECT organization_id AS id FROM enterprise_profile ORDER BY organization_id`);
    let top: { id: string; score: number } | null = null;
    for (const { id } of ids) {
      const score = await expected(needId, id);
      if (score > 0 && (!top || score > top.score)) top = { id, score };
    }
    return top?.id;
  };
  const stored = async (needId: string, orgId: string) => {
    const rows = await q(`SELECT score::float8 AS s FROM match WHERE need_id = $1 AND organization_id = $2`, [needId, orgId]);
    return rows[0]?.s ?? null;
  };

  it('a profile job scores each need as it is under its lock, not as its cache saw it', async () => {
    const p = await enterprise('Lokalvård och städning av kontor', ['90911200']);
    const n = await need('Lokalvård av förskolor', ['90911200']);
    expect(await service.matchNeed(n)).toBe('matched');
    expect(await service.matchProfile(p)).toBe('applied');
    // The profile changes; its job starts and reads the open needs...
    await change('profile', p, `UPDATE enterprise_profile SET services = 'Lokalvård, städning och fönsterputs' WHERE organization_id = $1`, [p]);
    let seen = 0;
    hook = async () => {
      seen++;
      if (seen !== 2) return; // the first batch transaction of matchProfile
      hook = null;
      // ... the need changes and its own job runs before the profile job's batch.
      await change('need', n, `UPDATE need SET title = 'Snickeri och möbler', description = 'Snickeri', cpv_codes = '{39100000}' WHERE id = $1`, [n]);
      expect(await service.matchNeed(n)).toBe('matched');
      hook = async () => {};
    };
    expect(await service.matchProfile(p)).toBe('applied');
    hook = null;
    const want = await expected(n, p);
    const got = await stored(n, p);
    expect(got).toBe(want > 0 ? want : null);
  });

  it('a newer change of a profile waits for the batch an older job is writing, and its job sees that batch', async () => {
    await q(`UPDATE need SET status = 'CLOSED'`);
    const p = await enterprise('Snickeri och möbeltillverkning', ['39100000']);
    const m = await need('Lokalvård av skolor och kontor', ['90911200']);
    expect(await service.matchNeed(m)).toBe('matched');
    await service.matchProfile(p);
    expect(await stored(m, p)).toBeNull();
    // Change 1: the profile now does cleaning; its job runs...
    await change('profile', p, `UPDATE enterprise_profile SET services = 'Lokalvård och städning av skolor och kontor', cpv_codes = '{90911200}' WHERE organization_id = $1`, [p]);
    const original = matches.standings.bind(repository);
    let change2: Promise<unknown> | undefined;
    matches.standings = async (...args: Parameters<typeof original>) => {
      if (!change2) {
        // ...and inside its batch, change 2 (back to joinery) is made: it must wait for the batch.
        change2 = change('profile', p, `UPDATE enterprise_profile SET services = 'Snickeri och möbeltillverkning', cpv_codes = '{39100000}' WHERE organization_id = $1`, [p]);
        await sleep(300);
      }
      return original(...args);
    };
    try {
      expect(await service.matchProfile(p)).toBe('applied');
    } finally {
      matches.standings = original;
    }
    await change2;
    expect(await service.matchProfile(p)).toBe('applied');
    expect(await stored(m, p)).toBeNull();
    expect(await pendingKinds(p)).toEqual([]);
  }, 20_000);

  it('a need job that meets a profile changed since its ranking matches the need again', async () => {
    await q(`UPDATE need SET status = 'CLOSED'`);
    const config = loadConfig({ DATABASE_URL: target.url, REDIS_URL: 'redis://127.0.0.1:6379', MATCHING_MIN_SCORE: '0', MATCHING_TOP_N: '1' });
    const cache = new FeatureCache(repository, models);
    const top1 = matchers(config, cache);
    const p = await enterprise('Lokalvård och städning av förskolor', ['90911200']);
    await enterprise('Städning', ['90910000']);
    const n = await need('Lokalvård av förskolor', ['90911200']);
    await q(`DELETE FROM job_outbox WHERE job_name = 'matching.profile'`);
    const originalByIds = repository.profilesByIds.bind(repository);
    let once = true;
    repository.profilesByIds = async (ids, manager) => {
      if (once) {
        once = false;
        // P's change commits between the cache refresh and the read of full profiles.
        await change(
          'profile',
          p,
          `UPDATE enterprise_profile SET services = 'Snickeri', description = 'Snickeri och lite städning', cpv_codes = '{90000000}' WHERE organization_id = $1`,
          [p],
        );
      }
      return originalByIds(ids, manager);
    };
    expect(await top1.matchNeed(n)).toBe('matched');
    repository.profilesByIds = originalByIds;
    expect(await top1.matchProfile(p)).toBe('applied');
    // The need is left in the outbox, and its next job puts the best enterprise first.
    expect(await pendingKinds(n)).toEqual([{ kind: 'need' }]);
    expect(await top1.matchNeed(n)).toBe('matched');
    const rows = await q(`SELECT organization_id AS id FROM match WHERE need_id = $1`, [n]);
    expect(rows.map((r: { id: string }) => r.id)).toEqual([await best(n)]);
  }, 20_000);

  it('a profile job stopped by a newer change still hands on the needs it took the enterprise out of', async () => {
    await q(`UPDATE need SET status = 'CLOSED'`);
    const config = loadConfig({ DATABASE_URL: target.url, REDIS_URL: 'redis://127.0.0.1:6379', MATCHING_MIN_SCORE: '0', MATCHING_TOP_N: '1' });
    const top1 = matchers(config, new FeatureCache(repository, models));
    const p = await enterprise('Lokalvård och städning av förskolor', ['90911200']);
    await enterprise('Städning', ['90910000']);
    const n = await need('Lokalvård av förskolor', ['90911200']);
    for (let i = 0; i < 250; i++) await need(`Snickeri ${i}`, ['39100000']);
    await q(`DELETE FROM job_outbox`);
    expect(await top1.matchNeed(n, { force: true })).toBe('matched');
    expect((await q(`SELECT organization_id AS id FROM match WHERE need_id = $1`, [n])).map((r: { id: string }) => r.id)).toEqual([p]);
    // r1: P turns to joinery (it leaves N's full list: N owes a refill)...
    await change('profile', p, `UPDATE enterprise_profile SET services = 'Snickeri', description = 'Snickeri', cpv_codes = '{39100000}' WHERE organization_id = $1`, [p]);
    let calls = 0;
    hook = async () => {
      calls++;
      if (calls === 3) {
        hook = null;
        // ...and before its second batch, r2 (still joinery, new wording) commits.
        await change('profile', p, `UPDATE enterprise_profile SET description = 'Snickeri och möbler' WHERE organization_id = $1`, [p]);
      }
    };
    expect(await top1.matchProfile(p)).toBe('superseded');
    hook = null;
    expect(await top1.matchProfile(p)).toBe('applied');
    expect(await pendingKinds(n)).toEqual([{ kind: 'need' }]);
    expect(await top1.matchNeed(n)).toBe('matched');
    const rows = await q(`SELECT organization_id AS id FROM match WHERE need_id = $1`, [n]);
    expect(rows.map((r: { id: string }) => r.id)).toEqual([await best(n)]);
    expect(await best(n)).not.toBe(p);
  }, 60_000);
});
