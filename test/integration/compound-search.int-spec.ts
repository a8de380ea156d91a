import { Database, loadConfig } from '@samverka/engine';
import { PartnershipRepository } from '@samverka/brokering';
import { EnterpriseProfileRepository, NeedRepository, SearchPartsRefresh, SearchPartsRepository, type NeedFields, type ProfileFields } from '@samverka/marketplace';
import { loadReferenceData } from '@samverka/reference-data';
import { SEARCH_PARTS_VERSION } from '@samverka/scoring';
import { createTestDatabase, describeWith, tempDir } from '../support/services.js';

const profile = (description: string, services = ''): ProfileFields => ({
  description,
  services,
  cpvCodes: [],
  sdgs: [],
  nationwide: true,
  municipalityCodes: [],
  countyCodes: [],
  employees: null,
  annualTurnoverSek: null,
  maxContractSek: null,
  legalForm: null,
  ideburen: false,
  workIntegrating: false,
  farFromLabourMarketShare: null,
  certifications: [],
});

const need = (title: string, description: string, buyerOrganizationId: string): NeedFields & { buyerOrganizationId: string; createdBy: null } => ({
  title,
  description,
  wantedImpact: '',
  cpvCodes: [],
  sdgs: [],
  municipalityCode: null,
  countyCode: '12',
  budgetMinSek: null,
  budgetMaxSek: null,
  form: 'DIRECT_AWARD',
  responseDeadline: null,
  buyerOrganizationId,
  createdBy: null,
});

