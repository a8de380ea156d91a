import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Helpers shared by the benchmarks and the test suites (which import them from here): polling for a
 * condition, and a free port.
 */

/** Polls until `check` returns something other than undefined/false; fails with `what` after the timeout. */
export async function waitFor<T>(what: string | (() => string), check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 15_000, everyMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    await sleep(everyMs);
  }
  const label = typeof what === 'function' ? what() : what;
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${label}${lastError ? `: ${String(lastError)}` : ''}`);
}

/** A port that was free a moment ago. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
