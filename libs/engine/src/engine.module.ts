import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { DatabaseModule, type DatabaseOpenHook } from './database/database.module.js';
import { AccessService } from './graphql/access.service.js';
import { LoaderFactory } from './graphql/loaders.js';
import { NodeRegistry } from './graphql/node.js';
import { LoggingModule } from './logging/logging.module.js';
import type { Clock } from './queue/clock.js';
import { OutboxModule } from './queue/outbox/outbox.module.js';
import { QueueModule } from './queue/queue.module.js';

export interface EngineOptions {
  /** Names the process in logs and database sessions: "api" or "worker". */
  processName: 'api' | 'worker';
  /** Take jobs in this process. */
  consume: boolean;
  /** Replaces the system clock (tests move time forward with it). */
  clock?: Clock;
  /** Run after the database is open and migrated, before any feature uses it. */
  onDatabaseOpen?: DatabaseOpenHook[];
}

/**
 * What every process has, whatever features it runs: validated config, logging, the database, the queue
 * driver with its job registry, the outbox and the clock, access checks, the per-request loaders and the node types.
 */
@Global()
@Module({})
export class EngineModule {
  static forRoot(config: AppConfig, options: EngineOptions): DynamicModule {
    return {
      module: EngineModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(config, `samverka-${options.processName}`),
        DatabaseModule.forRoot(options.onDatabaseOpen),
        QueueModule.forRoot({ consume: options.consume }),
        OutboxModule.forRoot({ clock: options.clock }),
      ],
      providers: [AccessService, LoaderFactory, NodeRegistry],
      exports: [AccessService, LoaderFactory, NodeRegistry],
    };
  }
}
