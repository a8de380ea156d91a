import { Global, Inject, Logger, Module, type DynamicModule, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/config.module.js';
import { type AppConfig } from '../config/app-config.js';
import { Database } from './database.js';

/** Runs right after the database is open and migrated, before any feature uses it (the reference data). */
export type DatabaseOpenHook = (database: Database, logger: Logger) => Promise<void>;

/** Providers of repositories: each takes the DataSource and is provided under its own class. */
export function repositoryProviders(...repositories: (new (dataSource: DataSource) => object)[]): Provider[] {
  return repositories.map((repository) => ({ provide: repository, inject: [Database], useFactory: (db: Database) => new repository(db.dataSource) }));
}

class DatabaseLifecycle implements OnApplicationShutdown {
  constructor(@Inject(Database) private readonly database: Database) {}

  async onApplicationShutdown(): Promise<void> {
    await this.database.close();
  }
}

/** Opens the database (PostgreSQL or embedded PGlite), applies migrations and runs the open hooks. */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(hooks: DatabaseOpenHook[] = []): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        {
          provide: Database,
          inject: [APP_CONFIG],
          useFactory: async (config: AppConfig) => {
            const logger = new Logger('Database');
            const database = await Database.open(config.database, { applicationName: 'samverka' });
            const where = config.database.driver === 'pglite' ? `embedded PGlite in ${config.database.dataDir}` : 'PostgreSQL';
            logger.log(`connected to ${where}; schema at ${(await database.appliedMigrations())[0] ?? 'no migration'}`);
            try {
              for (const hook of hooks) await hook(database, logger);
            } catch (error) {
              await database.close();
              throw error;
            }
            return database;
          },
        },
        DatabaseLifecycle,
      ],
      exports: [Database],
    };
  }
}
