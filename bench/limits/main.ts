import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { findRepoRoot } from '../matching/context.js';
import { writeMarkedSection } from '../performance-doc.js';
import { freePort, waitFor } from '../support/polling.js';

/**
 * `npm run bench:limits -- [--rounds N] [--no-write]`
 *
 * Starts the built API in the embedded mode with the demo data, and measures how fast it refuses what
 * the request limits are for (floods of aliases and searches, nested pages, deep variables, a large
 * body), and how long an ordinary query (a page of 20 needs with their buyers) takes when the API is
 * idle and while 8 clients keep sending floods. Writes the results between the bench:limits markers of
 * docs/performance.md.
 */
interface Args {
  rounds: number;
  write: boolean;
}

const USAGE = 'Usage: npm run bench:limits -- [--rounds N] [--no-write]';
const ROOT = findRepoRoot();

export function parseArgs(argv: readonly string[]): Args {
  const args: Args = { rounds: 200, write: true };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    if (flag === '--rounds') {
      const value = Number(inline ?? argv[++i]);
      if (!Number.isInteger(value) || value < 1) throw new Error(`--rounds must be a positive integer\n${USAGE}`);
      args.rounds = value;
    } else if (flag === '--no-write') args.write = false;
    else throw new Error(`Unknown argument ${argv[i]}\n${USAGE}`);
  }
  return args;
}

const aliases = (count: number, field: string) => `query { ${Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(' ')} }`;

/** What an attacker sends, each refused before it runs, with the status it must get. */
const FLOODS: { name: string; body: string; status: number }[] = [
  { name: '1,000 aliases of a search (52 kB)', body: JSON.stringify({ query: aliases(1000, 'cpvCodes(first:1,search:"omsorg"){totalCount}') }), status: 400 },
  {
    name: '29 searches of 100 codes with their children',
    body: JSON.stringify({ query: aliases(29, 'cpvCodes(first: 100, search: "omsorg") { nodes { code labelSv children { code } } }') }),
    status: 400,
  },
  {
    name: 'nested pages of 100',
    body: JSON.stringify({ query: '{ organizations(first: 100) { nodes { offers(first: 100) { nodes { need { matches(first: 100) { nodes { score } } } } } } } }' }),
    status: 400,
  },
  { name: 'variables nested 5,000 deep', body: `{"query":"query($v: [String]) { needs { totalCount } }","variables":{"v":${'['.repeat(5000)}${']'.repeat(5000)}}}`, status: 400 },
  { name: 'a body of 100 kB', body: JSON.stringify({ query: '{ __typename }', padding: 'x'.repeat(100_000) }), status: 413 },
];

const ORDINARY = JSON.stringify({ query: '{ needs(first: 20) { totalCount nodes { id title status responseDeadline buyer { id name } } } }' });

async function send(url: string, body: string): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  await response.arrayBuffer();
  return { status: response.status, ms: performance.now() - started };
}

function percentiles(samples: number[]): { p50: number; p95: number; max: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] };
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-bench-limits-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/graphql`;
  let api: ChildProcess | undefined;
  try {
    api = spawn(process.execPath, [path.join(ROOT, 'dist/apps/api/src/main.js')], {
      env: { ...process.env, NODE_ENV: 'development', PORT: String(port), DATA_DIR: dataDir, DEMO_DATA: 'on', LOG_LEVEL: 'warn', DATABASE_URL: '', REDIS_URL: '' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    await waitFor('the API to answer', async () => (await send(url, ORDINARY)).status === 200, 180_000, 250);

    console.error('[bench:limits] refusals…');
    const refusals: { name: string; p50: number; p95: number; max: number }[] = [];
    for (const flood of FLOODS) {
      const samples: number[] = [];
      for (let round = 0; round < args.rounds; round++) {
        const { status, ms: took } = await send(url, flood.body);
        if (status !== flood.status) throw new Error(`${flood.name}: answered ${status}, expected ${flood.status}`);
        samples.push(took);
      }
      refusals.push({ name: flood.name, ...percentiles(samples) });
    }

    console.error('[bench:limits] an ordinary query, idle and under floods…');
    const ordinary = async () => {
      const samples: number[] = [];
      for (let round = 0; round < args.rounds; round++) {
        const { status, ms: took } = await send(url, ORDINARY);
        if (status !== 200) throw new Error(`the ordinary query answered ${status}`);
        samples.push(took);
      }
      return percentiles(samples);
    };
    const idle = await ordinary();
    let flooding = true;
    let refused = 0;
    const attackers = Array.from({ length: 8 }, async (_, i) => {
      while (flooding) {
        const flood = FLOODS[i % FLOODS.length];
        const { status } = await send(url, flood.body);
        if (status !== flood.status) throw new Error(`${flood.name}: answered ${status} under load`);
        refused += 1;
      }
    });
    const underFloods = await ordinary();
    flooding = false;
    await Promise.all(attackers);

    const cpus = os.cpus();
    const load = os
      .loadavg()
      .map((value) => value.toFixed(1))
      .join(', ');
    const body = [
      '## Request limits: refusals and an ordinary query under floods',
      '',
      `Measured ${new Date().toISOString()} with \`npm run bench:limits -- --rounds ${args.rounds}\` (the built API in the embedded mode with the demo data; each request over HTTP on this machine).`,
      '',
      `Machine: ${cpus[0]?.model.trim() ?? 'unknown'}, ${cpus.length} cores, ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB RAM; Node ${process.version}; load average at the end ${load} (other processes shared the cores).`,
      '',
      '| refused | p50 | p95 | max |',
      '|---|---:|---:|---:|',
      ...refusals.map((r) => `| ${r.name} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.max)} |`),
      '',
      `A page of 20 needs with their buyers (${args.rounds} requests one after the other):`,
      '',
      '| | p50 | p95 | max |',
      '|---|---:|---:|---:|',
      `| idle | ${ms(idle.p50)} | ${ms(idle.p95)} | ${ms(idle.max)} |`,
      `| while 8 clients send the floods above (${refused} refused meanwhile) | ${ms(underFloods.p50)} | ${ms(underFloods.p95)} | ${ms(underFloods.max)} |`,
      '',
      'Each refusal costs a few milliseconds of the one event loop, so 8 clients sending them back to back slow an ordinary query down by queueing, not by blocking it; before the limits, one request of 1,000 aliases of `cpvCodes(first: 1, search: "omsorg")` had run 23 s (production build on PostgreSQL) and held up every other request for as long.',
    ].join('\n');
    console.log(body);
    if (args.write) console.error(`[bench:limits] wrote ${writeMarkedSection(ROOT, 'bench:limits', body)}`);
  } finally {
    api?.kill('SIGTERM');
    if (api && api.exitCode === null) await new Promise((resolve) => api!.once('exit', resolve));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
