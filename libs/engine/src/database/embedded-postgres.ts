import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedEndpoint {
  host: string;
  port: number;
}

/**
 * PGlite (PostgreSQL compiled to WebAssembly) on a local data folder, served on a loopback port through
 * pglite-socket so that the ordinary `pg` driver, and with it the production code path, connects to it.
 */
export class EmbeddedPostgres {
  private constructor(
    private readonly db: PGlite,
    private readonly server: PGLiteSocketServer,
    private readonly lockFile: string,
    readonly endpoint: EmbeddedEndpoint,
  ) {}

  /**
   * Opens (creating on first use) the data folder. `maxConnections` must be at least the sum of every
   * pool that connects: all connections share one backend and run one statement at a time.
   */
  static async start(dataDir: string, maxConnections: number): Promise<EmbeddedPostgres> {
    fs.mkdirSync(dataDir, { recursive: true });
    const lockFile = acquireLock(dataDir);
    try {
      const db = await PGlite.create(dataDir);
      const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections });
      await server.start();
      const [host, port] = server.getServerConn().split(':');
      return new EmbeddedPostgres(db, server, lockFile, { host, port: Number(port) });
    } catch (error) {
      releaseLock(lockFile);
      throw error;
    }
  }

  async stop(): Promise<void> {
    await this.server.stop();
    await this.db.close();
    releaseLock(this.lockFile);
  }
}

/** The data folder is open in another process (or already in this one). */
export class DatabaseInUseError extends Error {
  override name = 'DatabaseInUseError';
}

/** Data folders this process has open. */
const openHere = new Set<string>();

/** A PGlite data folder must only be opened once at a time; a second opener would corrupt it. */
function acquireLock(dataDir: string): string {
  const lockFile = path.join(dataDir, 'samverka.pid');
  if (openHere.has(lockFile)) {
    throw new DatabaseInUseError(`The embedded database in ${dataDir} is already open in this process.`);
  }
  try {
    fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
    openHere.add(lockFile);
    return lockFile;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const holder = Number(fs.readFileSync(lockFile, 'utf8').trim());
  if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)) {
    throw new DatabaseInUseError(`The embedded database in ${dataDir} is in use by process ${holder}. ` + 'Stop that process, or set DATA_DIR to another folder.');
  }
  // The previous holder is gone (it crashed or was killed): take the folder over.
  fs.writeFileSync(lockFile, String(process.pid));
  openHere.add(lockFile);
  return lockFile;
}

function releaseLock(lockFile: string): void {
  openHere.delete(lockFile);
  fs.rmSync(lockFile, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
