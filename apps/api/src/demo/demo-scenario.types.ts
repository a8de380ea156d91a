/**
 * The shape of the demo scenario seeded into an empty embedded database: people, organisations,
 * enterprise profiles, needs and offers, linked by keys. The seeder turns it into records through the
 * same services the API uses, so every rule applies to it.
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

export interface DemoScenario {
  people: DemoPerson[];
  organizations: DemoOrganization[];
  profiles: DemoProfile[];
  needs: DemoNeed[];
  offers: DemoOffer[];
}
