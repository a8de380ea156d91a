import { loadConfig } from '@samverka/engine';
import { createWorker } from '../../apps/worker/src/bootstrap.js';
import { login, PASSWORD, register } from '../support/accounts.js';
import { bearer, gql, mutate } from '../support/graphql.js';
import { API_MAIN, CREATE_ADMIN, freePort, NodeProcess, runNode, waitForHttp, WORKER_MAIN } from '../support/processes.js';
import { clearRedisPrefix, createTestDatabase, describeWith, REDIS_TEST_URL, uniqueName, type TestDatabase } from '../support/services.js';
import { waitFor } from '../support/wait.js';

const OPS_TOKEN = 'integration-operations-token-0123456789';

interface Probe {
  id: string;
  attempts: number;
  processedAt: string | null;
  processedBy: string | null;
}

describeWith(['PostgreSQL', 'Redis'])('API and a separate worker on PostgreSQL + Redis', () => {
  let target: TestDatabase;
  let env: Record<string, string>;
  let api: NodeProcess;
  let url: string;
  const workers: NodeProcess[] = [];
  const prefix = uniqueName('samverka-int');

  const startWorker = async () => {
    const worker = new NodeProcess(WORKER_MAIN, env);
    workers.push(worker);
    await worker.waitForLog(/Samverka worker is taking jobs/);
    return worker;
  };
  const requestProbe = async (holdMs: number) => {
    const result = await mutate<{ requestQueueProbe: { queueProbe: Probe } }>(url, 'requestQueueProbe', { holdMs }, 'queueProbe { id }', bearer(OPS_TOKEN));
    expect(result.errors).toBeUndefined();
    return result.data!.requestQueueProbe.queueProbe.id;
  };
  const readProbe = async (id: string) =>
    (await gql<{ queueProbe: Probe }>(url, `query($id: ID!) { queueProbe(id: $id) { id attempts processedAt processedBy } }`, { id }, bearer(OPS_TOKEN))).data!.queueProbe;
  const processed = (id: string, timeoutMs = 30_000) =>
    waitFor(`probe ${id} to be processed`, async () => ((await readProbe(id)).processedAt ? readProbe(id) : undefined), timeoutMs, 100);

  beforeAll(async () => {
    target = await createTestDatabase();
    env = {
      NODE_ENV: 'production',
      DATABASE_URL: target.url,
      REDIS_URL: REDIS_TEST_URL,
      QUEUE_PREFIX: prefix,
      OPS_TOKEN,
      JWT_SECRET: 'integration-jwt-secret-0123456789abcdef',
      PORT: String(await freePort()),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      // A killed worker's job is noticed within about three seconds.
      QUEUE_LOCK_MS: '2000',
      QUEUE_STALLED_CHECK_MS: '1000',
      LOGIN_MAX_FAILURES_PER_ACCOUNT: '2',
    };
    url = `http://127.0.0.1:${env.PORT}`;
    api = new NodeProcess(API_MAIN, env);
    await waitForHttp(`${url}/health/ready`, api);
  });
  afterAll(async () => {
    await Promise.all([api, ...workers].filter(Boolean).map((p) => p.stop('SIGKILL')));
    await target?.drop();
    await clearRedisPrefix(prefix);
  });

  it('is ready with PostgreSQL and BullMQ, and logs JSON lines', async () => {
    const ready = await (await fetch(`${url}/health/ready`)).json();
    expect(ready).toMatchObject({ status: 'ok', info: { database: { driver: 'postgres' }, queue: { driver: 'bullmq' } } });
    const line = api.log.split('\n').find((l) => l.includes('Samverka is running'));
    expect(JSON.parse(line!)).toMatchObject({
      level: 30,
      name: 'samverka-api',
      msg: expect.stringMatching(/^Samverka is running \(PostgreSQL \+ Redis\)\. Open http:\/\/localhost:\d+\//),
    });
  });

  it('hands a job from the API to the worker process', async () => {
    const id = await requestProbe(0);
    // No worker yet: the job waits in Redis.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await readProbe(id)).processedAt).toBeNull();
    const worker = await startWorker();
    expect(await processed(id)).toMatchObject({ attempts: 1, processedBy: expect.stringMatching(new RegExp(`:${worker.pid}$`)) });
  });

  it('retries a job whose worker was killed mid-job, on another worker', async () => {
    const first = workers.at(-1)!;
    const id = await requestProbe(3_000);
    await waitFor('the first worker to start the job', async () => (await readProbe(id)).attempts === 1);
    expect((await first.stop('SIGKILL')).signal).toBe('SIGKILL');
    const second = await startWorker();
    const probe = await processed(id);
    expect(probe.attempts).toBe(2);
    expect(probe.processedBy).toMatch(new RegExp(`:${second.pid}$`));
  });

  it('finishes the running job before it exits on SIGTERM', async () => {
    const worker = workers.at(-1)!;
    const id = await requestProbe(1_500);
    await waitFor('the worker to start the job', async () => (await readProbe(id)).attempts === 1);
    const exit = await worker.stop('SIGTERM');
    expect(exit.code).toBe(0);
    expect(await readProbe(id)).toMatchObject({ attempts: 1, processedBy: expect.stringMatching(new RegExp(`:${worker.pid}$`)) });
  });

  it('shows the queues on an operations dashboard behind the token', async () => {
    const refused = await fetch(`${url}/ops/queues`);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toMatch(/^Basic/);
    const auth = `Basic ${Buffer.from(`ops:${OPS_TOKEN}`).toString('base64')}`;
    const page = await fetch(`${url}/ops/queues`, { headers: { authorization: auth } });
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<html/i);
    const queues = await fetch(`${url}/ops/queues/api/queues`, { headers: { authorization: auth } });
    expect(((await queues.json()) as { queues: { name: string }[] }).queues.map((q) => q.name).sort()).toEqual([
      'import',
      'maintenance',
      'matching',
      'matching-rebuild',
      'notifications',
      'system',
    ]);

    // Administrators come in with their own access token; other people do not.
    const created = await runNode(CREATE_ADMIN, ['--email', 'ops.admin@exempel.se'], { input: `${PASSWORD}\n`, env: { PATH: process.env.PATH ?? '', ...env } });
    expect(created.status).toBe(0);
    const admin = (await login(url, 'ops.admin@exempel.se')).data!.login.accessToken;
    expect((await fetch(`${url}/ops/queues/api/queues`, { headers: { authorization: `Bearer ${admin}` } })).status).toBe(200);
    const someone = (await register(url, 'someone@exempel.se')).accessToken;
    expect((await fetch(`${url}/ops/queues/api/queues`, { headers: { authorization: `Bearer ${someone}` } })).status).toBe(401);

    // The refusal says who may come in, in the language the browser asks for.
    expect(await refused.text()).toBe('Jobbkön visas bara för driften (med driftens token) och för administratörer (med sin åtkomsttoken).');
    const inEnglish = await fetch(`${url}/ops/queues`, { headers: { 'accept-language': 'en' } });
    expect(await inEnglish.text()).toBe('The queue dashboard is for operators (with the operations token) and administrators (with their access token).');
  });

  it('hides introspection and stack traces in production', async () => {
    const introspection = await gql(url, '{ __schema { queryType { name } } }');
    expect(introspection.errors?.[0].message).toMatch(/introspection/i);
    const failure = await mutate(url, 'requestQueueProbe', { holdMs: -5 }, 'queueProbe { id }', bearer(OPS_TOKEN));
    expect(failure.errors?.[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'holdMs',
      fields: [{ path: ['holdMs'], code: 'OUT_OF_RANGE', message: 'Ange hur länge jobbet ska hållas: ett heltal från 0 till 600\u00a0000 millisekunder.' }],
    });
  });

  it('counts failed sign-ins in Redis, so every API process refuses a blocked account', async () => {
    await register(url, 'blocked@exempel.se');
    for (let i = 0; i < 2; i += 1) expect((await login(url, 'blocked@exempel.se', 'a wrong password!')).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await login(url, 'blocked@exempel.se')).errors?.[0].extensions?.code).toBe('TOO_MANY_REQUESTS');
    const port = String(await freePort());
    const secondApi = new NodeProcess(API_MAIN, { ...env, PORT: port });
    try {
      await waitForHttp(`http://127.0.0.1:${port}/health/ready`, secondApi);
      expect((await login(`http://127.0.0.1:${port}`, 'blocked@exempel.se')).errors?.[0].extensions?.code).toBe('TOO_MANY_REQUESTS');
    } finally {
      await secondApi.stop('SIGKILL');
    }
  });

  it('stops the API cleanly on SIGTERM', async () => {
    expect((await api.stop('SIGTERM')).code).toBe(0);
  });
});

describe('worker start-up', () => {
  it('refuses the embedded mode, saying what it needs', async () => {
    await expect(createWorker(loadConfig({}))).rejects.toThrow(/The worker needs REDIS_URL/);
    await expect(createWorker(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379' }))).rejects.toThrow(/The worker needs DATABASE_URL/);
  });
});
