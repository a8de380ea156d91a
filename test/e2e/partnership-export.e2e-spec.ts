import { parse } from 'csv-parse/sync';
import { Database } from '@samverka/engine';
import { ExportRepository, type ExportScope } from '@samverka/import-export';
import { addDays, addMonths, swedishDate } from '@samverka/domain';
import { z } from 'zod';
import { UserService } from '../../libs/features/accounts/user.service.js';
import { ExportService } from '../../libs/features/import-export/export.service.js';
import { auth, createOrganization, login, nextOrganisationsnummer, PASSWORD, register, type SignedIn } from '../support/accounts.js';
import { startEmbeddedApi, type EmbeddedApi } from '../support/embedded-api.js';
import { gql, mutate } from '../support/graphql.js';
import { importAndWait } from '../support/imports.js';
import { accept, createNeed, createOffer, needInput, needTransition, offerAction, profileInput, saveProfile } from '../support/marketplace.js';

type Headers = Record<string, string>;
type GqlResult<T> = Awaited<ReturnType<typeof gql<T>>>;

function ok<T>(result: GqlResult<T>): T {
  expect(result.errors).toBeUndefined();
  return result.data!;
}

interface PartnershipRecord {
  id: string;
  title: string;
  buyerId: string;
  buyerName: string;
  buyerOrganisationsnummer: string;
  enterpriseName: string;
  enterpriseOrganisationsnummer: string;
  status: string;
  startsOn: string;
  endsOn: string | null;
  endedAt: string | null;
  countyCode: string;
  municipalityCode: string | null;
  cpvCodes: string[];
  sdgs: number[];
  needId: string | null;
  offerPriceSek: number | null;
  brokeredBy: string | null;
  targetsStatus: string;
  impact: { indicatorCode: string; unit: string; nameSv: string; nameEn: string; target: number | null; confirmedTotal: number; confirmedReports: number }[];
}

// ------------------------------------------------------------ a minimal OCDS 1.1 release package, as this export writes it

const dateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/, 'an ISO 8601 date-time with its offset');
const value = z.object({ amount: z.number().nonnegative(), currency: z.literal('SEK') });
const reference = z.object({ id: z.string().min(1), name: z.string().min(1) });
const release = z.object({
  ocid: z.string().regex(/^ocds-t3st01-[0-9a-f-]{36}$/),
  id: z.string().min(1),
  date: dateTime,
  // Codes of the OCDS 1.1 codelists releaseTag, partyRole, tenderStatus, awardStatus and contractStatus.
  tag: z.array(z.enum(['award', 'contract', 'contractTermination'])).min(1),
  initiationType: z.literal('tender'),
  language: z.literal('sv'),
  parties: z
    .array(
      reference.extend({
        identifier: z.object({ scheme: z.literal('SE-ON'), id: z.string().regex(/^\d{6}-\d{4}$/), legalName: z.string() }),
        roles: z.array(z.enum(['buyer', 'procuringEntity', 'supplier'])).min(1),
      }),
    )
    .length(2),
  buyer: reference,
  tender: z.object({
    id: z.string().min(1),
    title: z.string().min(1),
    description: z.string().optional(),
    status: z.literal('complete'),
    procurementMethod: z.enum(['open', 'selective', 'limited', 'direct']).optional(),
    procurementMethodDetails: z.string(),
    items: z.array(z.object({ id: z.string(), description: z.string().optional(), classification: z.object({ scheme: z.literal('CPV'), id: z.string().regex(/^\d{8}$/) }) })),
  }),
  awards: z
    .array(z.object({ id: z.string().min(1), title: z.string(), status: z.literal('active'), date: dateTime, suppliers: z.array(reference).length(1), value: value.optional() }))
    .length(1),
  contracts: z
    .array(
      z.object({
        id: z.string().min(1),
        awardID: z.string().min(1),
        title: z.string(),
        status: z.enum(['pending', 'active', 'cancelled', 'terminated']),
        period: z.object({ startDate: dateTime, endDate: dateTime.optional() }),
        value: value.optional(),
        samverkaPartnershipStatus: z.enum(['ACTIVE', 'COMPLETED', 'TERMINATED']),
        samverkaEndedAt: dateTime.nullable(),
        samverkaImpact: z.array(
          z.object({
            indicatorCode: z.string(),
            name: z.string(),
            name_en: z.string(),
            unit: z.string(),
            target: z.number().nullable(),
            confirmedTotal: z.number(),
            reports: z.number().int(),
          }),
        ),
      }),
    )
    .length(1),
});
const releasePackage = z.object({
  uri: z.string().regex(/^https:\/\/samverka\.example\.se\/export\/partnerships\.ocds\.json$/),
  version: z.literal('1.1'),
  publishedDate: dateTime,
  publisher: z.object({ name: z.string().min(1), uri: z.string() }),
  releases: z.array(release),
});
type Release = z.infer<typeof release>;

