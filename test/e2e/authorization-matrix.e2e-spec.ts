import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { UserService } from '../../libs/features/accounts/user.service.js';
import { acceptInvitation, auth, createOrganization, invite, login, nextOrganisationsnummer, PASSWORD, register } from '../support/accounts.js';
import { gql, mutate } from '../support/graphql.js';
import { createNeed, createOffer, needInput, needTransition, offerAction, profileInput, saveProfile } from '../support/marketplace.js';
import { startEmbeddedApi, type EmbeddedApi } from '../support/embedded-api.js';
import { uploadImport } from '../support/imports.js';
import { addDays, swedishDate } from '@samverka/domain';

type Role = 'anonymous' | 'enterpriseMember' | 'enterpriseOwner' | 'buyer' | 'coordinatorInRegion' | 'coordinatorOutOfRegion' | 'admin';
const ROLES: Role[] = ['anonymous', 'enterpriseMember', 'enterpriseOwner', 'buyer', 'coordinatorInRegion', 'coordinatorOutOfRegion', 'admin'];
/** HIDDEN: the record is not shown to this person at all (NOT_FOUND), e.g. someone else's draft. */
type Outcome = 'allowed' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'HIDDEN';

const OPS_TOKEN = 'matrix-operations-token-0123456789';

/**
 * Every mutation of the schema, run as each kind of person. "allowed" means the policy let the call
 * through: it then succeeds or fails on its own merits (e.g. NOT_FOUND for a member who is not one).
 */
