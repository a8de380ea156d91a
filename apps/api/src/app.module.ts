import { Module, type DynamicModule } from '@nestjs/common';
import { AccessModule } from '@samverka/access';
import { AccountsGraphqlModule } from '@samverka/accounts';
import { AuditGraphqlModule } from '@samverka/audit';
import { BrokeringGraphqlModule } from '@samverka/brokering';
import { DemoModule } from '@samverka/demo';
import { FeedbackGraphqlModule } from '@samverka/feedback';
import { SavedSearchesGraphqlModule } from '@samverka/saved-searches';
import { APP_FILTER } from '@nestjs/core';
import { ApiGraphqlModule, DomainErrorFilter, EngineModule, type AppConfig, type Clock } from '@samverka/engine';
import { DATABASE_OPEN_HOOKS, FEATURE_MODULES } from '@samverka/features';
import { ImpactGraphqlModule } from '@samverka/impact';
import { ImportExportGraphqlModule } from '@samverka/import-export';
import { InsightsGraphqlModule } from '@samverka/insights';
import { MarketplaceGraphqlModule } from '@samverka/marketplace';
import { MatchingGraphqlModule } from '@samverka/matching';
import { NotificationsGraphqlModule } from '@samverka/notifications';
import { OpsGraphqlModule } from '@samverka/ops';
import { OrganizationsGraphqlModule } from '@samverka/organizations';
import { ReferenceDataGraphqlModule } from '@samverka/reference-data';

export interface ApiOptions {
  /** Replaces the system clock (tests move time forward with it). */
  clock?: Clock;
  /** The built web app to serve beside the API (dist/web); none in most tests. */
  webDirectory?: string;
  /** The web app's server render (dist/web-server/entry-server.js), which sends public pages rendered. */
  webServerEntry?: string;
}

/** Each feature's transport: GraphQL resolvers, and the HTTP controllers of export and health. */
const TRANSPORT_MODULES = [
  ReferenceDataGraphqlModule,
  AuditGraphqlModule,
  AccountsGraphqlModule,
  OrganizationsGraphqlModule,
  NotificationsGraphqlModule,
  MarketplaceGraphqlModule,
  MatchingGraphqlModule,
  BrokeringGraphqlModule,
  ImpactGraphqlModule,
  InsightsGraphqlModule,
  ImportExportGraphqlModule,
  OpsGraphqlModule,
  FeedbackGraphqlModule,
  SavedSearchesGraphqlModule,
];

/** The API: every feature with its transport on, the policy guard in front, and the demo on first start. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, options: ApiOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        // With BullMQ the worker processes take the jobs; in the embedded mode this process does.
        EngineModule.forRoot(config, { processName: 'api', consume: config.queue.driver === 'in-process', clock: options.clock, onDatabaseOpen: DATABASE_OPEN_HOOKS }),
        ...FEATURE_MODULES,
        ApiGraphqlModule.forRoot(config),
        ...TRANSPORT_MODULES,
        AccessModule,
        DemoModule,
      ],
      // REST routes answer a DomainError with its status; GraphQL keeps its own formatter.
      providers: [{ provide: APP_FILTER, useClass: DomainErrorFilter }],
    };
  }
}