/** The package as read, once the schema passed it (parse() would drop the fields the schema does not name). */
async function validPackage(response: Response): Promise<z.infer<typeof releasePackage>> {
  expect(response.status).toBe(200);
  const raw: unknown = await response.json();
  releasePackage.parse(raw);
  return raw as z.infer<typeof releasePackage>;
}

/** What a schema cannot say: the references inside a release point at its parties, and its award at its contract. */
function assertConsistent(r: Release): void {
  const party = (id: string) => r.parties.find((p) => p.id === id);
  expect(party(r.buyer.id)?.roles).toEqual(expect.arrayContaining(['buyer', 'procuringEntity']));
  expect(party(r.buyer.id)?.name).toBe(r.buyer.name);
  for (const supplier of r.awards[0].suppliers) expect(party(supplier.id)?.roles).toEqual(['supplier']);
  expect(r.contracts[0].awardID).toBe(r.awards[0].id);
  expect(r.contracts[0].value).toEqual(r.awards[0].value);
  expect(r.tag.includes('contractTermination')).toBe(r.contracts[0].status === 'terminated');
  expect(r.contracts[0].status === 'terminated').toBe(r.contracts[0].samverkaPartnershipStatus !== 'ACTIVE');
}

/**
 * Partnerships (with their impact) exported as CSV, JSON Lines and an OCDS release package, over HTTP in
 * the embedded mode: the partnerships are made through the API (an award with a price, agreed targets,
 * confirmed, corrected and submitted reports; a brokered agreement, terminated), and many more by SQL to
 * see the export stream a page at a time.
 */
