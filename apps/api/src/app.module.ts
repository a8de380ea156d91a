import { Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from '@samverka/config';
import { PlatformModule } from '@samverka/platform';
import { ApiGraphqlModule } from './graphql/graphql.module.js';
import { HealthModule } from './health/health.module.js';
import { OpsGuard } from './ops/ops.guard.js';
import { QueueProbeResolver } from './queue-probe/queue-probe.resolver.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        // With BullMQ the worker processes take the jobs; in the embedded mode this process does.
        PlatformModule.forRoot(config, { processName: 'api', consume: config.queue.driver === 'in-process' }),
        ApiGraphqlModule.forRoot(config),
        HealthModule,
      ],
      providers: [OpsGuard, QueueProbeResolver],
    };
  }
}