describe('authorisation matrix', () => {
  let api: EmbeddedApi;
  let app: INestApplication;
  let url: string;
  const emails: Record<Exclude<Role, 'anonymous'>, string> = {
    enterpriseMember: 'medlem@socialt.se',
    enterpriseOwner: 'agare@socialt.se',
    buyer: 'inkopare@lund.se',
    coordinatorInRegion: 'samordnare.skane@region.se',
    coordinatorOutOfRegion: 'samordnare.stockholm@region.se',
    admin: 'admin@samverka.se',
  };
  const userIds = {} as Record<Exclude<Role, 'anonymous'>, string>;
  let enterpriseId: string;
  let buyerOrgId: string;
  let adminOrgId: string;
  let outsiderId: string;

  const tokenOf = async (role: Role): Promise<Record<string, string>> => {
    if (role === 'anonymous') return {};
    const { data, errors } = await login(url, emails[role]);
    if (!data) throw new Error(`login ${role}: ${JSON.stringify(errors)}`);
    return auth(data.login.accessToken);
  };
  const asAdmin = () => tokenOf('admin');
  /** A saved search of the enterprise, made by its owner, for one run of a row. */
  const freshSavedSearch = async (): Promise<string> => {
    const made = await mutate<{ createSavedSearch: { savedSearch: { id: string } } }>(
      url,
      'createSavedSearch',
      { organizationId: enterpriseId, name: 'Prov' },
      'savedSearch { id }',
      await tokenOf('enterpriseOwner'),
    );
    return made.data!.createSavedSearch.savedSearch.id;
  };

  beforeAll(async () => {
    api = await startEmbeddedApi('matrix', { OPS_TOKEN, LOGIN_MAX_FAILURES_PER_ACCOUNT: '1000' });
    ({ app, url } = api);
    await app.get(UserService).ensureAdmin({ email: emails.admin, displayName: 'Admin', password: PASSWORD });
    for (const role of Object.keys(emails) as (keyof typeof emails)[]) {
      userIds[role] = role === 'admin' ? (await login(url, emails.admin)).data!.login.user.id : (await register(url, emails[role])).userId;
    }
    outsiderId = (await register(url, 'utomstaende@exempel.se')).userId;
    const owner = await tokenOf('enterpriseOwner');
    enterpriseId = (
      await createOrganization(
        url,
        owner.authorization.slice(7),
        {
          kind: 'SOCIAL_ENTERPRISE',
          name: 'Arbetsintegrerande Malmö',
          organisationsnummer: nextOrganisationsnummer(),
          municipalityCode: '1280',
        },
        await adminToken(),
      )
    ).data!.createOrganization.organization.id;
    const ticket = (await invite(url, owner.authorization.slice(7), enterpriseId, emails.enterpriseMember)).data!.inviteMember;
    await acceptInvitation(url, (await tokenOf('enterpriseMember')).authorization.slice(7), ticket.token);
    const buyer = await tokenOf('buyer');
    buyerOrgId = (
      await createOrganization(
        url,
        buyer.authorization.slice(7),
        { kind: 'MUNICIPALITY', name: 'Lunds kommun', organisationsnummer: '212000-1132', municipalityCode: '1281' },
        await adminToken(),
      )
    ).data!.createOrganization.organization.id;
    await saveProfile(url, owner.authorization.slice(7), profileInput(enterpriseId));
    adminOrgId = (
      await createOrganization(url, (await asAdmin()).authorization.slice(7), {
        kind: 'SUPPORT_ORGANIZATION',
        name: 'Coompanion Skåne',
        organisationsnummer: nextOrganisationsnummer(),
        countyCode: '12',
      })
    ).data!.createOrganization.organization.id;
    await mutate(url, 'setPlatformRole', { userId: userIds.coordinatorInRegion, role: 'COORDINATOR', countyCodes: ['12'] }, 'user { id }', await asAdmin());
    await mutate(url, 'setPlatformRole', { userId: userIds.coordinatorOutOfRegion, role: 'COORDINATOR', countyCodes: ['01'] }, 'user { id }', await asAdmin());
  });
  afterAll(async () => api?.stop());

  interface Row {
    /** Runs the mutation as `role` (headers given), preparing what it needs first. */
    run(headers: Record<string, string>, role: Role): Promise<{ errors?: { extensions?: Record<string, unknown> }[] }>;
    expected: Record<Role, Outcome>;
  }
  const everyone = (outcome: Outcome): Record<Role, Outcome> => Object.fromEntries(ROLES.map((r) => [r, outcome])) as Record<Role, Outcome>;
  const signedIn = { ...everyone('allowed'), anonymous: 'UNAUTHENTICATED' as Outcome };
  const only = (...roles: Role[]): Record<Role, Outcome> => ({
    ...everyone('FORBIDDEN'),
    anonymous: 'UNAUTHENTICATED',
    ...Object.fromEntries(roles.map((r) => [r, 'allowed'])),
  });
  /** Like `only`, for a record the others cannot see at all. */
  const onlyAndHidden = (allowed: Role[], forbidden: Role[] = []): Record<Role, Outcome> => ({
    ...everyone('HIDDEN'),
    anonymous: 'UNAUTHENTICATED',
    ...Object.fromEntries(forbidden.map((r) => [r, 'FORBIDDEN'])),
    ...Object.fromEntries(allowed.map((r) => [r, 'allowed'])),
  });
  const adminToken = async () => (await asAdmin()).authorization.slice(7);
  /** A need of the buyer, drafted (or published) by an administrator for the case at hand. */
  const freshNeed = async (publish: boolean) => {
    const need = (await createNeed(url, await adminToken(), needInput(buyerOrgId, { form: 'PUBLIC_PROCUREMENT', title: `Behov ${randomUUID().slice(0, 8)}` }))).data!.createNeed
      .need;
    if (!publish) return need;
    return (await needTransition(url, await adminToken(), 'publishNeed', need.id, need.version)).data!.publishNeed.need;
  };
  /** An offer of the enterprise on a fresh published need, as a draft or submitted. */
  const freshOffer = async (submit: boolean) => {
    const need = await freshNeed(true);
    const owner = (await tokenOf('enterpriseOwner')).authorization.slice(7);
    const { offer } = (await createOffer(url, owner, { needId: need.id, enterpriseOrganizationId: enterpriseId, message: 'Anbud', priceSek: 400_000 })).data!.createOffer;
    if (!submit) return offer;
    return (await offerAction(url, owner, 'submitOffer', offer.id, offer.version)).data!.submitOffer.offer;
  };
  /** An introduction of the enterprise to a fresh published need, by the region's coordinator. */
  const freshIntroduction = async () => {
    const need = await freshNeed(true);
    const made = await mutate<{ introduceEnterprise: { introduction: { id: string; version: number } } }>(
      url,
      'introduceEnterprise',
      { needId: need.id, enterpriseOrganizationId: enterpriseId, note: 'Passar bra' },
      'introduction { id version }',
      await tokenOf('coordinatorInRegion'),
    );
    return made.data!.introduceEnterprise.introduction;
  };
  /** A partnership of the buyer and the enterprise, recorded by the region's coordinator. */
  const freshPartnership = async () => {
    const made = await mutate<{ createPartnership: { partnership: { id: string; version: number } } }>(
      url,
      'createPartnership',
      { buyerOrganizationId: buyerOrgId, enterpriseOrganizationId: enterpriseId, title: `Partnerskap ${randomUUID().slice(0, 8)}` },
      'partnership { id version }',
      await tokenOf('coordinatorInRegion'),
    );
    return made.data!.createPartnership.partnership;
  };
  /** A partnership whose targets the enterprise proposed (and, with `agreed`, the buyer agreed), started a year ago. */
  const partnershipWithTargets = async (agreed: boolean) => {
    const made = await mutate<{ createPartnership: { partnership: { id: string; version: number } } }>(
      url,
      'createPartnership',
      { buyerOrganizationId: buyerOrgId, enterpriseOrganizationId: enterpriseId, title: `Effekt ${randomUUID().slice(0, 8)}`, startsOn: addDays(swedishDate(new Date()), -365) },
      'partnership { id version }',
      await tokenOf('coordinatorInRegion'),
    );
    const { id, version } = made.data!.createPartnership.partnership;
    const proposed = await mutate<{ proposePartnershipTargets: { partnership: { version: number } } }>(
      url,
      'proposePartnershipTargets',
      { partnershipId: id, version, targets: [{ indicatorCode: 'WORK_TRAINING_HOURS', target: 500 }] },
      'partnership { version }',
      await tokenOf('enterpriseOwner'),
    );
    const proposedVersion = proposed.data!.proposePartnershipTargets.partnership.version;
    if (!agreed) return { id, version: proposedVersion };
    await mutate(url, 'agreePartnershipTargets', { partnershipId: id, version: proposedVersion }, 'partnership { id }', await tokenOf('buyer'));
    return { id, version: proposedVersion + 1 };
  };
  let reporting: Promise<{ id: string; version: number }> | undefined;
  let reportDays = 0;
  /** A one-day period of the shared reporting partnership that no report has taken yet. */
  const freshPeriod = () => {
    reportDays += 1;
    const day = addDays(swedishDate(new Date()), reportDays - 300);
    return { periodStart: day, periodEnd: day };
  };
  /** An impact report of the enterprise, taken as far as `to`. */
  const freshReport = async (to: 'DRAFT' | 'SUBMITTED' | 'CONFIRMED') => {
    reporting ??= partnershipWithTargets(true);
    const owner = await tokenOf('enterpriseOwner');
    const input = { partnershipId: (await reporting).id, ...freshPeriod(), narrative: 'Arbetsträning', values: [{ indicatorCode: 'WORK_TRAINING_HOURS', value: 8 }] };
    type Report = { impactReport: { id: string; version: number } };
    let report = (await mutate<{ createImpactReport: Report }>(url, 'createImpactReport', input, 'impactReport { id version }', owner)).data!.createImpactReport.impactReport;
    if (to === 'DRAFT') return report;
    const reference = () => ({ impactReportId: report.id, version: report.version });
    report = (await mutate<{ submitImpactReport: Report }>(url, 'submitImpactReport', reference(), 'impactReport { id version }', owner)).data!.submitImpactReport.impactReport;
    if (to === 'SUBMITTED') return report;
    return (await mutate<{ confirmImpactReport: Report }>(url, 'confirmImpactReport', reference(), 'impactReport { id version }', await tokenOf('buyer'))).data!.confirmImpactReport
      .impactReport;
  };
  let indicators = 0;
  const indicatorInput = () => {
    indicators += 1;
    return {
      code: `MATRIX_INDICATOR_${indicators}`,
      theme: 'WELFARE',
      nameSv: 'Testindikator',
      nameEn: 'Test indicator',
      unit: 'COUNT',
      methodSv: 'Räkna under perioden.',
      methodEn: 'Count during the period.',
    };
  };
  const enterpriseSide = only('enterpriseOwner', 'enterpriseMember', 'admin');
  /** Offers are the enterprise's own: only its members write them. */
  const enterpriseOnly = only('enterpriseOwner', 'enterpriseMember');
  const buyerSide = only('buyer', 'admin');

  const version = async () => (await gql<{ organization: { version: number } }>(url, `{ organization(id: "${enterpriseId}") { version } }`)).data!.organization.version;

  const MATRIX: Record<string, Row> = {
    register: {
      run: (h) => mutate(url, 'register', { email: `ny-${randomUUID()}@exempel.se`, password: PASSWORD, displayName: 'Ny' }, 'accessToken', h),
      expected: everyone('allowed'),
    },
    login: {
      run: (h) => mutate(url, 'login', { email: emails.buyer, password: PASSWORD }, 'accessToken', h),
      expected: everyone('allowed'),
    },
    refreshSession: {
      run: async (h) => mutate(url, 'refreshSession', { refreshToken: (await login(url, emails.buyer)).data!.login.refreshToken }, 'accessToken', h),
      expected: everyone('allowed'),
    },
    logout: {
      run: async (h) => mutate(url, 'logout', { refreshToken: (await login(url, emails.buyer)).data!.login.refreshToken }, 'signedOut', h),
      expected: everyone('allowed'),
    },
    // A wrong current password: the policy's answer is seen without changing anyone's password.
    changePassword: {
      run: (h) => mutate(url, 'changePassword', { currentPassword: 'not the password', newPassword: 'another passphrase' }, 'accessToken', h),
      expected: signedIn,
    },
    createOrganization: {
      run: (h) =>
        mutate(
          url,
          'createOrganization',
          { kind: 'SOCIAL_ENTERPRISE', name: 'Nytt ek. för.', organisationsnummer: nextOrganisationsnummer(), municipalityCode: '1280' },
          'organization { id }',
          h,
        ),
      expected: signedIn,
    },
    updateOrganization: {
      run: async (h) =>
        mutate(url, 'updateOrganization', { organizationId: enterpriseId, version: await version(), website: 'https://malmo.example.se' }, 'organization { id }', h),
      expected: only('enterpriseOwner', 'admin'),
    },
    // The enterprise is verified already: verifying it again changes nothing, and is still for administrators and its county's coordinators only.
    verifyOrganization: {
      run: (h) => mutate(url, 'verifyOrganization', { organizationId: enterpriseId }, 'organization { id }', h),
      expected: only('coordinatorInRegion', 'admin'),
    },
    inviteMember: {
      run: (h) => mutate(url, 'inviteMember', { organizationId: enterpriseId, email: `inbjuden-${randomUUID()}@exempel.se` }, 'token', h),
      expected: only('enterpriseOwner', 'admin'),
    },
    revokeInvitation: {
      run: async (h) => {
        const ticket = (await invite(url, (await asAdmin()).authorization.slice(7), enterpriseId, `återkallad-${randomUUID()}@exempel.se`)).data!.inviteMember;
        return mutate(url, 'revokeInvitation', { organizationId: enterpriseId, invitationId: ticket.invitation.id }, 'revokedInvitationId', h);
      },
      expected: only('enterpriseOwner', 'admin'),
    },
    acceptInvitation: {
      run: async (h, role) => {
        const email = role === 'anonymous' ? 'nobody@exempel.se' : emails[role];
        const ticket = (await invite(url, (await asAdmin()).authorization.slice(7), adminOrgId, email)).data?.inviteMember;
        // The administrator owns that organisation already; any token shows the policy's answer.
        return mutate(url, 'acceptInvitation', { token: ticket?.token ?? 'no-invitation' }, 'membership { role }', h);
      },
      expected: signedIn,
    },
    removeMember: {
      run: async (h) => {
        const joiner = await register(url, `ny-medlem-${randomUUID()}@exempel.se`);
        const ticket = (await invite(url, (await tokenOf('enterpriseOwner')).authorization.slice(7), enterpriseId, joiner.email)).data!.inviteMember;
        await acceptInvitation(url, joiner.accessToken, ticket.token);
        const removal = { organizationId: enterpriseId, userId: joiner.userId };
        const result = await mutate(url, 'removeMember', removal, 'removedUserId', h);
        // Leave the organisation as it was for the rows that follow.
        if (result.errors) await mutate(url, 'removeMember', removal, 'removedUserId', await tokenOf('enterpriseOwner'));
        return result;
      },
      expected: only('enterpriseOwner', 'admin'),
    },
    setMemberRole: {
      run: (h) => mutate(url, 'setMemberRole', { organizationId: enterpriseId, userId: userIds.enterpriseMember, role: 'MEMBER' }, 'membership { role }', h),
      expected: only('enterpriseOwner', 'admin'),
    },
    setPlatformRole: {
      run: (h) => mutate(url, 'setPlatformRole', { userId: outsiderId, role: 'USER' }, 'user { id }', h),
      expected: only('admin'),
    },
    // A saved search is the enterprise's own, like its offers: its members only.
    createSavedSearch: {
      run: (h) => mutate(url, 'createSavedSearch', { organizationId: enterpriseId, name: 'Städning' }, 'savedSearch { id }', h),
      expected: enterpriseOnly,
    },
    updateSavedSearch: {
      run: async (h) => mutate(url, 'updateSavedSearch', { organizationId: enterpriseId, savedSearchId: await freshSavedSearch(), name: 'Ny' }, 'savedSearch { id }', h),
      expected: enterpriseOnly,
    },
    deleteSavedSearch: {
      run: async (h) => mutate(url, 'deleteSavedSearch', { organizationId: enterpriseId, savedSearchId: await freshSavedSearch() }, 'savedSearchId', h),
      expected: enterpriseOnly,
    },
    // Anyone may tell us what they could not use; the limit counts each person (and each address) apart.
    sendFeedback: {
      run: (h) => mutate(url, 'sendFeedback', { message: 'Kontrasten på knappen är för låg.' }, 'feedbackId', h),
      expected: everyone('allowed'),
    },
    requestQueueProbe: { run: (h) => mutate(url, 'requestQueueProbe', {}, 'queueProbe { id }', h), expected: only('admin') },
    saveEnterpriseProfile: {
      run: async (h) => {
        const current = (await gql<{ enterpriseProfile: { version: number } }>(url, `{ enterpriseProfile(organizationId: "${enterpriseId}") { version } }`)).data!.enterpriseProfile
          .version;
        return mutate(url, 'saveEnterpriseProfile', profileInput(enterpriseId, { version: current }), 'enterpriseProfile { version }', h);
      },
      expected: enterpriseSide,
    },
    createNeed: { run: (h) => mutate(url, 'createNeed', needInput(buyerOrgId), 'need { id }', h), expected: buyerSide },
    updateNeed: {
      run: async (h) => {
        const need = await freshNeed(false);
        return mutate(url, 'updateNeed', { needId: need.id, version: need.version, title: 'Ändrad titel' }, 'need { id }', h);
      },
      expected: onlyAndHidden(['buyer', 'admin']),
    },
    publishNeed: {
      run: async (h) => {
        const n = await freshNeed(false);
        return mutate(url, 'publishNeed', { needId: n.id, version: n.version }, 'need { id }', h);
      },
      expected: onlyAndHidden(['buyer', 'admin']),
    },
    closeNeed: {
      run: async (h) => {
        const n = await freshNeed(true);
        return mutate(url, 'closeNeed', { needId: n.id, version: n.version }, 'need { id }', h);
      },
      expected: buyerSide,
    },
    cancelNeed: {
      run: async (h) => {
        const n = await freshNeed(false);
        return mutate(url, 'cancelNeed', { needId: n.id, version: n.version }, 'need { id }', h);
      },
      expected: onlyAndHidden(['buyer', 'admin']),
    },
    createOffer: {
      run: async (h) => {
        const need = await freshNeed(true);
        return mutate(url, 'createOffer', { needId: need.id, enterpriseOrganizationId: enterpriseId, message: 'Anbud' }, 'offer { id }', h);
      },
      expected: enterpriseOnly,
    },
    updateOffer: {
      run: async (h) => {
        const offer = await freshOffer(false);
        return mutate(url, 'updateOffer', { offerId: offer.id, version: offer.version, message: 'Nytt' }, 'offer { id }', h);
      },
      expected: onlyAndHidden(['enterpriseOwner', 'enterpriseMember']),
    },
    submitOffer: {
      run: async (h) => {
        const o = await freshOffer(false);
        return mutate(url, 'submitOffer', { offerId: o.id, version: o.version }, 'offer { id }', h);
      },
      expected: onlyAndHidden(['enterpriseOwner', 'enterpriseMember']),
    },
    withdrawOffer: {
      run: async (h) => {
        const o = await freshOffer(true);
        return mutate(url, 'withdrawOffer', { offerId: o.id, version: o.version }, 'offer { id }', h);
      },
      expected: onlyAndHidden(['enterpriseOwner', 'enterpriseMember'], ['buyer', 'admin']),
    },
    // Only the buyer decides: administrators run the platform, they do not award contracts.
    shortlistOffer: {
      run: async (h) => {
        const o = await freshOffer(true);
        return mutate(url, 'shortlistOffer', { offerId: o.id }, 'offer { id }', h);
      },
      expected: onlyAndHidden(['buyer'], ['enterpriseOwner', 'enterpriseMember', 'admin']),
    },
    declineOffer: {
      run: async (h) => {
        const o = await freshOffer(true);
        return mutate(url, 'declineOffer', { offerId: o.id, reason: 'Priset är för högt.' }, 'offer { id }', h);
      },
      expected: onlyAndHidden(['buyer'], ['enterpriseOwner', 'enterpriseMember', 'admin']),
    },
    // The buyer asks enterprises to offer; administrators do not speak for a buyer.
    inviteToOffer: {
      run: async (h) => {
        const need = await freshNeed(true);
        return mutate(url, 'inviteToOffer', { needId: need.id, organizationId: enterpriseId }, 'invitation { id }', h);
      },
      expected: only('buyer'),
    },
    acceptOffer: {
      run: async (h) => {
        const o = await freshOffer(true);
        return mutate(url, 'acceptOffer', { offerId: o.id }, 'offer { id }', h);
      },
      expected: onlyAndHidden(['buyer'], ['enterpriseOwner', 'enterpriseMember', 'admin']),
    },
    rebuildMatches: { run: (h) => mutate(url, 'rebuildMatches', undefined, 'matchingRebuild { id }', h), expected: only('admin') },
    // Coordinators import too, within their regions (rows elsewhere are rejected, see import-export.e2e-spec.ts).
    startImport: {
      run: (h) =>
        uploadImport(url, h, { kind: 'ENTERPRISES', source: `matrix-${randomUUID().slice(0, 8)}` }, { name: 'lista.csv', content: 'organisationsnummer,name,municipalityCode\n' }),
      expected: only('admin', 'coordinatorInRegion', 'coordinatorOutOfRegion'),
    },
    // Notifications are each person's own: everyone signed in manages theirs (someone else's id is NOT_FOUND, see notifications.e2e-spec.ts).
    markNotificationsRead: { run: (h) => mutate(url, 'markNotificationsRead', { notificationIds: [] }, 'unreadCount', h), expected: signedIn },
    markAllNotificationsRead: { run: (h) => mutate(url, 'markAllNotificationsRead', undefined, 'markedCount', h), expected: signedIn },
    setNotificationPreference: {
      run: (h) => mutate(url, 'setNotificationPreference', { kind: 'REPORT_DUE', inApp: true, email: true }, 'notificationPreference { kind }', h),
      expected: signedIn,
    },
    // Brokering is the coordinators' work in their own regions: not even administrators introduce or record agreements.
    introduceEnterprise: {
      run: async (h) => {
        const need = await freshNeed(true);
        return mutate(url, 'introduceEnterprise', { needId: need.id, enterpriseOrganizationId: enterpriseId, note: 'Passar bra' }, 'introduction { id }', h);
      },
      expected: only('coordinatorInRegion'),
    },
    respondToIntroduction: {
      run: async (h) => {
        const i = await freshIntroduction();
        return mutate(url, 'respondToIntroduction', { introductionId: i.id, version: i.version, accept: false }, 'introduction { id }', h);
      },
      expected: only('enterpriseOwner', 'enterpriseMember'),
    },
    withdrawIntroduction: {
      run: async (h) => {
        const i = await freshIntroduction();
        return mutate(url, 'withdrawIntroduction', { introductionId: i.id, version: i.version }, 'introduction { id }', h);
      },
      expected: only('coordinatorInRegion'),
    },
    createPartnership: {
      run: (h) => mutate(url, 'createPartnership', { buyerOrganizationId: buyerOrgId, enterpriseOrganizationId: enterpriseId, title: 'Förmedlat avtal' }, 'partnership { id }', h),
      expected: only('coordinatorInRegion'),
    },
    completePartnership: {
      run: async (h) => {
        const p = await freshPartnership();
        return mutate(url, 'completePartnership', { partnershipId: p.id, version: p.version }, 'partnership { id }', h);
      },
      expected: only('buyer'),
    },
    terminatePartnership: {
      run: async (h) => {
        const p = await freshPartnership();
        return mutate(url, 'terminatePartnership', { partnershipId: p.id, version: p.version, reason: 'Avslutas' }, 'partnership { id }', h);
      },
      expected: only('buyer', 'enterpriseOwner', 'enterpriseMember'),
    },
    setPartnershipPublic: {
      run: async (h) => {
        const p = await freshPartnership();
        return mutate(url, 'setPartnershipPublic', { partnershipId: p.id, public: true, summary: 'Ett gott exempel' }, 'partnership { id }', h);
      },
      expected: only('buyer', 'enterpriseOwner', 'enterpriseMember'),
    },
    // The region's coordinators curate its good examples; administrators all of them (a refusal of the input counts as allowed here).
    curateGoodExample: {
      run: async (h) => {
        const p = await freshPartnership();
        return mutate(url, 'curateGoodExample', { partnershipId: p.id, version: 0, featured: true, hidden: false }, 'goodExample { partnershipId }', h);
      },
      expected: only('coordinatorInRegion', 'admin'),
    },
    // Impact: the parties agree targets (each side the other's proposal), the enterprise reports, the buyer decides;
    // administrators keep the catalogue. A report's draft is the enterprise's own; another region's coordinator does not see reports.
    proposePartnershipTargets: {
      run: async (h) => {
        const p = await freshPartnership();
        const targets = [{ indicatorCode: 'MATERIAL_REUSED', target: 1.5 }];
        return mutate(url, 'proposePartnershipTargets', { partnershipId: p.id, version: p.version, targets }, 'partnership { id }', h);
      },
      expected: only('buyer', 'enterpriseOwner', 'enterpriseMember'),
    },
    agreePartnershipTargets: {
      run: async (h) => {
        const p = await partnershipWithTargets(false);
        return mutate(url, 'agreePartnershipTargets', { partnershipId: p.id, version: p.version }, 'partnership { id }', h);
      },
      expected: only('buyer'),
    },
    createImpactReport: {
      run: async (h) => {
        reporting ??= partnershipWithTargets(true);
        const input = { partnershipId: (await reporting).id, ...freshPeriod(), values: [{ indicatorCode: 'WORK_TRAINING_HOURS', value: 2.5 }] };
        return mutate(url, 'createImpactReport', input, 'impactReport { id }', h);
      },
      expected: only('enterpriseOwner', 'enterpriseMember'),
    },
    updateImpactReport: {
      run: async (h) => {
        const r = await freshReport('DRAFT');
        return mutate(url, 'updateImpactReport', { impactReportId: r.id, version: r.version, narrative: 'Ändrad' }, 'impactReport { id }', h);
      },
      expected: onlyAndHidden(['enterpriseOwner', 'enterpriseMember']),
    },
    submitImpactReport: {
      run: async (h) => {
        const r = await freshReport('DRAFT');
        return mutate(url, 'submitImpactReport', { impactReportId: r.id, version: r.version }, 'impactReport { id }', h);
      },
      expected: onlyAndHidden(['enterpriseOwner', 'enterpriseMember']),
    },
    deleteImpactReport: {
      run: async (h) => {
        const r = await freshReport('DRAFT');
        return mutate(url, 'deleteImpactReport', { impactReportId: r.id, version: r.version }, 'deletedImpactReportId', h);
      },
      expected: onlyAndHidden(['enterpriseOwner', 'enterpriseMember']),
    },
    correctImpactReport: {
      run: async (h) => {
        const r = await freshReport('CONFIRMED');
        return mutate(url, 'correctImpactReport', { impactReportId: r.id, narrative: 'Rättad' }, 'impactReport { id }', h);
      },
      expected: onlyAndHidden(['enterpriseOwner', 'enterpriseMember'], ['buyer', 'coordinatorInRegion', 'admin']),
    },
    confirmImpactReport: {
      run: async (h) => {
        const r = await freshReport('SUBMITTED');
        return mutate(url, 'confirmImpactReport', { impactReportId: r.id, version: r.version }, 'impactReport { id }', h);
      },
      expected: onlyAndHidden(['buyer'], ['enterpriseOwner', 'enterpriseMember', 'coordinatorInRegion', 'admin']),
    },
    returnImpactReport: {
      run: async (h) => {
        const r = await freshReport('SUBMITTED');
        return mutate(url, 'returnImpactReport', { impactReportId: r.id, version: r.version, comment: 'Komplettera' }, 'impactReport { id }', h);
      },
      expected: onlyAndHidden(['buyer'], ['enterpriseOwner', 'enterpriseMember', 'coordinatorInRegion', 'admin']),
    },
    createImpactIndicator: {
      run: (h) => mutate(url, 'createImpactIndicator', indicatorInput(), 'impactIndicator { code }', h),
      expected: only('admin'),
    },
    updateImpactIndicator: {
      run: async (h) => {
        const created = await mutate<{ createImpactIndicator: { impactIndicator: { code: string; version: number } } }>(
          url,
          'createImpactIndicator',
          indicatorInput(),
          'impactIndicator { code version }',
          await asAdmin(),
        );
        const { code, version: v } = created.data!.createImpactIndicator.impactIndicator;
        return mutate(url, 'updateImpactIndicator', { indicatorCode: code, version: v, active: false }, 'impactIndicator { code }', h);
      },
      expected: only('admin'),
    },
  };

  it('covers every mutation in the schema', async () => {
    const { data } = await gql<{ __schema: { mutationType: { fields: { name: string }[] } } }>(url, '{ __schema { mutationType { fields { name } } } }');
    expect(Object.keys(MATRIX).sort()).toEqual(data!.__schema.mutationType.fields.map((f) => f.name).sort());
  });

  for (const [mutation, row] of Object.entries(MATRIX)) {
    it.each(ROLES)(`${mutation} as %s`, async (role) => {
      const result = await row.run(await tokenOf(role), role);
      const code = result.errors?.[0]?.extensions?.code;
      const outcome: Outcome = code === 'FORBIDDEN' || code === 'UNAUTHENTICATED' ? code : code === 'NOT_FOUND' ? 'HIDDEN' : 'allowed';
      expect({ mutation, role, outcome }).toEqual({ mutation, role, outcome: row.expected[role] });
    });
  }

  it('lets the operations token probe the queue', async () => {
    expect((await mutate(url, 'requestQueueProbe', {}, 'queueProbe { id }', auth(OPS_TOKEN))).errors).toBeUndefined();
  });

  it('lets a member leave, though not remove others', async () => {
    const member = await tokenOf('enterpriseMember');
    const remove = (userId: string) => mutate(url, 'removeMember', { organizationId: enterpriseId, userId }, 'removedUserId', member);
    expect((await remove(userIds.enterpriseOwner)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await remove(userIds.enterpriseMember)).data).toEqual({ removeMember: { removedUserId: userIds.enterpriseMember } });
    const ticket = (await invite(url, (await tokenOf('enterpriseOwner')).authorization.slice(7), enterpriseId, emails.enterpriseMember)).data!.inviteMember;
    await acceptInvitation(url, member.authorization.slice(7), ticket.token);
  });

  describe("who sees an organisation's members and their e-mail addresses", () => {
    const expected: Record<Role, Outcome> = {
      anonymous: 'UNAUTHENTICATED',
      enterpriseMember: 'allowed',
      enterpriseOwner: 'allowed',
      buyer: 'FORBIDDEN',
      coordinatorInRegion: 'allowed',
      coordinatorOutOfRegion: 'FORBIDDEN',
      admin: 'allowed',
    };
    it.each(ROLES)('as %s', async (role) => {
      const result = await gql<{ organization: { members: { user: { email: string | null } }[] | null } }>(
        url,
        `{ organization(id: "${enterpriseId}") { name members { role user { email } } } }`,
        {},
        await tokenOf(role),
      );
      const code = result.errors?.[0]?.extensions?.code;
      expect(code === 'FORBIDDEN' || code === 'UNAUTHENTICATED' ? code : 'allowed').toBe(expected[role]);
      if (expected[role] === 'allowed') {
        expect(result.data!.organization.members!.map((m) => m.user.email).sort()).toEqual([emails.enterpriseOwner, emails.enterpriseMember].sort());
      }
    });
  });

  // A lookup by id answers null, never an error, for what the person may not see; node(id) shows exactly
  // what the type's own lookup shows, to everyone.
  describe('lookups by id, typed and through node', () => {
    const parties: Role[] = ['enterpriseMember', 'enterpriseOwner', 'buyer', 'coordinatorInRegion', 'admin'];
    const LOOKUPS: Record<string, { make: () => Promise<{ id: string }>; field: string; type: string; seenBy: readonly Role[] }> = {
      'a draft need': { make: () => freshNeed(false), field: 'need', type: 'Need', seenBy: ['buyer', 'admin'] },
      'a published need': { make: () => freshNeed(true), field: 'need', type: 'Need', seenBy: ROLES },
      'a draft offer': { make: () => freshOffer(false), field: 'offer', type: 'Offer', seenBy: ['enterpriseMember', 'enterpriseOwner'] },
      'a submitted offer': { make: () => freshOffer(true), field: 'offer', type: 'Offer', seenBy: ['enterpriseMember', 'enterpriseOwner', 'buyer', 'admin'] },
      'an introduction': { make: freshIntroduction, field: 'introduction', type: 'Introduction', seenBy: parties },
      'a partnership': { make: freshPartnership, field: 'partnership', type: 'Partnership', seenBy: parties },
      'a draft impact report': { make: () => freshReport('DRAFT'), field: 'impactReport', type: 'ImpactReport', seenBy: ['enterpriseMember', 'enterpriseOwner'] },
      'a submitted impact report': { make: () => freshReport('SUBMITTED'), field: 'impactReport', type: 'ImpactReport', seenBy: parties },
      'an organisation': { make: async () => ({ id: enterpriseId }), field: 'organization', type: 'Organization', seenBy: ROLES },
    };
    const made = new Map<string, Promise<{ id: string }>>();
    const record = (kind: string) => made.get(kind) ?? made.set(kind, LOOKUPS[kind].make()).get(kind)!;

    for (const [kind, lookup] of Object.entries(LOOKUPS)) {
      it.each(ROLES)(`${kind} as %s`, async (role) => {
        const { id } = await record(kind);
        const result = await gql(url, `query($id: ID!) { typed: ${lookup.field}(id: $id) { id } node(id: $id) { __typename id } }`, { id }, await tokenOf(role));
        const seen = lookup.seenBy.includes(role);
        expect({ kind, role, result }).toEqual({
          kind,
          role,
          result: { status: 200, data: seen ? { typed: { id }, node: { __typename: lookup.type, id } } : { typed: null, node: null } },
        });
      });
    }

    // People have no lookup of their own: they are shown to those who work with them, as their contact details are.
    // A new colleague of the enterprise (the rows above made the roles' own people members elsewhere).
    let colleague: Promise<string> | undefined;
    const freshColleague = async () => {
      const person = await register(url, `kollega.${randomUUID().slice(0, 8)}@socialt.se`);
      const ticket = (await invite(url, (await tokenOf('enterpriseOwner')).authorization.slice(7), enterpriseId, person.email)).data!.inviteMember;
      await acceptInvitation(url, person.accessToken, ticket.token);
      return person.userId;
    };
    it.each(ROLES)('a person as %s', async (role) => {
      const seen: Role[] = ['enterpriseOwner', 'enterpriseMember', 'coordinatorInRegion', 'admin'];
      const id = await (colleague ??= freshColleague());
      const result = await gql(url, 'query($id: ID!) { node(id: $id) { __typename id } }', { id }, await tokenOf(role));
      expect({ role, result }).toEqual({ role, result: { status: 200, data: { node: seen.includes(role) ? { __typename: 'User', id } : null } } });
    });
  });
});
