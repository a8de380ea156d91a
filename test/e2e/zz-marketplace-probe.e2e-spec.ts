import type { INestApplication } from '@nestjs/common';
import { Database } from '@samverka/database';
import { UserService } from '../../apps/api/src/accounts/user.service.js';
import { encodeCursor } from '../../apps/api/src/graphql/pagination.js';
import { auth, createOrganization, login, nextOrganisationsnummer, PASSWORD, register, type SignedIn } from '../support/accounts.js';
import { startEmbeddedApi, type EmbeddedApi } from '../support/embedded-api.js';
import { gql } from '../support/graphql.js';
import { accept, createNeed, createOffer, decide, needInput, needTransition, offerAction, profileInput, saveProfile } from '../support/marketplace.js';

const show = (label: string, value: unknown) => console.log(`PROBE ${label}: ${JSON.stringify(value)}`);
const brief = (r: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] }) =>
  r.errors ? { error: r.errors[0].extensions?.code, message: r.errors[0].message.slice(0, 200) } : { data: r.data };

describe('marketplace probe', () => {
  let api: EmbeddedApi;
  let app: INestApplication;
  let url: string;
  let admin: string;
  let buyer: SignedIn;
  let outsider: SignedIn;
  let buyerOrg: string;
  const ent: Record<'a' | 'c', { owner: SignedIn; orgId: string }> = {} as never;

  beforeAll(async () => {
    api = await startEmbeddedApi('probe', { LOGIN_MAX_FAILURES_PER_IP: '1000' });
    ({ app, url } = api);
    await app.get(UserService).ensureAdmin({ email: 'admin@samverka.se', displayName: 'Admin', password: PASSWORD });
    admin = (await login(url, 'admin@samverka.se')).data!.login.accessToken;
    buyer = await register(url, 'inkopare@malmo.se');
    outsider = await register(url, 'outsider@x.se');
    buyerOrg = (await createOrganization(url, buyer.accessToken, { kind: 'MUNICIPALITY', name: 'Malmö stad', organisationsnummer: '212000-1124', municipalityCode: '1280' })).data!.createOrganization.id;
    const make = async (key: 'a' | 'c', name: string, profile: Record<string, unknown>) => {
      const owner = await register(url, `agare.${key}@socialt.se`);
      const orgId = (await createOrganization(url, owner.accessToken, { kind: 'SOCIAL_ENTERPRISE', name, organisationsnummer: nextOrganisationsnummer(), municipalityCode: '1280' })).data!.createOrganization.id;
      expect((await saveProfile(url, owner.accessToken, profileInput(orgId, profile))).errors).toBeUndefined();
      ent[key] = { owner, orgId };
    };
    await make('a', 'Städkooperativet', {});
    await make('c', 'Putsbolaget AB', { workIntegrating: false, farFromLabourMarketShare: null, ideburen: false, legalForm: 'AKTIEBOLAG' });
  });
  afterAll(async () => api?.stop());

  const needsQ = (vars: Record<string, unknown>, token?: string) =>
    gql<{ needs: { totalCount: number; nodes: { id: string }[]; pageInfo: { endCursor: string } } }>(
      url,
      'query($f: NeedFilterInput, $s: NeedSort, $first: Int, $after: String) { needs(filter: $f, sort: $s, first: $first, after: $after) { totalCount nodes { id status } pageInfo { endCursor hasNextPage } } }',
      vars,
      token ? auth(token) : {},
    );

  it('input validation on filters and cursors', async () => {
    show('buyerOrganizationId not uuid', brief(await needsQ({ f: { buyerOrganizationId: 'x' } })));
    show('budgetFrom 1.5', brief(await needsQ({ f: { budgetFrom: 1.5 } })));
    show('budgetTo 1e21', brief(await needsQ({ f: { budgetTo: 1e21 } })));
    show('deadlineFrom garbage', brief(await needsQ({ f: { deadlineFrom: 'garbage' } })));
    show('deadlineTo far past', brief(await needsQ({ f: { deadlineTo: '-200000-01-01T00:00:00Z' } })));
    show('deadlineTo number', brief(await needsQ({ f: { deadlineTo: 12345 } })));
    show('crafted cursor', brief(await needsQ({ after: encodeCursor(JSON.stringify(['abc', '00000000-0000-0000-0000-000000000000'])) })));
    show('crafted cursor budget', brief(await needsQ({ s: 'BUDGET', after: encodeCursor(JSON.stringify(['99999999999999999999999', '00000000-0000-0000-0000-000000000000'])) })));
    show('enterprise minCapacitySek 1.5', brief(await gql(url, '{ enterprises(filter: { minCapacitySek: 1.5 }) { totalCount } }')));
    show('enterprises crafted cursor', brief(await gql(url, `{ enterprises(sort: UPDATED, after: "${encodeCursor(JSON.stringify(['x', '00000000-0000-0000-0000-000000000000']))}") { totalCount } }`)));
    show('long word search', brief(await needsQ({ f: { search: 'a'.repeat(3000) } })));
    show('long word search enterprises', brief(await gql(url, 'query($s: String) { enterprises(filter: { search: $s }) { totalCount } }', { s: 'b'.repeat(3000) })));
    show('createNeed deadline far past', brief(await createNeed(url, buyer.accessToken, needInput(buyerOrg, { responseDeadline: '-200000-01-01T00:00:00Z' }))));
    show('createNeed deadline number', brief(await createNeed(url, buyer.accessToken, needInput(buyerOrg, { responseDeadline: 1 }))));
    const big = Array.from({ length: 20000 }, () => 'DRAFT');
    const r1 = await needsQ({ f: { statuses: big } }); show('statuses 20000', { status: r1.status, ...brief(r1) });
    const r2 = await needsQ({ f: { forms: Array.from({ length: 70000 }, () => 'IOP') } }); show('forms 70000', { status: r2.status, ...brief(r2) });
  });

  it('updateNeed with form: null', async () => {
    const need = (await createNeed(url, buyer.accessToken, needInput(buyerOrg, { title: 'Form null' }))).data!.createNeed.need;
    show('update form null', brief(await gql(url, 'mutation($input: UpdateNeedInput!) { updateNeed(input: $input) { need { form } } }', { input: { id: need.id, version: need.version, form: null } }, auth(buyer.accessToken))));
    show('update title null', brief(await gql(url, 'mutation($input: UpdateNeedInput!) { updateNeed(input: $input) { need { form } } }', { input: { id: need.id, version: need.version, title: null } }, auth(buyer.accessToken))));
  });

  it('visibility: admin drafts, cancelled needs through offers, existence oracle', async () => {
    const need = (await createNeed(url, buyer.accessToken, needInput(buyerOrg, { title: 'Synlighet', form: 'PUBLIC_PROCUREMENT' }))).data!.createNeed.need;
    const pub = (await needTransition(url, buyer.accessToken, 'publishNeed', need.id, need.version)).data!.publishNeed.need;
    const draftOffer = (await createOffer(url, ent.a.owner.accessToken, { needId: need.id, enterpriseOrganizationId: ent.a.orgId, message: 'Hemligt utkast', priceSek: 1 })).data!.createOffer;
    show('admin offer(id) draft', brief(await gql(url, `{ offer(id: "${draftOffer.id}") { id status } }`, {}, auth(admin))));
    show('admin organization.offers', brief(await gql(url, `{ organization(id: "${ent.a.orgId}") { offers { totalCount nodes { id status message } } } }`, {}, auth(admin))));
    show('admin need.offers', brief(await gql(url, `{ need(id: "${need.id}") { offers { id status } } }`, {}, auth(admin))));

    // Cancel the need with a submitted offer in it.
    const sub = (await offerAction(url, ent.a.owner.accessToken, 'submitOffer', draftOffer.id, draftOffer.version)).data!.submitOffer;
    const cancelled = await needTransition(url, buyer.accessToken, 'cancelNeed', need.id, pub.version);
    show('cancel', brief(cancelled));
    show('outsider need(cancelled)', brief(await gql(url, `{ need(id: "${need.id}") { id status } }`, {}, auth(ent.c.owner.accessToken))));
    show('enterprise sees cancelled need via offer', brief(await gql(url, `{ offer(id: "${sub.id}") { status need { id status title description } } }`, {}, auth(ent.a.owner.accessToken))));
    show('enterprise sees cancelled need via org offers', brief(await gql(url, `{ organization(id: "${ent.a.orgId}") { offers { nodes { status need { status title } } } } }`, {}, auth(ent.a.owner.accessToken))));
    show('buyer decline on cancelled', brief(await decide(url, buyer.accessToken, 'declineOffer', sub.id)));
    show('dashboard after cancel', brief(await gql(url, `{ organizationDashboard(organizationId: "${buyerOrg}") { needs { status count } offersReceived { status count } } }`, {}, auth(buyer.accessToken))));

    // Existence oracle for drafts.
    const draft = (await createNeed(url, buyer.accessToken, needInput(buyerOrg, { title: 'Hemligt utkast' }))).data!.createNeed.need;
    show('outsider publish draft', brief(await needTransition(url, outsider.accessToken, 'publishNeed', draft.id, draft.version)));
    show('outsider publish random', brief(await needTransition(url, outsider.accessToken, 'publishNeed', '11111111-1111-4111-8111-111111111111', 1)));
    show('anon need.partnership on draft', brief(await gql(url, `{ needs(filter: { statuses: [DRAFT, CANCELLED] }) { totalCount } }`)));
  });

  it('form change after offers: award to an ineligible enterprise', async () => {
    const need = (await createNeed(url, buyer.accessToken, needInput(buyerOrg, { title: 'Byte av form', form: 'PUBLIC_PROCUREMENT' }))).data!.createNeed.need;
    const pub = (await needTransition(url, buyer.accessToken, 'publishNeed', need.id, need.version)).data!.publishNeed.need;
    const o = (await createOffer(url, ent.c.owner.accessToken, { needId: need.id, enterpriseOrganizationId: ent.c.orgId, message: 'AB', priceSek: 100 })).data!.createOffer;
    await offerAction(url, ent.c.owner.accessToken, 'submitOffer', o.id, o.version);
    const upd = await gql<{ updateNeed: { need: { form: string; version: number } } }>(url, 'mutation($input: UpdateNeedInput!) { updateNeed(input: $input) { need { form version } } }', { input: { id: need.id, version: pub.version, form: 'RESERVED_CONTRACT' } }, auth(buyer.accessToken));
    show('form changed', brief(upd));
    show('accept ineligible', brief(await accept(url, buyer.accessToken, o.id)));
  });

  it('organization.offers keyset skips rows within the same millisecond', async () => {
    const ids: string[] = [];
    for (const t of ['Sida ett', 'Sida två', 'Sida tre']) {
      const need = (await createNeed(url, buyer.accessToken, needInput(buyerOrg, { title: t, form: 'PUBLIC_PROCUREMENT' }))).data!.createNeed.need;
      await needTransition(url, buyer.accessToken, 'publishNeed', need.id, need.version);
      ids.push((await createOffer(url, ent.c.owner.accessToken, { needId: need.id, enterpriseOrganizationId: ent.c.orgId, message: 'x', priceSek: 1 })).data!.createOffer.id);
    }
    const ds = app.get(Database).dataSource;
    await ds.query(`UPDATE offer SET created_at = '2030-01-01 00:00:00.123456+00' WHERE id = $1`, [ids[0]]);
    await ds.query(`UPDATE offer SET created_at = '2030-01-01 00:00:00.123400+00' WHERE id = $1`, [ids[1]]);
    await ds.query(`UPDATE offer SET created_at = '2030-01-01 00:00:00.100000+00' WHERE id = $1`, [ids[2]]);
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 5; i++) {
      const page: { data?: { organization: { offers: { nodes: { id: string }[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } } } } } = await gql(
        url,
        'query($id: ID!, $after: String) { organization(id: $id) { offers(first: 1, after: $after) { totalCount nodes { id } pageInfo { endCursor hasNextPage } } } }',
        { id: ent.c.orgId, after },
        auth(ent.c.owner.accessToken),
      );
      const offers = page.data!.organization.offers;
      seen.push(...offers.nodes.map((n) => n.id));
      if (!offers.pageInfo.hasNextPage) break;
      after = offers.pageInfo.endCursor;
    }
    show('org offers paging', { expected: ids.filter((id) => id).length, seen: seen.filter((s) => ids.includes(s)).length, missing: ids.filter((id) => !seen.includes(id)).map((id) => ids.indexOf(id)) });
  });

  it('needs keyset paging with all sorts visits every row exactly once', async () => {
    for (const sort of ['PUBLISHED', 'DEADLINE', 'BUDGET', 'TITLE', 'RELEVANCE']) {
      const all = (await needsQ({ s: sort, first: 100, f: sort === 'RELEVANCE' ? { search: 'lokalvård' } : undefined }, buyer.accessToken)).data!.needs;
      const seen: string[] = [];
      let after: string | undefined;
      for (let i = 0; i < 50; i++) {
        const page = (await needsQ({ s: sort, first: 2, after, f: sort === 'RELEVANCE' ? { search: 'lokalvård' } : undefined }, buyer.accessToken)).data!.needs as never as { nodes: { id: string }[]; pageInfo: { endCursor: string; hasNextPage: boolean } };
        seen.push(...page.nodes.map((n) => n.id));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      show(`sort ${sort}`, { total: all.totalCount, listed: all.nodes.length, paged: seen.length, unique: new Set(seen).size, same: JSON.stringify(seen) === JSON.stringify(all.nodes.map((n) => n.id)) });
    }
  });
});

