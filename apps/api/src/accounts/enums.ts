import { registerEnumType } from '@nestjs/graphql';

export enum PlatformRoleEnum {
  USER = 'USER',
  COORDINATOR = 'COORDINATOR',
  ADMIN = 'ADMIN',
}
registerEnumType(PlatformRoleEnum, {
  name: 'PlatformRole',
  description: 'USER: everyone; COORDINATOR: brokers partnerships in given regions; ADMIN: runs the platform',
});

export enum MembershipRoleEnum {
  OWNER = 'OWNER',
  MEMBER = 'MEMBER',
}
registerEnumType(MembershipRoleEnum, { name: 'MembershipRole', description: 'OWNER: manages the organisation and its members' });

export enum OrganizationKindEnum {
  MUNICIPALITY = 'MUNICIPALITY',
  REGION = 'REGION',
  SOCIAL_ENTERPRISE = 'SOCIAL_ENTERPRISE',
  SUPPORT_ORGANIZATION = 'SUPPORT_ORGANIZATION',
}
registerEnumType(OrganizationKindEnum, { name: 'OrganizationKind' });
