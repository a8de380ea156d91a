import type { INestApplication } from '@nestjs/common';
import { UserService } from '@samverka/accounts';
import { Database } from '@samverka/engine';
import { NeedInvitationRepository, NeedRepository, OfferRepository } from '@samverka/marketplace';
import { auth, createOrganization, login, nextOrganisationsnummer, PASSWORD, register, type SignedIn } from '../support/accounts.js';
import { startEmbeddedApi, type EmbeddedApi } from '../support/embedded-api.js';
import { gql, mutate } from '../support/graphql.js';
import { accept, createNeed, createOffer, needInput, needTransition, offerAction, profileInput, saveProfile } from '../support/marketplace.js';
import { clearRedisPrefix, describeWith, REDIS_TEST_URL, uniqueName } from '../support/services.js';

/**
 * Nested fields are batched: a page of 100 needs costs as many SQL statements as a page of 10. With
 * BullMQ the API only enqueues (matching and the scheduled jobs run in workers), so every statement this
 * process issues during the request is the request's own.
 */
describeWith(['Redis'])('SQL statements per request', () => {
  const prefix = uniqueName('statements');
  let api: EmbeddedApi;
  let app: INestApplication;
  let url: string;
  let buyer: SignedIn;

  beforeAll(async () => {
    api = await startEmbeddedApi('statements', { REDIS_URL: REDIS_TEST_URL, QUEUE_PREFIX: prefix });
    ({ app, url } = api);
    await app.get(UserService).ensureAdmin({ email: 'admin@samverka.se', displayName: 'Admin', password: PASSWORD });
    const admin = (await login(url, 'admin@samverka.se')).data!.login.accessToken;
    buyer = await register(url, 'inkopare@lund.se');
    const buyerOrg = (
      await createOrganization(url, buyer.accessToken, { kind: 'MUNICIPALITY', name: 'Lunds kommun', organisationsnummer: '212000-1132', municipalityCode: '1281' }, admin)
    ).data!.createOrganization.organization.id;
    const enterpriseIds: string[] = [];
    for (const name of ['Ett ek. för.', 'Två ek. för.']) {
      const owner = await register(url, `${name.slice(0, 3).toLowerCase()}@socialt.se`);
      const id = (
        await createOrganization(url, owner.accessToken, { kind: 'SOCIAL_ENTERPRISE', name, organisationsnummer: nextOrganisationsnummer(), municipalityCode: '1281' }, admin)
      ).data!.createOrganization.organization.id;
      await saveProfile(url, owner.accessToken, profileInput(id));
      enterpriseIds.push(id);
    }
    // Data straight through the repositories: this test is about reading.
    const needs = app.get(NeedRepository);
    const offers = app.get(OfferRepository);
    const invitations = app.get(NeedInvitationRepository);
    const base = needInput(buyerOrg);
    for (let i = 0; i < 110; i += 1) {
      const need = await needs.create({
        title: `${base.title} ${i}`,
        description: base.description,
        cpvCodes: ['90919200-4'],
        sdgs: [8],
        municipalityCode: '1281',
        countyCode: '12',
        budgetMinSek: 100_000,
        budgetMaxSek: 500_000,
        form: 'PUBLIC_PROCUREMENT',
        wantedImpact: base.wantedImpact,
        responseDeadline: new Date(Date.now() + 86_400_000),
        buyerOrganizationId: buyerOrg,
        createdBy: buyer.userId,
      });
      await needs.updateIfVersion(need.id, need.version, { status: 'PUBLISHED', publishedAt: new Date() });
      for (const enterpriseId of enterpriseIds) {
        const offer = await offers.create({ needId: need.id, enterpriseOrganizationId: enterpriseId, message: 'Anbud', priceSek: 300_000, proposedOutcomes: '', createdBy: null });
        await offers.updateIfVersion(offer.id, offer.version, { status: 'SUBMITTED', submittedAt: new Date() });
        await invitations.insert({ needId: need.id, organizationId: enterpriseId, message: 'Välkomna', invitedBy: buyer.userId });
      }
    }
  });
  afterAll(async () => {
    await api?.stop();
    await clearRedisPrefix(prefix);
  });

  async function statementsFor(first: number): Promise<{ count: number; nodes: number; offers: number }> {
    const sql: string[] = [];
    const stop = app.get(Database).onStatement((statement) => sql.push(statement));
    try {
      const result = await gql<{ needs: { nodes: { offers: unknown[] }[] } }>(
        url,
        `{ needs(first: ${first}) { nodes { id title buyer { name } partnership { id } offers { id status enterprise { name profile { maxContractSek } } need { title } } } } }`,
        {},
        auth(buyer.accessToken),
      );
      expect(result.errors).toBeUndefined();
      const nodes = result.data!.needs.nodes;
      return { count: sql.length, nodes: nodes.length, offers: nodes.reduce((n, need) => n + need.offers.length, 0) };
    } finally {
      stop();
    }
  }

  it('is the same for 10 and 100 needs with their buyer, offers, enterprises and profiles', async () => {
    const ten = await statementsFor(10);
    const hundred = await statementsFor(100);
    expect(ten).toMatchObject({ nodes: 10, offers: 20 });
    expect(hundred).toMatchObject({ nodes: 100, offers: 200 });
    expect(hundred.count).toBe(ten.count);
    expect(ten.count).toBeLessThan(20);
  });

  it('is the same for 10 and 100 needs with the buyer’s invitations and the offers’ decline reasons (the buyer’s need page)', async () => {
    const statementsFor = async (first: number) => {
      const sql: string[] = [];
      const stop = app.get(Database).onStatement((statement) => sql.push(statement));
      try {
        const result = await gql<{ needs: { nodes: { invitations: unknown[] }[] } }>(
          url,
          `{ needs(first: ${first}) { nodes { id invitations { organizationId createdAt organization { name } } offers { id declineReason enterprise { name } } } } }`,
          {},
          auth(buyer.accessToken),
        );
        expect(result.errors).toBeUndefined();
        return { count: sql.length, invitations: result.data!.needs.nodes.reduce((n, need) => n + need.invitations.length, 0) };
      } finally {
        stop();
      }
    };
    const ten = await statementsFor(10);
    const hundred = await statementsFor(100);
    expect(ten.invitations).toBe(20);
    expect(hundred.invitations).toBe(200);
    expect(hundred.count).toBe(ten.count);
  });

  it('finds nodes of several types by id in a few statements, as many for 100 ids as for 10', async () => {
    const listed = await gql<{ needs: { nodes: { id: string; offers: { id: string }[] }[] } }>(
      url,
      '{ needs(first: 50) { nodes { id offers { id } } } }',
      {},
      auth(buyer.accessToken),
    );
    const needIds = listed.data!.needs.nodes.map((n) => n.id);
    const offerIds = listed.data!.needs.nodes.flatMap((n) => n.offers.map((o) => o.id));
    const statementsFor = async (ids: string[]) => {
      const sql: string[] = [];
      const stop = app.get(Database).onStatement((statement) => sql.push(statement));
      try {
        const result = await gql<{ nodes: ({ __typename: string; id: string } | null)[] }>(
          url,
          'query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }',
          { ids },
          auth(buyer.accessToken),
        );
        expect(result.errors).toBeUndefined();
        expect(result.data!.nodes.map((n) => n?.id)).toEqual(ids);
        // After signing the caller in: the types of the ids, then each type's rows (the offers' needs are the loader's already).
        const typesFound = sql.findIndex((statement) => /\bUNION ALL\b/.test(statement));
        expect(typesFound).toBeGreaterThanOrEqual(0);
        return { total: sql.length, nodes: sql.length - typesFound };
      } finally {
        stop();
      }
    };
    const ten = await statementsFor([...needIds.slice(0, 5), ...offerIds.slice(0, 5)]);
    const hundred = await statementsFor([...needIds.slice(0, 50), ...offerIds.slice(0, 50)]);
    expect(hundred).toEqual(ten);
    expect(ten.nodes).toBe(3);
  });
});

