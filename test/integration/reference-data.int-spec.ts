import fs from 'node:fs';
import path from 'node:path';
import { DomainError } from '@samverka/domain';
import { loadConfig, Database } from '@samverka/engine';
import { findReferenceDataDir, loadReferenceData, ReferenceDataError, ReferenceDataRepository, type CpvSearch } from '@samverka/reference-data';
import { createTestDatabase, describeWith, tempDir, type TestDatabase } from '../support/services.js';

const DATA_DIR = path.resolve(import.meta.dirname, '../../data');
const FILES = ['regions.csv', 'municipalities.csv', 'sdg.csv', 'cpv.csv'];

async function count(database: Database, table: string): Promise<number> {
  const [{ n }] = await database.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`);
  return n;
}

/** A fingerprint of every row version in the reference tables: any write changes a row's xmin. */
async function rowVersions(database: Database): Promise<string> {
  const tables = ['county', 'municipality', 'sdg', 'cpv_code', 'reference_data_version'];
  const parts = await Promise.all(tables.map(async (t) => (await database.dataSource.query(`SELECT md5(string_agg(xmin::text, ',' ORDER BY ctid)) AS v FROM ${t}`))[0].v));
  return parts.join('|');
}

/** A copy of the data folder, with `edit` applied to one file's text. */
function editedData(folder: string, file: string, edit: (text: string) => string): string {
  const dir = path.join(folder, `data-${Date.now()}-${Math.random().toString(36).slice(2)}`);
  fs.mkdirSync(dir);
  for (const name of FILES) fs.copyFileSync(path.join(DATA_DIR, name), path.join(dir, name));
  const target = path.join(dir, file);
  fs.writeFileSync(target, edit(fs.readFileSync(target, 'utf8')));
  return dir;
}

/** Every code of a search, by paging through it `pageSize` at a time. */
async function allPages(repo: ReferenceDataRepository, search: Omit<CpvSearch, 'limit' | 'after'>, pageSize: number) {
  const pages: string[][] = [];
  const totals = new Set<number>();
  let after: string | undefined;
  for (;;) {
    const { rows, keys, totalCount } = await repo.searchCpv({ ...search, limit: pageSize, after });
    totals.add(totalCount);
    if (rows.length === 0) break;
    pages.push(rows.map((r) => r.code));
    after = keys.at(-1);
  }
  return { pages, totals: [...totals] };
}

/** The same behaviour on either database: `open` gives a migrated database with nothing loaded. */
function referenceDataBehaviour(open: () => Promise<Database>, scratch: () => string, cleanUp: () => unknown) {
  let database: Database;
  let repo: ReferenceDataRepository;

  beforeAll(async () => {
    database = await open();
    repo = new ReferenceDataRepository(database.dataSource);
  });
  afterAll(async () => {
    await database?.close();
    await cleanUp();
  });

  it('loads all four files on the first run, with exactly the rows of the files', async () => {
    const result = await loadReferenceData(database.dataSource);
    expect(result.datasets).toEqual([
      { dataset: 'county', file: 'regions.csv', rows: 21, reloaded: true, written: 21 },
      { dataset: 'municipality', file: 'municipalities.csv', rows: 290, reloaded: true, written: 290 },
      { dataset: 'sdg', file: 'sdg.csv', rows: 17, reloaded: true, written: 17 },
      { dataset: 'cpv_code', file: 'cpv.csv', rows: 9454, reloaded: true, written: 9454 },
    ]);
    expect(result.written).toBe(21 + 290 + 17 + 9454);
    expect(await count(database, 'county')).toBe(21);
    expect(await count(database, 'municipality')).toBe(290);
    expect(await count(database, 'sdg')).toBe(17);
    expect(await count(database, 'cpv_code')).toBe(9454);
    const versions = await database.dataSource.query(`SELECT dataset, row_count FROM reference_data_version ORDER BY dataset`);
    expect(versions).toEqual([
      { dataset: 'county', row_count: 21 },
      { dataset: 'cpv_code', row_count: 9454 },
      { dataset: 'municipality', row_count: 290 },
      { dataset: 'sdg', row_count: 17 },
    ]);
  });

  it('has the counties and municipalities with their codes as strings', async () => {
    expect(await repo.municipality('1290')).toMatchObject({ code: '1290', name: 'Kristianstad', countyCode: '12' });
    expect(await repo.county('12')).toMatchObject({ code: '12', name: 'Skåne län', shortName: 'Skåne', regionalAuthorityName: 'Region Skåne' });
    const stockholm = await repo.municipality('0180');
    expect(stockholm).toMatchObject({ code: '0180', name: 'Stockholm', countyCode: '01' });
    expect(stockholm!.lat).toBeCloseTo(59.3, 0);
    expect(stockholm!.lon).toBeCloseTo(18.0, 0);
    expect((await repo.municipalities({ countyCode: '12' })).length).toBe(33);
    expect((await repo.municipalities()).map((m) => m.code).slice(0, 2)).toEqual(['0114', '0115']);
    expect((await repo.counties()).map((c) => c.code)).toEqual([
      '01',
      '03',
      '04',
      '05',
      '06',
      '07',
      '08',
      '09',
      '10',
      '12',
      '13',
      '14',
      '17',
      '18',
      '19',
      '20',
      '21',
      '22',
      '23',
      '24',
      '25',
    ]);
    expect(await repo.municipality('9999')).toBeNull();
  });

  it('has the SDGs in both languages', async () => {
    expect(await repo.sdg(8)).toEqual({
      number: 8,
      titleEn: 'Decent Work and Economic Growth',
      titleSv: 'Anständiga arbetsvillkor och ekonomisk tillväxt',
      statementEn: expect.stringMatching(/^Promote sustained, inclusive and sustainable economic growth/),
      statementSv: expect.stringMatching(/^Verka för varaktig, inkluderande och hållbar ekonomisk tillväxt/),
      color: '#A21942',
    });
    expect((await repo.sdgs()).map((s) => s.number)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
  });

  it('has the CPV codes with their parents and children, by code or by its 8 digits', async () => {
    const code = await repo.cpvCode('85311000-2');
    expect(code).toEqual({
      code: '85311000-2',
      code8: '85311000',
      labelEn: 'Social work services with accommodation',
      labelSv: 'Social omsorg med inkvartering',
      level: 4,
      parentCode: '85310000-5',
      division: '85',
    });
    expect(await repo.cpvCode('85311000')).toEqual(code);
    expect(await repo.cpvCode('85311000-3')).toBeNull();
    expect(await repo.cpvCode('85310000-5')).toMatchObject({ labelSv: 'Socialt arbete', level: 3, parentCode: '85300000-2' });
    expect((await repo.cpvChildren('85310000-5')).map((c) => c.code)).toEqual(['85311000-2', '85312000-9']);
    expect((await repo.cpvChildren('85311000-2')).map((c) => c.code)).toEqual(['85311100-3', '85311200-4', '85311300-5']);
    const divisions = await repo.searchCpv({ level: 1, limit: 100 });
    expect(divisions.totalCount).toBe(45);
    expect(divisions.rows.every((d) => d.parentCode === null && d.code.endsWith('000000', 8))).toBe(true);
    expect((await repo.cpvCodesByCode(['85311000-2', 'nope', '03000000-1'])).map((c) => c.code)).toEqual(['03000000-1', '85311000-2']);
  });

  it('does not write anything when the files have not changed', async () => {
    const before = await rowVersions(database);
    const result = await loadReferenceData(database.dataSource);
    expect(result.written).toBe(0);
    expect(result.datasets.map((d) => [d.dataset, d.rows, d.reloaded])).toEqual([
      ['county', 21, false],
      ['municipality', 290, false],
      ['sdg', 17, false],
      ['cpv_code', 9454, false],
    ]);
    expect(await rowVersions(database)).toBe(before);
  });

  it('reloads only a changed file, and writes only the rows that changed', async () => {
    const edited = editedData(scratch(), 'cpv.csv', (text) => text.replace('Social omsorg med inkvartering', 'Social omsorg med boende'));
    const changed = await loadReferenceData(database.dataSource, { dataDir: edited });
    expect(changed.datasets.filter((d) => d.reloaded)).toEqual([{ dataset: 'cpv_code', file: 'cpv.csv', rows: 9454, reloaded: true, written: 1 }]);
    expect(await repo.cpvCode('85311000-2')).toMatchObject({ labelSv: 'Social omsorg med boende' });
    expect((await repo.searchCpv({ text: 'boende', limit: 10 })).rows.map((r) => r.code)).toContain('85311000-2');

    const restored = await loadReferenceData(database.dataSource);
    expect(restored.written).toBe(1);
    expect(await repo.cpvCode('85311000-2')).toMatchObject({ labelSv: 'Social omsorg med inkvartering' });
  });

  it('refuses broken files, naming file, line and rule, and writes nothing', async () => {
    const before = await rowVersions(database);
    const broken = editedData(scratch(), 'municipalities.csv', (text) =>
      text.replace('1290,Kristianstad,12,Skåne län', '1290,Kristianstad,99,Skåne län').replace('0180,Stockholm,01', '180,Stockholm,01'),
    );
    const failure = loadReferenceData(database.dataSource, { dataDir: broken });
    await expect(failure).rejects.toThrow(ReferenceDataError);
    await expect(failure).rejects.toThrow(/municipalities\.csv line \d+: county_code "99" is not a county in regions\.csv/);
    await expect(failure).rejects.toThrow(/municipalities\.csv line \d+: municipality_code "180" must be 4 digits/);
    await expect(failure).rejects.toThrow(/county 12 has 32 municipalities, regions\.csv says 33/);

    // The first row below 85310000-5 is 85311000-2.
    const orphan = editedData(scratch(), 'cpv.csv', (text) => text.replace(',85310000-5,85', ',85319999-1,85'));
    await expect(loadReferenceData(database.dataSource, { dataDir: orphan })).rejects.toThrow(/cpv\.csv line \d+: parent_code 85319999-1 of 85311000-2 is not in the file/);

    const badHeader = editedData(scratch(), 'sdg.csv', (text) => text.replace('goal_number,', 'goal,'));
    await expect(loadReferenceData(database.dataSource, { dataDir: badHeader })).rejects.toThrow(/sdg\.csv must have the header goal_number,title_en/);

    expect(await rowVersions(database)).toBe(before);
  });

  it('says where it looked when the data folder is missing', () => {
    expect(findReferenceDataDir(import.meta.dirname)).toBe(DATA_DIR);
    expect(() => findReferenceDataDir(scratch())).toThrow(/reference data folder is missing: no directory above .* has data\/cpv\.csv/);
  });

  describe('CPV search', () => {
    const codes = async (search: Omit<CpvSearch, 'limit'>) => (await repo.searchCpv({ ...search, limit: 10_000 })).rows.map((r) => r.code);

    it('finds Swedish words by their start, and any part of a label, ignoring case', async () => {
      const städ = await codes({ text: 'städ' });
      expect(städ).toEqual(expect.arrayContaining(['90910000-9', '90911000-6', '90900000-6'])); // Städning …
      expect(städ).toContain('70210000-6'); // … and "bostäder", by the part of a word
      const omsorg = await codes({ text: 'omsorg' });
      expect([...omsorg].sort()).toEqual(['85311000-2', '85311100-3', '85311200-4', '85311300-5', '85312110-3', '85312400-3', '98133110-8']);
      expect(omsorg.slice(0, 2)).toEqual(['85311000-2', '85311200-4']); // "omsorg" as a word of a short label first
      expect((await codes({ text: 'ÄLDREOMSORG' }))[0]).toBe('85311100-3');
      expect((await codes({ text: 'social omsorg' })).slice(0, 2)).toEqual(['85311000-2', '85311200-4']);
    });

    it('finds English words with English stemming', async () => {
      const cleaning = await codes({ text: 'cleaning' });
      expect(cleaning).toEqual(expect.arrayContaining(['90910000-9', '90911000-6']));
      // "cleaning" stems to "clean", which also finds labels that say "cleaners" and not "cleaning".
      const cleaners = (await repo.cpvCodesByCode(cleaning)).filter((c) => !/cleaning/i.test(c.labelEn) && !/cleaning/i.test(c.labelSv));
      expect(cleaners.length).toBeGreaterThan(0);
      expect(cleaners.every((c) => /clean/i.test(c.labelEn))).toBe(true);
      expect(await codes({ text: 'catering services' })).toEqual(expect.arrayContaining(['55520000-1', '55521000-8', '55524000-9']));
    });

    it('finds codes by their start when the text is digits', async () => {
      const prefix = await codes({ text: '8531' });
      expect(prefix).toHaveLength(17);
      expect(prefix.every((c) => c.startsWith('8531'))).toBe(true);
      expect(await codes({ text: '85311000-2' })).toEqual(['85311000-2']);
      expect(await codes({ text: '85311000' })).toEqual(['85311000-2']);
    });

    it('takes the text literally: no wildcards, and query syntax cannot break the search', async () => {
      expect(await codes({ text: '%' })).toEqual([]);
      expect(await codes({ text: '_' })).toEqual([]);
      expect(await codes({ text: "städ:* | !')" })).toContain('90910000-9'); // only the word reaches the full-text query
      expect(await codes({ text: 'och' })).toEqual(expect.arrayContaining(['85312300-2'])); // a stop word: found as part of a label
    });

    it('combines the text with a parent and a level', async () => {
      expect(await codes({ parentCode: '85310000-5' })).toEqual(['85311000-2', '85312000-9']);
      expect(await codes({ text: 'omsorg', parentCode: '85311000-2' })).toEqual(['85311200-4', '85311100-3', '85311300-5']);
      expect(await codes({ text: 'omsorg', level: 4 })).toEqual(['85311000-2']);
      expect((await codes({ text: 'lokalvård', level: 3 }))[0]).toBe('90910000-9');
    });

    it('ranks by relevance: the label that is the word first, everyday terms, and no result for nonsense', async () => {
      expect((await codes({ text: 'cyklar' }))[0]).toBe('34430000-0');
      expect((await codes({ text: 'catering' }))[0]).toBe('55520000-1');
      expect((await codes({ text: 'möbler' }))[0]).toBe('39100000-3');
      expect((await codes({ text: 'skolskjutsar' }))[0]).toBe('60130000-8');
      expect((await codes({ text: 'daglig verksamhet' }))[0]).toBe('85312100-0');
      expect(await codes({ text: 'qzxv' })).toEqual([]);
    });

    it('refuses a code as the position of a search by words', async () => {
      await expect(repo.searchCpv({ text: 'omsorg', limit: 3, after: '85311000-2' })).rejects.toBeInstanceOf(DomainError);
    });

    it('pages in rank order: the pages are disjoint, in order, and cover the whole result', async () => {
      const everything = await codes({ text: 'tjänster' });
      expect(everything.length).toBeGreaterThan(500);
      const { pages, totals } = await allPages(repo, { text: 'tjänster' }, 100);
      expect(totals).toEqual([everything.length]);
      expect(pages.slice(0, -1).every((p) => p.length === 100)).toBe(true);
      expect(pages.flat()).toEqual(everything);
      expect(new Set(pages.flat()).size).toBe(everything.length);

      const level2 = await allPages(repo, { level: 2 }, 7);
      expect(level2.totals).toEqual([272]);
      expect(level2.pages.flat()).toEqual([...level2.pages.flat()].sort());
      expect(new Set(level2.pages.flat()).size).toBe(272);
    });
  });

  it('tells which codes do not exist', async () => {
    expect(await repo.missingMunicipalities(['0180', '9999', '1290', '9999', 'abc'])).toEqual(['9999', 'abc']);
    expect(await repo.missingMunicipalities([])).toEqual([]);
    expect(await repo.missingCounties(['01', '02', '12', '1'])).toEqual(['02', '1']);
    expect(await repo.missingCpvCodes(['85311000-2', '85311000', '85311000-3', '99999999-9', '9999'])).toEqual(['85311000-3', '99999999-9', '9999']);
  });
}

describe('reference data on embedded PGlite', () => {
  const folder = tempDir('reference-data');

  referenceDataBehaviour(
    () => Database.open(loadConfig({ DATA_DIR: path.join(folder.dir, 'db') }).database),
    () => folder.dir,
    () => folder.remove(),
  );
});

describeWith(['PostgreSQL'])('reference data on PostgreSQL', () => {
  const folder = tempDir('reference-data-pg');
  let target: TestDatabase;
  beforeAll(async () => {
    target = await createTestDatabase();
  });

  referenceDataBehaviour(
    () => Database.open(loadConfig({ DATABASE_URL: target.url }).database),
    () => folder.dir,
    async () => {
      await target?.drop();
      folder.remove();
    },
  );
});
