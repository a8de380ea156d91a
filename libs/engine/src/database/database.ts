import { DataSource, type DataSourceOptions, type EntityManager, type Logger as TypeOrmLogger } from 'typeorm';
import type { DatabaseConfig } from '../config/app-config.js';
import { EmbeddedPostgres } from './embedded-postgres.js';
import { entities, migrations } from '@samverka/schema';

/** Serialises migrations between processes that start at the same time (api replicas, worker). */
const MIGRATION_LOCK_KEY = 7_316_202_611;

export interface OpenDatabaseOptions {
  /** Apply pending migrations after connecting (default true). */
  migrate?: boolean;
  logger?: TypeOrmLogger;
  applicationName?: string;
}

/**
 * One open database: a TypeORM DataSource on PostgreSQL (DATABASE_URL) or on embedded PGlite, with the
 * same driver, the same entities and the same migrations. Never `synchronize`.
 */
export class Database {
  private constructor(
    readonly driver: DatabaseConfig['driver'],
    readonly dataSource: DataSource,
    private readonly statements: StatementListeners,
    private readonly embedded?: EmbeddedPostgres,
  ) {}

  /**
   * Calls `listener` with every SQL statement sent from now on (for measurements and tests); returns
   * the function that stops it.
   */
  onStatement(listener: (sql: string) => void): () => void {
    this.statements.add(listener);
    return () => this.statements.delete(listener);
  }

  static async open(config: DatabaseConfig, options: OpenDatabaseOptions = {}): Promise<Database> {
    const statements: StatementListeners = new Set();
    const embedded = config.driver === 'pglite' ? await EmbeddedPostgres.start(config.dataDir, 2) : undefined;
    try {
      const connection = embedded
        ? { host: embedded.endpoint.host, port: embedded.endpoint.port, username: 'postgres', database: 'postgres' }
        : { url: config.driver === 'postgres' ? config.url : undefined };
      const dataSource = new DataSource({
        type: 'postgres',
        ...connection,
        entities,
        migrations,
        migrationsTableName: 'schema_migrations',
        migrationsTransactionMode: 'each',
        synchronize: false,
        // 'query' reaches only the listeners, which are usually none; errors are thrown to the caller.
        logging: ['query', 'error', 'warn', 'migration'],
        logger: new StatementLogger(statements, options.logger),
        applicationName: options.applicationName ?? 'samverka',
        // pglite-socket runs the statements of all connections on one backend and interleaves their
        // protocol messages outside transactions (one connection's Parse can land between another's
        // Parse and Bind): on PGlite every query goes through one connection.
        extra: { max: config.driver === 'pglite' ? 1 : config.poolSize },
      } satisfies DataSourceOptions);
      await dataSource.initialize();
      const database = new Database(config.driver, dataSource, statements, embedded);
      if (options.migrate !== false) await database.migrate();
      return database;
    } catch (error) {
      await embedded?.stop();
      throw error;
    }
  }

  /** Applies pending migrations; returns the names applied. */
  async migrate(): Promise<string[]> {
    return this.withMigrationLock(async () => (await this.dataSource.runMigrations({ transaction: 'each' })).map((m) => m.name));
  }

  /** Reverts the most recent migration; returns its name, or undefined when none is applied. */
  async revertLast(): Promise<string | undefined> {
    return this.withMigrationLock(async () => {
      const [last] = await this.appliedMigrations();
      if (!last) return undefined;
      await this.dataSource.undoLastMigration({ transaction: 'each' });
      return last;
    });
  }

  /** Names of applied migrations, newest first. */
  async appliedMigrations(): Promise<string[]> {
    const exists: { present: boolean }[] = await this.dataSource.query(`SELECT to_regclass('schema_migrations') IS NOT NULL AS present`);
    if (!exists[0]?.present) return [];
    const rows: { name: string }[] = await this.dataSource.query(`SELECT name FROM schema_migrations ORDER BY timestamp DESC, id DESC`);
    return rows.map((r) => r.name);
  }

  async ping(): Promise<void> {
    await this.dataSource.query('SELECT 1');
  }

  /** Runs `work` in one transaction; the callbacks it registers with `afterCommit` run once it commits. */
  async transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    const afterCommit: (() => unknown)[] = [];
    const result = await this.dataSource.transaction((manager) => work({ manager, afterCommit: (callback) => void afterCommit.push(callback) }));
    // Every callback runs even if one fails: the data is committed, so each follow-up gets its chance.
    const failures: unknown[] = [];
    for (const callback of afterCommit) {
      try {
        await callback();
      } catch (error) {
        failures.push(error);
      }
    }
    if (failures.length > 0) throw failures[0];
    return result;
  }

  async close(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
    await this.embedded?.stop();
  }

  private async withMigrationLock<T>(work: () => Promise<T>): Promise<T> {
    // A PGlite folder belongs to one process (see embedded-postgres.ts), and its single connection is
    // needed by the migrations themselves.
    if (this.driver === 'pglite') return work();
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
      try {
        return await work();
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
      }
    } finally {
      await runner.release();
    }
  }
}

export interface Transaction {
  manager: EntityManager;
  /** Called after the transaction commits; never when it rolls back. */
  afterCommit(callback: () => unknown): void;
}

type StatementListeners = Set<(sql: string) => void>;

/** Hands each statement to the listeners, and everything else to the caller's logger, if any. */
class StatementLogger implements TypeOrmLogger {
  constructor(
    private readonly listeners: StatementListeners,
    private readonly inner?: TypeOrmLogger,
  ) {}

  logQuery(query: string): void {
    for (const listener of this.listeners) listener(query);
  }

  logQueryError(error: string | Error, query: string, parameters?: unknown[]): void {
    this.inner?.logQueryError(error, query, parameters);
  }

  logQuerySlow(time: number, query: string, parameters?: unknown[]): void {
    this.inner?.logQuerySlow(time, query, parameters);
  }

  logSchemaBuild(message: string): void {
    this.inner?.logSchemaBuild(message);
  }

  logMigration(message: string): void {
    this.inner?.logMigration(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    this.inner?.log(level, message);
  }
}
