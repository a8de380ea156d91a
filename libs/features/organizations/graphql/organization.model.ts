import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { type InvitationEntity, type MembershipEntity, type OrganizationEntity } from '@samverka/schema';
import { MembershipRoleEnum, OrganizationKindEnum } from '@samverka/accounts';
import { Node, DateTimeScalar } from '@samverka/engine';

@ObjectType({ description: 'A municipality, region, social enterprise or support organisation', implements: () => [Node] })
export class Organization {
  @Field(() => ID)
  id: string;

  @Field(() => OrganizationKindEnum)
  kind: OrganizationKindEnum;

  @Field()
  name: string;

  @Field({ description: 'Organisationsnummer, NNNNNN-NNNN' })
  organisationsnummer: string;

  @Field(() => String, { nullable: true, description: 'Kommunkod of the home municipality' })
  municipalityCode: string | null;

  @Field({ description: 'Länskod of the home region' })
  countyCode: string;

  @Field(() => String, { nullable: true })
  website: string | null;

  @Field({ description: 'Checked by an administrator or a coordinator of its county: only then are its needs shown to others and its offers submitted' })
  verified: boolean;

  @Field(() => DateTimeScalar, { nullable: true })
  verifiedAt: Date | null;

  @Field(() => DateTimeScalar)
  createdAt: Date;

  @Field(() => DateTimeScalar)
  updatedAt: Date;

  @Field(() => Int, { description: 'Send it back with a change: a change based on an older version is refused' })
  version: number;

  static from(entity: OrganizationEntity): Organization {
    return Object.assign(new Organization(), {
      id: entity.id,
      kind: entity.kind,
      name: entity.name,
      organisationsnummer: entity.orgNumber,
      municipalityCode: entity.municipalityCode,
      countyCode: entity.countyCode,
      website: entity.website,
      verified: entity.verified,
      verifiedAt: entity.verifiedAt,
      createdAt: entity.createdAt,
      updatedAt: entity.updatedAt,
      version: entity.version,
    });
  }
}

@ObjectType({ description: 'A person’s place in an organisation' })
export class Membership {
  @Field(() => MembershipRoleEnum)
  role: MembershipRoleEnum;

  @Field(() => DateTimeScalar)
  createdAt: Date;

  organizationId: string;
  userId: string;

  static from(entity: MembershipEntity): Membership {
    return Object.assign(new Membership(), {
      role: entity.role,
      createdAt: entity.createdAt,
      organizationId: entity.organizationId,
      userId: entity.userId,
    });
  }
}

@ObjectType({ description: 'An open invitation to join an organisation' })
export class Invitation {
  @Field(() => ID)
  id: string;

  @Field()
  email: string;

  @Field(() => MembershipRoleEnum)
  role: MembershipRoleEnum;

  @Field(() => DateTimeScalar)
  createdAt: Date;

  @Field(() => DateTimeScalar)
  expiresAt: Date;

  @Field(() => ID)
  organizationId: string;

  static from(entity: InvitationEntity): Invitation {
    return Object.assign(new Invitation(), {
      id: entity.id,
      email: entity.email,
      role: entity.role,
      createdAt: entity.createdAt,
      expiresAt: entity.expiresAt,
      organizationId: entity.organizationId,
    });
  }
}
