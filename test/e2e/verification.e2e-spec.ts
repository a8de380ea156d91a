import type { INestApplication } from '@nestjs/common';
import { UserService } from '@samverka/accounts';
import { Database } from '@samverka/engine';
import { acceptInvitation, auth, createOrganization, invite, login, nextOrganisationsnummer, PASSWORD, register, verifyOrganization, type SignedIn } from '../support/accounts.js';
import { startEmbeddedApi, type EmbeddedApi } from '../support/embedded-api.js';
import { gql } from '../support/graphql.js';
import { createNeed, createOffer, needInput, needTransition, offerAction, profileInput, saveProfile } from '../support/marketplace.js';
import { allNotifications } from '../support/notifications.js';
import { waitFor } from '../support/wait.js';

type Headers = Record<string, string>;

/**
 * Organisations register and draft at once, but act in public only once an administrator or a
 * coordinator of their county has verified them: a published need of an unverified buyer is shown to
 * its own members only (and administrators), and is neither matched nor counted; an unverified
 * enterprise is no match and cannot submit an offer.
 */
describe('verification of organisations (embedded mode)', () => {
  let api: EmbeddedApi;
  let app: INestApplication;
  let url: string;
  let database: Database;
  let admin: SignedIn;
  let coordinator: SignedIn;
  let farCoordinator: SignedIn;
  let outsider: SignedIn;
  let enterprise: { owner: SignedIn; orgId: string };

  const errorOf = (result: { errors?: { message: string; extensions?: Record<string, unknown> }[] }) => result.errors?.[0];
  const codeOf = (result: { errors?: { extensions?: Record<string, unknown> }[] }) => result.errors?.[0]?.extensions?.code;

  type Seen = { id: string; status: string; awaitingVerification: boolean } | null;
  /** The need as `need(id)` shows it to the asker, checked to be what `node(id)` shows too (null: hidden). */
  const lookUp = async (needId: string, headers: Headers = {}): Promise<Seen> => {
    const result = await gql<{ need: Seen; node: Seen }>(
      url,
      `{ need(id: "${needId}") { id status awaitingVerification } node(id: "${needId}") { ... on Need { id status awaitingVerification } } }`,
      {},
      headers,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.node).toEqual(result.data!.need);
    return result.data!.need;
  };
  const listed = async (headers: Headers = {}) =>
    (await gql<{ needs: { nodes: { id: string }[] } }>(url, '{ needs(first: 100) { nodes { id } } }', {}, headers)).data!.needs.nodes.map((n) => n.id);
  const openNeedsOfSkane = async () =>
    (await gql<{ regionInsights: { region: { openNeeds: number } } }>(url, '{ regionInsights(countyCode: "12") { region { openNeeds } } }', {}, auth(coordinator.accessToken)))
      .data!.regionInsights.region.openNeeds;
  const enterprisesOfSkane = async () =>
    (await gql<{ regionInsights: { enterprises: { total: number } } }>(url, '{ regionInsights(countyCode: "12") { enterprises { total } } }', {}, auth(coordinator.accessToken)))
      .data!.regionInsights.enterprises.total;
  /** Waits until the job of the need's (or the profile's) last change has run. */
  const matched = (key: string) =>
    waitFor(`the matching job ${key} to run`, async () => (await database.dataSource.query(`SELECT 1 FROM job_outbox WHERE key = $1`, [key])).length === 0, 60_000);
  const matchesOf = async (needId: string) =>
    (await database.dataSource.query(`SELECT organization_id FROM match WHERE need_id = $1 ORDER BY organization_id`, [needId])).map(
      (r: { organization_id: string }) => r.organization_id,
    );
  const auditOf = async (entityId: string, action: string) =>
    (
      await gql<{ auditEvents: { nodes: { actorUserId: string; action: string; data: string }[] } }>(
        url,
        'query($f: AuditFilterInput) { auditEvents(first: 10, filter: $f) { nodes { actorUserId action data } } }',
        { f: { entityId, action } },
        auth(admin.accessToken),
      )
    ).data!.auditEvents.nodes.map((e) => ({ ...e, data: JSON.parse(e.data) as unknown }));

  const publish = async (token: string, buyerOrg: string, overrides: Record<string, unknown> = {}) => {
    const draft = (await createNeed(url, token, needInput(buyerOrg, overrides))).data!.createNeed.need;
    const published = await needTransition(url, token, 'publishNeed', draft.id, draft.version);
    expect(published.errors).toBeUndefined();
    return published.data!.publishNeed.need;
  };

  beforeAll(async () => {
    // Every match is a strong one, so that what enterprises are told of a need shows.
    api = await startEmbeddedApi('verification', { LOGIN_MAX_FAILURES_PER_IP: '1000', MATCHING_MIN_SCORE: '0', MATCHING_NOTIFY_SCORE: '0' });
    ({ app, url } = api);
    database = app.get(Database);
    await app.get(UserService).ensureAdmin({ email: 'admin@samverka.se', displayName: 'Admin', password: PASSWORD });
    const adminLogin = (await login(url, 'admin@samverka.se')).data!.login;
    admin = { userId: adminLogin.user.id, email: 'admin@samverka.se', accessToken: adminLogin.accessToken, refreshToken: adminLogin.refreshToken };
    const setRole = 'mutation($input: SetPlatformRoleInput!) { setPlatformRole(input: $input) { user { id } } }';
    const coordinatorOf = async (email: string, county: string) => {
      const person = await register(url, email);
      expect((await gql(url, setRole, { input: { userId: person.userId, role: 'COORDINATOR', countyCodes: [county] } }, auth(admin.accessToken))).errors).toBeUndefined();
      // A changed role takes effect at the next sign-in.
      return { ...person, accessToken: (await login(url, email)).data!.login.accessToken };
    };
    coordinator = await coordinatorOf('samordnare@skane.se', '12');
    farCoordinator = await coordinatorOf('samordnare@stockholm.se', '01');
    outsider = await register(url, 'nyfiken@exempel.se');

    const owner = await register(url, 'agare@stadkooperativet.se');
    const orgId = (
      await createOrganization(
        url,
        owner.accessToken,
        { kind: 'SOCIAL_ENTERPRISE', name: 'Städkooperativet Malmö ek. för.', organisationsnummer: nextOrganisationsnummer(), municipalityCode: '1280' },
        admin.accessToken,
      )
    ).data!.createOrganization.organization.id;
    expect((await saveProfile(url, owner.accessToken, profileInput(orgId))).errors).toBeUndefined();
    enterprise = { owner, orgId };
  });
  afterAll(async () => api?.stop());

  it('shows an unverified buyer’s published need to its own members only, until a coordinator of its county verifies the buyer; unverifying hides it again', async () => {
    const buyer = await register(url, 'inkopare@lund.se');
    const colleague = await register(url, 'kollega@lund.se');
    const created = await createOrganization(url, buyer.accessToken, {
      kind: 'MUNICIPALITY',
      name: 'Lunds kommun (ny)',
      organisationsnummer: '212000-1132',
      municipalityCode: '1281',
    });
    expect(created.data!.createOrganization.organization.verified).toBe(false);
    const buyerOrg = created.data!.createOrganization.organization.id;
    await acceptInvitation(url, colleague.accessToken, (await invite(url, buyer.accessToken, buyerOrg, colleague.email)).data!.inviteMember.token);

    // The coordinator finds it among the county's organisations awaiting verification.
    const awaiting = await gql<{ organizations: { nodes: { id: string }[] } }>(
      url,
      '{ organizations(first: 100, filter: { verified: false, countyCode: "12" }) { nodes { id } } }',
      {},
      auth(coordinator.accessToken),
    );
    expect(awaiting.data!.organizations.nodes.map((o) => o.id)).toContain(buyerOrg);

    // Drafting and publishing work at once; the need says it waits for the buyer's verification.
    const need = await publish(buyer.accessToken, buyerOrg, { municipalityCode: '1281', title: 'Lokalvård av skolor i Lund' });
    expect(need.status).toBe('PUBLISHED');
    for (const member of [buyer, colleague]) {
      expect(await lookUp(need.id, auth(member.accessToken))).toEqual({ id: need.id, status: 'PUBLISHED', awaitingVerification: true });
      expect(await listed(auth(member.accessToken))).toContain(need.id);
    }
    // Administrators see it too (they see drafts as well).
    expect((await lookUp(need.id, auth(admin.accessToken)))!.awaitingVerification).toBe(true);

    // Nobody else sees it (by id or through node): not anonymously, not signed in, not an enterprise, not the coordinator; not listed, not offered on.
    for (const headers of [{}, auth(outsider.accessToken), auth(enterprise.owner.accessToken), auth(coordinator.accessToken)]) {
      expect(await lookUp(need.id, headers)).toBeNull();
      expect(await listed(headers)).not.toContain(need.id);
    }
    const offer = await createOffer(url, enterprise.owner.accessToken, { needId: need.id, enterpriseOrganizationId: enterprise.orgId, message: 'Vi städar', priceSek: 400_000 });
    expect(codeOf(offer)).toBe('NOT_FOUND');
    // It is not counted in the region's insights, nor matched, nor announced to the enterprises that fit it.
    expect(await openNeedsOfSkane()).toBe(0);
    await matched(`need-${need.id}`);
    expect(await matchesOf(need.id)).toEqual([]);
    const state = await gql<{ need: { matchStatus: { state: string } } }>(url, `{ need(id: "${need.id}") { matchStatus { state } } }`, {}, auth(buyer.accessToken));
    expect(state.data!.need.matchStatus.state).toBe('NOT_MATCHED');
    expect((await allNotifications(url, enterprise.owner.accessToken)).filter((n) => n.subjectId === need.id)).toEqual([]);

    // A coordinator of another county may not verify it; the reason is said in the asker's language.
    const refused = await verifyOrganization(url, farCoordinator.accessToken, buyerOrg);
    expect(errorOf(refused)).toMatchObject({ message: 'Bara regionens samordnare och administratörer får verifiera organisationer.', extensions: { code: 'FORBIDDEN' } });
    expect(
      errorOf(
        await gql(
          url,
          `mutation { verifyOrganization(input: { organizationId: "${buyerOrg}" }) { organization { id } } }`,
          {},
          { ...auth(farCoordinator.accessToken), 'accept-language': 'en' },
        ),
      ),
    ).toMatchObject({
      message: "Only the region's coordinators and administrators may verify organisations.",
      extensions: { code: 'FORBIDDEN' },
    });

    // The coordinator of its county verifies it: the need is shown to everyone, counted and matched.
    const verified = await verifyOrganization(url, coordinator.accessToken, buyerOrg);
    expect(verified.errors).toBeUndefined();
    expect(verified.data!.verifyOrganization.organization).toMatchObject({ id: buyerOrg, verified: true, verifiedAt: expect.any(String) });
    for (const headers of [{}, auth(outsider.accessToken), auth(enterprise.owner.accessToken)]) {
      expect(await lookUp(need.id, headers)).toEqual({ id: need.id, status: 'PUBLISHED', awaitingVerification: false });
      expect(await listed(headers)).toContain(need.id);
    }
    expect(await openNeedsOfSkane()).toBe(1);
    await matched(`need-${need.id}`);
    expect(await matchesOf(need.id)).toEqual([enterprise.orgId]);
    expect((await allNotifications(url, enterprise.owner.accessToken)).filter((n) => n.subjectId === need.id).map((n) => n.kind)).toEqual(['MATCH_STRONG']);
    // The owners hear of it (not the other members, nor the coordinator who did it).
    const told = (await allNotifications(url, buyer.accessToken)).filter((n) => n.subjectId === buyerOrg);
    expect(told).toEqual([
      expect.objectContaining({
        kind: 'ORGANIZATION_VERIFIED',
        subjectType: 'organization',
        organization: { id: buyerOrg, name: 'Lunds kommun (ny)' },
        title: 'Lunds kommun (ny) är verifierad',
        body: 'Organisationens publicerade behov visas nu för alla och matchas mot företagen.',
      }),
    ]);
    for (const person of [colleague, coordinator]) expect((await allNotifications(url, person.accessToken)).filter((n) => n.subjectId === buyerOrg)).toEqual([]);
    expect(await auditOf(buyerOrg, 'organization.verified')).toEqual([
      { actorUserId: coordinator.userId, action: 'organization.verified', data: { countyCode: '12', as: 'COORDINATOR' } },
    ]);
    // Verifying it again changes nothing.
    expect((await verifyOrganization(url, coordinator.accessToken, buyerOrg)).data!.verifyOrganization.organization.version).toBe(
      verified.data!.verifyOrganization.organization.version,
    );
    expect(await auditOf(buyerOrg, 'organization.verified')).toHaveLength(1);

    // Withdrawing the verification hides the need again and takes it out of the matches; the owners are told why.
    const unverified = await verifyOrganization(url, coordinator.accessToken, buyerOrg, false);
    expect(unverified.data!.verifyOrganization.organization).toMatchObject({ verified: false, verifiedAt: null });
    expect(await lookUp(need.id)).toBeNull();
    expect(await listed(auth(enterprise.owner.accessToken))).not.toContain(need.id);
    expect((await lookUp(need.id, auth(buyer.accessToken)))!.awaitingVerification).toBe(true);
    expect(await openNeedsOfSkane()).toBe(0);
    await matched(`need-${need.id}`);
    expect(await matchesOf(need.id)).toEqual([]);
    const recommended = await gql<{ recommendedNeeds: { nodes: { need: { id: string } }[] } }>(
      url,
      `{ recommendedNeeds(organizationId: "${enterprise.orgId}") { nodes { need { id } } } }`,
      {},
      auth(enterprise.owner.accessToken),
    );
    expect(recommended.data!.recommendedNeeds.nodes.map((m) => m.need.id)).not.toContain(need.id);
    expect((await allNotifications(url, buyer.accessToken)).filter((n) => n.subjectId === buyerOrg).map((n) => [n.kind, n.title])).toEqual([
      ['ORGANIZATION_UNVERIFIED', 'Lunds kommun (ny) är inte längre verifierad'],
      ['ORGANIZATION_VERIFIED', 'Lunds kommun (ny) är verifierad'],
    ]);
    expect(await auditOf(buyerOrg, 'organization.unverified')).toEqual([
      { actorUserId: coordinator.userId, action: 'organization.unverified', data: { countyCode: '12', as: 'COORDINATOR' } },
    ]);
  });

  it('keeps an unverified enterprise out of the matches and the insights, and refuses to submit its offer until it is verified (drafts are fine)', async () => {
    const buyer = await register(url, 'inkopare@malmo.se');
    const buyerOrg = (
      await createOrganization(
        url,
        buyer.accessToken,
        { kind: 'MUNICIPALITY', name: 'Malmö stad', organisationsnummer: '212000-1124', municipalityCode: '1280' },
        admin.accessToken,
      )
    ).data!.createOrganization.organization.id;
    const enterprisesBefore = await enterprisesOfSkane();
    const owner = await register(url, 'agare@nystart.se');
    const created = await createOrganization(url, owner.accessToken, {
      kind: 'SOCIAL_ENTERPRISE',
      name: 'Nystart Städ ek. för.',
      organisationsnummer: nextOrganisationsnummer(),
      municipalityCode: '1280',
    });
    const newcomer = created.data!.createOrganization.organization.id;
    expect((await saveProfile(url, owner.accessToken, profileInput(newcomer))).errors).toBeUndefined();
    await matched(`profile-${newcomer}`);
    expect(await enterprisesOfSkane()).toBe(enterprisesBefore);

    // A need both enterprises fit: only the verified one is matched.
    const need = await publish(buyer.accessToken, buyerOrg);
    await matched(`need-${need.id}`);
    expect(await matchesOf(need.id)).toEqual([enterprise.orgId]);

    // The newcomer may draft an offer, but not submit it: the error says why and what to do.
    const draft = (await createOffer(url, owner.accessToken, { needId: need.id, enterpriseOrganizationId: newcomer, message: 'Vi städar med arbetsträning', priceSek: 400_000 }))
      .data!.createOffer.offer;
    expect(draft.status).toBe('DRAFT');
    const refused = await offerAction(url, owner.accessToken, 'submitOffer', draft.id, draft.version);
    expect(errorOf(refused)).toMatchObject({
      message:
        'Företaget är inte verifierat ännu, så du kan inte skicka anbudet. En administratör eller samordnaren i ditt län verifierar företaget. Du kan spara anbudet som utkast under tiden.',
      extensions: { code: 'CONFLICT' },
    });
    const inEnglish = await gql(
      url,
      'mutation($input: SubmitOfferInput!) { submitOffer(input: $input) { offer { id } } }',
      { input: { offerId: draft.id, version: draft.version } },
      {
        ...auth(owner.accessToken),
        'accept-language': 'en',
      },
    );
    expect(errorOf(inEnglish)).toMatchObject({
      message:
        'The enterprise is not verified yet, so you cannot submit the offer. An administrator or the coordinator of your county verifies the enterprise. You can keep the offer as a draft meanwhile.',
      extensions: { code: 'CONFLICT' },
    });
    const kept = await gql<{ offer: { status: string; version: number } }>(url, `{ offer(id: "${draft.id}") { status version } }`, {}, auth(owner.accessToken));
    expect(kept.data!.offer).toEqual({ status: 'DRAFT', version: draft.version });
    // The buyer heard of nothing.
    expect((await allNotifications(url, buyer.accessToken)).filter((n) => n.kind === 'OFFER_RECEIVED')).toEqual([]);

    // Verified by an administrator: it is matched, counted, and its offer goes out.
    expect((await verifyOrganization(url, admin.accessToken, newcomer)).errors).toBeUndefined();
    await matched(`profile-${newcomer}`);
    expect(await matchesOf(need.id)).toEqual([enterprise.orgId, newcomer].sort());
    expect(await enterprisesOfSkane()).toBe(enterprisesBefore + 1);
    const submitted = await offerAction(url, owner.accessToken, 'submitOffer', draft.id, draft.version);
    expect(submitted.errors).toBeUndefined();
    expect(submitted.data!.submitOffer.offer.status).toBe('SUBMITTED');
    expect((await allNotifications(url, owner.accessToken)).filter((n) => n.subjectId === newcomer).map((n) => [n.kind, n.body])).toEqual([
      ['ORGANIZATION_VERIFIED', 'Företaget kan nu skicka anbud och föreslås för köparnas behov.'],
    ]);
    expect(await auditOf(newcomer, 'organization.verified')).toEqual([{ actorUserId: admin.userId, action: 'organization.verified', data: { countyCode: '12', as: 'ADMIN' } }]);

    // Its verification withdrawn, it leaves the matches again.
    expect((await verifyOrganization(url, admin.accessToken, newcomer, false)).errors).toBeUndefined();
    await matched(`profile-${newcomer}`);
    expect(await matchesOf(need.id)).toEqual([enterprise.orgId]);
    expect(await enterprisesOfSkane()).toBe(enterprisesBefore);
  });

  it('asks for a new check when an owner renames a verified organisation, and hides its needs meanwhile', async () => {
    const buyer = await register(url, 'inkopare@lomma.se');
    const created = (
      await createOrganization(
        url,
        buyer.accessToken,
        { kind: 'MUNICIPALITY', name: 'Lomma kommun', organisationsnummer: '212000-1140', municipalityCode: '1262' },
        coordinator.accessToken,
      )
    ).data!.createOrganization.organization;
    const need = await publish(buyer.accessToken, created.id, { municipalityCode: '1262' });
    expect((await lookUp(need.id))!.awaitingVerification).toBe(false);
    const renamed = await gql<{ updateOrganization: { organization: { verified: boolean } } }>(
      url,
      'mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { organization { verified } } }',
      { input: { organizationId: created.id, version: created.version, name: 'Lomma kommun (nytt namn)' } },
      auth(buyer.accessToken),
    );
    expect(renamed.data!.updateOrganization.organization.verified).toBe(false);
    expect(await lookUp(need.id)).toBeNull();
    expect((await allNotifications(url, buyer.accessToken)).filter((n) => n.subjectId === created.id).map((n) => [n.kind, n.body])).toEqual([
      [
        'ORGANIZATION_UNVERIFIED',
        'Organisationen har fått nytt namn eller ny hemort och behöver verifieras igen. Tills dess visas dess publicerade behov bara för dess medlemmar, och den kan inte skicka anbud.',
      ],
      ['ORGANIZATION_VERIFIED', 'Organisationens publicerade behov visas nu för alla och matchas mot företagen.'],
    ]);
  });
});
