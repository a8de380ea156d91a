import { message, type Message, type MessageKey } from '../messages/index.js';
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
  'feedback.read': undefined;
  'ops.queueProbe': undefined;
  'organization.dashboard.read': OrganizationScope;
  'organization.offers.read': OrganizationScope;
  'profile.edit': OrganizationScope;
  'need.create': OrganizationScope;
  'need.manage': OrganizationScope;
  'offer.create': OrganizationScope;
  'savedSearch.manage': OrganizationScope;
  'offer.manage': OrganizationScope;
  'offer.decide': OrganizationScope;
  'need.invite': OrganizationScope;
  'need.matches.read': OrganizationScope;
  'organization.recommendations.read': OrganizationScope;
  'matching.rebuild': undefined;
  'introduction.create': CountyScope;
  'introduction.withdraw': CountyScope;
  'introduction.respond': OrganizationScope;
  'introduction.read': IntroductionScope;
  'introduction.list': undefined;
  'brokering.workList.read': CountyScope;
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
  'goodExample.curate': PartnershipScope;
  'goodExample.curateList': undefined;
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

/** A refusal says who may, and what, as a message (see the access area of the catalogue). */
export type Decision = { allowed: true } | { allowed: false; code: 'UNAUTHENTICATED' | 'FORBIDDEN'; reason: Message };

/** An action as words: the key of a phrase that reads after "Sign in to" and "Only … may". */
type ActionPhrase = Extract<MessageKey, `access.to${string}`>;
/** Who may: a refusal's sentence, with the action put in. */
type OnlyWho = Extract<MessageKey, `access.only${string}`>;

const ALLOW: Decision = { allowed: true };
const signIn = (what: ActionPhrase): Decision => ({ allowed: false, code: 'UNAUTHENTICATED', reason: message('access.signInTo', { action: what }) });
const deny = (who: OnlyWho, what: ActionPhrase): Decision => ({ allowed: false, code: 'FORBIDDEN', reason: message(who, { action: what }) });

type Rule<A extends Action> = (actor: Actor, scope: ActionScopes[A]) => Decision;

const signedIn =
  (what: ActionPhrase): Rule<Action> =>
  (actor) =>
    actor.kind === 'user' ? ALLOW : signIn(what);

const adminOnly =
  (what: ActionPhrase): Rule<Action> =>
  (actor) => {
    if (actor.kind !== 'user') return signIn(what);
    return isAdmin(actor) ? ALLOW : deny('access.onlyAdministrators', what);
  };

/** Administrators, and coordinators within their regions (the service limits what they touch to their counties). */
const adminOrCoordinator =
  (what: ActionPhrase): Rule<Action> =>
  (actor) => {
    if (actor.kind !== 'user') return signIn(what);
    if (isAdmin(actor) || (actor.role === 'COORDINATOR' && actor.coordinatorCounties.length > 0)) return ALLOW;
    return deny('access.onlyAdministratorsAndCoordinators', what);
  };

const ownerOrAdmin =
  (what: ActionPhrase) =>
  (actor: Actor, scope: OrganizationScope): Decision => {
    if (actor.kind !== 'user') return signIn(what);
    if (isAdmin(actor) || roleIn(actor, scope.organizationId) === 'OWNER') return ALLOW;
    return deny('access.onlyOwnersAndAdministrators', what);
  };

const memberOrAdmin =
  (what: ActionPhrase) =>
  (actor: Actor, scope: OrganizationScope): Decision => {
    if (actor.kind !== 'user') return signIn(what);
    if (isAdmin(actor) || roleIn(actor, scope.organizationId)) return ALLOW;
    return deny('access.onlyMembersAndAdministrators', what);
  };

const memberOnly =
  (what: ActionPhrase) =>
  (actor: Actor, scope: OrganizationScope): Decision => {
    if (actor.kind !== 'user') return signIn(what);
    if (roleIn(actor, scope.organizationId)) return ALLOW;
    return deny('access.onlyMembers', what);
  };

/** The organisation's members, the coordinators of its region, and administrators. */
const memberCoordinatorOrAdmin =
  (what: ActionPhrase) =>
  (actor: Actor, scope: OrganizationScope): Decision => {
    if (actor.kind !== 'user') return signIn(what);
    if (isAdmin(actor) || roleIn(actor, scope.organizationId) || coordinatesCounty(actor, scope.countyCode)) return ALLOW;
    return deny('access.onlyMembersCoordinatorsAndAdministrators', what);
  };

const coordinatorOf =
  (what: ActionPhrase) =>
  (actor: Actor, scope: CountyScope): Decision => {
    if (actor.kind !== 'user') return signIn(what);
    if (coordinatesCounty(actor, scope.countyCode)) return ALLOW;
    return deny('access.onlyRegionCoordinators', what);
  };

