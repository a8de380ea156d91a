import type { INestApplication } from '@nestjs/common';
import { UserService } from '../../libs/features/accounts/user.service.js';
import { acceptInvitation, auth, createOrganization, invite, login, nextOrganisationsnummer, PASSWORD, register, type SignedIn } from '../support/accounts.js';
import { startEmbeddedApi, type EmbeddedApi } from '../support/embedded-api.js';
import { gql, mutate } from '../support/graphql.js';
import { createNeed, createOffer, needInput, needTransition, offerAction, profileInput, saveProfile } from '../support/marketplace.js';

type Errors = { message: string; extensions?: Record<string, unknown> }[] | undefined;
const codeOf = (errors: Errors) => errors?.[0]?.extensions?.code;
const fieldsOf = (errors: Errors) => errors?.[0]?.extensions?.fields as { path: (string | number)[]; code: string; message: string }[] | undefined;
const DAY = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();

interface Connection<T> {
  totalCount: number;
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}
type IntroductionRow = { id: string; status: string; need: { id: string } | null; enterprise: { id: string } };
type WorkRow = { need: { id: string; title: string }; bestMatchScore: number | null; matchCount: number; introductionCount: number; hasIntroductions: boolean };

/** The coordinators' lists: the introductions of their regions, and the needs without offers a week before their deadline. */
describe('brokering lists: introductions and the work list (embedded mode)', () => {
  let api: EmbeddedApi;
  let app: INestApplication;
  let url: string;
  let admin: Record<string, string>;
  let buyer: SignedIn;
  let buyerOrg: string;
  let coordinator: SignedIn;
  let farCoordinator: SignedIn;
  let outsider: SignedIn;
  let enterprise: { owner: SignedIn; orgId: string };
  let other: { owner: SignedIn; orgId: string };

  const publishNeed = async (overrides: Record<string, unknown> = {}) => {
    const draft = (await createNeed(url, buyer.accessToken, needInput(buyerOrg, overrides))).data!.createNeed.need;
    return (await needTransition(url, buyer.accessToken, 'publishNeed', draft.id, draft.version)).data!.publishNeed.need;
  };
  const introduce = async (needId: string, enterpriseOrganizationId: string) => {
    const result = await mutate<{ introduceEnterprise: { introduction: { id: string; version: number } } }>(
      url,
      'introduceEnterprise',
      { needId, enterpriseOrganizationId, note: 'Kooperativet städar redan två skolor i Malmö.' },
      'introduction { id version }',
      auth(coordinator.accessToken),
    );
    expect(result.errors).toBeUndefined();
    return result.data!.introduceEnterprise.introduction;
  };
  const introductions = (headers: Record<string, string>, variables: Record<string, unknown> = {}) =>
    gql<{ introductions: Connection<IntroductionRow> }>(
      url,
      `query($filter: IntroductionFilterInput, $first: Int, $after: String) {
        introductions(filter: $filter, first: $first, after: $after) { totalCount nodes { id status need { id } enterprise { id } } pageInfo { hasNextPage endCursor } }
      }`,
      variables,
      headers,
    );
  const workList = (headers: Record<string, string>, variables: Record<string, unknown> = { countyCode: '12' }) =>
    gql<{ needsWithoutOffers: Connection<WorkRow> }>(
      url,
      `query($countyCode: String!, $first: Int, $after: String) {
        needsWithoutOffers(countyCode: $countyCode, first: $first, after: $after) {
          totalCount nodes { need { id title } bestMatchScore matchCount introductionCount hasIntroductions } pageInfo { hasNextPage endCursor }
        }
      }`,
      variables,
      headers,
    );

  beforeAll(async () => {
    api = await startEmbeddedApi('brokering-lists', { LOGIN_MAX_FAILURES_PER_IP: '1000' });
    ({ app, url } = api);
    await app.get(UserService).ensureAdmin({ email: 'admin@samverka.se', displayName: 'Admin', password: PASSWORD });
    admin = auth((await login(url, 'admin@samverka.se')).data!.login.accessToken);
    const verifiedBy = admin.authorization.slice(7);

    buyer = await register(url, 'inkopare@malmo.se', 'Inköpare Malmö');
    buyerOrg = (
      await createOrganization(url, buyer.accessToken, { kind: 'MUNICIPALITY', name: 'Malmö stad', organisationsnummer: '212000-1124', municipalityCode: '1280' }, verifiedBy)
    ).data!.createOrganization.organization.id;

    const social = async (email: string, name: string) => {
      const owner = await register(url, email);
      const orgId = (
        await createOrganization(url, owner.accessToken, { kind: 'SOCIAL_ENTERPRISE', name, organisationsnummer: nextOrganisationsnummer(), municipalityCode: '1280' }, verifiedBy)
      ).data!.createOrganization.organization.id;
      expect((await saveProfile(url, owner.accessToken, profileInput(orgId))).errors).toBeUndefined();
      return { owner, orgId };
    };
    enterprise = await social('agare@stadkooperativet.se', 'Städkooperativet Malmö ek. för.');
    other = await social('agare@tvatteriet.se', 'Tvätteriet ek. för.');
    // A colleague of the enterprise, to show a member sees its organisation's introductions.
    const member = await register(url, 'medlem@stadkooperativet.se');
    await acceptInvitation(url, member.accessToken, (await invite(url, enterprise.owner.accessToken, enterprise.orgId, member.email)).data!.inviteMember.token);

    coordinator = await register(url, 'samordnare@skane.se', 'Samordnare Skåne');
    farCoordinator = await register(url, 'samordnare@stockholm.se', 'Samordnare Stockholm');
    outsider = await register(url, 'utomstaende@exempel.se');
    const setRole = 'mutation($input: SetPlatformRoleInput!) { setPlatformRole(input: $input) { user { id } } }';
    expect((await gql(url, setRole, { input: { userId: coordinator.userId, role: 'COORDINATOR', countyCodes: ['12'] } }, admin)).errors).toBeUndefined();
    expect((await gql(url, setRole, { input: { userId: farCoordinator.userId, role: 'COORDINATOR', countyCodes: ['01'] } }, admin)).errors).toBeUndefined();
  });
  afterAll(async () => api?.stop());

  it('lists the introductions each person may read, newest first, filtered and paged', async () => {
    const first = await publishNeed({ title: 'Lokalvård i Limhamn' });
    const second = await publishNeed({ title: 'Fönsterputs i Husie' });
    const a = await introduce(first.id, enterprise.orgId);
    const b = await introduce(second.id, enterprise.orgId);
    const c = await introduce(second.id, other.orgId);
    await mutate(url, 'withdrawIntroduction', { introductionId: c.id, version: c.version }, 'introduction { id }', auth(coordinator.accessToken));

    const ids = async (headers: Record<string, string>, variables: Record<string, unknown> = {}) => {
      const result = await introductions(headers, variables);
      expect(result.errors).toBeUndefined();
      return result.data!.introductions.nodes.map((n) => n.id);
    };
    // The region's coordinator, administrators and the buyer see all three, newest first.
    for (const headers of [auth(coordinator.accessToken), admin, auth(buyer.accessToken)]) expect(await ids(headers)).toEqual([c.id, b.id, a.id]);
    // The enterprise sees its own; another region's coordinator and outsiders see none (not an error: the list holds what they may read).
    expect(await ids(auth(enterprise.owner.accessToken))).toEqual([b.id, a.id]);
    expect(await ids(auth(other.owner.accessToken))).toEqual([c.id]);
    expect(await ids(auth(farCoordinator.accessToken))).toEqual([]);
    expect(await ids(auth(outsider.accessToken))).toEqual([]);
    expect(codeOf((await introductions({})).errors)).toBe('UNAUTHENTICATED');

    // Filters: region, status, need and enterprise.
    const as = auth(coordinator.accessToken);
    expect(await ids(as, { filter: { countyCode: '12' } })).toEqual([c.id, b.id, a.id]);
    expect(await ids(as, { filter: { countyCode: '01' } })).toEqual([]);
    expect(await ids(as, { filter: { status: 'WITHDRAWN' } })).toEqual([c.id]);
    expect(await ids(as, { filter: { status: 'PROPOSED', needId: second.id } })).toEqual([b.id]);
    expect(await ids(as, { filter: { enterpriseOrganizationId: other.orgId } })).toEqual([c.id]);

    // Pages of two, then the rest.
    const page1 = (await introductions(as, { first: 2 })).data!.introductions;
    expect({ ids: page1.nodes.map((n) => n.id), total: page1.totalCount, more: page1.pageInfo.hasNextPage }).toEqual({ ids: [c.id, b.id], total: 3, more: true });
    const page2 = (await introductions(as, { first: 2, after: page1.pageInfo.endCursor })).data!.introductions;
    expect({ ids: page2.nodes.map((n) => n.id), more: page2.pageInfo.hasNextPage }).toEqual({ ids: [a.id], more: false });
  });

  it('names the field and the rule, in Swedish, when a filter is wrong', async () => {
    const result = await introductions(auth(coordinator.accessToken), { filter: { countyCode: '1X', needId: 'inte-ett-id' } });
    expect(codeOf(result.errors)).toBe('BAD_USER_INPUT');
    const fields = fieldsOf(result.errors)!;
    expect(fields.map((f) => f.path.join('.')).sort()).toEqual(['filter.countyCode', 'filter.needId']);
    const byPath = Object.fromEntries(fields.map((f) => [f.path.join('.'), f]));
    expect(byPath['filter.needId'].message).toBe('Ange ett id som API:et har gett dig.');
    expect(byPath['filter.countyCode']).toMatchObject({ code: 'INVALID_FORMAT' });
    expect(byPath['filter.countyCode'].message).toContain('1X');
    const unknown = await introductions(auth(coordinator.accessToken), { filter: { countyCode: '99' } });
    expect(fieldsOf(unknown.errors)?.[0]).toMatchObject({ path: ['filter', 'countyCode'], code: 'UNKNOWN_VALUE' });
    expect(fieldsOf((await introductions(auth(coordinator.accessToken), { after: 'skräp' })).errors)?.[0]).toMatchObject({ path: ['after'] });
    expect(fieldsOf((await introductions(auth(coordinator.accessToken), { first: 500 })).errors)?.[0]).toMatchObject({ path: ['first'], code: 'OUT_OF_RANGE' });
  });

  it("lists the region's published needs with no submitted offer due within a week, soonest first", async () => {
    const soon = await publishNeed({ title: 'Snöröjning i Oxie', responseDeadline: inDays(2) });
    const later = await publishNeed({ title: 'Catering till Malmö stadsarkiv', responseDeadline: inDays(6) });
    const farOff = await publishNeed({ title: 'Trädgårdsskötsel i Bunkeflo', responseDeadline: inDays(20) });
    const answered = await publishNeed({ title: 'Städning av Malmö Live', responseDeadline: inDays(3) });
    const drafted = await publishNeed({ title: 'Tvätt av arbetskläder', responseDeadline: inDays(4) });
    const offer = async (needId: string) =>
      (await createOffer(url, enterprise.owner.accessToken, { needId, enterpriseOrganizationId: enterprise.orgId, message: 'Vårt anbud', priceSek: 400_000 })).data!.createOffer
        .offer;
    const submitted = await offer(answered.id);
    expect((await offerAction(url, enterprise.owner.accessToken, 'submitOffer', submitted.id, submitted.version)).errors).toBeUndefined();
    await offer(drafted.id); // a draft does not count: the buyer has nothing yet
    await introduce(later.id, other.orgId);

    const result = await workList(auth(coordinator.accessToken));
    expect(result.errors).toBeUndefined();
    const rows = result.data!.needsWithoutOffers.nodes;
    const ids = rows.map((r) => r.need.id);
    expect(ids).toEqual([soon.id, drafted.id, later.id]);
    expect(ids).not.toContain(farOff.id);
    expect(ids).not.toContain(answered.id);
    expect(rows.map((r) => [r.introductionCount, r.hasIntroductions])).toEqual([
      [0, false],
      [0, false],
      [1, true],
    ]);
    for (const row of rows) {
      expect(row.matchCount).toBeGreaterThanOrEqual(0);
      if (row.bestMatchScore !== null) expect(row.bestMatchScore).toBeGreaterThanOrEqual(0);
    }
    // Administrators see it too; pages by deadline.
    expect((await workList(admin)).data!.needsWithoutOffers.nodes.map((r) => r.need.id)).toEqual(ids);
    const page1 = (await workList(auth(coordinator.accessToken), { countyCode: '12', first: 2 })).data!.needsWithoutOffers;
    expect({ ids: page1.nodes.map((r) => r.need.id), total: page1.totalCount, more: page1.pageInfo.hasNextPage }).toEqual({ ids: ids.slice(0, 2), total: 3, more: true });
    const page2 = (await workList(auth(coordinator.accessToken), { countyCode: '12', first: 2, after: page1.pageInfo.endCursor })).data!.needsWithoutOffers;
    expect(page2.nodes.map((r) => r.need.id)).toEqual(ids.slice(2));
    // Another region's list is empty of them.
    expect((await workList(admin, { countyCode: '01' })).data!.needsWithoutOffers.totalCount).toBe(0);
  });

  it('keeps the work list to the region’s coordinators and administrators, and names a wrong region', async () => {
    for (const token of [farCoordinator.accessToken, buyer.accessToken, enterprise.owner.accessToken, outsider.accessToken]) {
      const result = await workList(auth(token));
      expect(codeOf(result.errors)).toBe('FORBIDDEN');
      expect(result.errors![0].message).toBe('Bara regionens samordnare och administratörer får se regionens behov utan anbud.');
    }
    expect(codeOf((await workList({})).errors)).toBe('UNAUTHENTICATED');
    const wrong = await workList(admin, { countyCode: '1X' });
    expect(codeOf(wrong.errors)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(wrong.errors)?.[0]).toMatchObject({ path: ['countyCode'], code: 'INVALID_FORMAT' });
    expect(fieldsOf(wrong.errors)?.[0].message).toContain('1X');
  });
});
