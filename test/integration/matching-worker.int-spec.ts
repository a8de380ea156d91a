import { spawn, type ChildProcess } from 'node:child_process';
import pg from 'pg';
import { Redis } from 'ioredis';
import { loadScoringReference } from '@samverka/matching';
import { generateEnterprises, generateNeeds } from '../../bench/matching/synthetic.js';
import { matchSnapshot, seedDatabase } from '../../bench/matching/seed-database.js';
import { auth, createOrganization, login, nextOrganisationsnummer, PASSWORD, register } from '../support/accounts.js';
import { gql } from '../support/graphql.js';
import { createNeed, needInput, needTransition, profileInput, saveProfile } from '../support/marketplace.js';
import { API_MAIN, CREATE_ADMIN, freePort, NodeProcess, runNode, waitForHttp, WORKER_MAIN } from '../support/processes.js';
import { createTestDatabase, describeWith, type TestDatabase } from '../support/services.js';
import { waitFor } from '../support/wait.js';

/** A Redis of this suite's own, so that stopping it disturbs nothing else. */
class PrivateRedis {
  private process?: ChildProcess;

  constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.process = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    await waitFor(`redis-server on port ${this.port}`, async () => {
      const client = new Redis(this.url, { maxRetriesPerRequest: 0, lazyConnect: true, retryStrategy: () => null });
      try {
        await client.connect();
        return (await client.ping()) === 'PONG';
      } catch {
        return false;
      } finally {
        client.disconnect();
      }
    });
  }

  async stop(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }
}

