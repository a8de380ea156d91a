export type PlatformRole = 'USER' | 'COORDINATOR' | 'ADMIN';
export type MembershipRole = 'OWNER' | 'MEMBER';
export const PLATFORM_ROLES: readonly PlatformRole[] = ['USER', 'COORDINATOR', 'ADMIN'];
export const MEMBERSHIP_ROLES: readonly MembershipRole[] = ['OWNER', 'MEMBER'];

/** Who is asking: nobody, a signed-in person, or an operator with the operations token. */
export type Actor =
  | { kind: 'anonymous' }
  | { kind: 'operator' }
  | {
      kind: 'user';
      userId: string;
      role: PlatformRole;
      /** Länskoder of the regions a coordinator works in (empty for everyone else). */
      coordinatorCounties: readonly string[];
      /** Organisation id → the person's role in it. */
      memberships: ReadonlyMap<string, MembershipRole>;
    };

export type UserActor = Extract<Actor, { kind: 'user' }>;

export const ANONYMOUS: Actor = { kind: 'anonymous' };
export const OPERATOR: Actor = { kind: 'operator' };

export function isAdmin(actor: Actor): boolean {
  return actor.kind === 'user' && actor.role === 'ADMIN';
}

export function coordinatesCounty(actor: Actor, countyCode: string | null | undefined): boolean {
  return actor.kind === 'user' && actor.role === 'COORDINATOR' && !!countyCode && actor.coordinatorCounties.includes(countyCode);
}

/**
 * The counties an actor's imports and exports are limited to: a coordinator's regions; null (no limit) for
 * administrators. Anyone else has no region to work in.
 */
export function regionScopeOf(actor: Actor): readonly string[] | null {
  if (isAdmin(actor) || actor.kind === 'operator') return null;
  return actor.kind === 'user' && actor.role === 'COORDINATOR' ? actor.coordinatorCounties : [];
}

export function roleIn(actor: Actor, organizationId: string): MembershipRole | undefined {
  return actor.kind === 'user' ? actor.memberships.get(organizationId) : undefined;
}

/** The person acting, for records of who did what; null for the anonymous caller and the operator. */
export function actorUserId(actor: Actor): string | null {
  return actor.kind === 'user' ? actor.userId : null;
}
