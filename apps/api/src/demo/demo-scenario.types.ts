/**
 * The shape of the demo scenario seeded into an empty embedded database: people, organisations,
 * enterprise profiles, needs and offers, coordinators' introductions, partnerships with their impact
 * targets and reports, linked by keys. The seeder turns it into records through the same services the
 * API uses, so every rule applies to it.
 */

export type DemoOrganizationKind = 'MUNICIPALITY' | 'REGION' | 'SOCIAL_ENTERPRISE' | 'SUPPORT_ORGANIZATION';
export type DemoLegalForm = 'EKONOMISK_FORENING' | 'IDEELL_FORENING' | 'STIFTELSE' | 'AKTIEBOLAG_SVB' | 'AKTIEBOLAG' | 'OTHER';
export type DemoNeedForm = 'DIRECT_AWARD' | 'RESERVED_CONTRACT' | 'PUBLIC_PROCUREMENT' | 'IOP' | 'INNOVATION_PARTNERSHIP' | 'FUNDING_CALL';
export type DemoNeedStatus = 'DRAFT' | 'PUBLISHED' | 'CLOSED' | 'AWARDED' | 'CANCELLED';
export type DemoOfferStatus = 'DRAFT' | 'SUBMITTED' | 'SHORTLISTED' | 'ACCEPTED' | 'DECLINED' | 'WITHDRAWN';

export interface DemoPerson {
  key: string;
  email: string;
  displayName: string;
  platformRole: 'USER' | 'COORDINATOR' | 'ADMIN';
  /** Länskoder, for coordinators. */
  coordinatorCountyCodes?: string[];
}

export interface DemoOrganization {
  key: string;
  kind: DemoOrganizationKind;
  name: string;
  /** NNNNNN-NNNN with a valid Luhn check digit; unique in the scenario. */
  organisationsnummer: string;
  municipalityCode?: string;
  countyCode?: string;
  website?: string;
  verified: boolean;
  ownerKeys: string[];
  memberKeys: string[];
}

export interface DemoProfile {
  organizationKey: string;
  description: string;
  services: string;
  /** CPV codes with check digit, as in data/cpv.csv (NNNNNNNN-N). */
  cpvCodes: string[];
  sdgs: number[];
  nationwide: boolean;
  municipalityCodes: string[];
  countyCodes: string[];
  employees: number;
  annualTurnoverSek: number;
  maxContractSek: number;
  legalForm: DemoLegalForm;
  ideburen: boolean;
  workIntegrating: boolean;
  /** 0–100; set when workIntegrating. */
  farFromLabourMarketShare?: number;
  certifications: string[];
}

export interface DemoNeed {
  key: string;
  buyerKey: string;
  createdByKey: string;
  title: string;
  description: string;
  cpvCodes: string[];
  sdgs: number[];
  municipalityCode?: string;
  countyCode?: string;
  budgetMinSek?: number;
  budgetMaxSek?: number;
  form: DemoNeedForm;
  wantedImpact: string;
  /** Days from the moment of seeding; negative is in the past (closed or awarded needs). */
  responseDeadlineInDays: number;
  status: DemoNeedStatus;
}

export interface DemoOffer {
  needKey: string;
  enterpriseKey: string;
  createdByKey: string;
  message: string;
  priceSek: number;
  proposedOutcomes: string;
  status: DemoOfferStatus;
}

export type DemoIntroductionStatus = 'PROPOSED' | 'ACCEPTED' | 'DECLINED';

/**
 * A coordinator's introduction of an enterprise to a need. It is made once the need is published and
 * before its offers, so an ACCEPTED introduction can lead to the enterprise's offer (and, if that offer
 * is accepted, to a partnership the coordinator brokered).
 */
export interface DemoIntroduction {
  needKey: string;
  enterpriseKey: string;
  /** A coordinator of the buyer's county. */
  coordinatorKey: string;
  note: string;
  status: DemoIntroductionStatus;
  /** The enterprise's member who answered (ACCEPTED or DECLINED), and what they wrote. */
  respondedByKey?: string;
  responseNote?: string;
}

/** A value in the indicator's unit (whole persons, hours to 1 decimal, tonnes to 3). */
export interface DemoImpactValue {
  /** A code of the impact indicator catalogue (migration Brokering1764230000000). */
  indicatorCode: string;
  value: number;
}

export interface DemoTarget {
  indicatorCode: string;
  /** For the whole term, in the indicator's unit. */
  target: number;
  note?: string;
}

/** How the parties agreed targets: one party's member proposes, a member of the other agrees (or not yet). */
export interface DemoTargets {
  proposedByKey: string;
  agreedByKey?: string;
  items: DemoTarget[];
}

export type DemoImpactReportStatus = 'SUBMITTED' | 'RETURNED' | 'CONFIRMED';

export interface DemoImpactReport {
  /** Which reporting period: 0 is the first from the partnership's start, each `reportEveryMonths` long. */
  period: number;
  /** The enterprise's member who wrote and submitted it. */
  createdByKey: string;
  narrative: string;
  values: DemoImpactValue[];
  /** SUBMITTED waits for the buyer; RETURNED came back with `returnComment`; CONFIRMED is locked and counts. */
  status: DemoImpactReportStatus;
  /** The buyer's member who confirmed or returned it. */
  decidedByKey?: string;
  returnComment?: string;
  /** A correction filed after the confirmation and confirmed too: this report is then SUPERSEDED by it. */
  correction?: { narrative: string; values: DemoImpactValue[] };
}

/** An agreement a coordinator brokered and recorded (createPartnership), with dates in the past. */
export interface DemoAgreement {
  coordinatorKey: string;
  buyerKey: string;
  enterpriseKey: string;
  title: string;
  description: string;
  cpvCodes: string[];
  sdgs: number[];
  municipalityCode?: string;
  /** The agreed start: the first day of the month this many months before the month of seeding. */
  startsMonthsAgo: number;
  /** The agreed term in whole months (it ends the day before start + termMonths); none: open-ended. */
  termMonths?: number;
}

export type DemoPartnershipSource =
  /** The partnership the accepted offer of an AWARDED need started (it starts on the day of seeding). */
  | { awardedNeedKey: string }
  | { agreement: DemoAgreement };

/** A partnership and what became of it: targets, impact reports, its end, and the library of good examples. */
export interface DemoPartnership {
  key: string;
  source: DemoPartnershipSource;
  reportEveryMonths: 1 | 3 | 6 | 12;
  targets?: DemoTargets;
  reports: DemoImpactReport[];
  /** After its reports: the buyer completes it, or a party terminates it with a reason (`note`). */
  end?: { status: 'COMPLETED' | 'TERMINATED'; byKey: string; note: string };
  /** Both parties show it as a good example with this summary (each through one of its members). */
  public?: { summary: string; buyerByKey: string; enterpriseByKey: string };
}

export interface DemoScenario {
  people: DemoPerson[];
  organizations: DemoOrganization[];
  profiles: DemoProfile[];
  needs: DemoNeed[];
  offers: DemoOffer[];
  introductions: DemoIntroduction[];
  partnerships: DemoPartnership[];
}
