import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { PartnershipStatusEnum } from './brokering.enums.js';
import { DateScalar } from '@samverka/engine';

@InputType()
export class IntroduceEnterpriseInput {
  @Field(() => ID)
  needId: string;

  @Field(() => ID, { description: 'The social enterprise proposed for the need' })
  enterpriseOrganizationId: string;

  @Field({ description: 'Why this enterprise fits the need (1 to 2 000 characters); both sides read it' })
  note: string;
}

@InputType({ description: 'An agreement a coordinator brokered between a buyer in their region and a social enterprise' })
export class CreatePartnershipInput {
  @Field(() => ID, { description: 'A municipality or region in the coordinator’s region' })
  buyerOrganizationId: string;

  @Field(() => ID, { description: 'A social enterprise' })
  enterpriseOrganizationId: string;

  @Field()
  title: string;

  @Field(() => String, { nullable: true })
  description?: string;

  @Field(() => [String], { nullable: true, description: 'NNNNNNNN-N or the 8 digits' })
  cpvCodes?: string[];

  @Field(() => [Int], { nullable: true })
  sdgs?: number[];

  @Field(() => String, { nullable: true, description: 'Kommunkod where the work is done, in the buyer’s county' })
  municipalityCode?: string;

  @Field(() => DateScalar, { nullable: true, description: 'The agreed start (default: today)' })
  startsOn?: string;

  @Field(() => DateScalar, { nullable: true, description: 'The agreed end' })
  endsOn?: string;

  @Field(() => Int, { nullable: true, description: 'How often the enterprise reports impact: 1, 3, 6 or 12 months (default 3)' })
  reportEveryMonths?: number;

  @Field(() => ID, { nullable: true, description: 'The ACCEPTED introduction of this enterprise to a need of this buyer that led to the agreement' })
  introductionId?: string;
}

@InputType()
export class PartnershipFilterInput {
  @Field(() => ID, { nullable: true, description: 'Partnerships where this organisation is a party' })
  organizationId?: string;

  @Field(() => String, { nullable: true, description: 'Partnerships of this region (länskod)' })
  countyCode?: string;

  @Field(() => PartnershipStatusEnum, { nullable: true })
  status?: PartnershipStatusEnum;
}
