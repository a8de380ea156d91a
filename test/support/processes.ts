import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { waitFor } from './wait.js';

export { freePort } from '../../bench/support/polling.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
export const API_MAIN = path.join(ROOT, 'dist/apps/api/src/main.js');
export const WORKER_MAIN = path.join(ROOT, 'dist/apps/worker/src/main.js');
export const CREATE_ADMIN = path.join(ROOT, 'dist/apps/api/src/cli/create-admin.js');

/**
 * Runs a built command to its end without blocking the test's event loop (spawnSync would: the HTTP
 * client then misses a server closing an idle kept-alive connection, and the next request dies on it
 * with "other side closed").
 */
export function runNode(
  script: string,
  args: readonly string[],
  options: { input?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { env: options.env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

/** A built Samverka process (api or worker), started with exactly the environment given. */
export class NodeProcess {
  private readonly child: ChildProcess;
  private output = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  constructor(script: string, env: Record<string, string>) {
    if (!fs.existsSync(script)) throw new Error(`${script} is missing: run \`npm run build\` first`);
    this.child = spawn(process.execPath, [script], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout!.on('data', (chunk) => (this.output += chunk));
    this.child.stderr!.on('data', (chunk) => (this.output += chunk));
    this.exited = new Promise((resolve) => this.child.once('exit', (code, signal) => resolve({ code, signal })));
  }

  get pid(): number {
    return this.child.pid!;
  }

  get log(): string {
    return this.output;
  }

  async waitForLog(pattern: RegExp, timeoutMs = 30_000): Promise<void> {
    await waitFor(`${pattern} in the output of process ${this.pid}:\n${this.output.slice(-2000)}`, () => pattern.test(this.output), timeoutMs);
  }

  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
    return this.exited;
  }
}

/** Waits until GET url answers 200. */
export async function waitForHttp(url: string, proc?: NodeProcess, timeoutMs = 60_000): Promise<void> {
  await waitFor(
    `${url} to answer 200${proc ? `; output so far:\n${proc.log.slice(-2000)}` : ''}`,
    async () => (await fetch(url).catch(() => undefined))?.status === 200,
    timeoutMs,
    200,
  );
}