describe('partnership exports (embedded)', () => {
  let api: EmbeddedApi;
  let url: string;
  let database: Database;
  let admin: string;
  let skane: SignedIn;
  let stockholm: SignedIn;
  let buyer: SignedIn;
  let owner: SignedIn;
  let buyerOrg: string;
  let enterpriseOrg: string;
  let enterpriseNumber: string;
  /** a: awarded from an offer of 400 000 kr, with agreed targets and reports; b: brokered, terminated; c: in Stockholm's county. */
  const ids = { a: '', b: '', c: '', needA: '', offerA: '' };

  const today = swedishDate(new Date());
  const start = addMonths(`${today.slice(0, 7)}-01`, -14);
  const quarter = (k: number) => ({ periodStart: addMonths(start, 3 * k), periodEnd: addDays(addMonths(start, 3 * (k + 1)), -1) });
  const as = (person: SignedIn): Headers => auth(person.accessToken);
  const download = (file: string, token?: string) => fetch(`${url}/export/${file}`, { headers: token ? auth(token) : {} });
  const jsonLines = async <T>(response: Response): Promise<T[]> => {
    expect(response.status).toBe(200);
    const text = await response.text();
    return text === ''
      ? []
      : text
          .trimEnd()
          .split('\n')
          .map((l) => JSON.parse(l) as T);
  };
  const version = async (id: string, headers: Headers) =>
    ok(await gql<{ partnership: { version: number } }>(url, 'query($id: ID!) { partnership(id: $id) { version } }', { id }, headers)).partnership.version;
  const REPORT = 'id version status';
  type Report = { id: string; version: number };
  const reportAction = (mutation: 'submitImpactReport' | 'confirmImpactReport', r: Report, headers: Headers) =>
    mutate<Record<string, { impactReport: Report }>>(url, mutation, { impactReportId: r.id, version: r.version }, `impactReport { ${REPORT} }`, headers);
  const report = async (input: Record<string, unknown>, to: 'SUBMITTED' | 'CONFIRMED') => {
    let r = ok(await mutate<{ createImpactReport: { impactReport: Report } }>(url, 'createImpactReport', input, `impactReport { ${REPORT} }`, as(owner))).createImpactReport
      .impactReport;
    r = ok(await reportAction('submitImpactReport', r, as(owner))).submitImpactReport.impactReport;
    if (to === 'CONFIRMED') r = ok(await reportAction('confirmImpactReport', r, as(buyer))).confirmImpactReport.impactReport;
    return r;
  };

  beforeAll(async () => {
    api = await startEmbeddedApi('partnership-export', { LOGIN_MAX_FAILURES_PER_IP: '1000', OCDS_OCID_PREFIX: 'ocds-t3st01', PUBLIC_URL: 'https://samverka.example.se' });
    url = api.url;
    database = api.app.get(Database);
    await api.app.get(UserService).ensureAdmin({ email: 'admin@samverka.se', displayName: 'Admin', password: PASSWORD });
    admin = (await login(url, 'admin@samverka.se')).data!.login.accessToken;
    const coordinatorOf = async (email: string, county: string): Promise<SignedIn> => {
      const person = await register(url, email);
      ok(
        await gql(
          url,
          'mutation($input: SetPlatformRoleInput!) { setPlatformRole(input: $input) { user { id } } }',
          { input: { userId: person.userId, role: 'COORDINATOR', countyCodes: [county] } },
          auth(admin),
        ),
      );
      // Signed in again, with the role.
      return { ...person, accessToken: (await login(url, email)).data!.login.accessToken };
    };
    skane = await coordinatorOf('samordnare@skane.se', '12');
    stockholm = await coordinatorOf('samordnare@stockholm.se', '01');

    buyer = await register(url, 'inkopare@malmo.se');
    buyerOrg = ok(
      await createOrganization(url, buyer.accessToken, { kind: 'MUNICIPALITY', name: 'Malmö stad', organisationsnummer: '212000-1124', municipalityCode: '1280' }, admin),
    ).createOrganization.organization.id;
    owner = await register(url, 'agare@stadkooperativet.se');
    enterpriseNumber = nextOrganisationsnummer();
    enterpriseOrg = ok(
      await createOrganization(
        url,
        owner.accessToken,
        {
          kind: 'SOCIAL_ENTERPRISE',
          name: 'Städkooperativet Malmö ek. för.',
          organisationsnummer: enterpriseNumber,
          municipalityCode: '1280',
        },
        admin,
      ),
    ).createOrganization.organization.id;
    ok(await saveProfile(url, owner.accessToken, profileInput(enterpriseOrg)));

    // a: a published need, an offer of 400 000 kr, accepted; started 14 months ago so that quarters can be reported.
    const draft = ok(await createNeed(url, buyer.accessToken, needInput(buyerOrg, { form: 'PUBLIC_PROCUREMENT', title: 'Lokalvård med arbetsträning' }))).createNeed.need;
    ids.needA = ok(await needTransition(url, buyer.accessToken, 'publishNeed', draft.id, draft.version)).publishNeed.need.id;
    const offer = ok(await createOffer(url, owner.accessToken, { needId: ids.needA, enterpriseOrganizationId: enterpriseOrg, message: 'Vi gör det', priceSek: 400_000 }))
      .createOffer.offer;
    ids.offerA = offer.id;
    ok(await offerAction(url, owner.accessToken, 'submitOffer', offer.id, offer.version));
    ids.a = ok(await accept(url, buyer.accessToken, offer.id)).acceptOffer.partnership.id;
    await database.dataSource.query(`UPDATE partnership SET starts_on = $2 WHERE id = $1`, [ids.a, start]);
    const targets = [
      { indicatorCode: 'WORK_TRAINING_PARTICIPANTS', target: 12 },
      { indicatorCode: 'WORK_TRAINING_HOURS', target: 4_000 },
    ];
    ok(await mutate(url, 'proposePartnershipTargets', { partnershipId: ids.a, version: await version(ids.a, as(owner)), targets }, 'partnership { id }', as(owner)));
    ok(await mutate(url, 'agreePartnershipTargets', { partnershipId: ids.a, version: await version(ids.a, as(buyer)) }, 'partnership { id }', as(buyer)));
    // Quarter 1 confirmed, then corrected (the correction confirmed supersedes it); quarter 2 confirmed; quarter 3 only submitted.
    const first = await report(
      {
        partnershipId: ids.a,
        ...quarter(0),
        narrative: 'Kvartal 1.',
        values: [
          { indicatorCode: 'WORK_TRAINING_PARTICIPANTS', value: 3 },
          { indicatorCode: 'WORK_TRAINING_HOURS', value: 500 },
        ],
      },
      'CONFIRMED',
    );
    await report(
      {
        partnershipId: ids.a,
        ...quarter(1),
        narrative: 'Kvartal 2.',
        values: [
          { indicatorCode: 'WORK_TRAINING_PARTICIPANTS', value: 2 },
          { indicatorCode: 'WORK_TRAINING_HOURS', value: 400.5 },
        ],
      },
      'CONFIRMED',
    );
    let correction = ok(
      await mutate<{ correctImpactReport: { impactReport: Report } }>(
        url,
        'correctImpactReport',
        {
          impactReportId: first.id,
          values: [
            { indicatorCode: 'WORK_TRAINING_PARTICIPANTS', value: 4 },
            { indicatorCode: 'WORK_TRAINING_HOURS', value: 550 },
          ],
        },
        `impactReport { ${REPORT} }`,
        as(owner),
      ),
    ).correctImpactReport.impactReport;
    correction = ok(await reportAction('submitImpactReport', correction, as(owner))).submitImpactReport.impactReport;
    const confirmed = ok(
      await mutate<{ confirmImpactReport: { impactReport: Report & { status: string }; supersededImpactReport: { id: string; status: string } | null } }>(
        url,
        'confirmImpactReport',
        { impactReportId: correction.id, version: correction.version },
        `impactReport { ${REPORT} } supersededImpactReport { id status }`,
        as(buyer),
      ),
    ).confirmImpactReport;
    expect(confirmed).toEqual({
      impactReport: expect.objectContaining({ id: correction.id, status: 'CONFIRMED' }),
      supersededImpactReport: { id: first.id, status: 'SUPERSEDED' },
    });
    await report({ partnershipId: ids.a, ...quarter(2), narrative: 'Kvartal 3.', values: [{ indicatorCode: 'WORK_TRAINING_PARTICIPANTS', value: 5 }] }, 'SUBMITTED');
    const statuses = await database.dataSource.query(`SELECT status, count(*)::int AS n FROM impact_report WHERE partnership_id = $1 GROUP BY status ORDER BY status`, [ids.a]);
    expect(statuses).toEqual([
      { status: 'CONFIRMED', n: 2 },
      { status: 'SUBMITTED', n: 1 },
      { status: 'SUPERSEDED', n: 1 },
    ]);

    // b: an agreement the Skåne coordinator brokered, terminated by the buyer.
    ids.b = ok(
      await mutate<{ createPartnership: { partnership: { id: string } } }>(
        url,
        'createPartnership',
        {
          buyerOrganizationId: buyerOrg,
          enterpriseOrganizationId: enterpriseOrg,
          title: 'Återbruk av möbler i Malmös skolor',
          description: 'Samordnarens anteckningar om överenskommelsen.',
          cpvCodes: ['39160000'],
          sdgs: [12, 8],
          municipalityCode: '1280',
          startsOn: '2026-01-01',
          endsOn: '2027-06-30',
        },
        'partnership { id }',
        as(skane),
      ),
    ).createPartnership.partnership.id;
    ok(await mutate(url, 'terminatePartnership', { partnershipId: ids.b, version: await version(ids.b, as(buyer)), reason: 'Lokalerna såldes.' }, 'partnership { id }', as(buyer)));

    // c: a partnership in Stockholm's county (by SQL: only its county matters here).
    const solna = ok(await createOrganization(url, admin, { kind: 'MUNICIPALITY', name: 'Solna stad', organisationsnummer: nextOrganisationsnummer(), municipalityCode: '0184' }))
      .createOrganization.organization.id;
    ids.c = (
      await database.dataSource.query(
        `INSERT INTO partnership (buyer_organization_id, enterprise_organization_id, title, county_code, municipality_code, starts_on) VALUES ($1, $2, 'Trappstädning i Solna', '01', '0184', '2026-02-01') RETURNING id`,
        [solna, enterpriseOrg],
      )
    )[0].id;
  });
  afterAll(async () => api?.stop());

  it('gives administrators every partnership as JSON Lines, with the impact per indicator: agreed targets and confirmed totals only', async () => {
    const response = await download('partnerships.jsonl', admin);
    expect(response.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="samverka-partnerships-\d{4}-\d{2}-\d{2}\.jsonl"$/);
    const rows = await jsonLines<PartnershipRecord>(response);
    expect(rows.map((r) => r.id)).toEqual([ids.a, ids.b, ids.c].sort());
    const a = rows.find((r) => r.id === ids.a)!;
    expect(a).toMatchObject({
      title: 'Lokalvård med arbetsträning',
      buyerId: buyerOrg,
      buyerName: 'Malmö stad',
      buyerOrganisationsnummer: '212000-1124',
      enterpriseName: 'Städkooperativet Malmö ek. för.',
      enterpriseOrganisationsnummer: enterpriseNumber,
      status: 'ACTIVE',
      startsOn: start,
      endedAt: null,
      countyCode: '12',
      municipalityCode: '1280',
      needId: ids.needA,
      offerPriceSek: 400_000,
      brokeredBy: null,
      targetsStatus: 'AGREED',
    });
    // Quarter 1 counts as corrected (4 and 550, not 3 and 500), quarter 2 as confirmed; the submitted quarter 3 not yet.
    expect(a.impact).toEqual([
      { indicatorCode: 'WORK_TRAINING_HOURS', nameSv: expect.any(String), nameEn: expect.any(String), unit: 'HOURS', target: 4_000, confirmedTotal: 950.5, confirmedReports: 2 },
      { indicatorCode: 'WORK_TRAINING_PARTICIPANTS', nameSv: expect.any(String), nameEn: expect.any(String), unit: 'PERSONS', target: 12, confirmedTotal: 6, confirmedReports: 2 },
    ]);
    expect(rows.find((r) => r.id === ids.b)).toMatchObject({
      status: 'TERMINATED',
      endedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      endsOn: '2027-06-30',
      cpvCodes: ['39160000-1'],
      sdgs: [8, 12],
      needId: null,
      offerPriceSek: null,
      brokeredBy: skane.userId,
      targetsStatus: 'NONE',
      impact: [],
    });
  });

  it('flattens the impact in CSV to a target and a confirmed column per indicator of the catalogue', async () => {
    const response = await download('partnerships.csv', admin);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    // (The byte order mark is read past by text().)
    const text = await response.text();
    const header = text.split('\n')[0];
    expect(header).toMatch(/^id,title,buyerId,buyerName,buyerOrganisationsnummer,enterpriseId,enterpriseName,enterpriseOrganisationsnummer,status,startsOn,endsOn,endedAt,/);
    const indicators: { code: string }[] = await database.dataSource.query(`SELECT code FROM impact_indicator ORDER BY code`);
    expect(header.split(',').filter((c) => c.startsWith('impact.'))).toEqual(indicators.flatMap(({ code }) => [`impact.${code}.target`, `impact.${code}.confirmed`]));
    const rows: Record<string, string>[] = parse(text, { columns: true, bom: true });
    const a = rows.find((r) => r.id === ids.a)!;
    expect(a).toMatchObject({
      offerPriceSek: '400000',
      'impact.WORK_TRAINING_PARTICIPANTS.target': '12',
      'impact.WORK_TRAINING_PARTICIPANTS.confirmed': '6',
      'impact.WORK_TRAINING_HOURS.target': '4000',
      'impact.WORK_TRAINING_HOURS.confirmed': '950.5',
      'impact.MATERIAL_REUSED.target': '',
      'impact.MATERIAL_REUSED.confirmed': '',
      brokeredBy: '',
      endedAt: '',
    });
    expect(rows.find((r) => r.id === ids.b)).toMatchObject({
      status: 'TERMINATED',
      cpvCodes: '39160000-1',
      sdgs: '8;12',
      brokeredBy: skane.userId,
      'impact.WORK_TRAINING_HOURS.target': '',
    });
  });

  it('gives coordinators the partnerships of their counties, and refuses everyone else', async () => {
    const mine = await jsonLines<PartnershipRecord>(await download('partnerships.jsonl', skane.accessToken));
    expect(mine.map((r) => r.id).sort()).toEqual([ids.a, ids.b].sort());
    const theirs = await jsonLines<PartnershipRecord>(await download('partnerships.jsonl', stockholm.accessToken));
    expect(theirs.map((r) => r.id)).toEqual([ids.c]);
    const { releases } = await validPackage(await download('partnerships.ocds.json', stockholm.accessToken));
    expect(releases.map((r) => r.contracts[0].id)).toEqual([ids.c]);
    expect((await download('partnerships.csv', buyer.accessToken)).status).toBe(403);
    expect((await download('partnerships.ocds.json')).status).toBe(401);
    expect((await download('enterprises.ocds.json', admin)).status).toBe(404);
    const audit = await database.dataSource.query(`SELECT data FROM audit_event WHERE action = 'export.downloaded' AND entity_id = 'partnerships' ORDER BY id`);
    expect(audit.map((e: { data: { format: string } }) => e.data.format)).toEqual(['jsonl', 'csv', 'jsonl', 'jsonl', 'ocds']);
  });

  it('writes an OCDS 1.1 release package: one award-and-contract release per partnership, its parties by organisationsnummer, its confirmed impact in the Samverka extension', async () => {
    const response = await download('partnerships.ocds.json', admin);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/filename="samverka-partnerships-\d{4}-\d{2}-\d{2}\.ocds\.json"$/);
    const pkg = await validPackage(response);
    expect(pkg.publisher.name).toBe('Samverka');
    expect(pkg.releases).toHaveLength(3);
    pkg.releases.forEach(assertConsistent);
    expect(new Set(pkg.releases.map((r) => r.ocid)).size).toBe(3);

    const a = pkg.releases.find((r) => r.ocid === `ocds-t3st01-${ids.a}`)!;
    expect(a).toMatchObject({
      tag: ['award', 'contract'],
      buyer: { id: 'SE-ON-212000-1124', name: 'Malmö stad' },
      tender: {
        id: ids.needA,
        title: 'Lokalvård med arbetsträning',
        status: 'complete',
        procurementMethodDetails: 'PUBLIC_PROCUREMENT',
        items: [{ id: '1', description: 'Kontorsstädning', classification: { scheme: 'CPV', id: '90919200', description: 'Kontorsstädning' } }],
      },
      awards: [{ id: ids.offerA, suppliers: [{ id: `SE-ON-${enterpriseNumber}`, name: 'Städkooperativet Malmö ek. för.' }], value: { amount: 400_000, currency: 'SEK' } }],
      contracts: [
        {
          id: ids.a,
          status: 'active',
          period: { startDate: expect.stringMatching(new RegExp(`^${start}T00:00:00\\+0[12]:00$`)) },
          samverkaPartnershipStatus: 'ACTIVE',
          samverkaEndedAt: null,
        },
      ],
    });
    expect(a.tender.description).toMatch(/Daglig lokalvård/);
    expect(a.contracts[0].samverkaImpact).toEqual([
      { indicatorCode: 'WORK_TRAINING_HOURS', name: expect.any(String), name_en: expect.any(String), unit: 'HOURS', target: 4_000, confirmedTotal: 950.5, reports: 2 },
      { indicatorCode: 'WORK_TRAINING_PARTICIPANTS', name: expect.any(String), name_en: expect.any(String), unit: 'PERSONS', target: 12, confirmedTotal: 6, reports: 2 },
    ]);

    // The brokered agreement: no offer, so no value; terminated; its coordinator's notes are not published.
    const b = pkg.releases.find((r) => r.ocid === `ocds-t3st01-${ids.b}`)!;
    expect(b).toMatchObject({
      tag: ['award', 'contract', 'contractTermination'],
      tender: { id: ids.b, procurementMethodDetails: 'BROKERED_AGREEMENT', items: [{ classification: { id: '39160000' } }] },
      awards: [{ id: ids.b }],
      contracts: [
        {
          status: 'terminated',
          samverkaPartnershipStatus: 'TERMINATED',
          samverkaEndedAt: expect.any(String),
          period: { startDate: '2026-01-01T00:00:00+01:00', endDate: '2027-06-30T23:59:59+02:00' },
        },
      ],
    });
    expect(b.tender.description).toBeUndefined();
    expect(b.awards[0].value).toBeUndefined();

    // The same state gives the same release id again; a change makes a new one.
    const again = await validPackage(await download('partnerships.ocds.json', admin));
    expect(again.releases.map((r) => r.id)).toEqual(pkg.releases.map((r) => r.id));
    ok(
      await mutate(url, 'setPartnershipPublic', { partnershipId: ids.a, public: true, summary: 'Lokalvård med arbetsträning för tolv personer.' }, 'partnership { id }', as(buyer)),
    );
    const changed = await validPackage(await download('partnerships.ocds.json', admin));
    const releaseId = (ocid: string) => changed.releases.find((r) => r.ocid === ocid)!.id;
    expect(releaseId(a.ocid)).not.toBe(a.id);
    expect(releaseId(b.ocid)).toBe(b.id);
  });

  it('is read past by the OCDS import: awards are not needs, so an exported package imported again makes none', async () => {
    const text = await (await download('partnerships.ocds.json', admin)).text();
    const needsBefore = await database.dataSource.query(`SELECT count(*)::int AS n FROM need`);
    const run = await importAndWait(url, admin, { kind: 'OCDS', source: 'samverka-export' }, { name: 'partnerships.ocds.json', content: text });
    expect(run).toMatchObject({ status: 'DONE', rowsRead: 3, created: 0, updated: 0, unchanged: 0, rejected: 0, skipped: 3, warnings: 3 });
    expect(run.messages.nodes).toEqual(
      [ids.a, ids.b, ids.c].sort().map((id, i) =>
        expect.objectContaining({
          severity: 'WARNING',
          item: `releases[${i}]`,
          externalId: `ocds-t3st01-${id}`,
          field: 'tender.status',
          message: expect.stringMatching(/^Upphandlingen har status complete och tar inte längre emot anbud\./),
        }),
      ),
    );
    expect(await database.dataSource.query(`SELECT count(*)::int AS n FROM need`)).toEqual(needsBefore);
  });

  it('streams thousands of partnerships a page at a time, reading the next page only once the last one is written', async () => {
    await database.dataSource.query(
      `INSERT INTO partnership (buyer_organization_id, enterprise_organization_id, title, county_code, municipality_code, starts_on, cpv_codes, sdgs)
       SELECT $1, $2, 'Massavtal ' || g, '12', '1280', DATE '2026-01-01' + (g % 300), '{90911200-8}', '{8}' FROM generate_series(1, 3000) AS g`,
      [buyerOrg, enterpriseOrg],
    );
    const total = 3003;
    const repository = api.app.get(ExportRepository);
    const original = repository.partnerships.bind(repository);
    const pages: { limit: number; afterId?: string; rows: number; lastId?: string }[] = [];
    repository.partnerships = async (scope: ExportScope, page: { limit: number; afterId?: string }) => {
      const rows = await original(scope, page);
      pages.push({ ...page, rows: rows.length, lastId: rows.at(-1)?.id });
      return rows;
    };
    try {
      // Read by hand: after the header and the first page of text, only the first page has been read.
      const lines = api.app.get(ExportService).lines('partnerships', 'csv', { counties: null, needStatuses: null });
      expect((await lines.next()).value).toMatch(/^\uFEFFid,title,/);
      expect(pages).toHaveLength(0);
      const firstPage = (await lines.next()).value as string;
      expect(firstPage.trimEnd().split('\n')).toHaveLength(1_000);
      expect(pages).toHaveLength(1);
      let rest = 0;
      for await (const text of lines) rest += parse(text).length;
      expect(1_000 + rest).toBe(total);
      expect(pages.map((p) => [p.limit, p.rows])).toEqual([
        [1_000, 1_000],
        [1_000, 1_000],
        [1_000, 1_000],
        [1_000, 3],
      ]);
      // Keyset: each page starts after the last id of the page before.
      expect(pages.map((p) => p.afterId)).toEqual([undefined, pages[0].lastId, pages[1].lastId, pages[2].lastId]);

      pages.length = 0;
      const rows = await jsonLines<PartnershipRecord>(await download('partnerships.jsonl', admin));
      expect(rows).toHaveLength(total);
      expect(new Set(rows.map((r) => r.id)).size).toBe(total);
      expect(pages).toHaveLength(4);

      pages.length = 0;
      const pkg = await validPackage(await download('partnerships.ocds.json', skane.accessToken));
      expect(pkg.releases).toHaveLength(total - 1);
      pkg.releases.forEach(assertConsistent);
      expect(pages).toHaveLength(4);
    } finally {
      repository.partnerships = original;
    }
  });
});
