import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { DateTimeScalar, KronorScalar, VersionField } from '@samverka/engine';
import { MAX_CODES } from '@samverka/reference-data';
import { LegalFormEnum, NeedFormEnum, NeedStatusEnum } from './marketplace.enums.js';
import { NEED_TITLE_MAX } from '../need.validator.js';

const KRONOR = '0 to 100 000 000 000';

@InputType({ description: 'The whole profile: fields left out are emptied' })
export class SaveEnterpriseProfileInput {
  @Field(() => ID, { description: 'A social enterprise' })
  organizationId: string;

  @VersionField({ nullable: true, description: 'The version you read (required once the profile exists): a change based on an older one is refused (CONFLICT)' })
  version?: number;

  @Field(() => String, { nullable: true, description: 'At most 5 000 characters' })
  description?: string;

  @Field(() => String, { nullable: true, description: 'At most 2 000 characters' })
  services?: string;

  @Field(() => [String], { nullable: true, description: `At most ${MAX_CODES} CPV codes, NNNNNNNN-N or the 8 digits` })
  cpvCodes?: string[];

  @Field(() => [Int], { nullable: true, description: 'Global goals, 1–17' })
  sdgs?: number[];

  @Field(() => Boolean, { nullable: true })
  nationwide?: boolean;

  @Field(() => [String], { nullable: true, description: 'Kommunkoder (4 digits) where the enterprise works' })
  municipalityCodes?: string[];

  @Field(() => [String], { nullable: true, description: 'Länskoder (2 digits) of the regions the enterprise works across' })
  countyCodes?: string[];

  @Field(() => Int, { nullable: true, description: '0 to 1 000 000' })
  employees?: number;

  @Field(() => KronorScalar, { nullable: true, description: KRONOR })
  annualTurnoverSek?: number;

  @Field(() => KronorScalar, { nullable: true, description: `The largest contract it can take on; ${KRONOR}` })
  maxContractSek?: number;

  @Field(() => LegalFormEnum, { nullable: true })
  legalForm?: LegalFormEnum;

  @Field(() => Boolean, { nullable: true })
  ideburen?: boolean;

  @Field(() => Boolean, { nullable: true })
  workIntegrating?: boolean;

  @Field(() => Int, { nullable: true, description: 'Percentage (0–100) of employees far from the labour market; only with workIntegrating' })
  farFromLabourMarketShare?: number;

  @Field(() => [String], { nullable: true, description: 'At most 20, each 1 to 100 characters' })
  certifications?: string[];
}

/** What a buyer says about a need, shared by creating and changing it. */
@InputType({ isAbstract: true })
export class NeedFieldsInput {
  @Field(() => String, { nullable: true, description: `1 to ${NEED_TITLE_MAX} characters (at least 5 to publish)` })
  title?: string;

  @Field(() => String, { nullable: true, description: 'At most 10 000 characters (at least 40 to publish)' })
  description?: string;

  @Field(() => [String], { nullable: true, description: `At most ${MAX_CODES} CPV codes, NNNNNNNN-N or the 8 digits (at least one to publish)` })
  cpvCodes?: string[];

  @Field(() => [Int], { nullable: true, description: 'Global goals, 1–17' })
  sdgs?: number[];

  @Field(() => String, { nullable: true, description: 'Kommunkod (4 digits) where the work is done; by default where the buyer is at home' })
  municipalityCode?: string | null;

  @Field(() => String, { nullable: true, description: "Länskod (2 digits), for a need across a region; the municipality's county when both are given" })
  countyCode?: string | null;

  @Field(() => KronorScalar, { nullable: true, description: `${KRONOR}; at most budgetMaxSek` })
  budgetMinSek?: number | null;

  @Field(() => KronorScalar, { nullable: true, description: `${KRONOR} (needed to publish)` })
  budgetMaxSek?: number | null;

  @Field(() => NeedFormEnum, { nullable: true, description: 'Required when drafting; it cannot change once published' })
  form?: NeedFormEnum;

  @Field(() => String, { nullable: true, description: 'At most 2 000 characters' })
  wantedImpact?: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When offers close: in the future to publish, in the years 1900 to 9999' })
  responseDeadline?: Date | null;
}

@InputType()
export class CreateNeedInput extends NeedFieldsInput {
  @Field(() => ID, { description: 'A municipality or region' })
  buyerOrganizationId: string;

  // Who may answer depends on the form, so a need has one from its first draft; an update may leave it out.
  @Field(() => NeedFormEnum, { description: 'The procurement form: who may answer the need; it cannot change once published' })
  override form: NeedFormEnum;
}

@InputType({ description: 'Changes to a need: fields left out stay as they are' })
export class UpdateNeedInput extends NeedFieldsInput {
  @Field(() => ID)
  needId: string;

  @VersionField()
  version: number;
}

/** A need and the version a change of its status is based on. */
@InputType({ isAbstract: true })
export class NeedVersionInput {
  @Field(() => ID)
  needId: string;

  @VersionField()
  version: number;
}

@InputType()
export class PublishNeedInput extends NeedVersionInput {}

@InputType()
export class CloseNeedInput extends NeedVersionInput {}

