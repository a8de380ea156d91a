import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import type { AppConfig } from '@samverka/config';
import { AccountsModule } from './accounts/accounts.module.js';
import type { Clock } from './common/clock.js';
import { CommonModule } from './common/common.module.js';
import { DomainErrorFilter } from './common/domain-error.filter.js';
import { PlatformModule } from '@samverka/platform';
import { ApiGraphqlModule } from './graphql/graphql.module.js';
import { HealthModule } from './health/health.module.js';
import { MarketplaceModule } from './marketplace/marketplace.module.js';
import { MatchingApiModule } from './matching/matching.module.js';
import { BrokeringModule } from './brokering/brokering.module.js';
import { ImpactModule } from './impact/impact.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { InsightsModule } from './insights/insights.module.js';
import { DemoModule } from './demo/demo.module.js';
import { ImportExportModule } from './import-export/import-export.module.js';
import { QueueProbeResolver } from './queue-probe/queue-probe.resolver.js';
import { ReferenceDataModule } from './reference-data/reference-data.module.js';

export interface ApiOptions {
  /** Replaces the system clock (tests move time forward with it). */
  clock?: Clock;
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, options: ApiOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        // With BullMQ the worker processes take the jobs; in the embedded mode this process does.
        PlatformModule.forRoot(config, { processName: 'api', consume: config.queue.driver === 'in-process', clock: options.clock }),
        CommonModule,
        ApiGraphqlModule.forRoot(config),
        AccountsModule,
        MarketplaceModule,
        MatchingApiModule,
        BrokeringModule,
        ImpactModule,
        NotificationsModule,
        InsightsModule,
        DemoModule,
        ImportExportModule,
        HealthModule,
        ReferenceDataModule,
      ],
      // REST routes answer a DomainError with its status; GraphQL keeps its own formatter.
      providers: [QueueProbeResolver, { provide: APP_FILTER, useClass: DomainErrorFilter }],
    };
  }
}
