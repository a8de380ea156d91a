import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule, type AppConfig } from '@samverka/config';
import { DatabaseModule } from '@samverka/database';
import { OutboxModule, QueueModule, type Clock } from '@samverka/queue';
import { LoggingModule } from './logging.module.js';
import { QueueProbeProcessor } from './queue-probe/queue-probe.processor.js';
import { QueueProbeService } from './queue-probe/queue-probe.service.js';
import { CloseExpiredNeedsProcessor } from './needs/close-expired-needs.processor.js';
import { FeatureCache } from './matching/feature-cache.js';
import { ImportMatching } from './matching/import-matching.js';
import { MatchingRebuilds } from './matching/matching-rebuilds.js';
import { MatchNeedProcessor, MatchProfileProcessor, MatchingUpkeepProcessor, RebuildChunkProcessor } from './matching/matching.processors.js';
import { NeedMatcher } from './matching/need-matcher.js';
import { ProfileMatcher } from './matching/profile-matcher.js';
import { ScoringModelProvider } from './matching/scoring-model.provider.js';
import { CodeLists } from './marketplace/code-lists.js';
import { NeedValidator } from './marketplace/need.validator.js';
import { OrganizationValidator } from './marketplace/organization.validator.js';
import { ProfileValidator } from './marketplace/profile.validator.js';

import { EnterpriseImporter } from './import/enterprise.importer.js';
import { ImportRunProcessor } from './import/import-run.processor.js';
import { ImportRunner } from './import/import-runner.js';
import { NeedImporter, OcdsImporter } from './import/need.importer.js';

/** The rules of organisations, profiles and needs that read the reference data: for the API and for imports. */
const VALIDATORS = [CodeLists, OrganizationValidator, ProfileValidator, NeedValidator];
import { NotificationService } from './notifications/notification.service.js';
import { createNotificationBus, NOTIFICATION_BUS } from './notifications/notification-bus.js';
import { NotificationEmailProcessor } from './notifications/notification-email.processors.js';
import { NotificationEmailService } from './notifications/notification-email.service.js';
import { NotificationMailer } from './notifications/notification-mailer.js';
import { StrongMatchNotifier } from './notifications/strong-match.notifier.js';
import { ReportDueProcessor } from './impact/report-due.processor.js';
import { ReportDueService } from './impact/report-due.service.js';

export interface PlatformOptions {
  /** Names the process in logs and database sessions: "api" or "worker". */
  processName: 'api' | 'worker';
  /** Take jobs in this process. */
  consume: boolean;
  /** Replaces the system clock (tests move time forward with it). */
  clock?: Clock;
}

/**
 * What the API and the worker share: validated config, logging, the database, the queue driver and the
 * operational job handlers. Both apps import this once, at their root.
 */
@Module({})
export class PlatformModule {
  static forRoot(config: AppConfig, options: PlatformOptions): DynamicModule {
    return {
      module: PlatformModule,
      // Its services (matching notifications, the outbox, the queue probe) are used by feature modules everywhere.
      global: true,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(config, `samverka-${options.processName}`),
        DatabaseModule,
        QueueModule.forRoot({ consume: options.consume }),
        OutboxModule.forRoot({ clock: options.clock }),
      ],
      providers: [
        QueueProbeService,
        QueueProbeProcessor,
        CloseExpiredNeedsProcessor,
        ScoringModelProvider,
        FeatureCache,
        NeedMatcher,
        ProfileMatcher,
        MatchingRebuilds,
        ImportMatching,
        MatchNeedProcessor,
        MatchProfileProcessor,
        RebuildChunkProcessor,
        MatchingUpkeepProcessor,
        ...VALIDATORS,
        EnterpriseImporter,
        NeedImporter,
        OcdsImporter,
        ImportRunner,
        ImportRunProcessor,
        NotificationService,
        // Live notifications go through Redis pub/sub when the queue does, else stay in this process.
        { provide: NOTIFICATION_BUS, useFactory: () => createNotificationBus(config.queue) },
        NotificationMailer,
        NotificationEmailService,
        NotificationEmailProcessor,
        StrongMatchNotifier,
        ReportDueService,
        ReportDueProcessor,
      ],
      exports: [QueueProbeService, NeedMatcher, ProfileMatcher, MatchingRebuilds, ScoringModelProvider, ...VALIDATORS, ImportRunner, NotificationService, ReportDueService, NOTIFICATION_BUS],
    };
  }
}
