import { setTimeout as sleep } from 'node:timers/promises';
import type { INestApplication } from '@nestjs/common';
import { UserService } from '../../libs/features/accounts/user.service.js';
import { QUEUE_DRIVER, type QueueDriver } from '@samverka/engine';
import { auth, createOrganization, invite, acceptInvitation, login, nextOrganisationsnummer, PASSWORD, register, type SignedIn } from '../support/accounts.js';
import { startEmbeddedApi, type EmbeddedApi } from '../support/embedded-api.js';
import { gql } from '../support/graphql.js';
import { accept, createNeed, createOffer, decide, needInput, needTransition, offerAction, profileInput, saveProfile } from '../support/marketplace.js';
import { waitFor } from '../support/wait.js';

describe('the marketplace story (embedded mode)', () => {
  let api: EmbeddedApi;
  let app: INestApplication;
  let url: string;
  let buyer: SignedIn;
  let colleague: SignedIn;
  let buyerOrg: string;
  const enterprises: Record<'a' | 'b' | 'c', { owner: SignedIn; orgId: string }> = {} as never;

  beforeAll(async () => {
    api = await startEmbeddedApi('marketplace', { LOGIN_MAX_FAILURES_PER_IP: '1000' });
    ({ app, url } = api);
    await app.get(UserService).ensureAdmin({ email: 'admin@samverka.se', displayName: 'Admin', password: PASSWORD });
    const admin = (await login(url, 'admin@samverka.se')).data!.login.accessToken;
    buyer = await register(url, 'inkopare@malmo.se');
    colleague = await register(url, 'kollega@malmo.se');
    buyerOrg = (await createOrganization(url, buyer.accessToken, { kind: 'MUNICIPALITY', name: 'Malmö stad', organisationsnummer: '212000-1124', municipalityCode: '1280' }, admin))
      .data!.createOrganization.organization.id;
    await acceptInvitation(url, colleague.accessToken, (await invite(url, buyer.accessToken, buyerOrg, 'kollega@malmo.se')).data!.inviteMember.token);

    const make = async (key: 'a' | 'b' | 'c', name: string, profile: Record<string, unknown>) => {
      const owner = await register(url, `agare.${key}@socialt.se`);
      const orgId = (
        await createOrganization(url, owner.accessToken, { kind: 'SOCIAL_ENTERPRISE', name, organisationsnummer: nextOrganisationsnummer(), municipalityCode: '1280' }, admin)
      ).data!.createOrganization.organization.id;
      const saved = await saveProfile(url, owner.accessToken, profileInput(orgId, profile));
      expect(saved.errors).toBeUndefined();
      enterprises[key] = { owner, orgId };
    };
    await make('a', 'Städkooperativet Malmö ek. för.', {});
    await make('b', 'Rent & Riktigt ideell förening', {
      farFromLabourMarketShare: 40,
      legalForm: 'IDEELL_FORENING',
      description: 'Ideell förening som driver lokalvård och trappstädning i Malmö och Lund med arbetsträning.',
    });
    await make('c', 'Putsbolaget AB', {
      workIntegrating: false,
      farFromLabourMarketShare: null,
      ideburen: false,
      legalForm: 'AKTIEBOLAG',
      municipalityCodes: [],
      countyCodes: ['12'],
    });
  });
  afterAll(async () => api?.stop());

  it('walks the whole story: publish, find, offer, shortlist, accept, award', async () => {
    const draft = (await createNeed(url, buyer.accessToken, needInput(buyerOrg))).data!.createNeed.need;
    expect(draft.status).toBe('DRAFT');
    // Drafts stay with the buyer: to others the lookup answers null, as for an unknown id.
    expect(await gql(url, `{ need(id: "${draft.id}") { id } }`)).toEqual({ status: 200, data: { need: null } });
    expect((await gql(url, `{ need(id: "${draft.id}") { id } }`, {}, auth(buyer.accessToken))).data).toEqual({ need: { id: draft.id } });
    const published = (await needTransition(url, buyer.accessToken, 'publishNeed', draft.id, draft.version)).data!.publishNeed;
    expect(published.need.status).toBe('PUBLISHED');
    expect(published.warnings).toEqual([]);

    // Enterprises find it by search and filters.
    const find = async (filter: Record<string, unknown>, sort = 'PUBLISHED') =>
      (
        await gql<{ needs: { nodes: { id: string }[] } }>(
          url,
          'query($f: NeedFilterInput, $s: NeedSort) { needs(filter: $f, sort: $s) { nodes { id } } }',
          { f: filter, s: sort },
          auth(enterprises.a.owner.accessToken),
        )
      ).data!.needs.nodes.map((n) => n.id);
    for (const filter of [
      { search: 'lokalvård förskol' },
      { cpvCodes: ['90910000-9'] },
      { sdgs: [8, 12] },
      { municipalityCode: '1280', forms: ['RESERVED_CONTRACT'], statuses: ['PUBLISHED'] },
      { countyCode: '12', budgetFromSek: 500_000, budgetToSek: 2_000_000 },
      { deadlineFrom: new Date().toISOString(), deadlineTo: new Date(Date.now() + 30 * 86_400_000).toISOString() },
    ]) {
      expect({ filter, found: (await find(filter)).includes(draft.id) }).toEqual({ filter, found: true });
    }
    for (const filter of [{ search: 'snöröjning' }, { cpvCodes: ['45000000'] }, { sdgs: [14] }, { forms: ['IOP'] }, { budgetFromSek: 700_000 }, { municipalityCode: '1281' }]) {
      expect({ filter, found: (await find(filter)).includes(draft.id) }).toEqual({ filter, found: false });
    }
    expect(await find({ search: 'förskolor' }, 'RELEVANCE')).toContain(draft.id);

    // A reserved contract refuses an enterprise that is not work-integrating, and says why.
    const refused = await createOffer(url, enterprises.c.owner.accessToken, {
      needId: draft.id,
      enterpriseOrganizationId: enterprises.c.orgId,
      message: 'Vi kan',
      priceSek: 400_000,
    });
    expect(refused.errors?.[0]).toMatchObject({
      extensions: { code: 'FORBIDDEN' },
      message:
        'Ett reserverat kontrakt (LOU 4 kap. 18 §) är bara för arbetsintegrerande företag där minst 30 % av de anställda står långt från arbetsmarknaden. Profilen är inte markerad som arbetsintegrerande.',
    });

    // Two enterprises offer.
    const offers: Record<string, { id: string; version: number }> = {};
    for (const key of ['a', 'b'] as const) {
      const created = (
        await createOffer(url, enterprises[key].owner.accessToken, {
          needId: draft.id,
          enterpriseOrganizationId: enterprises[key].orgId,
          message: `Anbud från ${key}`,
          priceSek: 500_000,
          proposedOutcomes: 'Fem platser för arbetsträning',
        })
      ).data!.createOffer.offer;
      const submitted = (await offerAction(url, enterprises[key].owner.accessToken, 'submitOffer', created.id, created.version)).data!.submitOffer.offer;
      expect(submitted.status).toBe('SUBMITTED');
      offers[key] = submitted;
    }

    // The buyer sees both; an enterprise sees its own; nobody else sees any.
    const offersOf = async (token?: string) =>
      gql<{ need: { offers: { id: string; status: string }[] } }>(url, `{ need(id: "${draft.id}") { offers { id status enterprise { name } } } }`, {}, token ? auth(token) : {});
    expect((await offersOf(buyer.accessToken)).data!.need.offers.map((o) => o.id).sort()).toEqual([offers.a.id, offers.b.id].sort());
    expect((await offersOf(enterprises.a.owner.accessToken)).data!.need.offers.map((o) => o.id)).toEqual([offers.a.id]);
    expect((await offersOf(enterprises.c.owner.accessToken)).data!.need.offers).toEqual([]);
    expect((await offersOf()).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');

    // Only the buyer decides.
    expect((await decide(url, enterprises.a.owner.accessToken, 'shortlistOffer', offers.a.id)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await decide(url, buyer.accessToken, 'shortlistOffer', offers.a.id)).data!.shortlistOffer.offer.status).toBe('SHORTLISTED');
    const accepted = (await accept(url, buyer.accessToken, offers.a.id)).data!.acceptOffer;
    expect(accepted.offer.status).toBe('ACCEPTED');
    expect(accepted.partnership).toMatchObject({ status: 'ACTIVE', buyer: { id: buyerOrg }, enterprise: { id: enterprises.a.orgId } });
    expect(accepted.need).toEqual({ id: draft.id, status: 'AWARDED' });
    expect(accepted.declinedOffers).toEqual([{ id: offers.b.id, version: expect.any(Number), status: 'DECLINED' }]);

    const after = await gql<{ need: { status: string; partnership: { id: string }; offers: { id: string; status: string }[] } }>(
      url,
      `{ need(id: "${draft.id}") { status partnership { id } offers { id status } } }`,
      {},
      auth(buyer.accessToken),
    );
    expect(after.data!.need.status).toBe('AWARDED');
    expect(after.data!.need.partnership.id).toBe(accepted.partnership.id);
    expect(Object.fromEntries(after.data!.need.offers.map((o) => [o.id, o.status]))).toEqual({ [offers.a.id]: 'ACCEPTED', [offers.b.id]: 'DECLINED' });

    const dashboard = await gql<{
      organizationDashboard: { needs: { status: string; count: number }[]; offersReceived: { status: string; count: number }[]; partnerships: { count: number }[] };
    }>(
      url,
      `{ organizationDashboard(organizationId: "${buyerOrg}") { needs { status count } offersReceived { status count } partnerships { status count } } }`,
      {},
      auth(buyer.accessToken),
    );
    expect(dashboard.data!.organizationDashboard.needs).toContainEqual({ status: 'AWARDED', count: 1 });
    expect(dashboard.data!.organizationDashboard.offersReceived).toEqual([
      { status: 'ACCEPTED', count: 1 },
      { status: 'DECLINED', count: 1 },
    ]);
  });

  it('lets exactly one of two simultaneous accepts win', async () => {
    const need = (await createNeed(url, buyer.accessToken, needInput(buyerOrg, { title: 'Trappstädning i Rosengård', form: 'PUBLIC_PROCUREMENT' }))).data!.createNeed.need;
    await needTransition(url, buyer.accessToken, 'publishNeed', need.id, need.version);
    const ids: string[] = [];
    for (const key of ['a', 'b'] as const) {
      const created = (
        await createOffer(url, enterprises[key].owner.accessToken, { needId: need.id, enterpriseOrganizationId: enterprises[key].orgId, message: 'Anbud', priceSek: 450_000 })
      ).data!.createOffer.offer;
      ids.push((await offerAction(url, enterprises[key].owner.accessToken, 'submitOffer', created.id, created.version)).data!.submitOffer.offer.id);
    }
    const results = await Promise.all([accept(url, buyer.accessToken, ids[0]), accept(url, colleague.accessToken, ids[1])]);
    const codes = results.map((r) => (r.errors ? r.errors[0].extensions?.code : 'OK')).sort();
    expect(codes).toEqual(['CONFLICT', 'OK']);
    const statuses = (
      await gql<{ need: { status: string; offers: { status: string }[] } }>(url, `{ need(id: "${need.id}") { status offers { status } } }`, {}, auth(buyer.accessToken))
    ).data!.need;
    expect(statuses.status).toBe('AWARDED');
    expect(statuses.offers.map((o) => o.status).sort()).toEqual(['ACCEPTED', 'DECLINED']);
  });

  it('refuses stale versions instead of overwriting', async () => {
    const need = (await createNeed(url, buyer.accessToken, needInput(buyerOrg, { title: 'Fönsterputs av skolor' }))).data!.createNeed.need;
    const update = (version: number, title: string, token = buyer.accessToken) =>
      gql<{ updateNeed: { need: { version: number; title: string } } }>(
        url,
        'mutation($input: UpdateNeedInput!) { updateNeed(input: $input) { need { version title } } }',
        { input: { needId: need.id, version, title } },
        auth(token),
      );
    expect((await update(need.version, 'Fönsterputs av skolor i Malmö')).data!.updateNeed.need).toEqual({ version: need.version + 1, title: 'Fönsterputs av skolor i Malmö' });
    const stale = await update(need.version, 'Något annat', colleague.accessToken);
    expect(stale.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT', fields: [{ path: ['version'], code: 'STALE' }] } });

    const current = (await gql<{ enterpriseProfile: { version: number } }>(url, `{ enterpriseProfile(organizationId: "${enterprises.a.orgId}") { version } }`)).data!
      .enterpriseProfile.version;
    expect(
      (await saveProfile(url, enterprises.a.owner.accessToken, profileInput(enterprises.a.orgId, { version: current }))).data!.saveEnterpriseProfile.enterpriseProfile.version,
    ).toBe(current + 1);
    const staleProfile = await saveProfile(url, enterprises.a.owner.accessToken, profileInput(enterprises.a.orgId, { version: current }));
    expect(staleProfile.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT', fields: [{ path: ['version'], code: 'STALE' }] } });
  });

  it('refuses transitions outside the lifecycle with a clear message, the status in words', async () => {
    const need = (await createNeed(url, buyer.accessToken, needInput(buyerOrg, { title: 'Catering till äldreboenden', form: 'DIRECT_AWARD' }))).data!.createNeed.need;
    expect((await needTransition(url, buyer.accessToken, 'closeNeed', need.id, need.version)).errors?.[0]).toMatchObject({
      message: 'Du kan bara stänga ett publicerat behov. Behovet är ett utkast.',
      extensions: { code: 'CONFLICT' },
    });
    const cancelled = (await needTransition(url, buyer.accessToken, 'cancelNeed', need.id, need.version)).data!.cancelNeed.need;
    expect((await needTransition(url, buyer.accessToken, 'publishNeed', need.id, cancelled.version)).errors?.[0].message).toBe(
      'Du kan bara publicera ett behov som är ett utkast. Behovet är avbrutet.',
    );

    const open = (await createNeed(url, buyer.accessToken, needInput(buyerOrg, { title: 'Tvätt av arbetskläder', form: 'PUBLIC_PROCUREMENT' }))).data!.createNeed.need;
    await needTransition(url, buyer.accessToken, 'publishNeed', open.id, open.version);
    const offer = (
      await createOffer(url, enterprises.b.owner.accessToken, { needId: open.id, enterpriseOrganizationId: enterprises.b.orgId, message: 'Vi tvättar', priceSek: 200_000 })
    ).data!.createOffer.offer;
    // A draft is the enterprise's own: the buyer cannot even see it.
    expect((await decide(url, buyer.accessToken, 'declineOffer', offer.id)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const submitted = (await offerAction(url, enterprises.b.owner.accessToken, 'submitOffer', offer.id, offer.version)).data!.submitOffer.offer;
    await decide(url, buyer.accessToken, 'declineOffer', offer.id);
    expect((await decide(url, buyer.accessToken, 'shortlistOffer', offer.id)).errors?.[0].message).toBe('Du kan bara sätta ett inskickat anbud på kortlistan. Anbudet är avböjt.');
    expect((await offerAction(url, enterprises.b.owner.accessToken, 'submitOffer', offer.id, submitted.version + 1)).errors?.[0].message).toBe(
      'Du kan bara skicka in ett anbud som är ett utkast. Anbudet är avböjt.',
    );
  });

  it('checks eligibility for IOP, completeness for publishing, and warns about large direct awards', async () => {
    const iop = (await createNeed(url, buyer.accessToken, needInput(buyerOrg, { title: 'IOP för läxhjälp', form: 'IOP', cpvCodes: ['80000000-4'] }))).data!.createNeed.need;
    await needTransition(url, buyer.accessToken, 'publishNeed', iop.id, iop.version);
    const refused = await createOffer(url, enterprises.c.owner.accessToken, { needId: iop.id, enterpriseOrganizationId: enterprises.c.orgId });
    expect(refused.errors?.[0]).toMatchObject({
      extensions: { code: 'FORBIDDEN' },
      message: 'Ett IOP (idéburet offentligt partnerskap) är bara för idéburna organisationer. Profilen är inte markerad som idéburen.',
    });
    expect((await createOffer(url, enterprises.b.owner.accessToken, { needId: iop.id, enterpriseOrganizationId: enterprises.b.orgId })).errors).toBeUndefined();

    const incomplete = (await createNeed(url, buyer.accessToken, { buyerOrganizationId: buyerOrg, title: 'Utkast', form: 'FUNDING_CALL' })).data!.createNeed.need;
    const publish = await needTransition(url, buyer.accessToken, 'publishNeed', incomplete.id, incomplete.version);
    // Every field the need lacks, each on its own.
    expect(publish.errors?.[0]).toMatchObject({
      message: 'Behovet kan inte publiceras än. 4 uppgifter behöver rättas.',
      extensions: {
        code: 'BAD_USER_INPUT',
        fields: [
          { path: ['description'], code: 'TOO_SHORT' },
          { path: ['cpvCodes'], code: 'TOO_FEW', message: 'Ange minst en CPV-kod innan du publicerar behovet.' },
          { path: ['budgetMaxSek'], code: 'REQUIRED' },
          { path: ['responseDeadline'], code: 'REQUIRED' },
        ],
      },
    });

    const large = await createNeed(url, buyer.accessToken, needInput(buyerOrg, { title: 'Möbelrenovering', form: 'DIRECT_AWARD', budgetMaxSek: 950_000 }));
    expect(large.data!.createNeed.warnings).toEqual([{ code: 'DIRECT_AWARD_OVER_LIMIT', message: expect.stringContaining('direktupphandling') }]);

    const badCpv = await createNeed(url, buyer.accessToken, needInput(buyerOrg, { cpvCodes: ['90919200-1'] }));
    expect(badCpv.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', fields: [{ path: ['cpvCodes'] }] } });
  });

  it('closes needs at their deadline and takes no offers after it', async () => {
    const need = (
      await createNeed(
        url,
        buyer.accessToken,
        needInput(buyerOrg, { title: 'Snabb direktupphandling', form: 'DIRECT_AWARD', responseDeadline: new Date(Date.now() + 1_500).toISOString() }),
      )
    ).data!.createNeed.need;
    await needTransition(url, buyer.accessToken, 'publishNeed', need.id, need.version);
    await sleep(1_600);
    const late = await createOffer(url, enterprises.a.owner.accessToken, { needId: need.id, enterpriseOrganizationId: enterprises.a.orgId });
    expect(late.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' }, message: 'Sista dag för anbud har passerat. Behovet tar inte emot fler anbud.' });
    // The scheduled job, run now through the queue rather than waiting for its minute.
    await app.get<QueueDriver>(QUEUE_DRIVER).enqueue('needs.closeExpired', {});
    await waitFor('the need to close', async () => (await gql<{ need: { status: string } }>(url, `{ need(id: "${need.id}") { status } }`)).data?.need.status === 'CLOSED');
  });

  it('refuses bad filters and cursors as input errors, naming the field', async () => {
    const failing = async (query: string, variables: Record<string, unknown> = {}) => (await gql(url, query, variables)).errors?.[0];
    expect(await failing('{ needs(filter: { buyerOrganizationId: "x" }) { totalCount } }')).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', fields: [{ path: ['filter', 'buyerOrganizationId'] }] },
    });
    // Kronor are whole: a fraction is refused by the scalar, written in the query or sent as a variable.
    expect(await failing('{ needs(filter: { budgetFromSek: 1.5 }) { totalCount } }')).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', fields: [{ path: ['filter', 'budgetFromSek'], code: 'INVALID_FORMAT' }] },
    });
    expect(await failing('query($f: NeedFilterInput) { needs(filter: $f) { totalCount } }', { f: { budgetToSek: 1.5 } })).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', fields: [{ path: ['filter', 'budgetToSek'], code: 'INVALID_FORMAT' }] },
    });
    expect(await failing('{ enterprises(filter: { minCapacitySek: 1e21 }) { totalCount } }')).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', fields: [{ path: ['filter', 'minCapacitySek'] }] },
    });
    expect(await failing('{ needs(filter: { deadlineTo: "-200000-01-01T00:00:00Z" }) { totalCount } }')).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', fields: [{ path: ['filter', 'deadlineTo'] }] },
    });
    const page = await gql<{ needs: { pageInfo: { endCursor: string } } }>(url, '{ needs(first: 1, sort: BUDGET) { pageInfo { endCursor } } }');
    const otherSort = await failing('query($a: String) { needs(first: 1, sort: PUBLISHED, after: $a) { totalCount } }', { a: page.data!.needs.pageInfo.endCursor });
    expect(otherSort).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', fields: [{ path: ['after'] }] } });
  });

  it('fixes the form once a need is published, and cancelling declines the open offers', async () => {
    const need = (await createNeed(url, buyer.accessToken, needInput(buyerOrg, { title: 'Grönyteskötsel', form: 'PUBLIC_PROCUREMENT' }))).data!.createNeed.need;
    const published = (await needTransition(url, buyer.accessToken, 'publishNeed', need.id, need.version)).data!.publishNeed.need;
    const update = (input: Record<string, unknown>) =>
      gql(
        url,
        'mutation($input: UpdateNeedInput!) { updateNeed(input: $input) { need { form } } }',
        { input: { needId: need.id, version: published.version, ...input } },
        auth(buyer.accessToken),
      );
    expect((await update({ form: 'RESERVED_CONTRACT' })).errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT', fields: [{ path: ['form'], code: 'NOT_ALLOWED' }] } });
    expect((await update({ form: null })).errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', fields: [{ path: ['form'], code: 'REQUIRED' }] } });

    const created = (
      await createOffer(url, enterprises.c.owner.accessToken, { needId: need.id, enterpriseOrganizationId: enterprises.c.orgId, message: 'Vi sköter parker', priceSek: 300_000 })
    ).data!.createOffer.offer;
    const submitted = (await offerAction(url, enterprises.c.owner.accessToken, 'submitOffer', created.id, created.version)).data!.submitOffer.offer;
    const draft = (await createOffer(url, enterprises.a.owner.accessToken, { needId: need.id, enterpriseOrganizationId: enterprises.a.orgId, message: 'Utkast' })).data!.createOffer
      .offer;
    await needTransition(url, buyer.accessToken, 'cancelNeed', need.id, published.version);
    const seen = await gql<{ offer: { status: string } }>(url, `{ offer(id: "${submitted.id}") { status } }`, {}, auth(enterprises.c.owner.accessToken));
    expect(seen.data!.offer.status).toBe('DECLINED');

    // Drafts stay the enterprise's own, even in its list of offers as an administrator sees it.
    const admin = (await login(url, 'admin@samverka.se')).data!.login.accessToken;
    const listed = await gql<{ organization: { offers: { nodes: { id: string }[] } } }>(
      url,
      `{ organization(id: "${enterprises.a.orgId}") { offers(first: 100) { nodes { id } } } }`,
      {},
      auth(admin),
    );
    expect(listed.data!.organization.offers.nodes.map((o) => o.id)).not.toContain(draft.id);
    const own = await gql<{ organization: { offers: { nodes: { id: string }[] } } }>(
      url,
      `{ organization(id: "${enterprises.a.orgId}") { offers(first: 100) { nodes { id } } } }`,
      {},
      auth(enterprises.a.owner.accessToken),
    );
    expect(own.data!.organization.offers.nodes.map((o) => o.id)).toContain(draft.id);
  });

  it('reports every mistake of an enterprise profile at once, each with its path', async () => {
    const mistakes = profileInput(enterprises.c.orgId, {
      employees: -3,
      farFromLabourMarketShare: 140,
      certifications: Array.from({ length: 21 }, (_, i) => `Certifiering ${i + 1}`),
      sdgs: [8, 18],
    });
    const refused = await saveProfile(url, enterprises.c.owner.accessToken, mistakes);
    expect(refused.errors?.[0]).toMatchObject({
      message: '4 uppgifter behöver rättas.',
      extensions: {
        code: 'BAD_USER_INPUT',
        fields: [
          { path: ['farFromLabourMarketShare'], code: 'OUT_OF_RANGE', message: 'Ange ett heltal från 0 till 100.' },
          { path: ['employees'], code: 'OUT_OF_RANGE', message: 'Ange ett heltal från 0 till 1 000 000.' },
          { path: ['certifications'], code: 'TOO_MANY', message: 'Ange högst 20 värden.' },
          { path: ['sdgs'] },
        ],
      },
    });
    expect(refused.errors?.[0].extensions?.fields).toHaveLength(4);
  });

  it('answers the same bad need in Swedish by default and in English when asked', async () => {
    const bad = { ...needInput(buyerOrg), title: '', budgetMinSek: 900_000, budgetMaxSek: 600_000 };
    const create = (headers: Record<string, string>) =>
      gql(url, 'mutation($input: CreateNeedInput!) { createNeed(input: $input) { need { id } } }', { input: bad }, { ...auth(buyer.accessToken), ...headers });
    const swedish = (await create({})).errors?.[0];
    expect(swedish).toMatchObject({
      message: '2 uppgifter behöver rättas.',
      extensions: {
        code: 'BAD_USER_INPUT',
        fields: [
          { path: ['budgetMinSek'], code: 'OUT_OF_RANGE', message: 'Den lägsta budgeten får inte vara högre än den högsta.' },
          { path: ['title'], code: expect.any(String) },
        ],
      },
    });
    const english = (await create({ 'accept-language': 'en' })).errors?.[0];
    expect(english).toMatchObject({
      message: '2 fields need correcting.',
      extensions: {
        code: 'BAD_USER_INPUT',
        fields: [
          { path: ['budgetMinSek'], code: 'OUT_OF_RANGE', message: 'The minimum budget must not be above the maximum.' },
          { path: ['title'], code: (swedish!.extensions!.fields as { code: string }[])[1].code },
        ],
      },
    });
    // Without a form the schema refuses the need before it reaches the rules: the form is required.
    const { form: _form, ...formless } = needInput(buyerOrg);
    const noForm = await gql(url, 'mutation($input: CreateNeedInput!) { createNeed(input: $input) { need { id } } }', { input: formless }, auth(buyer.accessToken));
    expect(noForm.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', fields: [{ path: ['form'], code: 'REQUIRED' }] } });
  });

  it('reports profile readiness with what is missing', async () => {
    const owner = await register(url, 'ny@socialt.se');
    const orgId = (
      await createOrganization(url, owner.accessToken, {
        kind: 'SOCIAL_ENTERPRISE',
        name: 'Nystart ek. för.',
        organisationsnummer: nextOrganisationsnummer(),
        municipalityCode: '1281',
      })
    ).data!.createOrganization.organization.id;
    const saved = (await saveProfile(url, owner.accessToken, { organizationId: orgId, description: 'Kort.', workIntegrating: true })).data!.saveEnterpriseProfile.enterpriseProfile;
    expect(saved.readiness.score).toBe(0);
    expect(saved.readiness.missing.map((m) => m.item)).toEqual(['description', 'services', 'cpvCodes', 'sdgs', 'area', 'capacity', 'size', 'legalForm', 'workIntegrationShare']);
    const wrongKind = await saveProfile(url, buyer.accessToken, { organizationId: buyerOrg });
    expect(wrongKind.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', fields: [{ path: ['organizationId'], code: 'NOT_ALLOWED' }] } });
    const login2 = await login(url, 'ny@socialt.se');
    expect(login2.data).toBeDefined();
  });

  it('gives publish warnings and readiness advice in Swedish, and in English when Accept-Language prefers it', async () => {
    const english = { 'accept-language': 'en-GB,en;q=0.9' };
    const draft = (await createNeed(url, buyer.accessToken, needInput(buyerOrg, { title: 'Renovering av skolmöbler', form: 'DIRECT_AWARD', budgetMaxSek: 950_000 }))).data!
      .createNeed.need;
    const publish = (headers: Record<string, string>) =>
      gql<{ publishNeed: { warnings: { code: string; message: string }[] } }>(
        url,
        'mutation($input: PublishNeedInput!) { publishNeed(input: $input) { warnings { code message } } }',
        { input: { needId: draft.id, version: draft.version } },
        { ...auth(buyer.accessToken), ...headers },
      );
    const warned = await publish({});
    expect(warned.errors).toBeUndefined();
    expect(warned.data!.publishNeed.warnings).toEqual([
      {
        code: 'DIRECT_AWARD_OVER_LIMIT',
        message:
          'Budgeten (upp till 950\u00a0000 kr) är över gränsen för direktupphandling enligt LOU, 700\u00a0000 kr. Ett så stort kontrakt behöver normalt upphandlas på annat sätt: välj en annan form eller sänk budgeten.',
      },
    ]);
    // The same warning, read again in English: the code does not change with the language.
    const read = await gql<{ need: { warnings: { code: string; message: string }[] } }>(url, `{ need(id: "${draft.id}") { warnings { code message } } }`, {}, english);
    expect(read.data!.need.warnings).toEqual([
      {
        code: 'DIRECT_AWARD_OVER_LIMIT',
        message:
          'The budget (up to SEK 950,000) is above the direct award limit under LOU, SEK 700,000. A contract this large must normally be procured in another way: choose another form or lower the budget.',
      },
    ]);

    const owner = await register(url, 'radgivning@socialt.se');
    const orgId = (
      await createOrganization(url, owner.accessToken, {
        kind: 'SOCIAL_ENTERPRISE',
        name: 'Rådgivning ek. för.',
        organisationsnummer: nextOrganisationsnummer(),
        municipalityCode: '1280',
      })
    ).data!.createOrganization.organization.id;
    const saved = await gql<{ saveEnterpriseProfile: { enterpriseProfile: { readiness: { missing: { item: string; advice: string }[] } } } }>(
      url,
      'mutation($input: SaveEnterpriseProfileInput!) { saveEnterpriseProfile(input: $input) { enterpriseProfile { readiness { missing { item advice } } } } }',
      { input: profileInput(orgId, { description: 'Kort.', sdgs: [] }) },
      auth(owner.accessToken),
    );
    expect(saved.data!.saveEnterpriseProfile.enterpriseProfile.readiness.missing).toEqual([
      { item: 'description', advice: 'Beskriv verksamheten och dess sociala syfte med minst 100 tecken.' },
      { item: 'sdgs', advice: 'Välj de globala mål (Agenda 2030) som verksamheten bidrar till.' },
    ]);
    const dashboard = await gql<{ organizationDashboard: { profileReadiness: { missing: { item: string; advice: string }[] } } }>(
      url,
      `{ organizationDashboard(organizationId: "${orgId}") { profileReadiness { missing { item advice } } } }`,
      {},
      { ...auth(owner.accessToken), ...english },
    );
    expect(dashboard.data!.organizationDashboard.profileReadiness.missing).toEqual([
      { item: 'description', advice: 'Describe the enterprise and its social purpose in at least 100 characters.' },
      { item: 'sdgs', advice: 'Choose the global goals (the 2030 Agenda) the enterprise contributes to.' },
    ]);
  });

  it('finds Swedish compounds by their parts: "städning" finds storstädning, "cykel" a cykelverkstad, whole words first', async () => {
    const owner = await register(url, 'agare.sammansatt@socialt.se');
    const enterprise = async (name: string, profile: Record<string, unknown>) => {
      const orgId = (
        await createOrganization(url, owner.accessToken, { kind: 'SOCIAL_ENTERPRISE', name, organisationsnummer: nextOrganisationsnummer(), municipalityCode: '1280' })
      ).data!.createOrganization.organization.id;
      expect((await saveProfile(url, owner.accessToken, profileInput(orgId, profile))).errors).toBeUndefined();
      return orgId;
    };
    const big = await enterprise('Storstäd i Syd', {
      description: 'Arbetsintegrerande företag i Malmö: vi gör storstädning av kontor, trapphus och skolor med handledare och arbetsträning för nyanlända.',
      services: 'Storstädning',
    });
    const wheels = await enterprise('Hjulet ekonomisk förening', {
      description: 'Arbetsintegrerande företag i Malmö med en cykelverkstad där deltagare lagar och säljer begagnade cyklar under handledning.',
      services: 'Reparationer',
    });
    const enterprisesFound = async (search: string) =>
      (
        await gql<{ enterprises: { nodes: { organizationId: string }[] } }>(
          url,
          'query($s: String) { enterprises(filter: { search: $s }, first: 100) { nodes { organizationId } } }',
          { s: search },
        )
      ).data!.enterprises.nodes.map((n) => n.organizationId);
    expect(await enterprisesFound('städning')).toContain(big);
    expect(await enterprisesFound('cykel')).toEqual([wheels]);

    const publish = async (overrides: Record<string, unknown>) => {
      const draft = (await createNeed(url, buyer.accessToken, needInput(buyerOrg, overrides))).data!.createNeed.need;
      return (await needTransition(url, buyer.accessToken, 'publishNeed', draft.id, draft.version)).data!.publishNeed.need.id;
    };
    const whole = await publish({ title: 'Städning av idrottshallar', description: 'Veckovis städning av tre idrottshallar i Malmö.' });
    const compound = await publish({ title: 'Storstädning av simhallen', description: 'En storstädning om året av simhallen i Malmö.' });
    const needsFound = async (search: string) =>
      (
        await gql<{ needs: { nodes: { id: string }[] } }>(
          url,
          'query($s: String) { needs(filter: { search: $s }, sort: RELEVANCE, first: 100) { nodes { id } } }',
          { s: search },
          auth(owner.accessToken),
        )
      ).data!.needs.nodes.map((n) => n.id);
    const found = await needsFound('städning');
    expect(found).toEqual(expect.arrayContaining([whole, compound]));
    expect(found.indexOf(whole)).toBeLessThan(found.indexOf(compound));
    expect(await needsFound('simhall')).toEqual([compound]);
  });
});