describeWith(['PostgreSQL', 'Redis'])('matching with PostgreSQL, Redis and separate worker processes', () => {
  let target: TestDatabase;
  let redis: PrivateRedis;
  let env: Record<string, string>;
  let api: NodeProcess;
  let url: string;
  let db: pg.Client;
  let admin: Record<string, string>;
  let buyerOrg: string;
  const workers: NodeProcess[] = [];

  const startWorker = async () => {
    const worker = new NodeProcess(WORKER_MAIN, env);
    workers.push(worker);
    await worker.waitForLog(/Samverka worker is taking jobs/);
    return worker;
  };
  const outboxEmpty = () =>
    waitFor(
      'every change to be matched',
      async () => (await db.query(`SELECT count(*)::int AS n FROM job_outbox WHERE job_name LIKE 'matching.%'`)).rows[0].n === 0 || undefined,
      60_000,
      200,
    );
  /** Starts a rebuild, or joins the one the sweep may have started on its own (needs never matched). */
  const rebuild = async () => {
    const started = await gql<{ rebuildMatches: { matchingRebuild: { id: string; chunksTotal: number } } }>(
      url,
      'mutation { rebuildMatches { matchingRebuild { id chunksTotal } } }',
      {},
      admin,
    );
    if (started.errors?.[0]?.extensions?.code === 'CONFLICT') {
      const running = (await db.query<{ id: string; chunksTotal: number }>(`SELECT id, chunks_total AS "chunksTotal" FROM matching_rebuild WHERE status = 'RUNNING'`)).rows[0];
      if (running) return running;
      return rebuild();
    }
    expect(started.errors).toBeUndefined();
    return started.data!.rebuildMatches.matchingRebuild;
  };
  const rebuildState = async (id: string) =>
    (await db.query<{ status: string; chunks_done: number; chunks_total: number }>('SELECT status, chunks_done, chunks_total FROM matching_rebuild WHERE id = $1', [id])).rows[0];
  const rebuildDone = (id: string, timeoutMs = 120_000) => waitFor(`rebuild ${id} to finish`, async () => (await rebuildState(id)).status === 'DONE' || undefined, timeoutMs, 100);

  beforeAll(async () => {
    target = await createTestDatabase();
    redis = new PrivateRedis(await freePort());
    await redis.start();
    env = {
      NODE_ENV: 'production',
      DATABASE_URL: target.url,
      REDIS_URL: redis.url,
      JWT_SECRET: 'integration-jwt-secret-0123456789abcdef',
      PORT: String(await freePort()),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      // A killed worker's job is taken over within about three seconds.
      QUEUE_LOCK_MS: '2000',
      QUEUE_STALLED_CHECK_MS: '1000',
      MATCHING_REBUILD_CHUNK: '10',
      MATCHING_MIN_SCORE: '0',
    };
    url = `http://127.0.0.1:${env.PORT}`;
    api = new NodeProcess(API_MAIN, env);
    await waitForHttp(`${url}/health/ready`, api);
    db = new pg.Client({ connectionString: target.url });
    await db.connect();
    const created = await runNode(CREATE_ADMIN, ['--email', 'admin@exempel.se'], { input: `${PASSWORD}\n`, env: { PATH: process.env.PATH ?? '', ...env } });
    expect(created.status).toBe(0);
    admin = auth((await login(url, 'admin@exempel.se')).data!.login.accessToken);
  });
  afterAll(async () => {
    await Promise.all([api, ...workers].filter(Boolean).map((p) => p.stop('SIGKILL')));
    await db?.end();
    await target?.drop();
    await redis?.stop();
  });

  it('matches a need published through the API in a worker process, with reasons', async () => {
    await startWorker();
    const buyer = await register(url, 'inkopare@lund.se');
    const verifiedBy = admin.authorization.slice(7);
    buyerOrg = (
      await createOrganization(url, buyer.accessToken, { kind: 'MUNICIPALITY', name: 'Lunds kommun', organisationsnummer: '212000-1132', municipalityCode: '1281' }, verifiedBy)
    ).data!.createOrganization.organization.id;
    const owner = await register(url, 'agare@socialt.se');
    const enterprise = (
      await createOrganization(
        url,
        owner.accessToken,
        {
          kind: 'SOCIAL_ENTERPRISE',
          name: 'Städkooperativet',
          organisationsnummer: nextOrganisationsnummer(),
          municipalityCode: '1281',
        },
        verifiedBy,
      )
    ).data!.createOrganization.organization.id;
    expect((await saveProfile(url, owner.accessToken, profileInput(enterprise, { municipalityCodes: ['1281'] }))).errors).toBeUndefined();
    const draft = (await createNeed(url, buyer.accessToken, needInput(buyerOrg, { municipalityCode: '1281' }))).data!.createNeed.need;
    await needTransition(url, buyer.accessToken, 'publishNeed', draft.id, draft.version);

    const matches = await waitFor('the need to be matched by the worker', async () => {
      const { data } = await gql<{ need: { matches: { nodes: { score: number; enterprise: { id: string }; reasons: { code: string; text: string }[] }[] } } }>(
        url,
        `{ need(id: "${draft.id}") { matches { nodes { score enterprise { id } reasons { code text } } } } }`,
        {},
        auth(buyer.accessToken),
      );
      return data!.need.matches.nodes.length > 0 ? data!.need.matches.nodes : undefined;
    });
    expect(matches[0].enterprise.id).toBe(enterprise);
    expect(matches[0].reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['eligibility.reserved', 'geography.sameMunicipality', 'text.shared']));
    // Written by the worker as codes and facts, worded by the API in Swedish.
    expect(matches[0].reasons.find((r) => r.code === 'geography.sameMunicipality')?.text).toBe('Verkar i Lund');
    expect(workers[0].log).not.toMatch(/"level":50/);
  });

  it('gives the same rows after a worker is killed mid-rebuild and another takes over, as an undisturbed run', async () => {
    if (workers.length === 0) await startWorker();
    const reference = loadScoringReference();
    await seedDatabase(db, reference, { enterprises: generateEnterprises(3_000, 7, reference), needs: generateNeeds(400, 7, reference) });

    // Undisturbed: one rebuild, start to finish.
    const first = await rebuild();
    expect(first.chunksTotal).toBeGreaterThanOrEqual(40);
    await rebuildDone(first.id);
    await outboxEmpty();
    const undisturbed = await matchSnapshot(db);
    expect(undisturbed.length).toBeGreaterThan(1_000);

    // Disturbed: the matches are wiped, a rebuild starts, its worker dies with SIGKILL part-way.
    await db.query('DELETE FROM match');
    await db.query('DELETE FROM need_match_state');
    const second = await rebuild();
    await waitFor('the rebuild to be part-way', async () => (await rebuildState(second.id)).chunks_done >= 3 || undefined, 60_000, 20);
    const victim = workers.at(-1)!;
    expect((await victim.stop('SIGKILL')).signal).toBe('SIGKILL');
    const state = await rebuildState(second.id);
    expect(state.status).toBe('RUNNING');
    expect(state.chunks_done).toBeLessThan(state.chunks_total);
    // Two workers finish it, sharing the chunks.
    await Promise.all([startWorker(), startWorker()]);
    await rebuildDone(second.id);
    expect(await matchSnapshot(db)).toEqual(undisturbed);
  }, 240_000);

  it('matches a need published while Redis was down, once Redis is back', async () => {
    const token = (await login(url, 'inkopare@lund.se')).data!.login.accessToken;
    const draft = (await createNeed(url, token, needInput(buyerOrg, { municipalityCode: '1281', title: 'Lokalvård av idrottshallar i Lund' }))).data!.createNeed.need;

    await redis.stop();
    const published = await needTransition(url, token, 'publishNeed', draft.id, draft.version);
    // The change is saved even though its job could not be enqueued.
    expect(published.errors).toBeUndefined();
    expect(published.data!.publishNeed.need.status).toBe('PUBLISHED');
    expect((await db.query(`SELECT count(*)::int AS n FROM job_outbox WHERE job_name = 'matching.need' AND payload->>'needId' = $1`, [draft.id])).rows[0].n).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect((await db.query('SELECT count(*)::int AS n FROM match WHERE need_id = $1', [draft.id])).rows[0].n).toBe(0);

    await redis.start();
    await waitFor(
      'the need to be matched after Redis came back',
      async () => (await db.query('SELECT count(*)::int AS n FROM need_match_state WHERE need_id = $1', [draft.id])).rows[0].n === 1 || undefined,
      60_000,
      200,
    );
    expect((await db.query('SELECT count(*)::int AS n FROM match WHERE need_id = $1', [draft.id])).rows[0].n).toBeGreaterThan(0);
    await outboxEmpty();
  });
});
