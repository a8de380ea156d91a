import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { UserService } from '../../apps/api/src/accounts/user.service.js';
import { acceptInvitation, auth, createOrganization, invite, login, nextOrganisationsnummer, PASSWORD, register } from '../support/accounts.js';
import { gql } from '../support/graphql.js';
import { createNeed, createOffer, needInput, needTransition, offerAction, profileInput, saveProfile } from '../support/marketplace.js';
import { startEmbeddedApi, type EmbeddedApi } from '../support/embedded-api.js';
import { uploadImport } from '../support/imports.js';

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

  beforeAll(async () => {
    api = await startEmbeddedApi('matrix', { OPS_TOKEN, LOGIN_MAX_FAILURES_PER_ACCOUNT: '1000' });
    ({ app, url } = api);
    await app.get(UserService).ensureAdmin({ email: emails.admin, displayName: 'Admin', password: PASSWORD });
    for (const role of Object.keys(emails) as (keyof typeof emails)[]) {
      userIds[role] = role === 'admin' ? (await login(url, emails.admin)).data!.login.user.id : (await register(url, emails[role])).userId;
    }
    outsiderId = (await register(url, 'utomstaende@exempel.se')).userId;
    const owner = await tokenOf('enterpriseOwner');
    enterpriseId = (await createOrganization(url, owner.authorization.slice(7), {
      kind: 'SOCIAL_ENTERPRISE', name: 'Arbetsintegrerande Malmö', organisationsnummer: nextOrganisationsnummer(), municipalityCode: '1280',
    })).data!.createOrganization.id;
    const ticket = (await invite(url, owner.authorization.slice(7), enterpriseId, emails.enterpriseMember)).data!.inviteMember;
    await acceptInvitation(url, (await tokenOf('enterpriseMember')).authorization.slice(7), ticket.token);
    const buyer = await tokenOf('buyer');
    buyerOrgId = (await createOrganization(url, buyer.authorization.slice(7), { kind: 'MUNICIPALITY', name: 'Lunds kommun', organisationsnummer: '212000-1132', municipalityCode: '1281' })).data!.createOrganization.id;
    await saveProfile(url, owner.authorization.slice(7), profileInput(enterpriseId));
    adminOrgId = (await createOrganization(url, (await asAdmin()).authorization.slice(7), {
      kind: 'SUPPORT_ORGANIZATION', name: 'Coompanion Skåne', organisationsnummer: nextOrganisationsnummer(), countyCode: '12',
    })).data!.createOrganization.id;
    const setRole = 'mutation($input: SetPlatformRoleInput!) { setPlatformRole(input: $input) { id } }';
    await gql(url, setRole, { input: { userId: userIds.coordinatorInRegion, role: 'COORDINATOR', countyCodes: ['12'] } }, await asAdmin());
    await gql(url, setRole, { input: { userId: userIds.coordinatorOutOfRegion, role: 'COORDINATOR', countyCodes: ['01'] } }, await asAdmin());
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
    const need = (await createNeed(url, await adminToken(), needInput(buyerOrgId, { form: 'PUBLIC_PROCUREMENT', title: `Behov ${randomUUID().slice(0, 8)}` }))).data!.createNeed.need;
    if (!publish) return need;
    return (await needTransition(url, await adminToken(), 'publishNeed', need.id, need.version)).data!.publishNeed.need;
  };
  /** An offer of the enterprise on a fresh published need, as a draft or submitted. */
  const freshOffer = async (submit: boolean) => {
    const need = await freshNeed(true);
    const owner = (await tokenOf('enterpriseOwner')).authorization.slice(7);
    const offer = (await createOffer(url, owner, { needId: need.id, enterpriseOrganizationId: enterpriseId, message: 'Anbud', priceSek: 400_000 })).data!.createOffer;
    if (!submit) return offer;
    return (await offerAction(url, owner, 'submitOffer', offer.id, offer.version)).data!.submitOffer;
  };
  const enterpriseSide = only('enterpriseOwner', 'enterpriseMember', 'admin');
  /** Offers are the enterprise's own: only its members write them. */
  const enterpriseOnly = only('enterpriseOwner', 'enterpriseMember');
  const buyerSide = only('buyer', 'admin');

  const version = async () =>
    (await gql<{ organization: { version: number } }>(url, `{ organization(id: "${enterpriseId}") { version } }`)).data!.organization.version;

  const MATRIX: Record<string, Row> = {
    register: {
      run: (h) => gql(url, 'mutation($i: RegisterInput!) { register(input: $i) { accessToken } }', { i: { email: `ny-${randomUUID()}@exempel.se`, password: PASSWORD, displayName: 'Ny' } }, h),
      expected: everyone('allowed'),
    },
    login: { run: (h) => gql(url, 'mutation($i: LoginInput!) { login(input: $i) { accessToken } }', { i: { email: emails.buyer, password: PASSWORD } }, h), expected: everyone('allowed') },
    refreshSession: {
      run: async (h) => gql(url, 'mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken } }', { t: (await login(url, emails.buyer)).data!.login.refreshToken }, h),
      expected: everyone('allowed'),
    },
    logout: {
      run: async (h) => gql(url, 'mutation($t: String!) { logout(refreshToken: $t) }', { t: (await login(url, emails.buyer)).data!.login.refreshToken }, h),
      expected: everyone('allowed'),
    },
    // A wrong current password: the policy's answer is seen without changing anyone's password.
    changePassword: {
      run: (h) => gql(url, 'mutation($i: ChangePasswordInput!) { changePassword(input: $i) { accessToken } }', { i: { currentPassword: 'not the password', newPassword: 'another passphrase' } }, h),
      expected: signedIn,
    },
    createOrganization: {
      run: (h) =>
        gql(url, 'mutation($i: CreateOrganizationInput!) { createOrganization(input: $i) { id } }', { i: { kind: 'SOCIAL_ENTERPRISE', name: 'Nytt ek. för.', organisationsnummer: nextOrganisationsnummer(), municipalityCode: '1280' } }, h),
      expected: signedIn,
    },
    updateOrganization: {
      run: async (h) => gql(url, 'mutation($i: UpdateOrganizationInput!) { updateOrganization(input: $i) { id } }', { i: { id: enterpriseId, version: await version(), website: 'https://malmo.example.se' } }, h),
      expected: only('enterpriseOwner', 'admin'),
    },
    verifyOrganization: { run: (h) => gql(url, `mutation { verifyOrganization(id: "${enterpriseId}") { id } }`, {}, h), expected: only('admin') },
    inviteMember: {
      run: (h) => gql(url, 'mutation($i: InviteMemberInput!) { inviteMember(input: $i) { token } }', { i: { organizationId: enterpriseId, email: `inbjuden-${randomUUID()}@exempel.se` } }, h),
      expected: only('enterpriseOwner', 'admin'),
    },
    revokeInvitation: {
      run: async (h) => {
        const ticket = (await invite(url, (await asAdmin()).authorization.slice(7), enterpriseId, `återkallad-${randomUUID()}@exempel.se`)).data!.inviteMember;
        return gql(url, `mutation { revokeInvitation(organizationId: "${enterpriseId}", invitationId: "${ticket.invitation.id}") }`, {}, h);
      },
      expected: only('enterpriseOwner', 'admin'),
    },
    acceptInvitation: {
      run: async (h, role) => {
        const email = role === 'anonymous' ? 'nobody@exempel.se' : emails[role];
        const ticket = (await invite(url, (await asAdmin()).authorization.slice(7), adminOrgId, email)).data?.inviteMember;
        // The administrator owns that organisation already; any token shows the policy's answer.
        return gql(url, 'mutation($t: String!) { acceptInvitation(token: $t) { role } }', { t: ticket?.token ?? 'no-invitation' }, h);
      },
      expected: signedIn,
    },
    removeMember: {
      run: async (h) => {
        const joiner = await register(url, `ny-medlem-${randomUUID()}@exempel.se`);
        const ticket = (await invite(url, (await tokenOf('enterpriseOwner')).authorization.slice(7), enterpriseId, joiner.email)).data!.inviteMember;
        await acceptInvitation(url, joiner.accessToken, ticket.token);
        const removal = `mutation { removeMember(organizationId: "${enterpriseId}", userId: "${joiner.userId}") }`;
        const result = await gql(url, removal, {}, h);
        // Leave the organisation as it was for the rows that follow.
        if (result.errors) await gql(url, removal, {}, await tokenOf('enterpriseOwner'));
        return result;
      },
      expected: only('enterpriseOwner', 'admin'),
    },
    setMemberRole: {
      run: (h) => gql(url, `mutation { setMemberRole(organizationId: "${enterpriseId}", userId: "${userIds.enterpriseMember}", role: MEMBER) { role } }`, {}, h),
      expected: only('enterpriseOwner', 'admin'),
    },
    setPlatformRole: {
      run: (h) => gql(url, 'mutation($i: SetPlatformRoleInput!) { setPlatformRole(input: $i) { id } }', { i: { userId: outsiderId, role: 'USER' } }, h),
      expected: only('admin'),
    },
    requestQueueProbe: { run: (h) => gql(url, 'mutation { requestQueueProbe { id } }', {}, h), expected: only('admin') },
    saveEnterpriseProfile: {
      run: async (h) => {
        const current = (await gql<{ enterpriseProfile: { version: number } }>(url, `{ enterpriseProfile(organizationId: "${enterpriseId}") { version } }`)).data!.enterpriseProfile.version;
        return gql(url, 'mutation($i: SaveEnterpriseProfileInput!) { saveEnterpriseProfile(input: $i) { version } }', { i: profileInput(enterpriseId, { version: current }) }, h);
      },
      expected: enterpriseSide,
    },
    createNeed: { run: (h) => gql(url, 'mutation($i: CreateNeedInput!) { createNeed(input: $i) { need { id } } }', { i: needInput(buyerOrgId) }, h), expected: buyerSide },
    updateNeed: {
      run: async (h) => {
        const need = await freshNeed(false);
        return gql(url, 'mutation($i: UpdateNeedInput!) { updateNeed(input: $i) { need { id } } }', { i: { id: need.id, version: need.version, title: 'Ändrad titel' } }, h);
      },
      expected: onlyAndHidden(['buyer', 'admin']),
    },
    publishNeed: { run: async (h) => { const n = await freshNeed(false); return gql(url, `mutation { publishNeed(id: "${n.id}", version: ${n.version}) { need { id } } }`, {}, h); }, expected: onlyAndHidden(['buyer', 'admin']) },
    closeNeed: { run: async (h) => { const n = await freshNeed(true); return gql(url, `mutation { closeNeed(id: "${n.id}", version: ${n.version}) { need { id } } }`, {}, h); }, expected: buyerSide },
    cancelNeed: { run: async (h) => { const n = await freshNeed(false); return gql(url, `mutation { cancelNeed(id: "${n.id}", version: ${n.version}) { need { id } } }`, {}, h); }, expected: onlyAndHidden(['buyer', 'admin']) },
    createOffer: {
      run: async (h) => {
        const need = await freshNeed(true);
        return gql(url, 'mutation($i: CreateOfferInput!) { createOffer(input: $i) { id } }', { i: { needId: need.id, enterpriseOrganizationId: enterpriseId, message: 'Anbud' } }, h);
      },
      expected: enterpriseOnly,
    },
    updateOffer: {
      run: async (h) => {
        const offer = await freshOffer(false);
        return gql(url, 'mutation($i: UpdateOfferInput!) { updateOffer(input: $i) { id } }', { i: { id: offer.id, version: offer.version, message: 'Nytt' } }, h);
      },
      expected: onlyAndHidden(['enterpriseOwner', 'enterpriseMember']),
    },
    submitOffer: { run: async (h) => { const o = await freshOffer(false); return gql(url, `mutation { submitOffer(id: "${o.id}", version: ${o.version}) { id } }`, {}, h); }, expected: onlyAndHidden(['enterpriseOwner', 'enterpriseMember']) },
    withdrawOffer: { run: async (h) => { const o = await freshOffer(true); return gql(url, `mutation { withdrawOffer(id: "${o.id}", version: ${o.version}) { id } }`, {}, h); }, expected: onlyAndHidden(['enterpriseOwner', 'enterpriseMember'], ['buyer', 'admin']) },
    // Only the buyer decides: administrators run the platform, they do not award contracts.
    shortlistOffer: { run: async (h) => { const o = await freshOffer(true); return gql(url, `mutation { shortlistOffer(id: "${o.id}") { id } }`, {}, h); }, expected: onlyAndHidden(['buyer'], ['enterpriseOwner', 'enterpriseMember', 'admin']) },
    declineOffer: { run: async (h) => { const o = await freshOffer(true); return gql(url, `mutation { declineOffer(id: "${o.id}") { id } }`, {}, h); }, expected: onlyAndHidden(['buyer'], ['enterpriseOwner', 'enterpriseMember', 'admin']) },
    acceptOffer: { run: async (h) => { const o = await freshOffer(true); return gql(url, `mutation { acceptOffer(id: "${o.id}") { offer { id } } }`, {}, h); }, expected: onlyAndHidden(['buyer'], ['enterpriseOwner', 'enterpriseMember', 'admin']) },
    rebuildMatches: { run: (h) => gql(url, 'mutation { rebuildMatches { id } }', {}, h), expected: only('admin') },
    // Coordinators import too, within their regions (rows elsewhere are rejected, see import-export.e2e-spec.ts).
    startImport: {
      run: (h) => uploadImport(url, h, { kind: 'ENTERPRISES', source: `matrix-${randomUUID().slice(0, 8)}` }, { name: 'lista.csv', content: 'organisationsnummer,name,municipalityCode\n' }),
      expected: only('admin', 'coordinatorInRegion', 'coordinatorOutOfRegion'),
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
    expect((await gql(url, 'mutation { requestQueueProbe { id } }', {}, auth(OPS_TOKEN))).errors).toBeUndefined();
  });

  it('lets a member leave, though not remove others', async () => {
    const member = await tokenOf('enterpriseMember');
    expect((await gql(url, `mutation { removeMember(organizationId: "${enterpriseId}", userId: "${userIds.enterpriseOwner}") }`, {}, member)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await gql(url, `mutation { removeMember(organizationId: "${enterpriseId}", userId: "${userIds.enterpriseMember}") }`, {}, member)).data).toEqual({ removeMember: true });
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
});
