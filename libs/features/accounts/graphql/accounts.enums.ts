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

/** How a sign-in hands over its refresh token. */
export const SESSION_MODES = ['TOKEN', 'COOKIE'] as const;
export type SessionMode = (typeof SESSION_MODES)[number];

export const SessionModeEnum = enumFromList(SESSION_MODES, {
  name: 'SessionMode',
  description: 'How a sign-in hands over its refresh token',
  valuesMap: {
    TOKEN: { description: 'In the answer (refreshToken), for scripts and apps that keep it safe; renew with refreshSession' },
    COOKIE: {
      description:
        'For the web app: in an HttpOnly cookie sent only to /auth, not in the answer; renew with POST /auth/refresh and sign out with POST /auth/logout. The sign-in and both of these carry the header X-Samverka-CSRF: 1',
    },
  },
});
export type SessionModeEnum = SessionMode;
