import { Field, ID, InputType } from '@nestjs/graphql';
import { VersionField } from '@samverka/engine';
import { MembershipRoleEnum, OrganizationKindEnum } from '@samverka/accounts';

@InputType()
export class CreateOrganizationInput {
  @Field(() => OrganizationKindEnum)
  kind: OrganizationKindEnum;

  @Field({ description: '2 to 200 characters' })
  name: string;

  @Field({ description: 'NNNNNN-NNNN or 10 digits; the last digit is a Luhn check digit; one organisation each' })
  organisationsnummer: string;

  @Field(() => String, { nullable: true, description: 'Kommunkod (4 digits); required for a municipality' })
  municipalityCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Länskod (2 digits); required for a region, else taken from the municipality' })
  countyCode?: string | null;

  @Field(() => String, { nullable: true, description: 'A web address such as https://www.example.se' })
  website?: string | null;
}

@InputType({ description: 'Changes to an organisation: fields left out stay as they are; a verified one loses its verification when renamed or moved' })
export class UpdateOrganizationInput {
  @Field(() => ID)
  organizationId: string;

  @VersionField()
  version: number;

  @Field(() => String, { nullable: true, description: '2 to 200 characters' })
  name?: string;

  @Field(() => String, { nullable: true, description: 'Kommunkod (4 digits)' })
  municipalityCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Länskod (2 digits); the county of the municipality when both are given' })
  countyCode?: string | null;

  @Field(() => String, { nullable: true, description: 'A web address such as https://www.example.se; an empty string removes it' })
  website?: string | null;
}

@InputType()
export class VerifyOrganizationInput {
  @Field(() => ID)
  organizationId: string;

  @Field({ defaultValue: true, description: 'false takes the verification back' })
  verified: boolean;
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

  @Field({ description: 'The e-mail address of the person invited; they accept when signed in with it' })
  email: string;

  @Field(() => MembershipRoleEnum, { defaultValue: MembershipRoleEnum.MEMBER })
  role: MembershipRoleEnum;
}

@InputType()
export class RevokeInvitationInput {
  @Field(() => ID)
  organizationId: string;

  @Field(() => ID, { description: 'An open invitation to this organisation' })
  invitationId: string;
}

@InputType()
export class AcceptInvitationInput {
  @Field({ description: 'The token of an invitation sent to your e-mail address, neither expired, revoked nor used' })
  token: string;
}

@InputType()
export class RemoveMemberInput {
  @Field(() => ID)
  organizationId: string;

  @Field(() => ID, { description: 'A member; an organisation keeps at least one owner' })
  userId: string;
}

@InputType()
export class SetMemberRoleInput {
  @Field(() => ID)
  organizationId: string;

  @Field(() => ID, { description: 'A member; an organisation keeps at least one owner' })
  userId: string;

  @Field(() => MembershipRoleEnum)
  role: MembershipRoleEnum;
}
