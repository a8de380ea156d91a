import { ORGANIZATION_KINDS, type OrganizationKind } from '@samverka/schema';
import { MEMBERSHIP_ROLES, PLATFORM_ROLES, type MembershipRole, type PlatformRole } from '@samverka/domain';
import { enumFromList } from '@samverka/engine';

export const PlatformRoleEnum = enumFromList(PLATFORM_ROLES, {
  name: 'PlatformRole',
  description: 'USER: everyone; COORDINATOR: brokers partnerships in given regions; ADMIN: runs the platform',
});
export type PlatformRoleEnum = PlatformRole;

export const MembershipRoleEnum = enumFromList(MEMBERSHIP_ROLES, { name: 'MembershipRole', description: 'OWNER: manages the organisation and its members' });
export type MembershipRoleEnum = MembershipRole;

export const OrganizationKindEnum = enumFromList(ORGANIZATION_KINDS, { name: 'OrganizationKind' });
export type OrganizationKindEnum = OrganizationKind;
