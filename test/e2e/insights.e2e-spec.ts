import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { parse } from 'csv-parse/sync';
import { Database } from '@samverka/engine';
import { swedishDate } from '@samverka/domain';
import { ALGORITHM_VERSION } from '@samverka/scoring';
import type { EntityManager } from 'typeorm';
import { UserService } from '../../libs/features/accounts/user.service.js';
import { auth, login, nextOrganisationsnummer, PASSWORD, register } from '../support/accounts.js';
import { startEmbeddedApi, type EmbeddedApi } from '../support/embedded-api.js';
import { gql } from '../support/graphql.js';

/*
 * A prepared dataset with a known answer, written straight into the database (the match rows with the
 * current algorithm version, so no worker decides anything). The region is Blekinge (10): Olofström 1060,
 * Karlskrona 1080, Ronneby 1081, Karlshamn 1082, Sölvesborg 1083. Kalmar län (08) is the neighbour whose
 * rows must not leak in.
 */

const INSIGHTS = `query($c: String!, $from: Date, $to: Date, $i: InsightInterval, $w: Float) {
  regionInsights(countyCode: $c, from: $from, to: $to, interval: $i, weakMatchBelow: $w) {
    county { code name } from to interval weakMatchBelow algorithmVersion generatedAt
    region { municipalityCode municipalityName openNeeds needsWithoutOffers supplyGapNeeds needsAwaitingMatching enterprises activePartnerships }
    municipalities { municipalityCode municipalityName openNeeds needsWithoutOffers supplyGapNeeds needsAwaitingMatching enterprises activePartnerships }
    supplyGapByCpvDivision { division labelSv labelEn supplyGapNeeds openNeeds }
    supplyGapBySdg { sdg titleSv titleEn supplyGapNeeds openNeeds }
    enterprises { total registeredInRegion nationwide bySdg { sdg titleSv titleEn enterprises } byLegalForm { legalForm enterprises } }
    partnershipsByStatus { status partnerships }
    impactTotals { indicatorCode nameSv nameEn unit total reports partnerships }
    timeline { start end label needsPublished partnershipsStarted impact { indicatorCode nameSv nameEn unit total } }
  }
}`;

const CSV = `query($c: String!, $from: Date, $to: Date, $i: InsightInterval, $w: Float, $s: InsightSection!) {
  regionInsightsCsv(countyCode: $c, from: $from, to: $to, interval: $i, weakMatchBelow: $w, section: $s)
}`;

interface Area {
  municipalityCode: string | null;
  municipalityName: string | null;
  openNeeds: number;
  needsWithoutOffers: number;
  supplyGapNeeds: number;
  needsAwaitingMatching: number;
  enterprises: number;
  activePartnerships: number;
}
interface Insights {
  county: { code: string; name: string };
  from: string;
  to: string;
  interval: string;
  weakMatchBelow: number;
  algorithmVersion: string;
  generatedAt: string;
  region: Area;
  municipalities: Area[];
  supplyGapByCpvDivision: { division: string; labelSv: string; labelEn: string; supplyGapNeeds: number; openNeeds: number }[];
  supplyGapBySdg: { sdg: number; titleSv: string; titleEn: string; supplyGapNeeds: number; openNeeds: number }[];
  enterprises: {
    total: number;
    registeredInRegion: number;
    nationwide: number;
    bySdg: { sdg: number; titleSv: string; titleEn: string; enterprises: number }[];
    byLegalForm: { legalForm: string | null; enterprises: number }[];
  };
  partnershipsByStatus: { status: string; partnerships: number }[];
  impactTotals: { indicatorCode: string; nameSv: string; nameEn: string; unit: string; total: number; reports: number; partnerships: number }[];
  timeline: {
    start: string;
    end: string;
    label: string;
    needsPublished: number;
    partnershipsStarted: number;
    impact: { indicatorCode: string; nameSv: string; nameEn: string; unit: string; total: number }[];
  }[];
}

const area = (code: string | null, name: string | null, figures: [number, number, number, number, number, number]): Area => {
  const [openNeeds, needsWithoutOffers, supplyGapNeeds, needsAwaitingMatching, enterprises, activePartnerships] = figures;
  return { municipalityCode: code, municipalityName: name, openNeeds, needsWithoutOffers, supplyGapNeeds, needsAwaitingMatching, enterprises, activePartnerships };
};