@InputType()
export class CancelNeedInput extends NeedVersionInput {}

@InputType()
export class NeedFilterInput {
  @Field(() => String, {
    nullable: true,
    description: 'Words in the title, description or wanted impact (Swedish, prefix match; a word also finds the compounds it is part of: "städning" finds "storstädning")',
  })
  search?: string;

  @Field(() => [String], { nullable: true, description: 'CPV codes: a need matches with these codes or any code below them' })
  cpvCodes?: string[];

  @Field(() => [Int], { nullable: true, description: 'Any of these goals' })
  sdgs?: number[];

  @Field(() => String, { nullable: true })
  municipalityCode?: string;

  @Field(() => String, { nullable: true })
  countyCode?: string;

  @Field(() => [NeedFormEnum], { nullable: true })
  forms?: NeedFormEnum[];

  @Field(() => [NeedStatusEnum], { nullable: true })
  statuses?: NeedStatusEnum[];

  @Field(() => KronorScalar, { nullable: true, description: 'Needs whose budget reaches this amount' })
  budgetFromSek?: number;

  @Field(() => KronorScalar, { nullable: true, description: 'Needs whose budget starts at or below this amount' })
  budgetToSek?: number;

  @Field(() => DateTimeScalar, { nullable: true })
  deadlineFrom?: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  deadlineTo?: Date;

  @Field(() => ID, { nullable: true })
  buyerOrganizationId?: string;
}

@InputType()
export class EnterpriseFilterInput {
  @Field(() => String, {
    nullable: true,
    description: 'Words in the description or services (Swedish, prefix match; a word also finds the compounds it is part of: "cykel" finds "cykelverkstad"), or part of the name',
  })
  search?: string;

  @Field(() => [String], { nullable: true, description: 'CPV codes: a profile matches with these codes or any code below them' })
  cpvCodes?: string[];

  @Field(() => [Int], { nullable: true })
  sdgs?: number[];

  @Field(() => String, { nullable: true, description: 'Works in this municipality (named, its region named, or nationwide)' })
  municipalityCode?: string;

  @Field(() => String, { nullable: true, description: 'Works in this region' })
  countyCode?: string;

  @Field(() => [LegalFormEnum], { nullable: true })
  legalForms?: LegalFormEnum[];

  @Field(() => Boolean, { nullable: true })
  ideburen?: boolean;

  @Field(() => Boolean, { nullable: true })
  workIntegrating?: boolean;

  @Field(() => Int, { nullable: true })
  minFarFromLabourMarketShare?: number;

  @Field(() => KronorScalar, { nullable: true, description: 'Can take a contract of at least this size' })
  minCapacitySek?: number;

  @Field(() => Boolean, { nullable: true })
  verified?: boolean;

  @Field(() => Int, { nullable: true, description: 'Readiness score (EnterpriseProfile.readiness.score, 0–100) at most this' })
  maxReadinessScore?: number;
}

/** What an enterprise offers, shared by creating and changing an offer. */
@InputType({ isAbstract: true })
export class OfferFieldsInput {
  @Field(() => String, { nullable: true, description: 'At most 5 000 characters (needed to submit)' })
  message?: string;

  @Field(() => KronorScalar, { nullable: true, description: `${KRONOR} (needed to submit)` })
  priceSek?: number | null;

  @Field(() => String, { nullable: true, description: 'At most 5 000 characters' })
  proposedOutcomes?: string;
}

@InputType()
export class CreateOfferInput extends OfferFieldsInput {
  @Field(() => ID, { description: 'A published need whose deadline has not passed' })
  needId: string;

  @Field(() => ID, { description: 'A social enterprise the need’s form admits' })
  enterpriseOrganizationId: string;
}

@InputType({ description: 'Changes to a draft offer: fields left out stay as they are' })
export class UpdateOfferInput extends OfferFieldsInput {
  @Field(() => ID)
  offerId: string;

  @VersionField()
  version: number;
}

/** An offer and the version a change of its status is based on. */
@InputType({ isAbstract: true })
export class OfferVersionInput {
  @Field(() => ID)
  offerId: string;

  @VersionField()
  version: number;
}

@InputType()
export class SubmitOfferInput extends OfferVersionInput {}

@InputType()
export class WithdrawOfferInput extends OfferVersionInput {}

@InputType()
export class ShortlistOfferInput {
  @Field(() => ID, { description: 'A submitted offer' })
  offerId: string;
}

@InputType()
export class DeclineOfferInput {
  @Field(() => ID, { description: 'A submitted or shortlisted offer' })
  offerId: string;

  @Field(() => String, { description: 'Why, in plain words to the enterprise: 1 to 1 000 characters; shown to it and sent with its notification' })
  reason: string;
}

@InputType()
export class InviteToOfferInput {
  @Field(() => ID, { description: 'A published need of your organisation' })
  needId: string;

  @Field(() => ID, { description: 'A social enterprise, not yet invited to this need' })
  organizationId: string;

  @Field(() => String, { nullable: true, description: 'A few words to the enterprise, at most 1 000 characters' })
  message?: string | null;
}
