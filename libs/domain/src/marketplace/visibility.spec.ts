import { authorize } from '../access/policy.js';
import { ANONYMOUS, type Actor, type PlatformRole } from '../access/actor.js';
import { NEED_STATUSES, PUBLIC_NEED_STATUSES } from './marketplace-types.js';
import { needAwaitingVerification, needIsPublic, needVisibleTo } from './visibility.js';

const BUYER = 'buyer-org';
const person = (role: PlatformRole, options: { counties?: string[]; memberOf?: string } = {}): Actor => ({
  kind: 'user',
  userId: `${role}-${options.memberOf ?? 'none'}`,
  role,
  coordinatorCounties: options.counties ?? [],
  memberships: new Map(options.memberOf ? [[options.memberOf, 'MEMBER' as const]] : []),
});

describe('who sees a need', () => {
  const actors: [string, Actor, 'all' | 'public'][] = [
    ['anonymous', ANONYMOUS, 'public'],
    ['another person', person('USER', { memberOf: 'other-org' }), 'public'],
    ['a coordinator of its county', person('COORDINATOR', { counties: ['12'] }), 'public'],
    ['a member of its buyer', person('USER', { memberOf: BUYER }), 'all'],
    ['an administrator', person('ADMIN'), 'all'],
  ];
  const cases = actors.flatMap(([who, actor, sees]) =>
    NEED_STATUSES.flatMap((status) =>
      [true, false].map((buyerVerified) => {
        const isPublic = PUBLIC_NEED_STATUSES.includes(status) && buyerVerified;
        return [who, status, buyerVerified, actor, sees === 'all' || isPublic] as const;
      }),
    ),
  );
  it.each(cases)('%s, a %s need (buyer verified: %s)', (_who, status, buyerVerified, actor, visible) => {
    const need = { status, buyerOrganizationId: BUYER, buyerVerified };
    expect(needVisibleTo(actor, need)).toBe(visible);
  });

  it('calls a need public when its status is public and its buyer verified, and awaiting verification when only the buyer is missing', () => {
    for (const status of NEED_STATUSES) {
      const open = PUBLIC_NEED_STATUSES.includes(status);
      expect([status, needIsPublic({ status, buyerOrganizationId: BUYER, buyerVerified: true })]).toEqual([status, open]);
      expect([status, needIsPublic({ status, buyerOrganizationId: BUYER, buyerVerified: false })]).toEqual([status, false]);
      expect([status, needAwaitingVerification({ status, buyerOrganizationId: BUYER, buyerVerified: false })]).toEqual([status, open]);
      expect([status, needAwaitingVerification({ status, buyerOrganizationId: BUYER, buyerVerified: true })]).toEqual([status, false]);
    }
  });
});

describe('who verifies an organisation', () => {
  const scope = { organizationId: BUYER, countyCode: '12' };
  it.each([
    ['an administrator', person('ADMIN'), true],
    ['a coordinator of its county', person('COORDINATOR', { counties: ['01', '12'] }), true],
    ['a coordinator of another county', person('COORDINATOR', { counties: ['01'] }), false],
    ['its owner', { ...person('USER'), memberships: new Map([[BUYER, 'OWNER' as const]]) }, false],
  ] as const)('%s', (_who, actor, allowed) => {
    expect(authorize(actor, 'organization.verify', scope)).toEqual(
      allowed
        ? { allowed: true }
        : { allowed: false, code: 'FORBIDDEN', reason: { key: 'access.onlyRegionCoordinatorsAndAdministrators', params: { action: 'access.toVerifyOrganizations' } } },
    );
  });

  it('asks the anonymous to sign in', () => {
    expect(authorize(ANONYMOUS, 'organization.verify', scope)).toMatchObject({ allowed: false, code: 'UNAUTHENTICATED' });
  });
});
