import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@samverka/config';
import { Database } from './database.js';
import { QueueProbeRepository } from './repositories/queue-probe.repository.js';

class DatabaseLifecycle implements OnApplicationShutdown {
  constructor(@Inject(Database) private readonly database: Database) {}

  async onApplicationShutdown(): Promise<void> {
    await this.database.close();
  }
}

/** Opens the database (PostgreSQL or embedded PGlite), applies migrations, and provides repositories. */
@Global()
@Module({
  providers: [
    {
      provide: Database,
      inject: [APP_CONFIG],
      useFactory: async (config: AppConfig) => {
        const logger = new Logger('Database');
        const database = await Database.open(config.database, { applicationName: 'samverka' });
        const where = config.database.driver === 'pglite' ? `embedded PGlite in ${config.database.dataDir}` : 'PostgreSQL';
        logger.log(`connected to ${where}; schema at ${(await database.appliedMigrations())[0] ?? 'no migration'}`);
        return database;
      },
    },
    DatabaseLifecycle,
    { provide: QueueProbeRepository, inject: [Database], useFactory: (db: Database) => new QueueProbeRepository(db.dataSource) },
  ],
  exports: [Database, QueueProbeRepository],
})
export class DatabaseModule {}
