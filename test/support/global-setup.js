import { Redis } from 'ioredis';
import pg from 'pg';

/**
 * Checks once which services the machine has and tells the test files through the environment. In CI a
 * missing service fails the run; elsewhere the tests that need it are skipped, and this says so in one
 * plain line per service. (Plain JavaScript: Jest loads global setup without the TypeScript transform.)
 */
export default async function globalSetup() {
  const ci = process.env.CI === 'true' || process.env.CI === '1';
  const postgresUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const redisUrl = process.env.TEST_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  process.env.SAMVERKA_TEST_POSTGRES_URL = postgresUrl;
  process.env.SAMVERKA_TEST_REDIS_URL = redisUrl;
  const checks = [
    { name: 'PostgreSQL', key: 'POSTGRESQL', where: redact(postgresUrl), problem: await probePostgres(postgresUrl) },
    { name: 'Redis', key: 'REDIS', where: redact(redisUrl), problem: await probeRedis(redisUrl) },
  ];
  for (const check of checks) {
    process.env[`SAMVERKA_TEST_${check.key}`] = check.problem ? 'down' : 'up';
    if (!check.problem) continue;
    if (ci) throw new Error(`${check.name} is not reachable at ${check.where} (${check.problem}); CI needs it.`);
    process.stdout.write(`\n${check.name} is not reachable at ${check.where}: the tests that need it are skipped (CI runs them).\n`);
  }
}

async function probePostgres(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (error) {
    return error?.message || String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function probeRedis(url) {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 3000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
    return undefined;
  } catch (error) {
    return error?.message || String(error);
  } finally {
    client.disconnect();
  }
}

function redact(url) {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
