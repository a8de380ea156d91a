import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

const root = fileURLToPath(new URL('../..', import.meta.url));
/** Where the server's output goes during the run. */
export const SERVER_LOG = path.join(root, 'dist', 'e2e', 'server.log');

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    demoPassword: string;
  }
}

async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Resolves when the server answers its health check; rejects when it exits first. */
async function readyOf(child: ChildProcess, baseUrl: string, output: string[]): Promise<void> {
  let exited: string | null = null;
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.once('exit', (code) => (exited = `the server exited (${code}) before it was ready:\n${output.join('').slice(-4000)}`));
  for (;;) {
    if (exited) throw new Error(exited);
    const ok = await fetch(`${baseUrl}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Starts the built API with the built web app on a new embedded installation (the demo is seeded on its first start). */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  for (const built of ['dist/apps/api/src/main.js', 'dist/web/index.html']) {
    if (!existsSync(path.join(root, built))) throw new Error(`${built} is missing: run npm run build && npm run build:web first`);
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'samverka-e2e-'));
  const port = await freePort();
  const output: string[] = [];
  const baseUrl = `http://127.0.0.1:${port}`;
  // The embedded default, as `npm start` runs it: PGlite and the in-process queue.
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'development', DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: baseUrl };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  const server = spawn(process.execPath, ['dist/apps/api/src/main.js'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  // The server's log, for the summary to quote when a test fails.
  mkdirSync(path.dirname(SERVER_LOG), { recursive: true });
  const log = createWriteStream(SERVER_LOG);
  server.stdout.pipe(log);
  server.stderr.pipe(log);
  await readyOf(server, baseUrl, output);
  project.provide('baseUrl', baseUrl);
  project.provide('demoPassword', readFileSync(path.join(dataDir, 'demo-password'), 'utf8').trim());
  return async () => {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  };
}