/** Whether a statement reads the table (a SELECT from it or joining it; not the UPDATE … RETURNING of a change). */
const reads = (table: string) => (sql: string) => /^\s*SELECT\b/i.test(sql) && new RegExp(`\\b(FROM|JOIN)\\s+"?${table}"?(?![\\w"])`, 'i').test(sql);
const readsNeed = reads('need');
const readsIntroduction = reads('introduction');

/**
 * The access guard reads the record a mutation is about and hands it to the service, which does not
 * read it again. With BullMQ the API only enqueues (the jobs, matching among them, run in workers), so
 * every statement this process issues during a request is the request's own.
 */
describeWith(['Redis'])('Record reads per mutation', () => {
  const prefix = uniqueName('statements');
  let api: EmbeddedApi;
  let url: string;
  let buyer: SignedIn;
  let enterprise: SignedIn;
  let buyerOrg: string;
  let enterpriseOrg: string;
  let coordinator: SignedIn;

  beforeAll(async () => {
    api = await startEmbeddedApi('need-reads', { REDIS_URL: REDIS_TEST_URL, QUEUE_PREFIX: prefix });
    ({ url } = api);
    await api.app.get(UserService).ensureAdmin({ email: 'admin@samverka.se', displayName: 'Admin', password: PASSWORD });
    const admin = auth((await login(url, 'admin@samverka.se')).data!.login.accessToken);
    coordinator = await register(url, 'samordnare@skane.se');
    const setRole = 'mutation($input: SetPlatformRoleInput!) { setPlatformRole(input: $input) { user { id } } }';
    expect((await gql(url, setRole, { input: { userId: coordinator.userId, role: 'COORDINATOR', countyCodes: ['12'] } }, admin)).errors).toBeUndefined();
    buyer = await register(url, 'inkopare@malmo.se');
    buyerOrg = (
      await createOrganization(
        url,
        buyer.accessToken,
        { kind: 'MUNICIPALITY', name: 'Malmö stad', organisationsnummer: '212000-1124', municipalityCode: '1280' },
        admin.authorization.slice(7),
      )
    ).data!.createOrganization.organization.id;
    enterprise = await register(url, 'info@stad.se');
    enterpriseOrg = (
      await createOrganization(
        url,
        enterprise.accessToken,
        {
          kind: 'SOCIAL_ENTERPRISE',
          name: 'Städ ek. för.',
          organisationsnummer: nextOrganisationsnummer(),
          municipalityCode: '1280',
        },
        admin.authorization.slice(7),
      )
    ).data!.createOrganization.organization.id;
    expect((await saveProfile(url, enterprise.accessToken, profileInput(enterpriseOrg))).errors).toBeUndefined();
  });
  afterAll(async () => {
    await api?.stop();
    await clearRedisPrefix(prefix);
  });

  /** The request's statements that read a table (the need unless told), and its result. */
  async function recordReads<T extends { errors?: unknown }>(request: () => Promise<T>, readsTable = readsNeed): Promise<{ result: T; reads: string[]; sql: string[] }> {
    const sql: string[] = [];
    const stop = api.app.get(Database).onStatement((statement) => sql.push(statement));
    try {
      const result = await request();
      expect(result.errors).toBeUndefined();
      return { result, reads: sql.filter(readsTable), sql };
    } finally {
      stop();
    }
  }

  async function draftNeed() {
    const { need } = (await createNeed(url, buyer.accessToken, needInput(buyerOrg))).data!.createNeed;
    return need;
  }

  it('publishes a need reading it at most twice (once, in the guard)', async () => {
    const need = await draftNeed();
    const { result, reads } = await recordReads(() => needTransition(url, buyer.accessToken, 'publishNeed', need.id, need.version));
    expect(result.data!.publishNeed.need).toMatchObject({ id: need.id, status: 'PUBLISHED', version: need.version + 1 });
    expect(reads.length).toBeLessThanOrEqual(2);
    expect(reads).toHaveLength(1);
  });

  it('changes and closes a need reading it once', async () => {
    const draft = await draftNeed();
    const updated = await recordReads(() =>
      gql<{ updateNeed: { need: { version: number; title: string } } }>(
        url,
        'mutation($input: UpdateNeedInput!) { updateNeed(input: $input) { need { version title } } }',
        { input: { needId: draft.id, version: draft.version, title: 'Lokalvård av skolor' } },
        auth(buyer.accessToken),
      ),
    );
    expect(updated.result.data!.updateNeed.need).toEqual({ version: draft.version + 1, title: 'Lokalvård av skolor' });
    expect(updated.reads).toHaveLength(1);
    const published = (await needTransition(url, buyer.accessToken, 'publishNeed', draft.id, draft.version + 1)).data!.publishNeed.need;
    const closed = await recordReads(() => needTransition(url, buyer.accessToken, 'closeNeed', published.id, published.version));
    expect(closed.result.data!.closeNeed.need.status).toBe('CLOSED');
    expect(closed.reads).toHaveLength(1);
  });

  it('submits, withdraws and accepts offers reading the need once in the guard, and again only under its lock', async () => {
    const draft = await draftNeed();
    const need = (await needTransition(url, buyer.accessToken, 'publishNeed', draft.id, draft.version)).data!.publishNeed.need;
    const offer = (
      await createOffer(url, enterprise.accessToken, { needId: need.id, enterpriseOrganizationId: enterpriseOrg, message: 'Vi städar med arbetsträning', priceSek: 450_000 })
    ).data!.createOffer.offer;

    // The guard's read, and the shared lock that holds the need open until the offer is in.
    const submitted = await recordReads(() => offerAction(url, enterprise.accessToken, 'submitOffer', offer.id, offer.version));
    expect(submitted.result.data!.submitOffer.offer).toMatchObject({ status: 'SUBMITTED', version: offer.version + 1 });
    expect(submitted.reads).toHaveLength(2);
    expect(submitted.reads[1]).toMatch(/FOR SHARE/i);

    const withdrawn = await recordReads(() => offerAction(url, enterprise.accessToken, 'withdrawOffer', offer.id, offer.version + 1));
    expect(withdrawn.result.data!.withdrawOffer.offer.status).toBe('WITHDRAWN');
    expect(withdrawn.reads).toHaveLength(1);

    const again = (await createOffer(url, enterprise.accessToken, { needId: need.id, enterpriseOrganizationId: enterpriseOrg, message: 'Nytt anbud', priceSek: 400_000 })).data!
      .createOffer.offer;
    expect((await offerAction(url, enterprise.accessToken, 'submitOffer', again.id, again.version)).errors).toBeUndefined();
    // The guard's read, and the row lock under which decisions on the need queue up.
    const accepted = await recordReads(() => accept(url, buyer.accessToken, again.id));
    expect(accepted.result.data!.acceptOffer.offer.status).toBe('ACCEPTED');
    expect(accepted.reads).toHaveLength(2);
    expect(accepted.reads[1]).toMatch(/FOR NO KEY UPDATE/i);
  });

  const INTRODUCTION = 'id status version';
  type IntroductionShape = { id: string; status: string; version: number };

  async function introduce(needId: string): Promise<IntroductionShape> {
    const made = await mutate<{ introduceEnterprise: { introduction: IntroductionShape } }>(
      url,
      'introduceEnterprise',
      { needId, enterpriseOrganizationId: enterpriseOrg, note: 'Städkooperativet städar med arbetsträning.' },
      `introduction { ${INTRODUCTION} }`,
      auth(coordinator.accessToken),
    );
    expect(made.errors).toBeUndefined();
    return made.data!.introduceEnterprise.introduction;
  }
  const respond = (introduction: IntroductionShape, acceptIt: boolean) =>
    mutate<{ respondToIntroduction: { introduction: IntroductionShape } }>(
      url,
      'respondToIntroduction',
      { introductionId: introduction.id, version: introduction.version, accept: acceptIt },
      `introduction { ${INTRODUCTION} }`,
      auth(enterprise.accessToken),
    );
  const withdraw = (introduction: IntroductionShape) =>
    mutate<{ withdrawIntroduction: { introduction: IntroductionShape } }>(
      url,
      'withdrawIntroduction',
      { introductionId: introduction.id, version: introduction.version },
      `introduction { ${INTRODUCTION} }`,
      auth(coordinator.accessToken),
    );

  /** The guard's read, with the need's buyer, before the transaction; the change itself is a versioned UPDATE inside it. */
  function expectReadOnceThenUpdated(run: { reads: string[]; sql: string[] }): void {
    expect(run.reads).toHaveLength(1);
    expect(run.reads[0]).not.toMatch(/\bFOR (NO KEY )?UPDATE|FOR SHARE/i);
    const read = run.sql.indexOf(run.reads[0]);
    const begin = run.sql.findIndex((statement, i) => i > read && /^\s*(BEGIN|START TRANSACTION)/i.test(statement));
    const update = run.sql.findIndex((statement) => /^\s*UPDATE\s+"?introduction"?/i.test(statement));
    expect(begin).toBeGreaterThan(read);
    expect(update).toBeGreaterThan(begin);
  }

  it('accepts, declines and withdraws introductions reading the introduction once, in the guard', async () => {
    const publish = async () => {
      const draft = await draftNeed();
      return (await needTransition(url, buyer.accessToken, 'publishNeed', draft.id, draft.version)).data!.publishNeed.need;
    };
    const [first, second] = [await publish(), await publish()];

    const toAccept = await introduce(first.id);
    const accepted = await recordReads(() => respond(toAccept, true), readsIntroduction);
    expect(accepted.result.data!.respondToIntroduction.introduction).toEqual({ id: toAccept.id, status: 'ACCEPTED', version: toAccept.version + 1 });
    expectReadOnceThenUpdated(accepted);

    const toDecline = await introduce(second.id);
    const declined = await recordReads(() => respond(toDecline, false), readsIntroduction);
    expect(declined.result.data!.respondToIntroduction.introduction).toEqual({ id: toDecline.id, status: 'DECLINED', version: toDecline.version + 1 });
    expectReadOnceThenUpdated(declined);

    const toWithdraw = await introduce(second.id);
    const withdrawn = await recordReads(() => withdraw(toWithdraw), readsIntroduction);
    expect(withdrawn.result.data!.withdrawIntroduction.introduction).toEqual({ id: toWithdraw.id, status: 'WITHDRAWN', version: toWithdraw.version + 1 });
    expectReadOnceThenUpdated(withdrawn);
  });

  it('still refuses an answer to a version of the introduction that is not the current one', async () => {
    const draft = await draftNeed();
    const need = (await needTransition(url, buyer.accessToken, 'publishNeed', draft.id, draft.version)).data!.publishNeed.need;
    const introduction = await introduce(need.id);
    const stale = await respond({ ...introduction, version: introduction.version + 1 }, true);
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const taken = await withdraw(introduction);
    expect(taken.errors).toBeUndefined();
    expect((await withdraw(introduction)).errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });
});
