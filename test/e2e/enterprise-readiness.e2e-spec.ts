import type { INestApplication } from '@nestjs/common';
import { UserService } from '@samverka/accounts';
import { createOrganization, login, nextOrganisationsnummer, PASSWORD, register } from '../support/accounts.js';
import { startEmbeddedApi, type EmbeddedApi } from '../support/embedded-api.js';
import { gql } from '../support/graphql.js';
import { profileInput, saveProfile } from '../support/marketplace.js';

interface Row {
  organizationId: string;
  readiness: { score: number; missing: { item: string }[] };
}
interface Page {
  enterprises: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: Row[] };
}

/**
 * A region's least ready profiles, so a coordinator can offer advice: `sort: READINESS` (lowest score
 * first) and `maxReadinessScore`. The database computes the score itself; these profiles sit on each
 * threshold of the domain's checklist, so the two must agree on every one.
 */
describe('enterprises by readiness (embedded mode)', () => {
  let api: EmbeddedApi;
  let app: INestApplication;
  let url: string;
  const ids: string[] = [];

  const PROFILES: Record<string, unknown>[] = [
    {},
    { cpvCodes: [], legalForm: null },
    // 99 characters with spaces around them: the description is short (the check trims).
    { description: `   ${'a'.repeat(99)}   ` },
    { description: 'a'.repeat(100) },
    { services: `  ${'s'.repeat(19)}  `, sdgs: [] },
    { maxContractSek: null, employees: null },
    { annualTurnoverSek: null, municipalityCodes: [], countyCodes: ['12'] },
    { workIntegrating: false, farFromLabourMarketShare: null },
  ];

  const query = (filter: Record<string, unknown>, after?: string) =>
    gql<Page>(
      url,
      `query($filter: EnterpriseFilterInput, $after: String) {
        enterprises(first: 3, after: $after, sort: READINESS, filter: $filter) {
          totalCount pageInfo { hasNextPage endCursor } nodes { organizationId readiness { score missing { item } } }
        }
      }`,
      { filter, after },
    );

  const all = async (filter: Record<string, unknown>) => {
    const rows: Row[] = [];
    let after: string | undefined;
    for (;;) {
      const result = await query(filter, after);
      expect(result.errors).toBeUndefined();
      rows.push(...result.data!.enterprises.nodes);
      if (!result.data!.enterprises.pageInfo.hasNextPage) return { rows, total: result.data!.enterprises.totalCount };
      after = result.data!.enterprises.pageInfo.endCursor!;
    }
  };

  beforeAll(async () => {
    api = await startEmbeddedApi('readiness', { LOGIN_MAX_FAILURES_PER_IP: '1000' });
    ({ app, url } = api);
    await app.get(UserService).ensureAdmin({ email: 'admin@samverka.se', displayName: 'Admin', password: PASSWORD });
    const admin = (await login(url, 'admin@samverka.se')).data!.login.accessToken;
    for (const [i, overrides] of PROFILES.entries()) {
      const owner = await register(url, `agare${i}@foretag.se`);
      const created = await createOrganization(
        url,
        owner.accessToken,
        { kind: 'SOCIAL_ENTERPRISE', name: `Företag ${i}`, organisationsnummer: nextOrganisationsnummer(), municipalityCode: '1280' },
        i === 0 ? undefined : admin,
      );
      const orgId = created.data!.createOrganization.organization.id;
      const saved = await saveProfile(url, owner.accessToken, profileInput(orgId, overrides));
      expect(saved.errors).toBeUndefined();
      ids.push(orgId);
    }
  });
  afterAll(async () => api?.stop());

  it('sorts by the same score the profile shows, lowest first, page by page', async () => {
    const { rows, total } = await all({});
    expect(total).toBe(PROFILES.length);
    expect(rows.map((r) => r.organizationId).sort()).toEqual([...ids].sort());
    const scores = rows.map((r) => r.readiness.score);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    expect(scores).toEqual([75, 80, 80, 80, 95, 100, 100, 100]);
    // The database's score agrees with the domain's on every profile: each score as a bound keeps exactly those at or below it.
    for (const bound of new Set(scores)) {
      for (const max of [bound - 1, bound]) {
        const kept = await all({ maxReadinessScore: max });
        expect(kept.rows.map((r) => r.organizationId).sort()).toEqual(
          rows
            .filter((r) => r.readiness.score <= max)
            .map((r) => r.organizationId)
            .sort(),
        );
      }
    }
  });

  it('keeps the profiles at or below maxReadinessScore, with the other filters', async () => {
    const { rows: every } = await all({});
    const { rows, total } = await all({ maxReadinessScore: 80, verified: true });
    const expected = every.filter((r) => r.readiness.score <= 80 && r.organizationId !== ids[0]);
    expect(total).toBe(expected.length);
    expect(rows.map((r) => r.organizationId)).toEqual(expected.map((r) => r.organizationId));
    expect(rows.every((r) => r.readiness.missing.length > 0)).toBe(true);
  });

  it('refuses a cursor of another sort', async () => {
    const byName = await gql<Page>(url, '{ enterprises(first: 1) { pageInfo { endCursor } } }');
    const result = await query({}, byName.data!.enterprises.pageInfo.endCursor!);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
