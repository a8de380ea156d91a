import { AccountsModule } from '@samverka/accounts';
import { AuditModule } from '@samverka/audit';
import { BrokeringModule } from '@samverka/brokering';
import { FeedbackModule } from '@samverka/feedback';
import { ImpactModule } from '@samverka/impact';
import { ImportExportModule } from '@samverka/import-export';
import { InsightsModule } from '@samverka/insights';
import { MarketplaceModule } from '@samverka/marketplace';
import { MatchingModule } from '@samverka/matching';
import { NotificationsModule } from '@samverka/notifications';
import { OpsModule } from '@samverka/ops';
import { OrganizationsModule } from '@samverka/organizations';
import { SavedSearchesModule } from '@samverka/saved-searches';
import { loadReferenceDataOnOpen, ReferenceDataModule } from '@samverka/reference-data';
import type { DatabaseOpenHook } from '@samverka/engine';

/**
 * Every feature's module (services, repositories, job handlers), for the composition roots: the API
 * adds their GraphQL modules, the worker takes their jobs, the commands use their services.
 */
export const FEATURE_MODULES = [
  ReferenceDataModule,
  AuditModule,
  AccountsModule,
  OrganizationsModule,
  NotificationsModule,
  MarketplaceModule,
  SavedSearchesModule,
  MatchingModule,
  BrokeringModule,
  ImpactModule,
  InsightsModule,
  ImportExportModule,
  OpsModule,
  FeedbackModule,
];

/** What runs right after the database opens, before any feature uses it. */
export const DATABASE_OPEN_HOOKS: DatabaseOpenHook[] = [loadReferenceDataOnOpen];
