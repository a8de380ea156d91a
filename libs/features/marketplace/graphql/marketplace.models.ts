import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { type EnterpriseProfileEntity, type NeedEntity, type OfferEntity } from '@samverka/schema';
import {
  needAwaitingVerification,
  profileReadiness,
  type Message,
  type NeedWarning as NeedWarningRule,
  type Readiness as ReadinessRule,
  type ReadinessItem as ReadinessItemName,
} from '@samverka/domain';
import { ConnectionType, Node, DateTimeScalar, KronorScalar } from '@samverka/engine';
import { LegalFormEnum, NeedFormEnum, NeedStatusEnum, OfferStatusEnum } from './marketplace.enums.js';

@ObjectType({ description: 'Something a profile lacks, and what to add' })
export class ReadinessItem {
  @Field(() => String, { description: 'Language-neutral: description, services, cpvCodes, sdgs, area, capacity, size, legalForm or workIntegrationShare' })
  item: ReadinessItemName;

  /** Resolved to `advice` in the request's language. */
  said: Message;
}

@ObjectType({ description: 'How complete a profile is, and what to add next' })
export class Readiness {
  @Field(() => Int, { description: '0–100' })
  score: number;

  @Field(() => [ReadinessItem])
  missing: ReadinessItem[];

  static from(readiness: ReadinessRule): Readiness {
    return Object.assign(new Readiness(), {
      score: readiness.score,
      missing: readiness.missing.map(({ item, advice }) => Object.assign(new ReadinessItem(), { item, said: advice })),
    });
  }
}

@ObjectType({ description: 'What a social enterprise does, where, and how much it can take on' })
export class EnterpriseProfile {
  @Field(() => ID)
  organizationId: string;

  @Field({ description: 'Swedish free text' })
  description: string;

  @Field()
  services: string;

  @Field(() => [String], { description: 'CPV codes, NNNNNNNN-N' })
  cpvCodes: string[];

  @Field(() => [Int], { description: 'Global goals, 1–17' })
  sdgs: number[];

  @Field()
  nationwide: boolean;

  @Field(() => [String], { description: 'Kommunkoder of the municipalities it works in' })
  municipalityCodes: string[];

  @Field(() => [String], { description: 'Länskoder of the regions it works across' })
  countyCodes: string[];

  @Field(() => Int, { nullable: true })
  employees: number | null;

  @Field(() => KronorScalar, { nullable: true })
  annualTurnoverSek: number | null;

  @Field(() => KronorScalar, { nullable: true, description: 'The largest contract it can take' })
  maxContractSek: number | null;

  @Field(() => LegalFormEnum, { nullable: true })
  legalForm: LegalFormEnum | null;

  @Field({ description: 'Idéburen organisation (non-profit, civil society)' })
  ideburen: boolean;

  @Field({ description: 'Arbetsintegrerande socialt företag' })
  workIntegrating: boolean;

  @Field(() => Int, { nullable: true, description: 'Share of staff far from the labour market, 0–100 %' })
  farFromLabourMarketShare: number | null;

  @Field(() => [String])
  certifications: string[];

  @Field(() => Readiness)
  readiness: Readiness;

  @Field(() => DateTimeScalar)
  updatedAt: Date;

  @Field(() => Int)
  version: number;

  static from(entity: EnterpriseProfileEntity): EnterpriseProfile {
    return Object.assign(new EnterpriseProfile(), {
      ...entity,
      legalForm: entity.legalForm,
      readiness: Readiness.from(profileReadiness(entity)),
    });
  }
}

@ObjectType({ description: 'Advice that does not stop the buyer' })
export class NeedWarning {
  @Field({ description: 'Language-neutral, e.g. DIRECT_AWARD_OVER_LIMIT' })
  code: string;

  /** Resolved to `message` in the request's language. */
  said: Message;

  static from(rule: NeedWarningRule): NeedWarning {
    return Object.assign(new NeedWarning(), { code: rule.code, said: rule.message });
  }
}

@ObjectType({ description: 'What a public buyer needs', implements: () => [Node] })
export class Need {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  buyerOrganizationId: string;

  @Field()
  title: string;

  @Field()
  description: string;

  @Field(() => [String], { description: 'CPV codes, NNNNNNNN-N' })
  cpvCodes: string[];

  @Field(() => [Int])
  sdgs: number[];

  @Field(() => String, { nullable: true })
  municipalityCode: string | null;