const partyOf = (actor: Actor, scope: PartnershipScope): boolean => !!roleIn(actor, scope.buyerOrganizationId) || !!roleIn(actor, scope.enterpriseOrganizationId);

const RULES: { [A in Action]: Rule<A> } = {
  'session.manage': signedIn('access.toManageSessions'),
  'account.changePassword': signedIn('access.toChangePassword'),
  'organization.create': signedIn('access.toRegisterOrganization'),
  'organization.update': ownerOrAdmin('access.toChangeOrganization'),
  // The region's coordinators know its organisations: they verify them as administrators do.
  'organization.verify': (actor, scope) => {
    if (actor.kind !== 'user') return signIn('access.toVerifyOrganizations');
    if (isAdmin(actor) || coordinatesCounty(actor, scope.countyCode)) return ALLOW;
    return deny('access.onlyRegionCoordinatorsAndAdministrators', 'access.toVerifyOrganizations');
  },
  'organization.members.read': memberCoordinatorOrAdmin('access.toSeeMembers'),
  'organization.members.invite': ownerOrAdmin('access.toInviteMembers'),
  'organization.members.remove': (actor, scope) => {
    if (actor.kind !== 'user') return signIn('access.toRemoveMembers');
    // Anyone may leave an organisation; owners and administrators may remove others.
    if (actor.userId === scope.memberUserId && roleIn(actor, scope.organizationId)) return ALLOW;
    return ownerOrAdmin('access.toRemoveMembers')(actor, scope);
  },
  'organization.members.setRole': ownerOrAdmin('access.toChangeMemberRoles'),
  'invitation.accept': signedIn('access.toAcceptInvitation'),
  'user.list': adminOnly('access.toListUsers'),
  'user.setPlatformRole': adminOnly('access.toSetPlatformRoles'),
  'user.contactDetails.read': (actor, person) => {
    if (actor.kind !== 'user') return signIn('access.toSeeContactDetails');
    if (actor.userId === person.userId || isAdmin(actor)) return ALLOW;
    // A reason to see them: working in the same organisation, or coordinating one of its regions.
    for (const org of person.organizations) {
      if (roleIn(actor, org.organizationId) || coordinatesCounty(actor, org.countyCode)) return ALLOW;
    }
    return { allowed: false, code: 'FORBIDDEN', reason: message('access.contactDetailsHidden') };
  },
  'audit.read': adminOnly('access.toReadAuditTrail'),
  'feedback.read': adminOnly('access.toReadFeedback'),
  'organization.dashboard.read': memberCoordinatorOrAdmin('access.toSeeDashboard'),
  'organization.offers.read': memberOrAdmin('access.toSeeOrganizationOffers'),
  'profile.edit': memberOrAdmin('access.toEditProfile'),
  'need.create': memberOrAdmin('access.toPostNeeds'),
  'need.manage': memberOrAdmin('access.toChangeNeed'),
  // Offers are the enterprise's own until submitted: not even administrators write them.
  'offer.create': memberOnly('access.toMakeOffers'),
  // A saved search tells its maker of new needs: the enterprise's own, like its offers.
  'savedSearch.manage': memberOnly('access.toSaveSearches'),
  'offer.manage': memberOnly('access.toChangeOffer'),
  // Only the buyer decides on offers: administrators run the platform, they do not award contracts.
  'offer.decide': (actor, scope) => {
    if (actor.kind !== 'user') return signIn('access.toDecideOnOffers');
    if (roleIn(actor, scope.organizationId)) return ALLOW;
    return deny('access.onlyBuyerMembers', 'access.toDecideOnOffers');
  },
  // The buyer asks enterprises to offer on its own need; administrators do not speak for a buyer.
  'need.invite': (actor, scope) => {
    if (actor.kind !== 'user') return signIn('access.toInviteToOffer');
    if (roleIn(actor, scope.organizationId)) return ALLOW;
    return deny('access.onlyBuyerMembers', 'access.toInviteToOffer');
  },
  // A need's matches are the buyer's shortlist to approach; coordinators broker them in their region.
  'need.matches.read': memberCoordinatorOrAdmin('access.toSeeMatches'),
  'organization.recommendations.read': memberCoordinatorOrAdmin('access.toSeeRecommendations'),
  'matching.rebuild': adminOnly('access.toRebuildMatches'),
  // Coordinators bring in and take out their region's data: rows outside their counties are refused.
  'import.run': adminOrCoordinator('access.toImport'),
  'import.read': (actor, run) => {
    if (actor.kind !== 'user') return signIn('access.toFollowImports');
    if (isAdmin(actor) || (run.requestedBy !== null && actor.userId === run.requestedBy)) return ALLOW;
    return deny('access.onlyImportStarterAndAdministrators', 'access.toFollowImports');
  },
  'export.run': adminOrCoordinator('access.toExport'),
  // Brokering is the coordinators' work, each in their own regions; administrators run the platform.
  'introduction.create': coordinatorOf('access.toIntroduce'),
  'introduction.withdraw': coordinatorOf('access.toWithdrawIntroductions'),
  'introduction.respond': memberOnly('access.toAnswerIntroductions'),
  'introduction.read': (actor, scope) => {
    if (actor.kind !== 'user') return signIn('access.toSeeIntroductions');
    if (isAdmin(actor) || roleIn(actor, scope.buyerOrganizationId) || roleIn(actor, scope.enterpriseOrganizationId) || coordinatesCounty(actor, scope.countyCode)) return ALLOW;
    return deny('access.onlyIntroductionParties', 'access.toSeeIntroductions');
  },
  // The list holds only the introductions the person may read ('introduction.read', row by row), as partnerships do.
  'introduction.list': signedIn('access.toSeeIntroductions'),
  // The needs of a region that have no offers yet: the coordinators' work list.
  'brokering.workList.read': (actor, scope) => {
    if (actor.kind !== 'user') return signIn('access.toSeeWorkList');
    if (isAdmin(actor) || coordinatesCounty(actor, scope.countyCode)) return ALLOW;
    return deny('access.onlyRegionCoordinatorsAndAdministrators', 'access.toSeeWorkList');
  },
  'need.introductions.read': memberCoordinatorOrAdmin('access.toSeeNeedIntroductions'),
  'organization.introductions.read': memberCoordinatorOrAdmin('access.toSeeEnterpriseIntroductions'),
  'partnership.create': coordinatorOf('access.toRecordPartnerships'),
  'partnership.read': (actor, scope) => {
    if (actor.kind !== 'user') return signIn('access.toSeePartnerships');
    if (isAdmin(actor) || partyOf(actor, scope) || coordinatesCounty(actor, scope.countyCode)) return ALLOW;
    return deny('access.onlyPartiesCoordinatorsAndAdministrators', 'access.toSeePartnerships');
  },
  // The list holds only the partnerships the person may read ('partnership.read', row by row).
  'partnership.list': signedIn('access.toSeePartnerships'),
  'partnership.manage': (actor, scope) => {
    if (actor.kind !== 'user') return signIn('access.toChangePartnerships');
    if (partyOf(actor, scope)) return ALLOW;
    return deny('access.onlyParties', 'access.toChangePartnerships');
  },
  'partnership.complete': (actor, scope) => {
    if (actor.kind !== 'user') return signIn('access.toCompletePartnerships');
    if (roleIn(actor, scope.buyerOrganizationId)) return ALLOW;
    return deny('access.onlyBuyerMembers', 'access.toCompletePartnerships');
  },
  'impactReport.write': (actor, scope) => {
    if (actor.kind !== 'user') return signIn('access.toReportImpact');
    if (roleIn(actor, scope.enterpriseOrganizationId)) return ALLOW;
    return deny('access.onlyEnterpriseMembers', 'access.toReportImpact');
  },
  'impactReport.decide': (actor, scope) => {
    if (actor.kind !== 'user') return signIn('access.toConfirmImpactReports');
    if (roleIn(actor, scope.buyerOrganizationId)) return ALLOW;
    return deny('access.onlyBuyerMembers', 'access.toConfirmImpactReports');
  },
  'impactIndicator.manage': adminOnly('access.toManageIndicators'),
  // The region's coordinators keep its part of the public library; administrators all of it.
  'goodExample.curate': (actor, scope) => {
    if (actor.kind !== 'user') return signIn('access.toCurateGoodExamples');
    if (isAdmin(actor) || coordinatesCounty(actor, scope.countyCode)) return ALLOW;
    return deny('access.onlyRegionCoordinatorsAndAdministrators', 'access.toCurateGoodExamples');
  },
  'goodExample.curateList': adminOrCoordinator('access.toCurateGoodExamples'),
  'region.insights.read': (actor, scope) => {
    if (actor.kind !== 'user') return signIn('access.toSeeRegionInsights');
    if (isAdmin(actor) || coordinatesCounty(actor, scope.countyCode)) return ALLOW;
    return deny('access.onlyRegionCoordinatorsAndAdministrators', 'access.toSeeRegionInsights');
  },
  'notification.manage': signedIn('access.toReadNotifications'),
  'ops.queueProbe': (actor) => {
    if (actor.kind === 'operator' || isAdmin(actor)) return ALLOW;
    if (actor.kind === 'anonymous') return { allowed: false, code: 'UNAUTHENTICATED', reason: message('access.opsTokenOrAdministrator') };
    return deny('access.onlyOperatorsAndAdministrators', 'access.toProbeQueue');
  },
};

/** The one authorisation decision: may `actor` do `action` on `scope`? */
export function authorize<A extends Action>(actor: Actor, action: A, scope: ActionScopes[A]): Decision {
  return (RULES[action] as Rule<A>)(actor, scope);
}

export const ACTIONS = Object.keys(RULES) as Action[];
