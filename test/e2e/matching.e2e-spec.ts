import type { INestApplication } from '@nestjs/common';
import { Database } from '@samverka/engine';
import { ALGORITHM_VERSION } from '@samverka/scoring';
import { UserService } from '../../libs/features/accounts/user.service.js';
import { auth, createOrganization, login, nextOrganisationsnummer, PASSWORD, register, type SignedIn } from '../support/accounts.js';
import { startEmbeddedApi, type EmbeddedApi } from '../support/embedded-api.js';
import { gql } from '../support/graphql.js';
import { createNeed, needInput, needTransition, profileInput, saveProfile } from '../support/marketplace.js';
import { waitFor } from '../support/wait.js';

interface MatchShape {
  score: number;
  algorithmVersion: string;
  computedAt: string;
  enterprise: { id: string; name: string };
  components: { name: string; value: number; weight: number; applicable: boolean }[];
  reasons: { code: string; component: string; text: string }[];
}

const MATCH_FIELDS = 'score algorithmVersion computedAt enterprise { id name } components { name value weight applicable } reasons { code component text }';

describe('matching (embedded mode: PGlite and the in-process queue)', () => {
  let api: EmbeddedApi;
  let app: INestApplication;
  let url: string;
  let buyer: SignedIn;
  let buyerOrg: string;
  let admin: Record<string, string>;
  const enterprises: Record<string, { owner: SignedIn; orgId: string; version: number; profile: Record<string, unknown> }> = {};

  const matchesOf = async (needId: string, headers: Record<string, string>, args = '') =>
    gql<{
      need: {
        matches: { totalCount: number; nodes: MatchShape[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
        matchStatus: { state: string; computedAt: string | null; algorithmVersion: string | null; candidates: number | null; matched: number | null };
      };
    }>(
      url,
      `{ need(id: "${needId}") { matches${args} { totalCount nodes { ${MATCH_FIELDS} } pageInfo { hasNextPage endCursor } } matchStatus { state computedAt algorithmVersion candidates matched } } }`,
      {},
      headers,
    );
  const status = async (needId: string) =>
    (
      await gql<{ need: { matchStatus: { state: string; computedAt: string | null } } }>(
        url,
        `{ need(id: "${needId}") { matchStatus { state computedAt } } }`,
        {},
        auth(buyer.accessToken),
      )
    ).data!.need.matchStatus;
  /** Waits until the need's pending change has been matched (a change after `since`, when given). */
  const settled = async (needId: string, since?: string) =>
    waitFor(`the matches of ${needId} to be up to date`, async () => {
      const s = await status(needId);
      return s.state === 'UP_TO_DATE' && (!since || (s.computedAt !== null && s.computedAt > since)) ? s : undefined;
    });
  const matchedIds = async (needId: string) => (await matchesOf(needId, auth(buyer.accessToken))).data!.need.matches.nodes.map((m) => m.enterprise.id);

  const enterprise = async (key: string, name: string, profile: Record<string, unknown>) => {
    const owner = await register(url, `agare.${key}@socialt.se`);
    const orgId = (
      await createOrganization(
        url,
        owner.accessToken,
        { kind: 'SOCIAL_ENTERPRISE', name, organisationsnummer: nextOrganisationsnummer(), municipalityCode: '1280' },
        admin.authorization.slice(7),
      )
    ).data!.createOrganization.organization.id;
    const saved = await saveProfile(url, owner.accessToken, profileInput(orgId, profile));
    expect(saved.errors).toBeUndefined();
    enterprises[key] = { owner, orgId, version: saved.data!.saveEnterpriseProfile.enterpriseProfile.version, profile };
  };
  const changeProfile = async (key: string, changes: Record<string, unknown>) => {
    const e = enterprises[key];
    const saved = await saveProfile(url, e.owner.accessToken, profileInput(e.orgId, { ...e.profile, ...changes, version: e.version }));
    expect(saved.errors).toBeUndefined();
    e.version = saved.data!.saveEnterpriseProfile.enterpriseProfile.version;
  };
  const publish = async (overrides: Record<string, unknown> = {}) => {
    const draft = (await createNeed(url, buyer.accessToken, needInput(buyerOrg, overrides))).data!.createNeed.need;
    return (await needTransition(url, buyer.accessToken, 'publishNeed', draft.id, draft.version)).data!.publishNeed.need;
  };

  beforeAll(async () => {
    api = await startEmbeddedApi('matching', { LOGIN_MAX_FAILURES_PER_IP: '1000', MATCHING_MIN_SCORE: '0' });
    ({ app, url } = api);
    await app.get(UserService).ensureAdmin({ email: 'admin@samverka.se', displayName: 'Admin', password: PASSWORD });
    admin = auth((await login(url, 'admin@samverka.se')).data!.login.accessToken);
    buyer = await register(url, 'inkopare@malmo.se');
    buyerOrg = (
      await createOrganization(
        url,
        buyer.accessToken,
        { kind: 'MUNICIPALITY', name: 'Malmö stad', organisationsnummer: '212000-1124', municipalityCode: '1280' },
        admin.authorization.slice(7),
      )
    ).data!.createOrganization.organization.id;
    // a and b clean in Malmö and may bid for reserved contracts; c cleans but is not work-integrating;
    // d runs a café in Kiruna: nothing in common with cleaning.
    await enterprise('a', 'Städkooperativet Malmö ek. för.', {});
    await enterprise('b', 'Rent & Riktigt ideell förening', {
      farFromLabourMarketShare: 40,
      municipalityCodes: ['1281'],
      description: 'Ideell förening som driver lokalvård och trappstädning i Lund med arbetsträning.',
    });
    await enterprise('c', 'Putsbolaget AB', { workIntegrating: false, farFromLabourMarketShare: null, ideburen: false, legalForm: 'AKTIEBOLAG' });
    await enterprise('d', 'Kafé Norrsken', {
      description: 'Kafé och catering i Kiruna med luncher, fika och smörgåsar för möten.',
      services: 'Catering, lunchservering och konferensfika',
      cpvCodes: ['55520000'],
      sdgs: [2],
      municipalityCodes: ['2584'],
    });
  });
  afterAll(async () => api?.stop());

  it('matches a published need with the enterprises that fit, with scores, components and reasons in Swedish, or in English when asked', async () => {
    const need = await publish();
    const state = await settled(need.id);
    expect(state.computedAt).not.toBeNull();
    const { data, errors } = await matchesOf(need.id, auth(buyer.accessToken));
    expect(errors).toBeUndefined();
    const { matches, matchStatus } = data!.need;
    expect(matchStatus).toMatchObject({ state: 'UP_TO_DATE', algorithmVersion: ALGORITHM_VERSION, candidates: 4, matched: 2 });
    // The reserved contract leaves out c; the café shares nothing with cleaning.
    expect(matches.nodes.map((m) => m.enterprise.id).sort()).toEqual([enterprises.a.orgId, enterprises.b.orgId].sort());
    expect(matches.totalCount).toBe(2);
    // Best first: a works in Malmö itself, b in Lund next door.
    expect(matches.nodes[0].enterprise.id).toBe(enterprises.a.orgId);
    expect(matches.nodes[0].score).toBeGreaterThan(matches.nodes[1].score);
    for (const match of matches.nodes) {
      expect(match.score).toBeGreaterThan(0);
      expect(match.score).toBeLessThanOrEqual(100);
      expect(match.algorithmVersion).toBe(ALGORITHM_VERSION);
      expect(match.components.map((c) => c.name)).toEqual(['text', 'category', 'geography', 'sdg', 'capacity', 'trackRecord']);
      expect(match.reasons[0]).toMatchObject({ code: 'eligibility.reserved', component: 'eligibility' });
      for (const reason of match.reasons) expect(reason.text.length).toBeGreaterThan(10);
    }
    const [a, b] = matches.nodes;
    const reasonOf = (match: MatchShape, component: string) => match.reasons.find((r) => r.component === component);
    expect(reasonOf(a, 'geography')).toEqual({ code: 'geography.sameMunicipality', component: 'geography', text: 'Verkar i Malmö' });
    expect(reasonOf(b, 'geography')).toEqual({ code: 'geography.sameCounty', component: 'geography', text: 'Verkar i samma län (Skåne län)' });
    // The CPV codes with their labels from the reference data.
    expect(reasonOf(a, 'category')).toEqual({
      code: 'category.ancestor',
      component: 'category',
      text: 'CPV-koderna omfattar varandra: 90919200 Kontorsstädning och 90910000 Städning',
    });
    expect(reasonOf(a, 'text')?.text).toMatch(/^Företagets beskrivning träffar behovet: .*”lokalvård/);

    // In English: the same reasons, with the same codes.
    const english = (await matchesOf(need.id, { ...auth(buyer.accessToken), 'accept-language': 'en' })).data!.need.matches.nodes;
    expect(english.map((m) => m.reasons.map((r) => r.code))).toEqual(matches.nodes.map((m) => m.reasons.map((r) => r.code)));
    expect(reasonOf(english[0], 'geography')?.text).toBe('Works in Malmö');
    expect(reasonOf(english[0], 'category')?.text).toBe('One CPV code contains the other: 90919200 Office cleaning services and 90910000 Cleaning services');
    expect(reasonOf(english[0], 'text')?.text).toMatch(/^The enterprise’s description meets the need: .*“lokalvård/);
  });

  it('recommends the need to the enterprise, and filters and pages by score', async () => {
    const need = await publish({ title: 'Lokalvård av skolor i Malmö', form: 'PUBLIC_PROCUREMENT' });
    await settled(need.id);
    const recommended = await gql<{ recommendedNeeds: { totalCount: number; nodes: (MatchShape & { need: { id: string; title: string } })[] } }>(
      url,
      `query($o: ID!) { recommendedNeeds(organizationId: $o) { totalCount nodes { score need { id title } ${MATCH_FIELDS} } } }`,
      { o: enterprises.c.orgId },
      auth(enterprises.c.owner.accessToken),
    );
    expect(recommended.errors).toBeUndefined();
    // c is not work-integrating: the reserved needs are not for it, the ordinary procurement is.
    expect(recommended.data!.recommendedNeeds.nodes.map((n) => n.need.id)).toEqual([need.id]);

    const all = (await matchesOf(need.id, auth(buyer.accessToken))).data!.need.matches;
    expect(all.totalCount).toBe(3);
    const first = (await matchesOf(need.id, auth(buyer.accessToken), '(first: 1)')).data!.need.matches;
    expect(first.nodes.map((m) => m.enterprise.id)).toEqual([all.nodes[0].enterprise.id]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = (await matchesOf(need.id, auth(buyer.accessToken), `(first: 5, after: "${first.pageInfo.endCursor}")`)).data!.need.matches;
    expect(rest.nodes.map((m) => m.enterprise.id)).toEqual(all.nodes.slice(1).map((m) => m.enterprise.id));
    expect(rest.pageInfo.hasNextPage).toBe(false);

    const cut = all.nodes[1].score;
    const filtered = (await matchesOf(need.id, auth(buyer.accessToken), `(minScore: ${cut})`)).data!.need.matches;
    expect(filtered.nodes.every((m) => m.score >= cut)).toBe(true);
    expect(filtered.totalCount).toBe(all.nodes.filter((m) => m.score >= cut).length);
    const bad = await matchesOf(need.id, auth(buyer.accessToken), '(minScore: 101)');
    expect(bad.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', fields: [{ path: ['minScore'] }] } });
  });

  it('rescores an enterprise against every published need when its profile changes', async () => {
    const need = await publish({ title: 'Städning av kontor i Malmö', form: 'PUBLIC_PROCUREMENT', cpvCodes: ['90911200'] });
    await settled(need.id);
    expect(await matchedIds(need.id)).not.toContain(enterprises.d.orgId);
    // The café turns to cleaning in Malmö: it now belongs among the matches.
    enterprises.d.profile = {
      description: 'Vi har breddat verksamheten och erbjuder nu kontorsstädning och lokalvård i Malmö.',
      services: 'Kontorsstädning, lokalvård',
      cpvCodes: ['90911200'],
      sdgs: [8],
      municipalityCodes: ['1280'],
    };
    await changeProfile('d', {});
    await waitFor('the café to be matched after its change', async () => (await matchedIds(need.id)).includes(enterprises.d.orgId) || undefined);
    // And it leaves the reserved needs it cannot bid for.
    await changeProfile('a', { workIntegrating: false, farFromLabourMarketShare: null });
    const reserved = await publish({ title: 'Lokalvård av bibliotek i Malmö' });
    await settled(reserved.id);
    expect(await matchedIds(reserved.id)).not.toContain(enterprises.a.orgId);
    const recommendedToA = await gql<{ recommendedNeeds: { nodes: { need: { id: string; form: string } }[] } }>(
      url,
      `query($o: ID!) { recommendedNeeds(organizationId: $o, first: 100) { nodes { need { id form } } } }`,
      { o: enterprises.a.orgId },
      auth(enterprises.a.owner.accessToken),
    );
    await waitFor('a to leave every reserved need', async () => {
      const r = await gql<{ recommendedNeeds: { nodes: { need: { form: string } }[] } }>(
        url,
        `query($o: ID!) { recommendedNeeds(organizationId: $o, first: 100) { nodes { need { form } } } }`,
        { o: enterprises.a.orgId },
        auth(enterprises.a.owner.accessToken),
      );
      return r.data!.recommendedNeeds.nodes.every((n) => n.need.form !== 'RESERVED_CONTRACT') || undefined;
    });
    expect(recommendedToA.errors).toBeUndefined();
    await changeProfile('a', { workIntegrating: true, farFromLabourMarketShare: 60 });
  });

  it('rescores a need when it changes, and clears its matches when it is cancelled', async () => {
    const need = await publish({ form: 'PUBLIC_PROCUREMENT' });
    const before = await settled(need.id);
    const updated = await gql<{ updateNeed: { need: { id: string; version: number } } }>(
      url,
      'mutation($input: UpdateNeedInput!) { updateNeed(input: $input) { need { id version } } }',
      {
        input: {
          needId: need.id,
          version: need.version,
          title: 'Catering till personalmöten',
          description: 'Lunch och eftermiddagsfika till personalens möten varje vecka under året.',
          cpvCodes: ['55520000'],
          municipalityCode: '2584',
        },
      },
      auth(buyer.accessToken),
    );
    expect(updated.errors).toBeUndefined();
    // Nobody caters any more (the café turned to cleaning): the changed need has no match.
    await settled(need.id, before.computedAt!);
    expect(await matchedIds(need.id)).toEqual([]);

    const cancelled = await needTransition(url, buyer.accessToken, 'cancelNeed', need.id, updated.data!.updateNeed.need.version);
    expect(cancelled.errors).toBeUndefined();
    await waitFor(
      'the matches to be cleared',
      async () => ((await status(need.id)).state === 'NOT_MATCHED' && (await matchesOf(need.id, auth(buyer.accessToken))).data!.need.matches.totalCount === 0) || undefined,
    );
  });

  it('lets administrators rebuild every match, with the same rows as before', async () => {
    const need = await publish();
    await settled(need.id);
    const before = (await matchesOf(need.id, auth(buyer.accessToken))).data!.need.matches.nodes;
    const started = await gql<{ rebuildMatches: { matchingRebuild: { id: string; status: string; needsTotal: number } } }>(
      url,
      'mutation { rebuildMatches { matchingRebuild { id status needsTotal chunksTotal } } }',
      {},
      admin,
    );
    expect(started.errors).toBeUndefined();
    expect(started.data!.rebuildMatches.matchingRebuild.needsTotal).toBeGreaterThan(0);
    const done = await waitFor('the rebuild to finish', async () => {
      const r = await gql<{ matchingRebuild: { id: string; status: string; chunksDone: number; chunksTotal: number } }>(
        url,
        '{ matchingRebuild { id status chunksDone chunksTotal } }',
        {},
        admin,
      );
      return r.data!.matchingRebuild.status === 'DONE' ? r.data!.matchingRebuild : undefined;
    });
    expect(done.id).toBe(started.data!.rebuildMatches.matchingRebuild.id);
    expect(done.chunksDone).toBe(done.chunksTotal);
    const after = (await matchesOf(need.id, auth(buyer.accessToken))).data!.need.matches.nodes;
    const rows = (ms: MatchShape[]) => ms.map(({ computedAt: _computedAt, ...rest }) => rest);
    expect(rows(after)).toEqual(rows(before));
    expect(after[0].computedAt > before[0].computedAt).toBe(true);
  });

  it('shows a need matched by an older algorithm version as pending, and the sweep matches it again', async () => {
    const need = await publish({ title: 'Lokalvård av äldreboenden i Malmö' });
    await settled(need.id);
    await app.get(Database).dataSource.query(`UPDATE need_match_state SET algorithm_version = 'samverka-match-2020.01.1' WHERE need_id = $1`, [need.id]);
    expect((await status(need.id)).state).toBe('PENDING');
    const after = await waitFor(
      'the sweep to match the outdated need again',
      async () => {
        const { data } = await matchesOf(need.id, auth(buyer.accessToken));
        return data!.need.matchStatus.state === 'UP_TO_DATE' ? data!.need.matchStatus : undefined;
      },
      40_000,
      200,
    );
    expect(after.algorithmVersion).toBe(ALGORITHM_VERSION);
  });

  it('shows matches to the buyer, its region’s coordinators and administrators only', async () => {
    const need = await publish();
    await settled(need.id);
    const setRole = 'mutation($input: SetPlatformRoleInput!) { setPlatformRole(input: $input) { user { id } } }';
    const coordinator = await register(url, 'samordnare.skane@region.se');
    const elsewhere = await register(url, 'samordnare.norrbotten@region.se');
    await gql(url, setRole, { input: { userId: coordinator.userId, role: 'COORDINATOR', countyCodes: ['12'] } }, admin);
    await gql(url, setRole, { input: { userId: elsewhere.userId, role: 'COORDINATOR', countyCodes: ['25'] } }, admin);
    const fresh = async (email: string) => auth((await login(url, email)).data!.login.accessToken);
    const outcome = async (headers: Record<string, string>) => (await matchesOf(need.id, headers)).errors?.[0]?.extensions?.code ?? 'allowed';
    expect(await outcome({})).toBe('UNAUTHENTICATED');
    expect(await outcome(auth(buyer.accessToken))).toBe('allowed');
    expect(await outcome(admin)).toBe('allowed');
    expect(await outcome(await fresh('samordnare.skane@region.se'))).toBe('allowed');
    expect(await outcome(await fresh('samordnare.norrbotten@region.se'))).toBe('FORBIDDEN');
    expect(await outcome(auth(enterprises.a.owner.accessToken))).toBe('FORBIDDEN');

    const recommended = async (headers: Record<string, string>) =>
      (await gql(url, `query($o: ID!) { recommendedNeeds(organizationId: $o) { totalCount } }`, { o: enterprises.a.orgId }, headers)).errors?.[0]?.extensions?.code ?? 'allowed';
    expect(await recommended({})).toBe('UNAUTHENTICATED');
    expect(await recommended(auth(enterprises.a.owner.accessToken))).toBe('allowed');
    expect(await recommended(auth(enterprises.b.owner.accessToken))).toBe('FORBIDDEN');
    expect(await recommended(auth(buyer.accessToken))).toBe('FORBIDDEN');
    expect(await recommended(await fresh('samordnare.skane@region.se'))).toBe('allowed');
    expect(await recommended(admin)).toBe('allowed');
  });
});