import pg from 'pg';
import { createTestDatabase, describeWith, type TestDatabase } from '../support/services.js';

describeWith(['PostgreSQL'])('marketplace races on PostgreSQL', () => {
  let database: TestDatabase;
  let api: EmbeddedApi;
  let url: string;
  let buyer: SignedIn;
  let buyerOrg: string;
  const ent: { owner: SignedIn; orgId: string }[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    api = await startEmbeddedApi('probe-pg', { DATABASE_URL: database.url, JWT_SECRET: 'probe-test-secret-0123456789abcdef0123', LOGIN_MAX_FAILURES_PER_IP: '1000' });
    ({ url } = api);
    buyer = await register(url, 'inkopare@malmo.se');
    buyerOrg = (await createOrganization(url, buyer.accessToken, { kind: 'MUNICIPALITY', name: 'Malmö stad', organisationsnummer: '212000-1124', municipalityCode: '1280' })).data!.createOrganization.id;
    for (const key of ['a', 'b']) {
      const owner = await register(url, `agare.${key}@socialt.se`);
      const orgId = (await createOrganization(url, owner.accessToken, { kind: 'SOCIAL_ENTERPRISE', name: `Ent ${key}`, organisationsnummer: nextOrganisationsnummer(), municipalityCode: '1280' })).data!.createOrganization.id;
      await saveProfile(url, owner.accessToken, profileInput(orgId));
      ent.push({ owner, orgId });
    }
  });
  afterAll(async () => {
    await api?.stop();
    await database?.drop();
  });

  const publishedNeed = async (title: string) => {
    const need = (await createNeed(url, buyer.accessToken, needInput(buyerOrg, { title, form: 'PUBLIC_PROCUREMENT' }))).data!.createNeed.need;
    return (await needTransition(url, buyer.accessToken, 'publishNeed', need.id, need.version)).data!.publishNeed.need;
  };

  it('submit racing an accept leaves a SUBMITTED offer on an AWARDED need', async () => {
    const need = await publishedNeed('Kapplöpning');
    const a = (await createOffer(url, ent[0].owner.accessToken, { needId: need.id, enterpriseOrganizationId: ent[0].orgId, message: 'A', priceSek: 1 })).data!.createOffer;
    await offerAction(url, ent[0].owner.accessToken, 'submitOffer', a.id, a.version);
    const b = (await createOffer(url, ent[1].owner.accessToken, { needId: need.id, enterpriseOrganizationId: ent[1].orgId, message: 'B', priceSek: 1 })).data!.createOffer;
    // Hold B's row so submit's UPDATE waits after its checks (as a slow request would).
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    await client.query('BEGIN');
    await client.query('SELECT 1 FROM offer WHERE id = $1 FOR UPDATE', [b.id]);
    const submitting = offerAction(url, ent[1].owner.accessToken, 'submitOffer', b.id, b.version);
    await new Promise((r) => setTimeout(r, 500));
    show('accept during submit', brief(await accept(url, buyer.accessToken, a.id)));
    await client.query('COMMIT');
    await client.end();
    show('submit result', brief(await submitting));
    show('state', brief(await gql(url, `{ need(id: "${need.id}") { status offers { enterprise { name } status } } }`, {}, auth(buyer.accessToken))));
    show('buyer declines it', brief(await decide(url, buyer.accessToken, 'declineOffer', b.id)));
  });

  it('publish validates one version and writes another', async () => {
    const need = (await createNeed(url, buyer.accessToken, needInput(buyerOrg, { title: 'Fullständig' }))).data!.createNeed.need;
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    await client.query('BEGIN');
    // A colleague's updateNeed, in flight: empties the description (allowed on a draft).
    await client.query(`UPDATE need SET description = '', cpv_codes = '{}', version = version + 1 WHERE id = $1`, [need.id]);
    const publishing = needTransition(url, buyer.accessToken, 'publishNeed', need.id, need.version + 1);
    await new Promise((r) => setTimeout(r, 500));
    await client.query('COMMIT');
    await client.end();
    show('publish of incomplete', brief(await publishing));
    show('published need', brief(await gql(url, `{ need(id: "${need.id}") { status description cpvCodes } }`)));
  });

  it('two createOffers at once, two accepts at once', async () => {
    const need = await publishedNeed('Dubbelt');
    const results = await Promise.all([0, 1, 2].map(() => createOffer(url, ent[0].owner.accessToken, { needId: need.id, enterpriseOrganizationId: ent[0].orgId, message: 'x', priceSek: 1 })));
    show('parallel createOffer', results.map((r) => (r.errors ? r.errors[0].extensions?.code : 'OK')));
    const need2 = await publishedNeed('Två accept');
    const ids: string[] = [];
    for (const e of ent) {
      const o = (await createOffer(url, e.owner.accessToken, { needId: need2.id, enterpriseOrganizationId: e.orgId, message: 'x', priceSek: 1 })).data!.createOffer;
      ids.push((await offerAction(url, e.owner.accessToken, 'submitOffer', o.id, o.version)).data!.submitOffer.id);
    }
    const acc = await Promise.all([accept(url, buyer.accessToken, ids[0]), accept(url, buyer.accessToken, ids[1]), accept(url, buyer.accessToken, ids[0])]);
    show('parallel accepts', acc.map((r) => (r.errors ? `${r.errors[0].extensions?.code}: ${r.errors[0].message}` : 'OK')));
  });
});
