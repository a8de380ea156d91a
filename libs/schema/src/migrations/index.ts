import { Platform1764180000000 } from './1764180000000-platform.js';
import { ReferenceData1764190000000 } from './1764190000000-reference-data.js';
import { Accounts1764200000000 } from './1764200000000-accounts.js';
import { Marketplace1764210000000 } from './1764210000000-marketplace.js';
import { Matching1764220000000 } from './1764220000000-matching.js';
import { ImportExport1764240000000 } from './1764240000000-import-export.js';
import { Brokering1764230000000 } from './1764230000000-brokering.js';
import { ImportSkipped1764250000000 } from './1764250000000-import-skipped.js';
import { ImpactOverlapDetail1764260000000 } from './1764260000000-impact-overlap-detail.js';
import { Outbox1764270000000 } from './1764270000000-outbox.js';
import { OrganizationVerification1764280000000 } from './1764280000000-organization-verification.js';
import { ImportMessageDetail1764290000000 } from './1764290000000-import-message-detail.js';
import { Feedback1764300000000 } from './1764300000000-feedback.js';
import { SavedSearches1764310000000 } from './1764310000000-saved-searches.js';
import { BuyerDecisions1764318000000 } from './1764318000000-buyer-decisions.js';
import { AuditPeriod1764420000000 } from './1764420000000-audit-period.js';
import { GoodExampleCuration1764421000000 } from './1764421000000-good-example-curation.js';
import { CompoundSearch1764500000000 } from './1764500000000-compound-search.js';

/** Every migration, oldest first. Add new ones at the end. */
export const migrations = [
  Platform1764180000000,
  ReferenceData1764190000000,
  Accounts1764200000000,
  Marketplace1764210000000,
  Matching1764220000000,
  Brokering1764230000000,
  ImportExport1764240000000,
  ImportSkipped1764250000000,
  ImpactOverlapDetail1764260000000,
  Outbox1764270000000,
  OrganizationVerification1764280000000,
  ImportMessageDetail1764290000000,
  Feedback1764300000000,
  SavedSearches1764310000000,
  BuyerDecisions1764318000000,
  AuditPeriod1764420000000,
  GoodExampleCuration1764421000000,
  CompoundSearch1764500000000,
];
