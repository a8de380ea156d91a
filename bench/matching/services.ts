import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { JOBS } from '@samverka/engine';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import pg from 'pg';
import { freePort, waitFor } from '../support/polling.js';
import { findRepoRoot } from './context.js';

/**
 * The built Samverka processes (API and workers) as child processes in production mode, for the
 * sections that measure the whole system: a fresh PostgreSQL database on the machine's server, a queue
 * prefix of its own on the machine's Redis, a free port. Everything made here is removed by `close()`
 * (processes stopped, database dropped, Redis keys of the prefix deleted).
 *
 * PostgreSQL: BENCH_PG_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres, trust auth).
 * Redis: BENCH_REDIS_URL (default redis://127.0.0.1:6379).
 */
export const POSTGRES_ADMIN_URL = process.env.BENCH_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

const ROOT = findRepoRoot();
export const API_MAIN = path.join(ROOT, 'dist/apps/api/src/main.js');
export const WORKER_MAIN = path.join(ROOT, 'dist/apps/worker/src/main.js');
export const CREATE_ADMIN = path.join(ROOT, 'dist/apps/api/src/cli/create-admin.js');

export const WORKER_READY = /Samverka worker is taking jobs/;

export function uniqueName(prefix: string): string {
  return `${prefix}_${process.pid}_${randomBytes(3).toString('hex')}`;
}

// ------------------------------------------------------------------ PostgreSQL

/** A fresh, empty database on the machine's PostgreSQL; `drop()` removes it (connections and all). */
export class BenchDatabase {
  private constructor(
    readonly name: string,
    readonly url: string,
  ) {}

  static async create(label: string): Promise<BenchDatabase> {
    const name = uniqueName(`samverka_bench_${label}`);
    const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, application_name: 'samverka-bench-matching' });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${name}`);
    } finally {
      await admin.end();
    }
    const url = new URL(POSTGRES_ADMIN_URL);
    url.pathname = `/${name}`;
    return new BenchDatabase(name, url.toString());
  }

  /** A new connection to this database (the caller ends it). */
  async connect(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: this.url, application_name: 'samverka-bench-matching' });
    await client.connect();
    return client;
  }

  async drop(): Promise<void> {
    const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, application_name: 'samverka-bench-matching' });
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${this.name} WITH (FORCE)`);
    } finally {
      await admin.end();
    }
  }
}

// ------------------------------------------------------------------ Redis

/** Deletes every key of a queue prefix (BullMQ's `prefix:*` and the login throttle's `login-prefix:*`). */
export async function clearRedisPrefix(prefix: string): Promise<number> {
  const client = new Redis(REDIS_URL, { maxRetriesPerRequest: 1, lazyConnect: true });
  let deleted = 0;
  try {
    await client.connect();
    for (const pattern of [`${prefix}:*`, `login-${prefix}:*`]) {
      let cursor = '0';
      do {
        const [next, keys] = await client.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
        if (keys.length > 0) deleted += await client.del(...keys);
        cursor = next;
      } while (cursor !== '0');
    }
  } finally {
    client.disconnect();
  }
  return deleted;
}

// ------------------------------------------------------------------ processes

/** Every child started here, killed if this process exits without stopping them. */
const children = new Set<ChildProcess>();
let exitHookInstalled = false;
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      process.exit(130);
    });
  }
}

/** The output of a process is kept up to this many characters (the start and the most recent part). */
const MAX_LOG = 2_000_000;

/** A built Samverka process (API or worker), started with exactly the environment given. */
export class ServiceProcess {
  private readonly child: ChildProcess;
  private output = '';
  private dropped = 0;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** VmHWM read by the last `peakRssBytes()` (kept after the process is gone). */
  private lastPeak: number | null = null;

