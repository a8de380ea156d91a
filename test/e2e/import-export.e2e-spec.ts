import fs from 'node:fs';
import { Database } from '@samverka/engine';
import { SEARCH_PARTS_VERSION } from '@samverka/scoring';
import { UserService } from '../../libs/features/accounts/user.service.js';
import { auth, createOrganization, login, PASSWORD, register } from '../support/accounts.js';
import { startEmbeddedApi, type EmbeddedApi } from '../support/embedded-api.js';
import { waitFor } from '../support/wait.js';
import { gql } from '../support/graphql.js';
import { fixture, importAndWait, uploadImport } from '../support/imports.js';

const ENTERPRISES_CSV = fixture('data/examples/enterprises.csv');
const ENTERPRISES_JSONL = fixture('data/examples/enterprises.jsonl');
const NEEDS_JSONL = fixture('data/examples/needs.jsonl');
const BROKEN_CSV = fixture('test/fixtures/import/enterprises-broken.csv');
const UK_RELEASES = fixture('test/fixtures/ocds/uk_procurement_releases.json');
const RELEASE_PACKAGE = fixture('test/fixtures/ocds/release-package.json');
const RECORD_PACKAGE = fixture('test/fixtures/ocds/record-package.json');
const GBP = [{ currency: 'GBP', sekPerUnit: 13.5 }];

interface EnterpriseState {
  org_number: string;
  name: string;
  org_version: number;
  org_updated: string;
  profile_version: number;
  profile_updated: string;
  feature_xid: string;
  cpv_codes: string[];
  far_from_labour_market_share: number | null;
}

/**
 * Imports and exports through the API in the embedded mode (PGlite, jobs in the API process): uploads,
 * progress, idempotency, rejected rows, coordinators' regions, OCDS notices and the export endpoint.
 */
