import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { DateScalar, VersionField } from '@samverka/engine';
import { MAX_CODES } from '@samverka/reference-data';
import { PartnershipPartyEnum, PartnershipStatusEnum } from './brokering.enums.js';

@InputType()
export class IntroduceEnterpriseInput {
  @Field(() => ID, { description: "A published need of a buyer in the coordinator's region" })
  needId: string;

  @Field(() => ID, { description: 'The social enterprise proposed for the need; one the need’s form admits' })
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

  @Field({ description: '1 to 200 characters' })
  title: string;

  @Field(() => String, { nullable: true, description: 'At most 10 000 characters' })
  description?: string;

  @Field(() => [String], { nullable: true, description: `At most ${MAX_CODES} CPV codes, NNNNNNNN-N or the 8 digits` })
  cpvCodes?: string[];

  @Field(() => [Int], { nullable: true, description: 'Global goals, 1–17' })
  sdgs?: number[];

  @Field(() => String, { nullable: true, description: 'Kommunkod where the work is done, in the buyer’s county' })
  municipalityCode?: string;

  @Field(() => DateScalar, { nullable: true, description: 'The agreed start (default: today)' })
  startsOn?: string;

  @Field(() => DateScalar, { nullable: true, description: 'The agreed end, not before the start' })
  endsOn?: string;

  @Field(() => Int, { nullable: true, description: 'How often the enterprise reports impact: 1, 3, 6 or 12 months (default 3)' })
  reportEveryMonths?: number;

  @Field(() => ID, { nullable: true, description: 'The ACCEPTED introduction of this enterprise to a need of this buyer that led to the agreement' })
  introductionId?: string;
}

@InputType()
export class AcceptOfferInput {
  @Field(() => ID, { description: 'A submitted or shortlisted offer on a PUBLISHED or CLOSED need' })
  offerId: string;
}

@InputType()
export class RespondToIntroductionInput {
  @Field(() => ID)
  introductionId: string;

  @VersionField()
  version: number;

  @Field({ description: 'true: the enterprise is interested and may offer; false: it declines' })
  accept: boolean;

  @Field(() => String, { nullable: true, description: 'A word to the coordinator and the buyer (at most 2 000 characters)' })
  note?: string;
}

@InputType()
export class WithdrawIntroductionInput {
  @Field(() => ID)
  introductionId: string;

  @VersionField()
  version: number;
}

@InputType()
export class CompletePartnershipInput {
  @Field(() => ID)
  partnershipId: string;

  @VersionField()
  version: number;

  @Field(() => String, { nullable: true, description: 'At most 2 000 characters' })
  note?: string;
}

@InputType()
export class TerminatePartnershipInput {
  @Field(() => ID)
  partnershipId: string;

  @VersionField()
  version: number;

  @Field({ description: 'Why it ends (1 to 2 000 characters)' })
  reason: string;
}

@InputType()
export class SetPartnershipPublicInput {
  @Field(() => ID)
  partnershipId: string;

  @Field({ description: 'true shows it as a good example, false hides it' })
  public: boolean;

  @Field(() => String, { nullable: true, description: 'The public text (at most 2 000 characters); needed before it is first shown' })
  summary?: string;

  @Field(() => PartnershipPartyEnum, { nullable: true, description: 'For a person in both organisations: the side they decide for' })
  party?: PartnershipPartyEnum;

  @VersionField({
    nullable: true,
    description:
      'The version you read; if given, the change is refused when the partnership has moved on. Needed to show it without a new summary: you agree to the text of that version',
  })
  version?: number;
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