/** Small builders over one transaction's manager: each writes one row (with the columns the test cares about). */
function builders(manager: EntityManager) {
  const organization = async (kind: string, name: string, municipalityCode: string | null, countyCode: string) => {
    const id = randomUUID();
    await manager.query(`INSERT INTO organization (id, kind, name, org_number, municipality_code, county_code, verified) VALUES ($1, $2, $3, $4, $5, $6, true)`, [
      id,
      kind,
      name,
      nextOrganisationsnummer(),
      municipalityCode,
      countyCode,
    ]);
    return id;
  };
  const profile = async (organizationId: string, p: { sdgs: number[]; legalForm: string | null; nationwide?: boolean; counties?: string[]; municipalities?: string[] }) => {
    await manager.query(
      `INSERT INTO enterprise_profile (organization_id, description, cpv_codes, sdgs, nationwide, county_codes, municipality_codes, legal_form, work_integrating)
       VALUES ($1, 'Arbetsintegrerande socialt företag', '{90910000-9}', $2, $3, $4, $5, $6, true)`,
      [organizationId, p.sdgs, p.nationwide ?? false, p.counties ?? [], p.municipalities ?? [], p.legalForm],
    );
  };
  const need = async (n: { buyer: string; municipality: string | null; county: string | null; status: string; publishedAt: string | null; cpv: string[]; sdgs: number[] }) => {
    const id = randomUUID();
    await manager.query(
      `INSERT INTO need (id, buyer_organization_id, title, cpv_codes, sdgs, municipality_code, county_code, form, status, published_at)
       VALUES ($1, $2, 'Behov', $3, $4, $5, $6, 'PUBLIC_PROCUREMENT', $7, $8)`,
      [id, n.buyer, n.cpv, n.sdgs, n.municipality, n.county, n.status, n.publishedAt],
    );
    return id;
  };
  /** The need's match state for `version`, and its match rows (enterprise → score). */
  const matched = async (needId: string, scores: [string, number][], version = ALGORITHM_VERSION) => {
    await manager.query(`INSERT INTO need_match_state (need_id, algorithm_version, computed_at, candidates, matched, min_score) VALUES ($1, $2, now(), $3, $3, 0)`, [
      needId,
      version,
      scores.length,
    ]);
    for (const [organizationId, score] of scores) {
      await manager.query(`INSERT INTO match (need_id, organization_id, score, components, reasons, algorithm_version, computed_at) VALUES ($1, $2, $3, '[]', '[]', $4, now())`, [
        needId,
        organizationId,
        score,
        version,
      ]);
    }
  };
  const offer = async (needId: string, enterpriseId: string, status: string) => {
    await manager.query(`INSERT INTO offer (need_id, enterprise_organization_id, status, submitted_at) VALUES ($1, $2, $3, CASE WHEN $3 <> 'DRAFT' THEN now() END)`, [
      needId,
      enterpriseId,
      status,
    ]);
  };
  const partnership = async (p: { buyer: string; enterprise: string; county: string; municipality: string | null; status: string; startsOn: string }) => {
    const id = randomUUID();
    await manager.query(
      `INSERT INTO partnership (id, buyer_organization_id, enterprise_organization_id, status, started_at, title, county_code, municipality_code, starts_on, ended_at)
       VALUES ($1, $2, $3, $4, $5::date, 'Partnerskap', $6, $7, $5::date, CASE WHEN $4 <> 'ACTIVE' THEN now() END)`,
      [id, p.buyer, p.enterprise, p.status, p.startsOn, p.county, p.municipality],
    );
    return id;
  };
  /** A report with its values, taken to `status` the way the triggers allow (values first, then the status). */
  const report = async (r: { partnership: string; start: string; end: string; status: string; values: Record<string, number>; corrects?: string }) => {
    const id = randomUUID();
    await manager.query(`INSERT INTO impact_report (id, partnership_id, period_start, period_end, revision, corrects_id) VALUES ($1, $2, $3, $4, $5, $6)`, [
      id,
      r.partnership,
      r.start,
      r.end,
      r.corrects ? 2 : 1,
      r.corrects ?? null,
    ]);
    for (const [code, value] of Object.entries(r.values)) {
      await manager.query(`INSERT INTO impact_report_value (report_id, indicator_code, value) VALUES ($1, $2, $3)`, [id, code, value]);
    }
    if (r.status === 'CONFIRMED') await manager.query(`UPDATE impact_report SET status = 'SUBMITTED', submitted_at = now() WHERE id = $1`, [id]);
    if (r.status === 'CONFIRMED') await manager.query(`UPDATE impact_report SET status = 'CONFIRMED', confirmed_at = now() WHERE id = $1`, [id]);
    if (r.status === 'SUBMITTED') await manager.query(`UPDATE impact_report SET status = 'SUBMITTED', submitted_at = now() WHERE id = $1`, [id]);
    return id;
  };
  return { organization, profile, need, matched, offer, partnership, report };
}