describe('imports and exports through the API (embedded)', () => {
  let api: EmbeddedApi;
  let url: string;
  let database: Database;
  let admin: string;
  let adminUserId: string;
  let coordinator: string;
  let otherCoordinator: string;
  let someone: string;
  let malmo: string;

  const enterprises = async (): Promise<EnterpriseState[]> =>
    database.dataSource.query(
      `SELECT o.org_number, o.name, o.version AS org_version, o.updated_at::text AS org_updated, p.version AS profile_version,
              p.updated_at::text AS profile_updated, p.feature_xid::text AS feature_xid, p.cpv_codes, p.far_from_labour_market_share
       FROM organization o JOIN enterprise_profile p ON p.organization_id = o.id WHERE o.kind = 'SOCIAL_ENTERPRISE' ORDER BY o.org_number`,
    );

  beforeAll(async () => {
    api = await startEmbeddedApi('import-export', { IMPORT_MAX_UPLOAD_MB: '4', LOGIN_MAX_FAILURES_PER_ACCOUNT: '1000' });
    url = api.url;
    database = api.app.get(Database);
    await api.app.get(UserService).ensureAdmin({ email: 'admin@samverka.se', displayName: 'Admin', password: PASSWORD });
    const signedIn = (await login(url, 'admin@samverka.se')).data!.login;
    admin = signedIn.accessToken;
    adminUserId = signedIn.user.id;
    const skane = await register(url, 'samordnare@skane.se');
    const stockholm = await register(url, 'samordnare@stockholm.se');
    someone = (await register(url, 'vem.som.helst@exempel.se')).accessToken;
    const setRole = 'mutation($input: SetPlatformRoleInput!) { setPlatformRole(input: $input) { user { id } } }';
    await gql(url, setRole, { input: { userId: skane.userId, role: 'COORDINATOR', countyCodes: ['12'] } }, auth(admin));
    await gql(url, setRole, { input: { userId: stockholm.userId, role: 'COORDINATOR', countyCodes: ['01'] } }, auth(admin));
    coordinator = (await login(url, 'samordnare@skane.se')).data!.login.accessToken;
    otherCoordinator = (await login(url, 'samordnare@stockholm.se')).data!.login.accessToken;
    malmo = (await createOrganization(url, admin, { kind: 'MUNICIPALITY', name: 'Malmö stad', organisationsnummer: '212000-1124', municipalityCode: '1280' }, admin)).data!
      .createOrganization.organization.id;
    await createOrganization(url, admin, { kind: 'MUNICIPALITY', name: 'Lunds kommun', organisationsnummer: '212000-1132', municipalityCode: '1281' }, admin);
    await createOrganization(url, admin, { kind: 'REGION', name: 'Region Skåne', organisationsnummer: '232100-0255', countyCode: '12' }, admin);
  });
  afterAll(async () => api?.stop());

  it('imports the example enterprises from CSV and JSON Lines, each row an organisation with its profile', async () => {
    const csv = await importAndWait(url, admin, { kind: 'ENTERPRISES' }, { path: ENTERPRISES_CSV });
    expect(csv).toMatchObject({ status: 'DONE', format: 'CSV', source: 'enterprises', rowsRead: 8, created: 8, updated: 0, unchanged: 0, rejected: 0 });
    const jsonl = await importAndWait(url, admin, { kind: 'ENTERPRISES' }, { path: ENTERPRISES_JSONL });
    expect(jsonl).toMatchObject({ status: 'DONE', format: 'JSONL', rowsRead: 4, created: 4, rejected: 0 });

    const returhuset = (await enterprises()).find((e) => e.org_number === '769612-3459')!;
    expect(returhuset).toMatchObject({ name: 'Returhuset Malmö ekonomisk förening', cpv_codes: ['39516000-2', '45421000-4', '90911200-8'], far_from_labour_market_share: 65 });
    const profile = await gql<{
      enterprises: { nodes: { organization: { name: string; countyCode: string; verified: boolean }; sdgs: number[]; legalForm: string; municipalityCodes: string[] }[] };
    }>(url, '{ enterprises(filter: { search: "Returhuset" }) { nodes { organization { name countyCode verified } sdgs legalForm municipalityCodes } } }');
    expect(profile.data!.enterprises.nodes).toEqual([
      {
        // Verified by the import: an administrator (or a coordinator of its county) brought it in.
        organization: { name: 'Returhuset Malmö ekonomisk förening', countyCode: '12', verified: true },
        sdgs: [8, 10, 12],
        legalForm: 'EKONOMISK_FORENING',
        municipalityCodes: ['1233', '1280', '1281'],
      },
    ]);
    // The bulk insert writes the profiles' search parts: "renovering" finds the "möbelrenovering" of Returhuset.
    expect(await database.dataSource.query(`SELECT count(*)::int AS n FROM enterprise_profile WHERE search_parts_version <> $1`, [SEARCH_PARTS_VERSION])).toEqual([{ n: 0 }]);
    const renovating = await gql<{ enterprises: { nodes: { organization: { name: string } }[] } }>(
      url,
      '{ enterprises(filter: { search: "renovering" }, first: 100) { nodes { organization { name } } } }',
    );
    expect(renovating.data!.enterprises.nodes.map((n) => n.organization.name)).toContain('Returhuset Malmö ekonomisk förening');
    const audit = await database.dataSource.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'organization.imported'`);
    expect(audit[0].n).toBe(12);
    // Every imported enterprise is verified by the person who imported it.
    expect(await database.dataSource.query(`SELECT DISTINCT verified, verified_by FROM organization WHERE kind = 'SOCIAL_ENTERPRISE'`)).toEqual([
      { verified: true, verified_by: adminUserId },
    ]);
  });

  it('changes nothing when the same files are imported again: no new versions, no updated_at, no matching', async () => {
    const before = await enterprises();
    const outboxBefore = await database.dataSource.query(`SELECT count(*)::int AS n FROM job_outbox WHERE job_name LIKE 'matching.%'`);
    const csv = await importAndWait(url, admin, { kind: 'ENTERPRISES' }, { path: ENTERPRISES_CSV });
    const jsonl = await importAndWait(url, admin, { kind: 'ENTERPRISES' }, { path: ENTERPRISES_JSONL });
    expect(csv).toMatchObject({ status: 'DONE', rowsRead: 8, created: 0, updated: 0, unchanged: 8, rejected: 0 });
    expect(jsonl).toMatchObject({ status: 'DONE', rowsRead: 4, created: 0, updated: 0, unchanged: 4, rejected: 0 });
    // Versions, timestamps and the transaction ids the matcher follows are exactly as they were.
    expect(await enterprises()).toEqual(before);
    expect((await database.dataSource.query(`SELECT count(*)::int AS n FROM job_outbox WHERE job_name LIKE 'matching.%'`))[0].n).toBeLessThanOrEqual(outboxBefore[0].n);
  });

  it('updates the record of a changed row, and only that one', async () => {
    const before = await enterprises();
    const changed = fs.readFileSync(ENTERPRISES_CSV, 'utf8').replace(',34,9800000,1500000,', ',36,9800000,1500000,');
    const run = await importAndWait(url, admin, { kind: 'ENTERPRISES' }, { name: 'enterprises.csv', content: changed });
    expect(run).toMatchObject({ created: 0, updated: 1, unchanged: 7, rejected: 0 });
    const after = await enterprises();
    const returhuset = (list: EnterpriseState[]) => list.find((e) => e.org_number === '769612-3459')!;
    expect(returhuset(after).profile_version).toBe(returhuset(before).profile_version + 1);
    expect(returhuset(after).org_version).toBe(returhuset(before).org_version);
    expect(after.filter((e) => e.org_number !== '769612-3459')).toEqual(before.filter((e) => e.org_number !== '769612-3459'));
    const employees = await database.dataSource.query(
      `SELECT p.employees FROM enterprise_profile p JOIN organization o ON o.id = p.organization_id WHERE o.org_number = '769612-3459'`,
    );
    expect(employees).toEqual([{ employees: 36 }]);
  });

  it('takes the good rows of a broken file and reports each bad one with its line and field', async () => {
    const run = await importAndWait(url, admin, { kind: 'ENTERPRISES' }, { path: BROKEN_CSV });
    expect(run).toMatchObject({ status: 'DONE', rowsRead: 8, created: 2, rejected: 6 });
    const errors = run.messages.nodes.map((m) => ({ line: m.line, field: m.field, externalId: m.externalId, severity: m.severity }));
    expect(errors).toEqual([
      { line: 3, field: 'organisationsnummer', externalId: 'BROKEN-CHECKDIGIT', severity: 'ERROR' },
      { line: 4, field: 'municipalityCode', externalId: 'BROKEN-KOMMUN', severity: 'ERROR' },
      { line: 5, field: 'farFromLabourMarketShare', externalId: 'BROKEN-SHARE', severity: 'ERROR' },
      { line: 6, field: 'cpvCodes', externalId: 'BROKEN-CPV', severity: 'ERROR' },
      { line: 7, field: 'employees', externalId: 'BROKEN-NUMBER', severity: 'ERROR' },
      { line: 7, field: 'ideburen', externalId: 'BROKEN-NUMBER', severity: 'ERROR' },
      { line: 9, field: null, externalId: null, severity: 'ERROR' },
    ]);
    // The messages in the reader's language: Swedish unless asked for English.
    expect(run.messages.nodes[2].message).toBe('Andelen anges bara av arbetsintegrerande företag. Markera företaget som arbetsintegrerande eller ta bort andelen.');
    expect(run.messages.nodes[6].message).toBe('Raden har 22 värden, men rubrikraden har 21 kolumner.');
    const english = await gql<{ importRun: { messages: { nodes: { message: string }[] } } }>(
      url,
      'query($id: ID!) { importRun(id: $id) { messages(first: 10) { nodes { message } } } }',
      { id: run.id },
      { ...auth(admin), 'accept-language': 'en' },
    );
    expect(english.data!.importRun.messages.nodes.map((m) => m.message).slice(2, 7)).toEqual([
      'Only work-integrating enterprises give this share. Mark the enterprise as work-integrating, or remove the share.',
      expect.any(String),
      'Write a whole number (got "många").',
      'Write true or false, ja or nej, yes or no, 1 or 0 (got "kanske").',
      'The row has 22 values, but the header has 21 columns.',
    ]);
    // The row whose profile was wrong left no organisation behind; the good rows are in.
    const numbers = (await database.dataSource.query(`SELECT org_number FROM organization WHERE org_number LIKE '769690-%' ORDER BY org_number`)).map(
      (r: { org_number: string }) => r.org_number,
    );
    expect(numbers).toEqual(['769690-1235', '769690-6234']);
  });

  it('limits coordinators to their regions and shows them only their own imports', async () => {
    const rows = [
      'externalId,organisationsnummer,name,municipalityCode,description,cpvCodes,sdgs',
      'COORD-1,769701-0010,Ystads Arbetslag ek. för.,1286,Fastighetsskötsel med arbetsträning.,90911200-8,8',
      'COORD-2,769701-0028,Solna Arbetslag ek. för.,0184,Städning med arbetsträning.,90911200-8,8',
    ].join('\n');
    const run = await importAndWait(url, coordinator, { kind: 'ENTERPRISES', source: 'skane-lista' }, { name: 'lista.csv', content: rows });
    expect(run).toMatchObject({ status: 'DONE', created: 1, rejected: 1, scopeCountyCodes: ['12'] });
    expect(run.messages.nodes).toEqual([
      expect.objectContaining({
        line: 3,
        field: 'municipalityCode',
        message: 'Platsen ligger i län 01, utanför de län du samordnar (12). Samordnare importerar bara till sina egna län.',
      }),
    ]);
    // Another coordinator, and anyone else, does not see it: the lookup answers null.
    for (const token of [otherCoordinator, someone]) {
      expect(await gql(url, `{ importRun(id: "${run.id}") { id } }`, {}, auth(token))).toEqual({ status: 200, data: { importRun: null } });
    }
    expect((await gql(url, `{ importRun(id: "${run.id}") { id requestedByUserId } }`, {}, auth(admin))).data).toMatchObject({ importRun: { id: run.id } });
    const mine = await gql<{ importRuns: { nodes: { id: string }[] } }>(url, '{ importRuns(first: 50) { nodes { id } } }', {}, auth(coordinator));
    expect(mine.data!.importRuns.nodes.map((r) => r.id)).toEqual([run.id]);
    const all = await gql<{ importRuns: { totalCount: number } }>(url, '{ importRuns { totalCount } }', {}, auth(admin));
    expect(all.data!.importRuns.totalCount).toBeGreaterThan(5);
    // Paged two at a time, the runs come newest first, each once.
    type Page = { importRuns: { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
    const whole = (await gql<Page>(url, '{ importRuns(first: 100) { nodes { id } pageInfo { hasNextPage endCursor } } }', {}, auth(admin))).data!.importRuns.nodes.map((r) => r.id);
    const paged: string[] = [];
    let after: string | null = null;
    do {
      const page: Page['importRuns'] = (
        await gql<Page>(url, 'query($a: String) { importRuns(first: 2, after: $a) { nodes { id } pageInfo { hasNextPage endCursor } } }', { a: after }, auth(admin))
      ).data!.importRuns;
      paged.push(...page.nodes.map((r) => r.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(paged).toEqual(whole);
  });

  it('imports needs from JSON Lines for the buyers they name', async () => {
    const run = await importAndWait(url, admin, { kind: 'NEEDS' }, { path: NEEDS_JSONL });
    expect(run).toMatchObject({ status: 'DONE', created: 4, rejected: 0 });
    const needs = await database.dataSource.query(
      `SELECT n.title, n.form, n.status, n.budget_max_sek::int AS budget, b.name AS buyer FROM need n JOIN organization b ON b.id = n.buyer_organization_id ORDER BY n.title`,
    );
    expect(needs).toEqual([
      { title: 'Kontakttolkning på vårdcentraler i Skåne', form: 'PUBLIC_PROCUREMENT', status: 'DRAFT', budget: 2500000, buyer: 'Region Skåne' },
      { title: 'Lokalvård av Rosengårds bibliotek', form: 'RESERVED_CONTRACT', status: 'DRAFT', budget: 600000, buyer: 'Malmö stad' },
      { title: 'Måltider och samvaro på träffpunkter för äldre', form: 'IOP', status: 'DRAFT', budget: 900000, buyer: 'Malmö stad' },
      { title: 'Skötsel av grönytor vid kommunala förskolor', form: 'DIRECT_AWARD', status: 'DRAFT', budget: 450000, buyer: 'Lunds kommun' },
    ]);
    expect(await importAndWait(url, admin, { kind: 'NEEDS' }, { path: NEEDS_JSONL })).toMatchObject({ created: 0, updated: 0, unchanged: 4 });
  });

  it('publishes imported needs when asked, and refuses to publish one that is not complete', async () => {
    const deadline = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const rows = [
      {
        externalId: 'PUB-1',
        buyerOrganisationsnummer: '212000-1124',
        title: 'Trappstädning i Malmö stads lokaler',
        description: 'Veckovis trappstädning i tolv av Malmö stads förvaltningsbyggnader under två år.',
        cpvCodes: ['90911200-8'],
        budgetMaxSek: 500000,
        form: 'PUBLIC_PROCUREMENT',
        responseDeadline: deadline,
      },
      {
        externalId: 'PUB-2',
        buyerOrganisationsnummer: '212000-1124',
        title: 'Utan budget',
        description: 'Ett behov utan budget och sista svarsdag kan inte publiceras, så raden avvisas.',
        cpvCodes: ['90911200-8'],
        form: 'PUBLIC_PROCUREMENT',
      },
    ];
    const run = await importAndWait(
      url,
      admin,
      { kind: 'NEEDS', needStatus: 'PUBLISHED', source: 'malmo-publicerade' },
      { name: 'needs.jsonl', content: rows.map((r) => JSON.stringify(r)).join('\n') },
    );
    expect(run).toMatchObject({ created: 1, rejected: 1 });
    expect(run.messages.nodes).toEqual([
      expect.objectContaining({
        line: 2,
        externalId: 'PUB-2',
        field: 'budgetMaxSek',
        message: 'Ange en högsta budget innan du publicerar, så att företagen vet hur stort uppdraget är.',
      }),
      // Every field the row lacks, each its own message.
      expect.objectContaining({ line: 2, externalId: 'PUB-2', field: 'responseDeadline', message: 'Ange sista dag för anbud innan du publicerar behovet.' }),
    ]);
    const [need] = await database.dataSource.query(`SELECT status, published_at IS NOT NULL AS published FROM need WHERE title = 'Trappstädning i Malmö stads lokaler'`);
    expect(need).toEqual({ status: 'PUBLISHED', published: true });
  });

  it('imports real OCDS releases as needs of the buyer given, with CPV codes, budget, deadline and form', async () => {
    const run = await importAndWait(url, admin, { kind: 'OCDS', buyer: '212000-1124', exchangeRates: GBP }, { path: UK_RELEASES });
    // 380 releases of 370 processes. 147 are awards (tender complete): not needs, so skipped, with the reason.
    // Of the 230 processes with an open tender, a second release updates the need or changes nothing.
    expect(run).toMatchObject({ status: 'DONE', rowsRead: 380, created: 230, skipped: 147, rejected: 0 });
    expect(run.created + run.updated + run.unchanged).toBe(233);
    const need = async (ocid: string) =>
      (
        await database.dataSource.query(
          `SELECT n.title, n.cpv_codes, n.budget_min_sek::float8 AS min, n.budget_max_sek::float8 AS max, n.response_deadline AS deadline, n.form, n.status,
                  n.buyer_organization_id AS buyer, n.municipality_code
           FROM need n JOIN import_mapping m ON m.need_id = n.id WHERE m.source = 'ocds' AND m.external_id = $1`,
          [ocid],
        )
      )[0];
    // Contracts Finder, suitable for VCSE: a hint to suppliers, not a reservation.
    expect(await need('ocds-b5fd17-0064608c-a004-4bf1-bea8-bcc569de6670')).toEqual({
      title: 'Dynamic Purchasing System for the Provision of Transport Services',
      cpv_codes: ['60000000-8'],
      min: 405_000_000,
      max: 540_000_000,
      deadline: new Date('2025-02-23T12:00:00Z'),
      form: 'PUBLIC_PROCUREMENT',
      status: 'DRAFT',
      buyer: malmo,
      municipality_code: '1280',
    });
    // Public Contracts Scotland, reserved for sheltered workshops: a reserved contract.
    expect(await need('ocds-r6ebe6-0000580540')).toMatchObject({
      title: 'Supply of Medical Aids to Fife Council Community Equipment Stores (FCES)',
      cpv_codes: ['33000000-0'],
      max: 68_850_000,
      deadline: new Date('2019-05-13T12:00:00Z'),
      form: 'RESERVED_CONTRACT',
    });
    // Sell2Wales, CPV codes in the items' additional classifications.
    expect(await need('ocds-kuma6s-139221')).toMatchObject({ cpv_codes: ['80000000-4', '80300000-7', '80320000-3'], min: null, max: 120_673_152, form: 'PUBLIC_PROCUREMENT' });
    // A Contracts Finder process with a tender and then an award: one need, as the tender says (the award is skipped).
    expect(await need('ocds-b5fd17-0cb08240-82a6-4be3-b63a-1ba819a00d18')).toMatchObject({
      title: 'Manvers Street and Bath Leisure Centre Car Park Security Options',
      cpv_codes: ['34926000-4', '34996300-8', '35120000-1', '42961100-1'],
      min: 1_012_500,
      max: 1_147_500,
    });
    // The one release in euros, without a rate for them: imported without a budget, with a warning.
    const euro = await need('ocds-r6ebe6-0000577987');
    expect(euro).toMatchObject({ min: null, max: null });
    // The skipped releases' messages come first (the warnings of the first 100 rows): read them all from the run.
    const warnings: { externalId: string; field: string; item: string; line: number; message: string }[] = await database.dataSource.query(
      `SELECT external_id AS "externalId", field, item, line, message FROM import_message WHERE run_id = $1 AND severity = 'WARNING' ORDER BY seq`,
      [run.id],
    );
    expect(warnings).toContainEqual(expect.objectContaining({ externalId: 'ocds-r6ebe6-0000577987', field: 'tender.value.currency', item: 'releases[310]', line: 66395 }));
    expect(warnings).toContainEqual(
      expect.objectContaining({
        externalId: 'ocds-b5fd17-0cb08240-82a6-4be3-b63a-1ba819a00d18',
        item: 'releases[11]',
        field: 'tender.status',
        message: expect.stringMatching(/^Upphandlingen har status complete och tar inte längre emot anbud\./),
      }),
    );
    expect(warnings.filter((w) => w.field === 'tender.status')).toHaveLength(147);
    // Processes that only have an award made no need.
    const mapped = await database.dataSource.query(`SELECT count(*)::int AS n FROM import_mapping WHERE source = 'ocds' AND need_id IS NOT NULL`);
    expect(mapped[0].n).toBe(230);

    const again = await importAndWait(url, admin, { kind: 'OCDS', buyer: '212000-1124', exchangeRates: GBP }, { path: UK_RELEASES });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 233, skipped: 147, rejected: 0 });
  });

  it('reads OCDS release packages and record packages, and needs a buyer for releases that name no Swedish one', async () => {
    const noBuyer = await importAndWait(url, admin, { kind: 'OCDS', source: 'paket' }, { path: RELEASE_PACKAGE });
    // The award release is skipped, not rejected: it is not a need, whoever bought.
    expect(noBuyer).toMatchObject({ status: 'DONE', rowsRead: 8, created: 0, rejected: 7, skipped: 1 });
    expect(noBuyer.messages.nodes[0]).toMatchObject({
      item: 'releases[0]',
      field: 'buyerOrganisationsnummer',
      message: 'Raden anger ingen köpare, och importen fick ingen köpare (alternativet buyer). Ange köparens organisationsnummer.',
    });

    const releases = await importAndWait(url, admin, { kind: 'OCDS', source: 'paket', buyer: malmo, exchangeRates: GBP }, { path: RELEASE_PACKAGE });
    expect(releases).toMatchObject({ status: 'DONE', rowsRead: 8, created: 6, skipped: 1, rejected: 0 });
    expect(releases.updated + releases.unchanged).toBe(1);
    // The record of the awarded process compiles to its award: skipped.
    const records = await importAndWait(url, admin, { kind: 'OCDS', source: 'poster', buyer: malmo, exchangeRates: GBP }, { path: RECORD_PACKAGE });
    expect(records).toMatchObject({ status: 'DONE', rowsRead: 6, created: 5, skipped: 1, rejected: 0 });
    const reserved = await database.dataSource.query(
      `SELECT m.source, n.form FROM need n JOIN import_mapping m ON m.need_id = n.id WHERE m.external_id = 'ocds-kuma6s-148223' ORDER BY m.source`,
    );
    expect(reserved).toEqual([
      { source: 'ocds', form: 'RESERVED_CONTRACT' },
      { source: 'paket', form: 'RESERVED_CONTRACT' },
      { source: 'poster', form: 'RESERVED_CONTRACT' },
    ]);
  });

  it('fails a file that is not what its kind reads, keeping what it says', async () => {
    const notJson = await importAndWait(url, admin, { kind: 'OCDS', buyer: malmo }, { name: 'paket.json', content: '{"releases": [{"ocid": "x"' });
    expect(notJson).toMatchObject({
      status: 'FAILED',
      failure: expect.stringMatching(/^Rad 1: Filen är inte giltig JSON \(.*\)\. Felet finns på den här raden eller före den\.$/),
    });
    const wrongHeader = await importAndWait(url, admin, { kind: 'ENTERPRISES' }, { name: 'lista.csv', content: 'orgnr,namn\n556677-8899,Test\n' });
    expect(wrongHeader).toMatchObject({ status: 'FAILED', failure: expect.stringMatching(/^Rad 1: Rubrikraden har okända kolumner: orgnr, namn\. Kolumnerna är externalId, /) });
    const inEnglish = await gql<{ importRun: { failure: string } }>(
      url,
      'query($id: ID!) { importRun(id: $id) { failure } }',
      { id: wrongHeader.id },
      { ...auth(admin), 'accept-language': 'en' },
    );
    expect(inEnglish.data!.importRun.failure).toMatch(/^Line 1: The header has unknown columns: orgnr, namn\. The columns are externalId, /);
    const wrongFormat = await uploadImport(url, auth(admin), { kind: 'ENTERPRISES' }, { name: 'lista.json', content: '{}' });
    expect(wrongFormat.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', fields: [{ path: ['format'], code: 'NOT_ALLOWED' }] } });
  });

  it('refuses a file over the upload limit, and a multipart request without the preflight header', async () => {
    const big = await uploadImport(url, auth(admin), { kind: 'ENTERPRISES' }, { name: 'stor.csv', content: Buffer.alloc(5 * 1024 * 1024, 'a') });
    expect(big.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', fields: [{ path: ['file'], code: 'TOO_LONG', message: 'Filen är större än 4 MB. Importera den från kommandoraden i stället.' }] },
    });
    // Nothing of it was stored (the earlier runs' uploads are deleted right after their last commit: wait for those).
    const uploads = async () => (await database.dataSource.query(`SELECT count(*)::int AS n FROM import_file`))[0].n as number;
    await waitFor('the finished imports to delete their uploads', async () => (await uploads()) === 0);
    expect(await uploads()).toBe(0);
    const csrf = await uploadImport(url, auth(admin), { kind: 'ENTERPRISES' }, { path: ENTERPRISES_CSV }, { preflightHeader: false });
    expect(csrf.status).toBe(400);
    expect(JSON.stringify(csrf.errors)).toMatch(/CSRF|preflight/i);
  });

  it('lets only administrators and coordinators start imports', async () => {
    const anonymous = await uploadImport(url, {}, { kind: 'ENTERPRISES' }, { path: ENTERPRISES_CSV });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const plain = await uploadImport(url, auth(someone), { kind: 'ENTERPRISES' }, { path: ENTERPRISES_CSV });
    expect(plain.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  describe('exports', () => {
    const download = (file: string, token?: string, headers: Record<string, string> = {}) =>
      fetch(`${url}/export/${file}`, { headers: { ...(token ? auth(token) : {}), ...headers } });

    it('gives administrators every enterprise as CSV that imports again unchanged', async () => {
      const response = await download('enterprises.csv', admin);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="samverka-enterprises-\d{4}-\d{2}-\d{2}\.csv"$/);
      const bytes = Buffer.from(await response.arrayBuffer());
      // A byte order mark first, so spreadsheet programs read UTF-8.
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = bytes.toString('utf8');
      expect(text.split('\n')[0]).toMatch(/^\uFEFFexternalId,organisationsnummer,name,municipalityCode,/);
      expect(text).toContain('SKANE-001,769612-3459,Returhuset Malmö ekonomisk förening,1280,12,');
      const again = await importAndWait(url, admin, { kind: 'ENTERPRISES' }, { name: 'export.csv', content: text });
      // The rows of this source come back unchanged; the others were imported from other sources (or by coordinators).
      expect(again).toMatchObject({ status: 'DONE', created: 0, updated: 0, unchanged: 14 });
      expect(again.rejected).toBe(again.rowsRead - 14);
    });

    it('gives coordinators their region and the public needs only', async () => {
      const response = await download('enterprises.jsonl', coordinator);
      expect(response.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
      const rows = (await response.text())
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l) as { countyCode: string; name: string });
      expect(rows.length).toBeGreaterThan(0);
      expect(new Set(rows.map((r) => r.countyCode))).toEqual(new Set(['12']));
      const needs = (await (await download('needs.jsonl', coordinator)).text())
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l) as { status: string });
      expect(needs.map((n) => n.status)).toEqual(['PUBLISHED']);
      const all = (await (await download('needs.csv', admin)).text()).trimEnd().split('\n');
      expect(all.length - 1).toBeGreaterThan(380);
    });

    it('refuses people who may not export, and unknown exports', async () => {
      expect((await download('enterprises.csv')).status).toBe(401);
      expect((await download('enterprises.csv', someone)).status).toBe(403);
      expect((await download('needs.ocds.json', admin)).status).toBe(404);
      expect((await download('impact.csv', admin)).status).toBe(404);
      expect((await download('enterprises.xlsx', admin)).status).toBe(404);
    });

    it('answers a refusal with the REST error body: the code, a message that says what to do, and the field', async () => {
      const bodyOf = async (response: Response) => ({ status: response.status, body: await response.json() });
      expect(await bodyOf(await download('enterprises.csv'))).toEqual({
        status: 401,
        body: { error: { code: 'UNAUTHENTICATED', message: 'Logga in för att exportera. Skicka din åtkomsttoken i huvudet Authorization: Bearer …', field: null, fields: [] } },
      });
      expect(await bodyOf(await download('enterprises.csv', 'not-a-token'))).toEqual({
        status: 401,
        body: { error: { code: 'UNAUTHENTICATED', message: expect.any(String), field: null, fields: [] } },
      });
      expect(await bodyOf(await download('enterprises.csv', someone))).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN', field: null } } });
      expect(await bodyOf(await download('impact.csv', admin))).toMatchObject({
        status: 404,
        body: { error: { code: 'NOT_FOUND', message: expect.stringMatching(/^Den exporten finns inte\. Välj någon av: .*enterprises\.csv/) } },
      });
      expect(await bodyOf(await download('impact.csv', admin, { 'accept-language': 'en' }))).toMatchObject({
        status: 404,
        body: { error: { code: 'NOT_FOUND', message: expect.stringMatching(/^There is no such export\. Choose one of: .*enterprises\.csv/) } },
      });
    });
  });
});
