import { UserService } from '@samverka/accounts';
import { auth, createOrganization, login, PASSWORD, register, type SignedIn } from '../support/accounts.js';
import { startEmbeddedApi, type EmbeddedApi } from '../support/embedded-api.js';
import { gql } from '../support/graphql.js';
import { createNeed, needInput, needTransition } from '../support/marketplace.js';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

type Page = { edges: { cursor: string }[]; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null } };

// The API's reading conventions (docs/api.md): nodes by id, nullable lookups, full page info, and the scalars.
describe('the API conventions (embedded mode)', () => {
  let api: EmbeddedApi;
  let url: string;
  let buyer: SignedIn;
  let buyerOrg: string;
  let published: { id: string };
  let draft: { id: string };

  beforeAll(async () => {
    api = await startEmbeddedApi('api-conventions');
    ({ url } = api);
    await api.app.get(UserService).ensureAdmin({ email: 'admin@samverka.se', displayName: 'Admin', password: PASSWORD });
    const admin = (await login(url, 'admin@samverka.se')).data!.login.accessToken;
    buyer = await register(url, 'inkopare@lund.se');
    buyerOrg = (
      await createOrganization(url, buyer.accessToken, { kind: 'MUNICIPALITY', name: 'Lunds kommun', organisationsnummer: '212000-1132', municipalityCode: '1281' }, admin)
    ).data!.createOrganization.organization.id;
    const first = (await createNeed(url, buyer.accessToken, needInput(buyerOrg))).data!.createNeed.need;
    published = (await needTransition(url, buyer.accessToken, 'publishNeed', first.id, first.version)).data!.publishNeed.need;
    draft = (await createNeed(url, buyer.accessToken, needInput(buyerOrg, { title: 'Ett utkast' }))).data!.createNeed.need;
  });
  afterAll(async () => api?.stop());

  describe('node and nodes', () => {
    const NODES = 'query($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on Need { title } ... on Organization { name } } }';

    it('answers in the order of the ids, null for an unknown id and for what the caller may not see', async () => {
      const ids = [published.id, UNKNOWN, buyerOrg, draft.id, published.id];
      const anonymous = await gql(url, NODES, { ids });
      expect(anonymous).toEqual({
        status: 200,
        data: {
          nodes: [
            { __typename: 'Need', id: published.id, title: needInput(buyerOrg).title },
            null,
            { __typename: 'Organization', id: buyerOrg, name: 'Lunds kommun' },
            null,
            { __typename: 'Need', id: published.id, title: needInput(buyerOrg).title },
          ],
        },
      });
      const asBuyer = await gql<{ nodes: ({ id: string } | null)[] }>(url, NODES, { ids }, auth(buyer.accessToken));
      expect(asBuyer.data!.nodes.map((node) => node?.id ?? null)).toEqual([published.id, null, buyerOrg, draft.id, published.id]);
    });

    it('finds one object by its id, the same as its own lookup', async () => {
      const query = 'query($id: ID!) { node(id: $id) { __typename id } need(id: $id) { id } }';
      expect((await gql(url, query, { id: published.id })).data).toEqual({ node: { __typename: 'Need', id: published.id }, need: { id: published.id } });
      expect((await gql(url, query, { id: draft.id })).data).toEqual({ node: null, need: null });
      expect((await gql(url, query, { id: UNKNOWN })).data).toEqual({ node: null, need: null });
      // Ids are UUIDs in any case; they are answered in lower case.
      expect((await gql(url, query, { id: published.id.toUpperCase() })).data).toEqual({ node: { __typename: 'Need', id: published.id }, need: { id: published.id } });
    });

    it('refuses an id that is not one (BAD_USER_INPUT), and more than 100 ids at once', async () => {
      expect((await gql(url, '{ node(id: "not-an-id") { id } }')).errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'id' } });
      expect((await gql(url, '{ need(id: "not-an-id") { id } }')).errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'id' } });
      expect((await gql(url, NODES, { ids: [published.id, 'x'] })).errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'ids.1' } });
      const tooMany = await gql(url, NODES, { ids: Array.from({ length: 101 }, () => UNKNOWN) });
      expect(tooMany.errors?.[0]).toMatchObject({
        message: 'En uppgift behöver rättas.',
        extensions: { code: 'BAD_USER_INPUT', fields: [{ path: ['ids'], code: 'TOO_MANY', message: 'Ange högst 100 värden.' }] },
      });
      expect((await gql(url, NODES, { ids: Array.from({ length: 100 }, () => UNKNOWN) })).data).toEqual({ nodes: Array.from({ length: 100 }, () => null) });
    });
  });

  describe('page info', () => {
    const page = async (after?: string) =>
      (
        await gql<{ needs: Page }>(
          url,
          'query($a: String, $b: ID) { needs(first: 1, after: $a, filter: { buyerOrganizationId: $b, statuses: [PUBLISHED, DRAFT] }) { edges { cursor } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }',
          { a: after, b: buyerOrg },
          auth(buyer.accessToken),
        )
      ).data!.needs;

    it('gives both ends of the page, and whether pages come before and after it', async () => {
      const first = await page();
      expect(first.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false, startCursor: first.edges[0].cursor, endCursor: first.edges[0].cursor });
      const second = await page(first.pageInfo.endCursor!);
      expect(second.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true, startCursor: second.edges[0].cursor, endCursor: second.edges[0].cursor });
      const past = await page(second.pageInfo.endCursor!);
      expect(past).toEqual({ edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null } });
    });
  });

  describe('scalars', () => {
    const NEEDS = 'query($f: NeedFilterInput) { needs(filter: $f) { totalCount } }';
    const INSIGHTS = 'query($d: Date) { regionInsights(countyCode: "12", from: $d) { from } }';

    it.each([
      ['a fraction', 1.5],
      ['a string', '1000'],
      ['an amount beyond the safe integers', 2 ** 53],
    ])('Kronor refuses %s, naming where it was', async (_what, amount) => {
      const result = await gql(url, NEEDS, { f: { budgetFromSek: amount } });
      expect(result.errors?.[0]).toMatchObject({
        message: 'En uppgift behöver rättas.',
        extensions: {
          code: 'BAD_USER_INPUT',
          field: 'filter.budgetFromSek',
          fields: [
            { path: ['filter', 'budgetFromSek'], code: 'INVALID_FORMAT', message: 'Ange beloppet i hela kronor: ett heltal, högst 9 007 199 254 740 991 åt vardera hållet.' },
          ],
        },
      });
    });

    it('Kronor takes whole kronor and answers them as integers', async () => {
      expect((await gql(url, NEEDS, { f: { budgetFromSek: 1_000_000, budgetToSek: 2_000_000 } })).errors).toBeUndefined();
      const { data } = await gql<{ need: { budgetMinSek: number; budgetMaxSek: number } }>(url, `{ need(id: "${published.id}") { budgetMinSek budgetMaxSek } }`);
      expect(data!.need).toEqual({ budgetMinSek: needInput(buyerOrg).budgetMinSek, budgetMaxSek: needInput(buyerOrg).budgetMaxSek });
    });

    it.each(['2026-02-30', '2026-13-01', '2026-3-1', '2026-03-01T00:00:00Z'])('Date refuses %s', async (day) => {
      for (const result of [await gql(url, INSIGHTS, { d: day }), await gql(url, `{ regionInsights(countyCode: "12", from: "${day}") { from } }`)]) {
        expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'from', fields: [{ path: ['from'], code: 'INVALID_FORMAT' }] } });
      }
    });

    it('Date takes a day of the calendar (the rule of the field comes after)', async () => {
      // A day of a leap year passes the scalar; anonymous callers are then asked to sign in.
      expect((await gql(url, INSIGHTS, { d: '2028-02-29' })).errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    });

    it('DateTime needs a time with its offset, and answers in UTC', async () => {
      const refused = await gql(url, NEEDS, { f: { deadlineFrom: '2026-03-01' } }, { 'accept-language': 'en' });
      expect(refused.errors?.[0]).toMatchObject({
        message: 'One field needs correcting.',
        extensions: {
          code: 'BAD_USER_INPUT',
          fields: [
            {
              path: ['filter', 'deadlineFrom'],
              code: 'INVALID_FORMAT',
              message: 'Give a time as ISO 8601 with a time zone, such as 2026-03-31T14:00:00+02:00 or 2026-03-31T12:00:00Z.',
            },
          ],
        },
      });
      expect((await gql(url, NEEDS, { f: { deadlineFrom: '2026-03-01T10:00:00+01:00' } })).errors).toBeUndefined();
      const { data } = await gql<{ need: { createdAt: string } }>(url, `{ need(id: "${published.id}") { createdAt } }`);
      expect(data!.need.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    });
  });
});