  constructor(
    readonly label: string,
    script: string,
    env: Record<string, string>,
  ) {
    if (!fs.existsSync(script)) throw new Error(`${script} is missing: run \`npm run build\` first`);
    installExitHook();
    this.child = spawn(process.execPath, [script], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.add(this.child);
    const append = (chunk: Buffer) => {
      this.output += chunk.toString('utf8');
      if (this.output.length > MAX_LOG) {
        const cut = this.output.length - MAX_LOG / 2;
        this.dropped += cut;
        this.output = this.output.slice(cut);
      }
    };
    this.child.stdout!.on('data', append);
    this.child.stderr!.on('data', append);
    this.exited = new Promise((resolve) =>
      this.child.once('exit', (code, signal) => {
        children.delete(this.child);
        resolve({ code, signal });
      }),
    );
  }

  get pid(): number {
    return this.child.pid!;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  get log(): string {
    return this.output;
  }

  /** Fails when the process has exited (with its last output). */
  assertRunning(): void {
    if (!this.running) throw new Error(`${this.label} (pid ${this.pid}) exited (${this.child.exitCode ?? this.child.signalCode}):\n${this.output.slice(-3000)}`);
  }

  async waitForLog(pattern: RegExp, timeoutMs = 60_000): Promise<void> {
    await waitFor(
      () => `${pattern} in the output of ${this.label} (pid ${this.pid}):\n${this.output.slice(-3000)}`,
      () => {
        this.assertRunning();
        return pattern.test(this.output);
      },
      timeoutMs,
    );
  }

  /**
   * The process's peak resident set (VmHWM of /proc/<pid>/status, Linux) so far, in bytes; null where
   * /proc is not there. Read it just before stopping the process.
   */
  peakRssBytes(): number | null {
    try {
      const status = fs.readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const kb = /^VmHWM:\s+(\d+)\s+kB/m.exec(status);
      if (kb) this.lastPeak = Number(kb[1]) * 1024;
    } catch {
      // gone, or not Linux
    }
    return this.lastPeak;
  }

  /** CPU time (user + system) the process has used so far, in ms; null where /proc is not there. */
  cpuMs(): number | null {
    return processCpuMs(this.pid);
  }

  /** Log lines at warn (40) or above, parsed from pino's JSON lines. */
  problems(): { level: number; msg: string }[] {
    const out: { level: number; msg: string }[] = [];
    for (const line of this.output.split('\n')) {
      if (!line.startsWith('{')) {
        if (/error|exception/i.test(line)) out.push({ level: 50, msg: line.slice(0, 300) });
        continue;
      }
      try {
        const entry = JSON.parse(line) as { level?: number; msg?: string; err?: { message?: string } };
        if ((entry.level ?? 0) >= 40) out.push({ level: entry.level!, msg: (entry.msg ?? entry.err?.message ?? line).slice(0, 300) });
      } catch {
        // a partial line
      }
    }
    return out;
  }

  /** SIGTERM (a graceful shutdown), SIGKILL after `graceMs`. */
  async stop(graceMs = 30_000): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    if (this.running) {
      this.child.kill('SIGTERM');
      const timer = setTimeout(() => {
        if (this.running) this.child.kill('SIGKILL');
      }, graceMs);
      const result = await this.exited;
      clearTimeout(timer);
      return result;
    }
    return this.exited;
  }

  kill(): void {
    if (this.running) this.child.kill('SIGKILL');
  }
}

// ------------------------------------------------------------------ CPU time (Linux /proc)

let clockTicks: number | undefined;
function ticksPerSecond(): number {
  if (clockTicks === undefined) {
    const out = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
    clockTicks = Number(out.stdout?.trim()) || 100;
  }
  return clockTicks;
}

/** utime + stime of a process from /proc/<pid>/stat, in ms; null when it cannot be read. */
export function processCpuMs(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (2nd field) is in parentheses and may hold spaces: count from after it.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) / ticksPerSecond()) * 1000;
  } catch {
    return null;
  }
}

