import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { MembershipRoleEnum, OrganizationKindEnum } from '@samverka/accounts';

@InputType()
export class CreateOrganizationInput {
  @Field(() => OrganizationKindEnum)
  kind: OrganizationKindEnum;

  @Field()
  name: string;

  @Field({ description: 'NNNNNN-NNNN or 10 digits; the last digit is a Luhn check digit' })
  organisationsnummer: string;

  @Field(() => String, { nullable: true, description: 'Kommunkod (4 digits); required for a municipality' })
  municipalityCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Länskod (2 digits); required for a region, else taken from the municipality' })
  countyCode?: string | null;

  @Field(() => String, { nullable: true })
  website?: string | null;
}

@InputType()
export class UpdateOrganizationInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'The version the change is based on' })
  version: number;

  @Field(() => String, { nullable: true })
  name?: string;

  @Field(() => String, { nullable: true })
  municipalityCode?: string | null;

  @Field(() => String, { nullable: true })
  countyCode?: string | null;

  @Field(() => String, { nullable: true, description: 'An empty string removes it' })
  website?: string | null;
}

@InputType()
export class OrganizationFilterInput {
  @Field(() => String, { nullable: true, description: 'Part of the name or organisationsnummer' })
  search?: string;

  @Field(() => [OrganizationKindEnum], { nullable: true })
  kinds?: OrganizationKindEnum[];

  @Field(() => String, { nullable: true })
  countyCode?: string;

  @Field(() => String, { nullable: true })
  municipalityCode?: string;

  @Field(() => Boolean, { nullable: true })
  verified?: boolean;
}

@InputType()
export class InviteMemberInput {
  @Field(() => ID)
  organizationId: string;

  @Field()
  email: string;

  @Field(() => MembershipRoleEnum, { defaultValue: MembershipRoleEnum.MEMBER })
  role: MembershipRoleEnum;
}
