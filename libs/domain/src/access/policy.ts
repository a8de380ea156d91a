import { coordinatesCounty, isAdmin, roleIn, type Actor } from './actor.js';

/** What an organisation-scoped rule needs to know about the organisation. */
export interface OrganizationScope {
  organizationId: string;
  /** The county the organisation belongs to (its own, or its municipality's). */
  countyCode: string | null;
}

/** A person an action or a read concerns (for contact details). */
export interface PersonScope {
  userId: string;
  /** Organisations the person belongs to, with their counties. */
  organizations: readonly OrganizationScope[];
}

/** A region: the county (län) an action concerns. */
export interface CountyScope {
  countyCode: string | null;
}

/** An introduction: the need's buyer, the enterprise introduced, and the region it was brokered in. */
export interface IntroductionScope {
  buyerOrganizationId: string;
  enterpriseOrganizationId: string;
  countyCode: string | null;
}

/** A partnership: its two parties and its region (the buyer's county, or where the work is done). */
export interface PartnershipScope {
  buyerOrganizationId: string;
  enterpriseOrganizationId: string;
  countyCode: string | null;
}

/**
 * Every action the API guards, and what it needs to decide. One table, read by the policy guard for
 * every resolver and by services for field-level reads.
 */
export interface ActionScopes {
  'session.manage': undefined;
  'account.changePassword': undefined;
  'organization.create': undefined;
  'organization.update': OrganizationScope;
  'organization.verify': OrganizationScope;
  'organization.members.read': OrganizationScope;
  'organization.members.invite': OrganizationScope;
  'organization.members.remove': OrganizationScope & { memberUserId: string };
  'organization.members.setRole': OrganizationScope;
  'invitation.accept': undefined;
  'user.list': undefined;
  'user.setPlatformRole': undefined;
  'user.contactDetails.read': PersonScope;
  'audit.read': undefined;
  'ops.queueProbe': undefined;
  'organization.dashboard.read': OrganizationScope;
  'organization.offers.read': OrganizationScope;
  'profile.edit': OrganizationScope;
  'need.create': OrganizationScope;
  'need.manage': OrganizationScope;
  'offer.create': OrganizationScope;
  'offer.manage': OrganizationScope;
  'offer.decide': OrganizationScope;
  'offer.read': undefined;
  'need.matches.read': OrganizationScope;
  'organization.recommendations.read': OrganizationScope;
  'matching.rebuild': undefined;
  'introduction.create': CountyScope;
  'introduction.withdraw': CountyScope;
  'introduction.respond': OrganizationScope;
  'introduction.read': IntroductionScope;
  'need.introductions.read': OrganizationScope;
  'organization.introductions.read': OrganizationScope;
  'partnership.create': CountyScope;
  'partnership.read': PartnershipScope;
  'partnership.list': undefined;
  'partnership.manage': PartnershipScope;
  'partnership.complete': PartnershipScope;
  'impactReport.write': PartnershipScope;
  'impactReport.decide': PartnershipScope;
  'impactIndicator.manage': undefined;
  'region.insights.read': CountyScope;
  'notification.manage': undefined;
  'import.run': undefined;
  'import.read': ImportRunScope;
  'export.run': undefined;
}

/** An import run, for deciding who may follow it. */
export interface ImportRunScope {
  /** Who started it; null when it came from the command line. */
  requestedBy: string | null;
}

export type Action = keyof ActionScopes;

export type Decision = { allowed: true } | { allowed: false; code: 'UNAUTHENTICATED' | 'FORBIDDEN'; reason: string };

const ALLOW: Decision = { allowed: true };
const signIn = (what: string): Decision => ({ allowed: false, code: 'UNAUTHENTICATED', reason: `Sign in to ${what}` });
const deny = (reason: string): Decision => ({ allowed: false, code: 'FORBIDDEN', reason });

type Rule<A extends Action> = (actor: Actor, scope: ActionScopes[A]) => Decision;

const signedIn =
  (what: string): Rule<Action> =>
  (actor) =>
    actor.kind === 'user' ? ALLOW : signIn(what);

const adminOnly =
  (what: string): Rule<Action> =>
  (actor) =>
    actor.kind !== 'user' ? signIn(what) : isAdmin(actor) ? ALLOW : deny(`Only administrators may ${what}`);

/** Administrators, and coordinators within their regions (the service limits what they touch to their counties). */
const adminOrCoordinator =
  (what: string): Rule<Action> =>
  (actor) => {
    if (actor.kind !== 'user') return signIn(what);
    if (isAdmin(actor) || (actor.role === 'COORDINATOR' && actor.coordinatorCounties.length > 0)) return ALLOW;
    return deny(`Only administrators and regional coordinators may ${what}`);
  };

const ownerOrAdmin =
  (what: string) =>
  (actor: Actor, scope: OrganizationScope): Decision => {
    if (actor.kind !== 'user') return signIn(what);
    if (isAdmin(actor) || roleIn(actor, scope.organizationId) === 'OWNER') return ALLOW;
    return deny(`Only the organisation's owners and administrators may ${what}`);
  };