/** The same story on both databases: the search columns and queries must behave alike. */
function compoundSearchOn(open: () => Promise<{ database: Database; cleanup(): Promise<void> }>) {
  let database: Database;
  let cleanup: () => Promise<void>;
  let needs: NeedRepository;
  let profiles: EnterpriseProfileRepository;
  let partnerships: PartnershipRepository;
  let buyer: string;
  let serial = 0;
  const ids: Record<string, string> = {};

  const organization = async (kind: string, name: string) => {
    serial += 1;
    const [{ id }] = await database.dataSource.query(
      `INSERT INTO organization (kind, name, org_number, municipality_code, county_code) VALUES ($1, $2, $3, '1281', '12') RETURNING id`,
      [kind, name, `55${String(serial).padStart(4, '0')}-0000`],
    );
    return id as string;
  };
  const enterprises = async (search: string, sort: 'NAME' | 'RELEVANCE' = 'NAME') => (await profiles.search({ search }, sort, { limit: 50 })).rows.map((r) => r.organizationId);
  const needsFound = async (search: string, sort: 'PUBLISHED' | 'RELEVANCE' = 'PUBLISHED') =>
    (await needs.search({ search }, { all: true }, sort, { limit: 50 })).rows.map((r) => r.id);
  const examples = async (text: string) => (await partnerships.goodExamples({ text }, { limit: 50 })).rows.map((r) => r.partnership.id);

  beforeAll(async () => {
    ({ database, cleanup } = await open());
    await loadReferenceData(database.dataSource);
    needs = new NeedRepository(database.dataSource);
    profiles = new EnterpriseProfileRepository(database.dataSource);
    partnerships = new PartnershipRepository(database.dataSource);
    buyer = await organization('MUNICIPALITY', 'Lunds kommun');
    ids.storstadning = await organization('SOCIAL_ENTERPRISE', 'Rent och Redo');
    await profiles.create(ids.storstadning, profile('Vi gör storstädning av kontor och trapphus.'));
    ids.stadning = await organization('SOCIAL_ENTERPRISE', 'Lokalvårdarna');
    await profiles.create(ids.stadning, profile('Städning av skolor.'));
    ids.cykel = await organization('SOCIAL_ENTERPRISE', 'Hjulet');
    await profiles.create(ids.cykel, profile('Arbetsträning', 'Vi driver en cykelverkstad.'));
    ids.needStor = (await needs.create(need('Storstädning av förskolor', 'Årlig storstädning av fem förskolor.', buyer))).id;
    ids.needStad = (await needs.create(need('Städning av förskolor', 'Löpande städning.', buyer))).id;
    ids.needOther = (await needs.create(need('Snöröjning', 'Snöröjning av gångvägar.', buyer))).id;
  });
  afterAll(async () => cleanup?.());

  it('finds a compound by its part: "städning" finds "storstädning", "cykel" finds "cykelverkstad"', async () => {
    expect(await enterprises('städning')).toEqual(expect.arrayContaining([ids.storstadning, ids.stadning]));
    expect(await enterprises('cykel')).toEqual([ids.cykel]);
    expect((await needsFound('städning')).sort()).toEqual([ids.needStor, ids.needStad].sort());
    // Whole words still match as before; the parts find no other row.
    expect(await enterprises('storstädning')).toEqual([ids.storstadning]);
    expect(await needsFound('snöröjning')).toEqual([ids.needOther]);
    expect(await enterprises('verkstad')).toEqual([ids.cykel]);
  });

  it('ranks whole-word hits above part hits', async () => {
    expect((await enterprises('städning', 'RELEVANCE')).slice(0, 2)).toEqual([ids.stadning, ids.storstadning]);
    expect(await needsFound('städning', 'RELEVANCE')).toEqual([ids.needStad, ids.needStor]);
  });

  it('keeps every word required, and stop words out', async () => {
    expect(await needsFound('städning förskolor')).toHaveLength(2);
    expect(await needsFound('städning snö')).toEqual([]);
    expect(await needsFound('städning och av')).toHaveLength(2);
    // A query of stop words alone finds nothing, as before compound search.
    expect(await needsFound('och av')).toEqual([]);
    // "år" finds what it found before, the words that begin with it ("Årlig"), and never a part.
    expect(await needsFound('år')).toEqual([ids.needStor]);
    expect((await needs.findById(ids.needStor))!.searchParts.split(' ')).not.toContain('år');
  });

  it('keeps the parts right when a need or a profile changes', async () => {
    const before = (await needs.findById(ids.needOther))!;
    const changed = (await needs.updateIfVersion(before.id, before.version, { description: 'Snöröjning och cykelvägar.' }))!;
    expect(changed.searchPartsVersion).toBe(SEARCH_PARTS_VERSION);
    expect(await needsFound('cykel')).toEqual([ids.needOther]);
    expect(await needsFound('snöröjning')).toEqual([ids.needOther]);
    const current = (await profiles.find(ids.cykel))!;
    await profiles.updateIfVersion(ids.cykel, current.version, profile('Arbetsträning i en bilverkstad.'));
    expect(await enterprises('cykel')).toEqual([]);
  });

  it('finds good examples by the parts of their title, summary and need', async () => {
    const shown = await database.transaction(async ({ manager }) => {
      const created = await partnerships.create(
        {
          needId: ids.needStor,
          offerId: null,
          buyerOrganizationId: buyer,
          enterpriseOrganizationId: ids.storstadning,
          startedAt: new Date(),
          title: 'Förskolorna i Lund',
          description: 'Storstädning av fem förskolor.',
          cpvCodes: [],
          sdgs: [],
          municipalityCode: null,
          countyCode: '12',
          startsOn: '2026-01-01',
        },
        manager,
      );
      return partnerships.updateIfVersion(
        created.id,
        created.version,
        { buyerPublic: true, enterprisePublic: true, publicSummary: 'Sex personer fick jobb i cykelverkstaden.' },
        manager,
      );
    });
    expect(await examples('städning')).toEqual([shown!.id]);
    expect(await examples('cykel')).toEqual([shown!.id]);
    expect(await examples('snöröjning')).toEqual([]);
  });

  it('computes the parts of rows written without them (older rows, a new analyzer version)', async () => {
    const org = await organization('SOCIAL_ENTERPRISE', 'Gamla Gården');
    await database.dataSource.query(`INSERT INTO enterprise_profile (organization_id, description) VALUES ($1, 'Trädgårdsskötsel och fönsterputsning')`, [org]);
    await database.dataSource.query(`UPDATE need SET search_parts = '', search_parts_version = 0 WHERE id = $1`, [ids.needStor]);
    expect(await enterprises('skötsel')).toEqual([]);
    expect(await needsFound('städning')).toEqual([ids.needStad]);

    const refresh = new SearchPartsRefresh(database, new SearchPartsRepository(database.dataSource));
    expect(await refresh.refresh()).toBe(2);
    expect(await enterprises('skötsel')).toEqual([org]);
    expect((await needsFound('städning')).sort()).toEqual([ids.needStor, ids.needStad].sort());
    expect(await refresh.refresh()).toBe(0);
  });
}

describe('compound search on embedded PGlite', () => {
  compoundSearchOn(async () => {
    const folder = tempDir('compound-search');
    const database = await Database.open(loadConfig({ DATA_DIR: folder.dir }).database);
    return {
      database,
      async cleanup() {
        await database.close();
        folder.remove();
      },
    };
  });
});

describeWith(['PostgreSQL'])('compound search on PostgreSQL', () => {
  compoundSearchOn(async () => {
    const target = await createTestDatabase();
    const database = await Database.open(loadConfig({ DATABASE_URL: target.url, REDIS_URL: 'redis://127.0.0.1:6379' }).database);
    return {
      database,
      async cleanup() {
        await database.close();
        await target.drop();
      },
    };
  });
});