  @Field(() => String, { nullable: true })
  countyCode: string | null;

  @Field(() => KronorScalar, { nullable: true })
  budgetMinSek: number | null;

  @Field(() => KronorScalar, { nullable: true })
  budgetMaxSek: number | null;

  @Field(() => NeedFormEnum)
  form: NeedFormEnum;

  @Field({ description: 'The social impact the buyer wants' })
  wantedImpact: string;

  @Field(() => DateTimeScalar, { nullable: true })
  responseDeadline: Date | null;

  @Field(() => NeedStatusEnum)
  status: NeedStatusEnum;

  @Field(() => DateTimeScalar, { nullable: true })
  publishedAt: Date | null;

  @Field({
    description:
      'Published (or closed, or awarded), but shown only to its buyer and administrators, and not matched, until an administrator or a coordinator of its county verifies the buyer',
  })
  awaitingVerification: boolean;

  @Field(() => DateTimeScalar, { nullable: true })
  closedAt: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was awarded or cancelled' })
  decidedAt: Date | null;

  @Field(() => DateTimeScalar)
  createdAt: Date;

  @Field(() => DateTimeScalar)
  updatedAt: Date;

  @Field(() => Int, { description: 'Send it back with a change: a change based on an older version is refused' })
  version: number;

  static from(entity: NeedEntity): Need {
    return Object.assign(new Need(), { ...entity, awaitingVerification: needAwaitingVerification(entity) });
  }
}

@ObjectType({ description: 'An enterprise’s answer to a need', implements: () => [Node] })
export class Offer {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  needId: string;

  @Field(() => ID)
  enterpriseOrganizationId: string;

  @Field()
  message: string;

  @Field(() => KronorScalar, { nullable: true })
  priceSek: number | null;

  @Field()
  proposedOutcomes: string;

  @Field(() => OfferStatusEnum)
  status: OfferStatusEnum;

  @Field(() => DateTimeScalar, { nullable: true })
  submittedAt: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  decidedAt: Date | null;

  @Field(() => String, {
    nullable: true,
    description: "Why the buyer declined it, in the buyer's words; null unless the buyer declined it (an award declines the others without one)",
  })
  declineReason: string | null;

  @Field(() => DateTimeScalar)
  createdAt: Date;

  @Field(() => DateTimeScalar)
  updatedAt: Date;

  @Field(() => Int)
  version: number;

  static from(entity: OfferEntity): Offer {
    return Object.assign(new Offer(), { ...entity });
  }
}

@ObjectType()
export class StatusCount {
  @Field()
  status: string;

  @Field(() => Int)
  count: number;
}

@ObjectType({ description: "An organisation's figures at a glance" })
export class Dashboard {
  /** Whose figures (not in the schema): for the fields other features resolve. */
  organizationId: string;

  @Field(() => [StatusCount], { description: 'Needs posted, by status (buyers)' })
  needs: StatusCount[];

  @Field(() => [StatusCount], { description: 'Offers received on its needs, by status (buyers)' })
  offersReceived: StatusCount[];

  @Field(() => [StatusCount], { description: 'Offers made, by status (enterprises)' })
  offersMade: StatusCount[];

  @Field(() => [StatusCount], { description: 'Partnerships, by status' })
  partnerships?: StatusCount[];

  @Field(() => Readiness, { nullable: true, description: 'Profile readiness (enterprises)' })
  profileReadiness: Readiness | null;
}

export const NeedConnection = ConnectionType(Need);
export const EnterpriseProfileConnection = ConnectionType(EnterpriseProfile);
export const OfferConnection = ConnectionType(Offer);

export function statusCounts(counts: Record<string, number>): StatusCount[] {
  return Object.entries(counts)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([status, count]) => Object.assign(new StatusCount(), { status, count }));
}

@ObjectType({ description: "The buyer's invitation to an enterprise to make an offer on its need" })
export class NeedInvitation {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  needId: string;

  @Field(() => ID, { description: 'The enterprise invited' })
  organizationId: string;

  @Field({ description: "The buyer's note to the enterprise; may be empty" })
  message: string;

  @Field(() => DateTimeScalar)
  createdAt: Date;

  static from(row: { id: string; needId: string; organizationId: string; message: string; createdAt: Date }): NeedInvitation {
    return Object.assign(new NeedInvitation(), { id: row.id, needId: row.needId, organizationId: row.organizationId, message: row.message, createdAt: row.createdAt });
  }
}
