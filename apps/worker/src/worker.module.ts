import { Module, type DynamicModule } from '@nestjs/common';
import { EngineModule, type AppConfig } from '@samverka/engine';
import { DATABASE_OPEN_HOOKS, FEATURE_MODULES } from '@samverka/features';

/** The worker: every feature's job handlers, consuming from Redis; no transport. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [EngineModule.forRoot(config, { processName: 'worker', consume: true, onDatabaseOpen: DATABASE_OPEN_HOOKS }), ...FEATURE_MODULES],
    };
  }
}