const memberOrAdmin =
  (what: string) =>
  (actor: Actor, scope: OrganizationScope): Decision => {
    if (actor.kind !== 'user') return signIn(what);
    if (isAdmin(actor) || roleIn(actor, scope.organizationId)) return ALLOW;
    return deny(`Only the organisation's members and administrators may ${what}`);
  };

const memberOnly =
  (what: string) =>
  (actor: Actor, scope: OrganizationScope): Decision => {
    if (actor.kind !== 'user') return signIn(what);
    if (roleIn(actor, scope.organizationId)) return ALLOW;
    return deny(`Only the organisation's members may ${what}`);
  };

const coordinatorOf =
  (what: string) =>
  (actor: Actor, scope: CountyScope): Decision => {
    if (actor.kind !== 'user') return signIn(what);
    if (coordinatesCounty(actor, scope.countyCode)) return ALLOW;
    return deny(`Only the region's coordinators may ${what}`);
  };

const partyOf = (actor: Actor, scope: PartnershipScope): boolean => !!roleIn(actor, scope.buyerOrganizationId) || !!roleIn(actor, scope.enterpriseOrganizationId);

const RULES: { [A in Action]: Rule<A> } = {
  'session.manage': signedIn('manage your sessions'),
  'account.changePassword': signedIn('change your password'),
  'organization.create': signedIn('register an organisation'),
  'organization.update': ownerOrAdmin('change the organisation'),
  // The region's coordinators know its organisations: they verify them as administrators do.
  'organization.verify': (actor, scope) => {
    if (actor.kind !== 'user') return signIn('verify organisations');
    if (isAdmin(actor) || coordinatesCounty(actor, scope.countyCode)) return ALLOW;
    return deny('organizations.verifyNotAllowed');
  },
  'organization.members.read': (actor, scope) => {
    if (actor.kind !== 'user') return signIn("see an organisation's members");
    if (isAdmin(actor) || roleIn(actor, scope.organizationId) || coordinatesCounty(actor, scope.countyCode)) return ALLOW;
    return deny("Only the organisation's members, its region's coordinators and administrators may see its members");
  },
  'organization.members.invite': ownerOrAdmin('invite members'),
  'organization.members.remove': (actor, scope) => {
    if (actor.kind !== 'user') return signIn('remove members');
    // Anyone may leave an organisation; owners and administrators may remove others.
    if (actor.userId === scope.memberUserId && roleIn(actor, scope.organizationId)) return ALLOW;
    return ownerOrAdmin('remove members')(actor, scope);
  },
  'organization.members.setRole': ownerOrAdmin("change members' roles"),
  'invitation.accept': signedIn('accept an invitation'),
  'user.list': adminOnly('list users'),
  'user.setPlatformRole': adminOnly("change people's platform roles"),
  'user.contactDetails.read': (actor, person) => {
    if (actor.kind !== 'user') return signIn("see people's contact details");
    if (actor.userId === person.userId || isAdmin(actor)) return ALLOW;
    // A reason to see them: working in the same organisation, or coordinating one of its regions.
    for (const org of person.organizations) {
      if (roleIn(actor, org.organizationId) || coordinatesCounty(actor, org.countyCode)) return ALLOW;
    }
    return deny('Contact details are shown only to people who work with this person');
  },
  'audit.read': adminOnly('read the audit trail'),
  'organization.dashboard.read': (actor, scope) => {
    if (actor.kind !== 'user') return signIn("see an organisation's dashboard");
    if (isAdmin(actor) || roleIn(actor, scope.organizationId) || coordinatesCounty(actor, scope.countyCode)) return ALLOW;
    return deny("Only the organisation's members, its region's coordinators and administrators may see its dashboard");
  },
  'organization.offers.read': memberOrAdmin("see the organisation's offers"),
  'profile.edit': memberOrAdmin("change the enterprise's profile"),
  'need.create': memberOrAdmin('post needs for the organisation'),
  'need.manage': memberOrAdmin("change the buyer's need"),
  // Offers are the enterprise's own until submitted: not even administrators write them.
  'offer.create': memberOnly('make offers for the enterprise'),
  'offer.read': signedIn('see offers'),
  'offer.manage': memberOnly("change the enterprise's offer"),
  // Only the buyer decides on offers: administrators run the platform, they do not award contracts.
  'offer.decide': (actor, scope) => {
    if (actor.kind !== 'user') return signIn('decide on offers');
    if (roleIn(actor, scope.organizationId)) return ALLOW;
    return deny("Only the buyer's members may decide on offers to its need");
  },
  // A need's matches are the buyer's shortlist to approach; coordinators broker them in their region.
  'need.matches.read': (actor, scope) => {
    if (actor.kind !== 'user') return signIn("see a need's matches");
    if (isAdmin(actor) || roleIn(actor, scope.organizationId) || coordinatesCounty(actor, scope.countyCode)) return ALLOW;
    return deny("Only the buyer's members, its region's coordinators and administrators may see a need's matches");
  },
  'organization.recommendations.read': (actor, scope) => {
    if (actor.kind !== 'user') return signIn('see recommended needs');
    if (isAdmin(actor) || roleIn(actor, scope.organizationId) || coordinatesCounty(actor, scope.countyCode)) return ALLOW;
    return deny("Only the enterprise's members, its region's coordinators and administrators may see the needs recommended to it");
  },
  'matching.rebuild': adminOnly('rebuild the matches'),
  // Coordinators bring in and take out their region's data: rows outside their counties are refused.
  'import.run': adminOrCoordinator('import data'),
  'import.read': (actor, run) => {
    if (actor.kind !== 'user') return signIn('follow imports');
    if (isAdmin(actor) || (run.requestedBy !== null && actor.userId === run.requestedBy)) return ALLOW;
    return deny('Only the person who started an import and administrators may follow it');
  },
  'export.run': adminOrCoordinator('export data'),
  // Brokering is the coordinators' work, each in their own regions; administrators run the platform.
  'introduction.create': coordinatorOf('introduce enterprises to needs'),
  'introduction.withdraw': coordinatorOf('withdraw introductions'),
  'introduction.respond': memberOnly('answer introductions for the enterprise'),
  'introduction.read': (actor, scope) => {
    if (actor.kind !== 'user') return signIn('see introductions');
    if (isAdmin(actor) || roleIn(actor, scope.buyerOrganizationId) || roleIn(actor, scope.enterpriseOrganizationId) || coordinatesCounty(actor, scope.countyCode)) return ALLOW;
    return deny("Only the need's buyer, the enterprise introduced, the region's coordinators and administrators may see an introduction");
  },
  'need.introductions.read': (actor, scope) => {
    if (actor.kind !== 'user') return signIn("see a need's introductions");
    if (isAdmin(actor) || roleIn(actor, scope.organizationId) || coordinatesCounty(actor, scope.countyCode)) return ALLOW;
    return deny("Only the buyer's members, its region's coordinators and administrators may see a need's introductions");
  },
  'organization.introductions.read': (actor, scope) => {
    if (actor.kind !== 'user') return signIn("see an enterprise's introductions");
    if (isAdmin(actor) || roleIn(actor, scope.organizationId) || coordinatesCounty(actor, scope.countyCode)) return ALLOW;
    return deny("Only the enterprise's members, its region's coordinators and administrators may see its introductions");
  },
  'partnership.create': coordinatorOf('record brokered partnerships'),
  'partnership.read': (actor, scope) => {
    if (actor.kind !== 'user') return signIn('see partnerships');
    if (isAdmin(actor) || partyOf(actor, scope) || coordinatesCounty(actor, scope.countyCode)) return ALLOW;
    return deny("Only the partnership's parties, its region's coordinators and administrators may see it");
  },
  // The list holds only the partnerships the person may read ('partnership.read', row by row).
  'partnership.list': signedIn('see partnerships'),
  'partnership.manage': (actor, scope) => {
    if (actor.kind !== 'user') return signIn('change partnerships');
    if (partyOf(actor, scope)) return ALLOW;
    return deny("Only the partnership's parties may change it");
  },
  'partnership.complete': (actor, scope) => {
    if (actor.kind !== 'user') return signIn('complete partnerships');
    if (roleIn(actor, scope.buyerOrganizationId)) return ALLOW;
    return deny("Only the buyer's members may mark a partnership completed");
  },
  'impactReport.write': (actor, scope) => {
    if (actor.kind !== 'user') return signIn('report impact');
    if (roleIn(actor, scope.enterpriseOrganizationId)) return ALLOW;
    return deny("Only the enterprise's members may report a partnership's impact");
  },
  'impactReport.decide': (actor, scope) => {
    if (actor.kind !== 'user') return signIn('confirm impact reports');
    if (roleIn(actor, scope.buyerOrganizationId)) return ALLOW;
    return deny("Only the buyer's members may confirm or return an impact report");
  },
  'impactIndicator.manage': adminOnly('manage the catalogue of impact indicators'),
  'region.insights.read': (actor, scope) => {
    if (actor.kind !== 'user') return signIn("see a region's insights");
    if (isAdmin(actor) || coordinatesCounty(actor, scope.countyCode)) return ALLOW;
    return deny("Only the region's coordinators and administrators may see its insights");
  },
  'notification.manage': signedIn('read your notifications'),
  'ops.queueProbe': (actor) =>
    actor.kind === 'operator' || isAdmin(actor)
      ? ALLOW
      : actor.kind === 'anonymous'
        ? { allowed: false, code: 'UNAUTHENTICATED', reason: 'This operation needs the operations token or an administrator' }
        : deny('Only operators and administrators may probe the queue'),
};

/** The one authorisation decision: may `actor` do `action` on `scope`? */
export function authorize<A extends Action>(actor: Actor, action: A, scope: ActionScopes[A]): Decision {
  return (RULES[action] as Rule<A>)(actor, scope);
}

export const ACTIONS = Object.keys(RULES) as Action[];