/** CPU time of every process named `name` (e.g. postgres), by pid. */
export function cpuByName(name: string): Map<number, number> {
  const out = new Map<number, number>();
  let entries: string[];
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return out;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/comm`, 'utf8').trim() !== name) continue;
      const ms = processCpuMs(Number(entry));
      if (ms !== null) out.set(Number(entry), ms);
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/**
 * Measures the CPU time the machine's PostgreSQL server processes use between `start()` and `stop()`
 * (backends that exit in between are lost: the workers' pooled connections live through a run).
 */
export class PostgresCpu {
  private before = new Map<number, number>();

  start(): this {
    this.before = cpuByName('postgres');
    return this;
  }

  stopMs(): number {
    let total = 0;
    for (const [pid, ms] of cpuByName('postgres')) total += ms - (this.before.get(pid) ?? 0);
    return total;
  }
}

// ------------------------------------------------------------------ GraphQL

export interface GraphQLAnswer<T> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export async function graphql<T = Record<string, unknown>>(baseUrl: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<GraphQLAnswer<T>> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphQLAnswer<T>, 'status'>;
  return { status: response.status, ...body };
}

/** The data of an answer, or an error naming what failed and why. */
export function dataOf<T>(what: string, answer: GraphQLAnswer<T>): T {
  if (answer.errors?.length || !answer.data) throw new Error(`${what} failed (HTTP ${answer.status}): ${JSON.stringify(answer.errors ?? answer)}`);
  return answer.data;
}

// ------------------------------------------------------------------ a whole system

export interface SystemOptions {
  /** Used in the database name. */
  label: string;
  /** Added to (or replacing) the environment of every process. */
  env?: Record<string, string>;
  /** Added to the environment of the workers only. */
  workerEnv?: Record<string, string>;
}

/**
 * One Samverka installation for a benchmark: its own database, queue prefix and port; the API and any
 * number of workers started on demand. `close()` undoes everything.
 */
export class BenchSystem {
  readonly prefix: string;
  readonly processes: ServiceProcess[] = [];
  api?: ServiceProcess;
  private workerCount = 0;

  private constructor(
    readonly database: BenchDatabase,
    readonly port: number,
    private readonly options: SystemOptions,
  ) {
    this.prefix = uniqueName(`bench_${options.label}`).replace(/[^A-Za-z0-9_-]/g, '_');
  }

  static async create(options: SystemOptions): Promise<BenchSystem> {
    for (const script of [API_MAIN, WORKER_MAIN, CREATE_ADMIN]) {
      if (!fs.existsSync(script)) throw new Error(`${script} is missing: run \`npm run build\` first`);
    }
    const database = await BenchDatabase.create(options.label);
    return new BenchSystem(database, await freePort(), options);
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The production environment every process gets. */
  env(): Record<string, string> {
    return {
      NODE_ENV: 'production',
      DATABASE_URL: this.database.url,
      REDIS_URL,
      QUEUE_PREFIX: this.prefix,
      JWT_SECRET: 'samverka-bench-matching-jwt-secret-0123456789',
      PORT: String(this.port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      MATCHING_TOP_N: '50',
      DEMO_DATA: 'off',
      ...this.options.env,
    };
  }

  /** Starts the API (which migrates the fresh database) and waits for GET /health/ready = 200. */
  async startApi(timeoutMs = 120_000): Promise<ServiceProcess> {
    if (this.api?.running) return this.api;
    const api = await this.start(
      () => new ServiceProcess('api', API_MAIN, this.env()),
      async (api) => {
        await waitFor(
          () => `${this.url}/health/ready to answer 200; output of the API so far:\n${api.log.slice(-3000)}`,
          async () => {
            api.assertRunning();
            return (await fetch(`${this.url}/health/ready`).catch(() => undefined))?.status === 200;
          },
          timeoutMs,
          100,
        );
      },
    );
    this.api = api;
    return api;
  }

  /**
   * Starts a worker and waits for its "Samverka worker is taking jobs" line. That line is logged at
   * info, so workers run with LOG_LEVEL=info (at warn they print nothing at all, ready or not); at
   * info a worker logs a few lines per rebuild and nothing per job.
   */
  async startWorker(timeoutMs = 120_000): Promise<ServiceProcess> {
    this.workerCount += 1;
    const label = `worker ${this.workerCount}`;
    return this.start(
      () =>
        new ServiceProcess(label, WORKER_MAIN, {
          ...this.env(),
          LOG_LEVEL: 'info',
          // The young generation `npm run start:worker` and the worker image give it (README, "Production mode");
          // BENCH_WORKER_NODE_OPTIONS replaces it (for example with a heap limit).
          NODE_OPTIONS: process.env.BENCH_WORKER_NODE_OPTIONS ?? '--max-semi-space-size=32',
          ...this.options.workerEnv,
        }),
      (worker) => worker.waitForLog(WORKER_READY, timeoutMs),
    );
  }

  /**
   * Starts a process and waits until it is ready. dist/ is shared with whoever else runs `npm run
   * build` (which empties it first): a process that dies because a module is missing is started again
   * a little later, at most three times.
   */
  private async start(create: () => ServiceProcess, ready: (p: ServiceProcess) => Promise<void>): Promise<ServiceProcess> {
    for (let attempt = 1; ; attempt++) {
      await waitFor('dist/ to be built (API and worker entry points)', () => [API_MAIN, WORKER_MAIN, CREATE_ADMIN].every((f) => fs.existsSync(f)), 120_000, 500);
      const child = create();
      this.processes.push(child);
      try {
        await ready(child);
        return child;
      } catch (error) {
        const missing = /ERR_MODULE_NOT_FOUND|Cannot find module/.test(child.log);
        child.kill();
        await child.exited;
        if (!missing || attempt >= 3) throw error;
        console.error(`[bench:matching] ${child.label} could not load a module (dist/ being rebuilt?); starting it again in 15 s`);
        await sleep(15_000);
      }
    }
  }

  /** `node dist/apps/api/src/cli/create-admin.js --email …` with the password on stdin. */
  createAdmin(email: string, password: string): void {
    const result = spawnSync(process.execPath, [CREATE_ADMIN, '--email', email], {
      cwd: ROOT,
      input: `${password}\n`,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', ...this.env() },
      timeout: 120_000,
    });
    if (result.status !== 0) throw new Error(`create-admin failed (${result.status ?? result.signal}): ${result.stderr}${result.stdout}`);
  }

  async login(email: string, password: string): Promise<string> {
    const answer = await graphql<{ login: { accessToken: string } }>(this.url, 'mutation($i: LoginInput!) { login(input: $i) { accessToken } }', { i: { email, password } });
    return dataOf(`login ${email}`, answer).login.accessToken;
  }

  /** An administrator, created with the CLI, signed in: its access token. */
  async administrator(email = 'admin@bench.samverka.se', password = 'bench-admin-password-0123'): Promise<string> {
    this.createAdmin(email, password);
    return this.login(email, password);
  }

  graphql<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<GraphQLAnswer<T>> {
    return graphql<T>(this.url, query, variables, token);
  }

  /**
   * Waits until no matching.upkeep job is waiting or running and the next one is at least `marginMs`
   * away. A worker upserts the sweep's schedule when it starts, and BullMQ then runs it at once; a
   * benchmark that wants to start a rebuild itself waits for that sweep to be over first.
   */
  async waitForIdleSweep(marginMs = 4_000, timeoutMs = 60_000): Promise<{ nextSweepInMs: number | null }> {
    const connection = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
    const queue = new Queue(JOBS['matching.upkeep'].queue, { connection, prefix: this.prefix });
    try {
      return await waitFor(
        'the matching sweep to be idle',
        async () => {
          const pending = await queue.getJobs(['active', 'waiting', 'prioritized'], 0, 100);
          if (pending.some((j) => j.name === 'matching.upkeep')) return false;
          const due = (await queue.getJobs(['delayed'], 0, 100)).filter((j) => j.name === 'matching.upkeep').map((j) => j.timestamp + (j.delay ?? 0));
          const next = due.length > 0 ? Math.min(...due) - Date.now() : null;
          return next === null || next >= marginMs ? { nextSweepInMs: next } : false;
        },
        timeoutMs,
        100,
      );
    } finally {
      await queue.close();
      connection.disconnect();
    }
  }

  /** Warn and error lines of every process so far, by process. */
  problems(): { label: string; pid: number; problems: { level: number; msg: string }[] }[] {
    return this.processes.map((p) => ({ label: p.label, pid: p.pid, problems: p.problems() })).filter((p) => p.problems.length > 0);
  }

  /** Stops every process, drops the database and deletes the prefix's Redis keys. */
  async close(): Promise<void> {
    await Promise.all(this.processes.map((p) => p.stop(15_000).catch(() => undefined)));
    const failures: unknown[] = [];
    await this.database.drop().catch((error: unknown) => failures.push(error));
    await clearRedisPrefix(this.prefix).catch((error: unknown) => failures.push(error));
    if (failures.length > 0) console.error(`[bench:matching] clean-up of ${this.database.name} / ${this.prefix} failed:`, ...failures);
  }
}

/** Formats the problems of a system's processes for a note (empty when there are none). */
export function describeProblems(system: BenchSystem): string[] {
  return system.problems().map(({ label, pid, problems }) => {
    const errors = problems.filter((p) => p.level >= 50).length;
    const sample = [...new Set(problems.map((p) => p.msg))].slice(0, 3).join(' | ');
    return `${label} (pid ${pid}) logged ${problems.length} warning/error line(s) (${errors} at error or above), e.g.: ${sample}`;
  });
}
