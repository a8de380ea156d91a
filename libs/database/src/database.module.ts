import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@samverka/config';
import { Database } from './database.js';
import { describeReferenceDataLoad, loadReferenceData } from './reference-data/reference-data.loader.js';
import { ReferenceDataRepository } from './repositories/reference-data.repository.js';
import { AuditRepository } from './repositories/audit.repository.js';
import { InvitationRepository } from './repositories/invitation.repository.js';
import { MembershipRepository } from './repositories/membership.repository.js';
import { OrganizationRepository } from './repositories/organization.repository.js';
import { QueueProbeRepository } from './repositories/queue-probe.repository.js';
import { RefreshTokenRepository } from './repositories/refresh-token.repository.js';
import { UserRepository } from './repositories/user.repository.js';
import { EnterpriseProfileRepository } from './repositories/enterprise-profile.repository.js';
import { NeedRepository } from './repositories/need.repository.js';
import { OfferRepository } from './repositories/offer.repository.js';
import { PartnershipRepository } from './repositories/partnership.repository.js';
import { MatchingRepository } from './repositories/matching.repository.js';
import { MatchRepository } from './repositories/match.repository.js';
import { MatchingRebuildRepository } from './repositories/matching-rebuild.repository.js';
import { OutboxRepository } from './repositories/outbox.repository.js';
import { ImportRepository } from './repositories/import.repository.js';
import { ImportFileRepository } from './repositories/import-file.repository.js';
import { ExportRepository } from './repositories/export.repository.js';
import { IntroductionRepository } from './repositories/introduction.repository.js';
import { ImpactRepository } from './repositories/impact.repository.js';
import { NotificationRepository } from './repositories/notification.repository.js';
import { InsightsRepository } from './repositories/insights.repository.js';

/** Repositories take the DataSource; each is provided under its own class. */
const ACCOUNT_REPOSITORIES = [AuditRepository, InvitationRepository, MembershipRepository, OrganizationRepository, RefreshTokenRepository, UserRepository];
const MARKETPLACE_REPOSITORIES = [EnterpriseProfileRepository, NeedRepository, OfferRepository, PartnershipRepository, MatchingRepository, MatchRepository, MatchingRebuildRepository];
const IMPORT_EXPORT_REPOSITORIES = [ImportRepository, ImportFileRepository, ExportRepository];
const BROKERING_REPOSITORIES = [IntroductionRepository, ImpactRepository, NotificationRepository, InsightsRepository];
const QUEUE_REPOSITORIES = [OutboxRepository];

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
        // Counties, municipalities, SDGs and CPV codes from data/*.csv; writes only when a file changed.
        const loaded = await loadReferenceData(database.dataSource).catch(async (error: unknown) => { await database.close(); throw error; });
        logger.log(describeReferenceDataLoad(loaded));
        return database;
      },
    },
    DatabaseLifecycle,
    { provide: QueueProbeRepository, inject: [Database], useFactory: (db: Database) => new QueueProbeRepository(db.dataSource) },
    { provide: ReferenceDataRepository, inject: [Database], useFactory: (db: Database) => new ReferenceDataRepository(db.dataSource) },
    ...[...ACCOUNT_REPOSITORIES, ...MARKETPLACE_REPOSITORIES, ...BROKERING_REPOSITORIES, ...IMPORT_EXPORT_REPOSITORIES, ...QUEUE_REPOSITORIES].map((repository) => ({
      provide: repository,
      inject: [Database],
      useFactory: (db: Database) => new repository(db.dataSource),
    })),
  ],
  exports: [Database, QueueProbeRepository, ReferenceDataRepository, ...ACCOUNT_REPOSITORIES, ...MARKETPLACE_REPOSITORIES, ...BROKERING_REPOSITORIES, ...IMPORT_EXPORT_REPOSITORIES, ...QUEUE_REPOSITORIES],
})
export class DatabaseModule {}