describe('regional insights (embedded)', () => {
  let api: EmbeddedApi;
  let app: INestApplication;
  let url: string;
  const tokens: Record<'admin' | 'coordinator' | 'otherCoordinator' | 'user', Record<string, string>> = {} as never;

  const insights = (headers: Record<string, string>, variables: Record<string, unknown> = {}) =>
    gql<{ regionInsights: Insights }>(url, INSIGHTS, { c: '10', from: '2025-01-10', to: '2025-04-20', i: 'MONTH', ...variables }, headers);
  const csv = async (section: string, variables: Record<string, unknown> = {}) => {
    const result = await gql<{ regionInsightsCsv: string }>(url, CSV, { c: '10', from: '2025-01-10', to: '2025-04-20', i: 'MONTH', s: section, ...variables }, tokens.coordinator);
    expect(result.errors).toBeUndefined();
    return result.data!.regionInsightsCsv;
  };
  const rows = (text: string): Record<string, string>[] => parse(text, { columns: true });

  beforeAll(async () => {
    api = await startEmbeddedApi('insights', { LOGIN_MAX_FAILURES_PER_IP: '1000' });
    ({ app, url } = api);
    await app.get(UserService).ensureAdmin({ email: 'admin@samverka.se', displayName: 'Admin', password: PASSWORD });
    tokens.admin = auth((await login(url, 'admin@samverka.se')).data!.login.accessToken);
    const coordinator = await register(url, 'samordnare@regionblekinge.se');
    const otherCoordinator = await register(url, 'samordnare@regionkalmar.se');
    const user = await register(url, 'inkopare@karlskrona.se');
    const setRole = 'mutation($input: SetPlatformRoleInput!) { setPlatformRole(input: $input) { user { id } } }';
    for (const [userId, countyCodes] of [
      [coordinator.userId, ['10']],
      [otherCoordinator.userId, ['08']],
    ] as const) {
      const set = await gql(url, setRole, { input: { userId, role: 'COORDINATOR', countyCodes } }, tokens.admin);
      expect(set.errors).toBeUndefined();
    }
    tokens.coordinator = auth(coordinator.accessToken);
    tokens.otherCoordinator = auth(otherCoordinator.accessToken);
    tokens.user = auth(user.accessToken);

    await app.get(Database).transaction(async ({ manager }) => {
      const b = builders(manager);
      const karlskrona = await b.organization('MUNICIPALITY', 'Karlskrona kommun', '1080', '10');
      const regionBlekinge = await b.organization('REGION', 'Region Blekinge', null, '10');
      const kalmar = await b.organization('MUNICIPALITY', 'Kalmar kommun', '0880', '08');

      // Enterprises: e1 Karlskrona; e2 from Kalmar, county-wide in Blekinge; e3 from Stockholm, nationwide;
      // e4 Ronneby, no profile; e5 from Kalmar, works in Karlshamn; e6 only in Kalmar (not Blekinge's);
      // e7 registered in Sölvesborg but working only in Kalmar.
      const e1 = await b.organization('SOCIAL_ENTERPRISE', 'Städkooperativet Karlskrona', '1080', '10');
      await b.profile(e1, { sdgs: [8, 10], legalForm: 'EKONOMISK_FORENING', municipalities: ['1080'] });
      const e2 = await b.organization('SOCIAL_ENTERPRISE', 'Återbruket Kalmar', '0880', '08');
      await b.profile(e2, { sdgs: [8, 12], legalForm: 'IDEELL_FORENING', counties: ['10'] });
      const e3 = await b.organization('SOCIAL_ENTERPRISE', 'Rikstäckande Omsorg AB (svb)', '0180', '01');
      await b.profile(e3, { sdgs: [3], legalForm: 'AKTIEBOLAG_SVB', nationwide: true });
      const e4 = await b.organization('SOCIAL_ENTERPRISE', 'Ronneby Arbetsträning', '1081', '10');
      const e5 = await b.organization('SOCIAL_ENTERPRISE', 'Kustens Kök', '0880', '08');
      await b.profile(e5, { sdgs: [12], legalForm: 'EKONOMISK_FORENING', municipalities: ['1082', '0880'] });
      const e6 = await b.organization('SOCIAL_ENTERPRISE', 'Kalmar Kafé', '0880', '08');
      await b.profile(e6, { sdgs: [2], legalForm: 'AKTIEBOLAG', municipalities: ['0880'] });
      const e7 = await b.organization('SOCIAL_ENTERPRISE', 'Sölvesborgs Stiftelse', '1083', '10');
      await b.profile(e7, { sdgs: [8], legalForm: 'STIFTELSE', municipalities: ['0880'] });

      const cleaning = ['90910000-9', '90911200-8'];
      // n1 Karlskrona, well matched (80), a submitted offer.
      const n1 = await b.need({ buyer: karlskrona, municipality: '1080', county: '10', status: 'PUBLISHED', publishedAt: '2025-01-05T10:00:00Z', cpv: cleaning, sdgs: [8, 10] });
      await b.matched(n1, [
        [e1, 80],
        [e3, 60],
      ]);
      await b.offer(n1, e1, 'SUBMITTED');
      // n2 Karlskrona, best match 30: a gap; a withdrawn and a draft offer are no offers. Published at
      // 00:30 on 1 February in Sweden (still 31 January in UTC).
      const n2 = await b.need({
        buyer: karlskrona,
        municipality: '1080',
        county: '10',
        status: 'PUBLISHED',
        publishedAt: '2025-01-31T23:30:00Z',
        cpv: ['55520000-1'],
        sdgs: [2, 12],
      });
      await b.matched(n2, [
        [e2, 30],
        [e5, 12.5],
      ]);
      await b.offer(n2, e2, 'WITHDRAWN');
      await b.offer(n2, e5, 'DRAFT');
      // n3 the region's own need for the whole county: matched, nobody fits (a gap); a declined offer.
      const n3 = await b.need({
        buyer: regionBlekinge,
        municipality: null,
        county: '10',
        status: 'PUBLISHED',
        publishedAt: '2025-02-14T09:00:00Z',
        cpv: ['85311000-2', '85312000-9'],
        sdgs: [3],
      });
      await b.matched(n3, []);
      await b.offer(n3, e3, 'DECLINED');
      // n4 Karlskrona kommun's county-wide need: placed in Karlskrona; best 49.99, a gap; shortlisted offer.
      const n4 = await b.need({
        buyer: karlskrona,
        municipality: null,
        county: '10',
        status: 'PUBLISHED',
        publishedAt: '2025-03-03T09:00:00Z',
        cpv: ['90910000-9', '55520000-1'],
        sdgs: [8, 12],
      });
      await b.matched(n4, [
        [e1, 49.99],
        [e2, 10],
      ]);
      await b.offer(n4, e1, 'SHORTLISTED');
      await b.offer(n4, e2, 'DECLINED');
      // n5 Karlshamn, not matched yet.
      await b.need({ buyer: karlskrona, municipality: '1082', county: '10', status: 'PUBLISHED', publishedAt: '2025-03-20T09:00:00Z', cpv: ['45000000-7'], sdgs: [9] });
      // n6 Ronneby, matched only by an older algorithm (weakly): waits for the rebuild, not a gap.
      const n6 = await b.need({ buyer: karlskrona, municipality: '1081', county: '10', status: 'PUBLISHED', publishedAt: '2024-12-20T09:00:00Z', cpv: ['90910000-9'], sdgs: [8] });
      await b.matched(n6, [[e1, 10]], 'samverka-match-2020.01.1');
      // n7 Kalmar kommun buys in Sölvesborg: Blekinge's need; best exactly 50, no gap. Published 00:30 on
      // 1 April in Sweden (summer time).
      const n7 = await b.need({ buyer: kalmar, municipality: '1083', county: '10', status: 'PUBLISHED', publishedAt: '2025-03-31T22:30:00Z', cpv: ['90910000-9'], sdgs: [8] });
      await b.matched(n7, [[e3, 50]]);
      // n8 an old row without a place: the buyer's county (Blekinge), no municipality; best 20, a gap.
      const n8 = await b.need({
        buyer: regionBlekinge,
        municipality: null,
        county: null,
        status: 'PUBLISHED',
        publishedAt: '2025-05-02T09:00:00Z',
        cpv: ['55520000-1'],
        sdgs: [2],
      });
      await b.matched(n8, [[e5, 20]]);
      // Not open: a draft, and a closed need published in February (the timeline counts it).
      await b.need({ buyer: karlskrona, municipality: '1080', county: '10', status: 'DRAFT', publishedAt: null, cpv: cleaning, sdgs: [8] });
      await b.need({ buyer: karlskrona, municipality: '1080', county: '10', status: 'CLOSED', publishedAt: '2025-02-10T09:00:00Z', cpv: cleaning, sdgs: [8] });
      // Kalmar län's: its own gap; Karlskrona kommun buying in Kalmar; Kalmar kommun's need without a place.
      const k1 = await b.need({ buyer: kalmar, municipality: '0880', county: '08', status: 'PUBLISHED', publishedAt: '2025-02-10T09:00:00Z', cpv: ['55520000-1'], sdgs: [2] });
      await b.matched(k1, []);
      const k2 = await b.need({ buyer: karlskrona, municipality: '0880', county: '08', status: 'PUBLISHED', publishedAt: '2025-01-20T09:00:00Z', cpv: ['85311000-2'], sdgs: [3] });
      await b.matched(k2, []);
      await b.need({ buyer: kalmar, municipality: null, county: null, status: 'PUBLISHED', publishedAt: '2025-01-21T09:00:00Z', cpv: ['85311000-2'], sdgs: [3] });

      const p1 = await b.partnership({ buyer: karlskrona, enterprise: e1, county: '10', municipality: '1080', status: 'ACTIVE', startsOn: '2025-01-15' });
      const p2 = await b.partnership({ buyer: regionBlekinge, enterprise: e2, county: '10', municipality: null, status: 'ACTIVE', startsOn: '2025-03-01' });
      const p3 = await b.partnership({ buyer: karlskrona, enterprise: e5, county: '10', municipality: '1082', status: 'COMPLETED', startsOn: '2024-11-20' });
      await b.partnership({ buyer: karlskrona, enterprise: e3, county: '10', municipality: null, status: 'ACTIVE', startsOn: '2025-02-05' });
      await b.partnership({ buyer: regionBlekinge, enterprise: e4, county: '10', municipality: null, status: 'TERMINATED', startsOn: '2025-02-20' });
      const k3 = await b.partnership({ buyer: kalmar, enterprise: e6, county: '08', municipality: '0880', status: 'ACTIVE', startsOn: '2025-02-01' });

      await b.report({ partnership: p1, start: '2025-01-01', end: '2025-01-31', status: 'CONFIRMED', values: { WORK_TRAINING_PARTICIPANTS: 4, WORK_TRAINING_HOURS: 120.5 } });
      // February's report, confirmed and then corrected: only the correction counts.
      const february = await b.report({
        partnership: p1,
        start: '2025-02-01',
        end: '2025-02-28',
        status: 'CONFIRMED',
        values: { WORK_TRAINING_PARTICIPANTS: 3, WORK_TRAINING_HOURS: 90 },
      });
      const correction = await b.report({
        partnership: p1,
        start: '2025-02-01',
        end: '2025-02-28',
        status: 'DRAFT',
        values: { WORK_TRAINING_PARTICIPANTS: 5, WORK_TRAINING_HOURS: 100.5 },
        corrects: february,
      });
      await manager.query(`UPDATE impact_report SET status = 'SUPERSEDED', superseded_at = now() WHERE id = $1`, [february]);
      await manager.query(`UPDATE impact_report SET status = 'CONFIRMED', submitted_at = now(), confirmed_at = now() WHERE id = $1`, [correction]);
      await b.report({ partnership: p2, start: '2025-03-01', end: '2025-03-31', status: 'CONFIRMED', values: { MATERIAL_REUSED: 1.25, WORK_TRAINING_PARTICIPANTS: 2 } });
      await b.report({ partnership: p2, start: '2025-04-01', end: '2025-04-30', status: 'SUBMITTED', values: { MATERIAL_REUSED: 9 } });
      await b.report({ partnership: p3, start: '2024-10-01', end: '2024-12-31', status: 'CONFIRMED', values: { MEALS_LOCAL_PRODUCE: 1000 } });
      await b.report({ partnership: k3, start: '2025-02-01', end: '2025-02-28', status: 'CONFIRMED', values: { WORK_TRAINING_PARTICIPANTS: 50 } });

      // The rows above are the answer: no matching job is to touch them.
      await manager.query(`DELETE FROM job_outbox WHERE job_name LIKE 'matching.%'`);
    });
  });
  afterAll(async () => api?.stop());

  it('counts open needs, needs without offers, the supply gap and needs awaiting matching, for the region and each municipality', async () => {
    const { data, errors } = await insights(tokens.coordinator);
    expect(errors).toBeUndefined();
    const result = data!.regionInsights;
    expect(result).toMatchObject({
      county: { code: '10', name: 'Blekinge län' },
      from: '2025-01-01',
      to: '2025-04-30',
      interval: 'MONTH',
      weakMatchBelow: 50,
      algorithmVersion: ALGORITHM_VERSION,
    });
    // open, without offers, gap, awaiting matching, enterprises, active partnerships
    expect(result.region).toEqual(area(null, null, [8, 6, 4, 2, 6, 3]));
    expect(result.municipalities).toEqual([
      area('1060', 'Olofström', [0, 0, 0, 0, 2, 0]),
      area('1080', 'Karlskrona', [3, 1, 2, 0, 3, 2]),
      area('1081', 'Ronneby', [1, 1, 0, 1, 3, 0]),
      area('1082', 'Karlshamn', [1, 1, 0, 1, 3, 0]),
      area('1083', 'Sölvesborg', [1, 1, 0, 0, 3, 0]),
    ]);
  });

  it('breaks the supply gap down by CPV division and by global goal, most gaps first', async () => {
    const result = (await insights(tokens.coordinator)).data!.regionInsights;
    expect(result.supplyGapByCpvDivision).toEqual([
      { division: '55', labelSv: 'Hotell-, restaurang- och detaljhandelstjänster', labelEn: 'Hotel, restaurant and retail trade services', supplyGapNeeds: 3, openNeeds: 3 },
      {
        division: '90',
        labelSv: 'Avlopps- och avfallshantering, sanering och miljötjänster',
        labelEn: 'Sewage, refuse, cleaning and environmental services',
        supplyGapNeeds: 1,
        openNeeds: 4,
      },
      { division: '85', labelSv: 'Hälso- och sjukvård samt socialvård', labelEn: 'Health and social work services', supplyGapNeeds: 1, openNeeds: 1 },
    ]);
    expect(result.supplyGapBySdg).toEqual([
      { sdg: 2, titleSv: 'Ingen hunger', titleEn: 'Zero Hunger', supplyGapNeeds: 2, openNeeds: 2 },
      { sdg: 12, titleSv: 'Hållbar konsumtion och produktion', titleEn: 'Responsible Consumption and Production', supplyGapNeeds: 2, openNeeds: 2 },
      { sdg: 8, titleSv: 'Anständiga arbetsvillkor och ekonomisk tillväxt', titleEn: 'Decent Work and Economic Growth', supplyGapNeeds: 1, openNeeds: 4 },
      { sdg: 3, titleSv: 'God hälsa och välbefinnande', titleEn: 'Good Health and Well-being', supplyGapNeeds: 1, openNeeds: 1 },
    ]);
  });

  it('moves the threshold of a weak match with weakMatchBelow', async () => {
    const strict = (await insights(tokens.coordinator, { w: 85 })).data!.regionInsights;
    // n1 (80) and n7 (50) join the gap.
    expect(strict.region.supplyGapNeeds).toBe(6);
    expect(strict.weakMatchBelow).toBe(85);
    expect(strict.municipalities.map((m) => m.supplyGapNeeds)).toEqual([0, 3, 0, 0, 1]);
    // At 0 only the needs nobody matched at all are a gap (n3).
    const none = (await insights(tokens.coordinator, { w: 0 })).data!.regionInsights;
    expect(none.region.supplyGapNeeds).toBe(1);
    expect(none.supplyGapByCpvDivision.map((d) => [d.division, d.supplyGapNeeds])).toEqual([['85', 1]]);
  });

  it('counts the enterprises working in or registered in the region, by global goal and legal form', async () => {
    const { enterprises } = (await insights(tokens.coordinator)).data!.regionInsights;
    expect(enterprises).toEqual({
      total: 6,
      registeredInRegion: 3,
      nationwide: 1,
      bySdg: [
        { sdg: 8, titleSv: 'Anständiga arbetsvillkor och ekonomisk tillväxt', titleEn: 'Decent Work and Economic Growth', enterprises: 3 },
        { sdg: 12, titleSv: 'Hållbar konsumtion och produktion', titleEn: 'Responsible Consumption and Production', enterprises: 2 },
        { sdg: 3, titleSv: 'God hälsa och välbefinnande', titleEn: 'Good Health and Well-being', enterprises: 1 },
        { sdg: 10, titleSv: 'Minskad ojämlikhet', titleEn: 'Reduced Inequalities', enterprises: 1 },
      ],
      byLegalForm: [
        { legalForm: 'EKONOMISK_FORENING', enterprises: 2 },
        { legalForm: 'AKTIEBOLAG_SVB', enterprises: 1 },
        { legalForm: 'IDEELL_FORENING', enterprises: 1 },
        { legalForm: 'STIFTELSE', enterprises: 1 },
        { legalForm: null, enterprises: 1 },
      ],
    });
  });

  it('counts partnerships by status and adds up confirmed impact, corrections replacing what they correct', async () => {
    const result = (await insights(tokens.coordinator)).data!.regionInsights;
    expect(result.partnershipsByStatus).toEqual([
      { status: 'ACTIVE', partnerships: 3 },
      { status: 'COMPLETED', partnerships: 1 },
      { status: 'TERMINATED', partnerships: 1 },
    ]);
    expect(result.impactTotals).toEqual([
      { indicatorCode: 'MATERIAL_REUSED', nameSv: 'Återbrukat material', nameEn: 'Material reused', unit: 'TONNES', total: 1.25, reports: 1, partnerships: 1 },
      {
        indicatorCode: 'MEALS_LOCAL_PRODUCE',
        nameSv: 'Måltider lagade på lokala råvaror',
        nameEn: 'Meals made from local produce',
        unit: 'MEALS',
        total: 1000,
        reports: 1,
        partnerships: 1,
      },
      { indicatorCode: 'WORK_TRAINING_HOURS', nameSv: 'Timmar arbetsträning', nameEn: 'Hours of work training', unit: 'HOURS', total: 221, reports: 2, partnerships: 1 },
      {
        indicatorCode: 'WORK_TRAINING_PARTICIPANTS',
        nameSv: 'Personer som påbörjat arbetsträning',
        nameEn: 'People who started work training',
        unit: 'PERSONS',
        total: 11,
        reports: 3,
        partnerships: 2,
      },
    ]);
  });

  it('gives every bucket of the timeline, empty ones included, by Swedish dates', async () => {
    const { timeline } = (await insights(tokens.coordinator)).data!.regionInsights;
    const impact = (material: number, hours: number, participants: number) => [
      { indicatorCode: 'MATERIAL_REUSED', nameSv: 'Återbrukat material', nameEn: 'Material reused', unit: 'TONNES', total: material },
      { indicatorCode: 'WORK_TRAINING_HOURS', nameSv: 'Timmar arbetsträning', nameEn: 'Hours of work training', unit: 'HOURS', total: hours },
      {
        indicatorCode: 'WORK_TRAINING_PARTICIPANTS',
        nameSv: 'Personer som påbörjat arbetsträning',
        nameEn: 'People who started work training',
        unit: 'PERSONS',
        total: participants,
      },
    ];
    expect(timeline).toEqual([
      { start: '2025-01-01', end: '2025-01-31', label: '2025-01', needsPublished: 1, partnershipsStarted: 1, impact: impact(0, 120.5, 4) },
      { start: '2025-02-01', end: '2025-02-28', label: '2025-02', needsPublished: 3, partnershipsStarted: 2, impact: impact(0, 100.5, 5) },
      { start: '2025-03-01', end: '2025-03-31', label: '2025-03', needsPublished: 2, partnershipsStarted: 1, impact: impact(1.25, 0, 2) },
      { start: '2025-04-01', end: '2025-04-30', label: '2025-04', needsPublished: 1, partnershipsStarted: 0, impact: impact(0, 0, 0) },
    ]);

    // Without from: twelve buckets ending with the one of to; without to: up to today in Sweden.
    const lastYear = (await insights(tokens.coordinator, { from: null, to: '2025-04-20' })).data!.regionInsights;
    expect([lastYear.from, lastYear.to, lastYear.timeline.length]).toEqual(['2024-05-01', '2025-04-30', 12]);
    expect(lastYear.timeline.slice(-4).map((b) => b.needsPublished)).toEqual([1, 3, 2, 1]);
    const uptoToday = (await insights(tokens.coordinator, { from: null, to: null, i: 'YEAR' })).data!.regionInsights;
    const thisYear = swedishDate(new Date()).slice(0, 4);
    expect([uptoToday.to, uptoToday.timeline.length, uptoToday.timeline[11].label]).toEqual([`${thisYear}-12-31`, 12, thisYear]);

    const byQuarter = (await insights(tokens.coordinator, { from: '2024-10-01', to: '2025-12-31', i: 'QUARTER' })).data!.regionInsights;
    expect(byQuarter.timeline.map((b) => [b.label, b.needsPublished, b.partnershipsStarted])).toEqual([
      ['2024-Q4', 1, 1],
      ['2025-Q1', 6, 4],
      ['2025-Q2', 2, 0],
      ['2025-Q3', 0, 0],
      ['2025-Q4', 0, 0],
    ]);
    expect(byQuarter.timeline.map((b) => b.impact.map((i) => `${i.indicatorCode}=${i.total}`))).toEqual([
      ['MATERIAL_REUSED=0', 'MEALS_LOCAL_PRODUCE=1000', 'WORK_TRAINING_HOURS=0', 'WORK_TRAINING_PARTICIPANTS=0'],
      ['MATERIAL_REUSED=1.25', 'MEALS_LOCAL_PRODUCE=0', 'WORK_TRAINING_HOURS=221', 'WORK_TRAINING_PARTICIPANTS=11'],
      ['MATERIAL_REUSED=0', 'MEALS_LOCAL_PRODUCE=0', 'WORK_TRAINING_HOURS=0', 'WORK_TRAINING_PARTICIPANTS=0'],
      ['MATERIAL_REUSED=0', 'MEALS_LOCAL_PRODUCE=0', 'WORK_TRAINING_HOURS=0', 'WORK_TRAINING_PARTICIPANTS=0'],
      ['MATERIAL_REUSED=0', 'MEALS_LOCAL_PRODUCE=0', 'WORK_TRAINING_HOURS=0', 'WORK_TRAINING_PARTICIPANTS=0'],
    ]);
  });

  it('exports each section as CSV with the same numbers', async () => {
    const result = (await insights(tokens.coordinator)).data!.regionInsights;
    const areas = await csv('AREAS');
    expect(areas.split('\n')[0]).toBe(
      'area,county_code,municipality_code,municipality_name,open_needs,needs_without_offers,supply_gap_needs,needs_awaiting_matching,enterprises,active_partnerships',
    );
    expect(rows(areas)).toEqual(
      [{ ...result.region, municipalityName: 'Blekinge län' }, ...result.municipalities].map((a) => ({
        area: a.municipalityCode === null ? 'REGION' : 'MUNICIPALITY',
        county_code: '10',
        municipality_code: a.municipalityCode ?? '',
        municipality_name: a.municipalityName,
        open_needs: String(a.openNeeds),
        needs_without_offers: String(a.needsWithoutOffers),
        supply_gap_needs: String(a.supplyGapNeeds),
        needs_awaiting_matching: String(a.needsAwaitingMatching),
        enterprises: String(a.enterprises),
        active_partnerships: String(a.activePartnerships),
      })),
    );
    expect(rows(await csv('SUPPLY_GAP_BY_CPV_DIVISION'))).toEqual(
      result.supplyGapByCpvDivision.map((d) => ({
        cpv_division: d.division,
        label_sv: d.labelSv,
        label_en: d.labelEn,
        supply_gap_needs: String(d.supplyGapNeeds),
        open_needs: String(d.openNeeds),
      })),
    );
    expect(rows(await csv('SUPPLY_GAP_BY_SDG'))).toEqual(
      result.supplyGapBySdg.map((g) => ({
        sdg: String(g.sdg),
        title_sv: g.titleSv,
        title_en: g.titleEn,
        supply_gap_needs: String(g.supplyGapNeeds),
        open_needs: String(g.openNeeds),
      })),
    );
    expect(rows(await csv('ENTERPRISES_BY_SDG'))).toEqual(
      result.enterprises.bySdg.map((g) => ({ sdg: String(g.sdg), title_sv: g.titleSv, title_en: g.titleEn, enterprises: String(g.enterprises) })),
    );
    expect(rows(await csv('ENTERPRISES_BY_LEGAL_FORM'))).toEqual(
      result.enterprises.byLegalForm.map((f) => ({ legal_form: f.legalForm ?? '', enterprises: String(f.enterprises) })),
    );
    expect(rows(await csv('PARTNERSHIPS_BY_STATUS'))).toEqual([
      { status: 'ACTIVE', partnerships: '3' },
      { status: 'COMPLETED', partnerships: '1' },
      { status: 'TERMINATED', partnerships: '1' },
    ]);
    const impact = await csv('IMPACT_TOTALS');
    // Numbers as they are: no grouping, a point for decimals.
    expect(impact).toContain('MEALS_LOCAL_PRODUCE,Måltider lagade på lokala råvaror,Meals made from local produce,MEALS,1000,1,1\n');
    expect(rows(impact)).toEqual(
      result.impactTotals.map((i) => ({
        indicator_code: i.indicatorCode,
        name_sv: i.nameSv,
        name_en: i.nameEn,
        unit: i.unit,
        total: String(i.total),
        reports: String(i.reports),
        partnerships: String(i.partnerships),
      })),
    );
    expect(rows(await csv('TIMELINE'))).toEqual(
      result.timeline.map((b) => ({
        bucket_start: b.start,
        bucket_end: b.end,
        bucket_label: b.label,
        needs_published: String(b.needsPublished),
        partnerships_started: String(b.partnershipsStarted),
      })),
    );
    const impactTimeline = rows(await csv('IMPACT_TIMELINE'));
    expect(impactTimeline).toHaveLength(4 * 3);
    expect(impactTimeline).toEqual(
      result.timeline.flatMap((b) =>
        b.impact.map((i) => ({
          bucket_start: b.start,
          bucket_end: b.end,
          bucket_label: b.label,
          indicator_code: i.indicatorCode,
          name_sv: i.nameSv,
          name_en: i.nameEn,
          unit: i.unit,
          total: String(i.total),
        })),
      ),
    );
    expect(impactTimeline[1]).toEqual({
      bucket_start: '2025-01-01',
      bucket_end: '2025-01-31',
      bucket_label: '2025-01',
      indicator_code: 'WORK_TRAINING_HOURS',
      name_sv: 'Timmar arbetsträning',
      name_en: 'Hours of work training',
      unit: 'HOURS',
      total: '120.5',
    });
  });

  it("shows Kalmar län's own figures to its coordinator, apart from Blekinge's", async () => {
    const { data, errors } = await insights(tokens.otherCoordinator, { c: '08' });
    expect(errors).toBeUndefined();
    const kalmar = data!.regionInsights;
    // k1, k2 (Karlskrona kommun buying in Kalmar) and Kalmar kommun's need without a place (not matched).
    expect(kalmar.region).toMatchObject({ openNeeds: 3, supplyGapNeeds: 2, needsAwaitingMatching: 1, activePartnerships: 1 });
    // Kalmar kommun's need without a place is where its buyer is.
    expect(kalmar.municipalities.find((m) => m.municipalityCode === '0880')).toMatchObject({ openNeeds: 3, supplyGapNeeds: 2, needsAwaitingMatching: 1, activePartnerships: 1 });
    expect(kalmar.impactTotals).toEqual([expect.objectContaining({ indicatorCode: 'WORK_TRAINING_PARTICIPANTS', total: 50, reports: 1, partnerships: 1 })]);
  });

  it("lets the region's coordinators and administrators in, and no one else", async () => {
    const admin = await insights(tokens.admin);
    expect(admin.errors).toBeUndefined();
    expect(admin.data!.regionInsights.region.openNeeds).toBe(8);
    const codeOf = (r: { errors?: { extensions?: Record<string, unknown> }[] }) => r.errors?.[0]?.extensions?.code;
    expect(codeOf(await insights(tokens.otherCoordinator))).toBe('FORBIDDEN');
    expect(codeOf(await insights(tokens.coordinator, { c: '08' }))).toBe('FORBIDDEN');
    expect(codeOf(await insights(tokens.user))).toBe('FORBIDDEN');
    expect(codeOf(await insights({}))).toBe('UNAUTHENTICATED');
    const csvAs = (headers: Record<string, string>) => gql(url, CSV, { c: '10', from: '2025-01-01', to: '2025-01-31', s: 'AREAS' }, headers);
    expect(codeOf(await csvAs(tokens.otherCoordinator))).toBe('FORBIDDEN');
    expect(codeOf(await csvAs({}))).toBe('UNAUTHENTICATED');
    expect(codeOf(await csvAs(tokens.admin))).toBeUndefined();
  });

  it('refuses a bad region, range or threshold, naming the field', async () => {
    const errorOf = async (variables: Record<string, unknown>) => (await insights(tokens.admin, variables)).errors?.[0]?.extensions;
    expect(await errorOf({ c: '1' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'countyCode' });
    expect(await errorOf({ c: '99' })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await errorOf({ from: '2025-02-30' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from' });
    expect(await errorOf({ from: '2025-05-01', to: '2025-04-30' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    expect(await errorOf({ from: '2000-01-01', to: '2025-01-01' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    expect(await errorOf({ w: 101 })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'weakMatchBelow' });
    expect(await errorOf({ w: -1 })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'weakMatchBelow' });
  });
});
