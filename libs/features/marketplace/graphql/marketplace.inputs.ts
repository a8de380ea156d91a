import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { LegalFormEnum, NeedFormEnum, NeedStatusEnum } from './marketplace.enums.js';
import { DateTimeScalar, KronorScalar } from '@samverka/engine';

@InputType({ description: 'The whole profile: fields left out are emptied' })
export class SaveEnterpriseProfileInput {
  @Field(() => ID)
  organizationId: string;

  @Field(() => Int, { nullable: true, description: 'The version the change is based on (required once the profile exists)' })
  version?: number;

  @Field(() => String, { nullable: true })
  description?: string;

  @Field(() => String, { nullable: true })
  services?: string;

  @Field(() => [String], { nullable: true, description: 'NNNNNNNN-N or the 8 digits' })
  cpvCodes?: string[];

  @Field(() => [Int], { nullable: true })
  sdgs?: number[];

  @Field(() => Boolean, { nullable: true })
  nationwide?: boolean;

  @Field(() => [String], { nullable: true })
  municipalityCodes?: string[];

  @Field(() => [String], { nullable: true })
  countyCodes?: string[];

  @Field(() => Int, { nullable: true })
  employees?: number;

  @Field(() => KronorScalar, { nullable: true })
  annualTurnoverSek?: number;

  @Field(() => KronorScalar, { nullable: true })
  maxContractSek?: number;

  @Field(() => LegalFormEnum, { nullable: true })
  legalForm?: LegalFormEnum;

  @Field(() => Boolean, { nullable: true })
  ideburen?: boolean;

  @Field(() => Boolean, { nullable: true })
  workIntegrating?: boolean;

  @Field(() => Int, { nullable: true })
  farFromLabourMarketShare?: number;

  @Field(() => [String], { nullable: true })
  certifications?: string[];
}

@InputType()
export class NeedFieldsInput {
  @Field(() => String, { nullable: true })
  title?: string;

  @Field(() => String, { nullable: true })
  description?: string;

  @Field(() => [String], { nullable: true })
  cpvCodes?: string[];

  @Field(() => [Int], { nullable: true })
  sdgs?: number[];

  @Field(() => String, { nullable: true, description: 'Kommunkod where the work is done' })
  municipalityCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Länskod, for a need across a region' })
  countyCode?: string | null;

  @Field(() => KronorScalar, { nullable: true })
  budgetMinSek?: number | null;

  @Field(() => KronorScalar, { nullable: true })
  budgetMaxSek?: number | null;

  @Field(() => NeedFormEnum, { nullable: true })
  form?: NeedFormEnum;

  @Field(() => String, { nullable: true })
  wantedImpact?: string;

  @Field(() => DateTimeScalar, { nullable: true })
  responseDeadline?: Date | null;
}

@InputType()
export class CreateNeedInput extends NeedFieldsInput {
  @Field(() => ID)
  buyerOrganizationId: string;
}

@InputType()
export class UpdateNeedInput extends NeedFieldsInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  version: number;
}

@InputType()
export class NeedFilterInput {
  @Field(() => String, { nullable: true, description: 'Words in the title, description or wanted impact (Swedish, prefix match)' })
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
  @Field(() => String, { nullable: true, description: 'Words in the description or services (Swedish, prefix match), or part of the name' })
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
}

@InputType()
export class OfferFieldsInput {
  @Field(() => String, { nullable: true })
  message?: string;

  @Field(() => KronorScalar, { nullable: true })
  priceSek?: number | null;

  @Field(() => String, { nullable: true })
  proposedOutcomes?: string;
}

@InputType()
export class CreateOfferInput extends OfferFieldsInput {
  @Field(() => ID)
  needId: string;

  @Field(() => ID)
  enterpriseOrganizationId: string;
}

@InputType()
export class UpdateOfferInput extends OfferFieldsInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  version: number;
}
