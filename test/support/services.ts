import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';

/**
 * Where the tests find the machine's services (resolved by global-setup.js); each test makes a database
 * and a queue prefix of its own.
 */
export const POSTGRES_ADMIN_URL = process.env.SAMVERKA_TEST_POSTGRES_URL!;
export const REDIS_TEST_URL = process.env.SAMVERKA_TEST_REDIS_URL!;

export type ServiceName = 'PostgreSQL' | 'Redis';

/** Set by the global setup: which services this run has. */
export function available(service: ServiceName): boolean {
  return process.env[`SAMVERKA_TEST_${service.toUpperCase()}`] === 'up';
}

/** `describe` when all the services are up, else `describe.skip` (the global setup said why, once). */
export function describeWith(services: ServiceName[]): jest.Describe {
  return services.every(available) ? describe : describe.skip;
}

export function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh PostgreSQL database on the test server, dropped by `drop()`. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = uniqueName('samverka_test');
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** Deletes every Redis key under a BullMQ prefix. */
export async function clearRedisPrefix(prefix: string): Promise<void> {
  const client = new Redis(REDIS_TEST_URL, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length > 0) await client.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    client.disconnect();
  }
}

/** A throw-away folder, removed by the returned function. */
export function tempDir(label: string): { dir: string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `samverka-${label}-`));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
