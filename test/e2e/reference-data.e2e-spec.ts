import type { INestApplication } from '@nestjs/common';
import { ReferenceDataRepository } from '@samverka/reference-data';
import { gql } from '../support/graphql.js';
import { startEmbeddedApi, type EmbeddedApi } from '../support/embedded-api.js';

interface Page {
  cpvCodes: {
    totalCount: number;
    nodes: { code: string }[];
    edges: { cursor: string; node: { code: string } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

describe('reference data over GraphQL (embedded API, no sign-in)', () => {
  let api: EmbeddedApi;
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    api = await startEmbeddedApi('reference-data-e2e');
    ({ app, url } = api);
  });
  afterAll(async () => api?.stop());

  /** The first error of `query`, which must have failed (a nullable lookup answers null beside its error). */
  async function failure(query: string, variables: Record<string, unknown> = {}) {
    const result = await gql(url, query, variables);
    expect(Object.values(result.data ?? {}).filter((value) => value !== null)).toEqual([]);
    return result.errors![0];
  }

  it('lists the counties and finds one by code', async () => {
    const { data, errors } = await gql<{ counties: { code: string; name: string }[]; county: Record<string, unknown> }>(
      url,
      '{ counties { code name } county(code: "12") { code name shortName regionalAuthorityName lat lon } }',
    );
    expect(errors).toBeUndefined();
    expect(data!.counties).toHaveLength(21);
    expect(data!.counties[0]).toEqual({ code: '01', name: 'Stockholms län' });
    expect(data!.county).toEqual({
      code: '12',
      name: 'Skåne län',
      shortName: 'Skåne',
      regionalAuthorityName: 'Region Skåne',
      lat: expect.any(Number),
      lon: expect.any(Number),
    });
  });

  it('lists the municipalities, all or of a county, each with its county', async () => {
    const all = await gql<{ municipalities: { code: string }[] }>(url, '{ municipalities { code } }');
    expect(all.data!.municipalities).toHaveLength(290);

    const skåne = await gql<{ municipalities: { code: string; name: string; countyCode: string; county: { name: string } }[] }>(
      url,
      '{ municipalities(countyCode: "12") { code name countyCode county { name } } }',
    );
    expect(skåne.errors).toBeUndefined();
    expect(skåne.data!.municipalities).toHaveLength(33);
    expect(skåne.data!.municipalities).toContainEqual({ code: '1290', name: 'Kristianstad', countyCode: '12', county: { name: 'Skåne län' } });
    expect(skåne.data!.municipalities.every((m) => m.county.name === 'Skåne län')).toBe(true);
  });

  it('finds a municipality by code', async () => {
    const { data } = await gql(url, '{ municipality(code: "0180") { code name county { code name } } }');
    expect(data).toEqual({ municipality: { code: '0180', name: 'Stockholm', county: { code: '01', name: 'Stockholms län' } } });
  });

  it('lists the SDGs and finds one by number', async () => {
    const { data } = await gql<{ sdgs: { number: number }[]; sdg: Record<string, unknown> }>(url, '{ sdgs { number } sdg(number: 8) { number titleEn titleSv color } }');
    expect(data!.sdgs.map((s) => s.number)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
    expect(data!.sdg).toEqual({
      number: 8,
      titleEn: 'Decent Work and Economic Growth',
      titleSv: 'Anständiga arbetsvillkor och ekonomisk tillväxt',
      color: '#A21942',
    });
  });

  it('finds a CPV code with or without its check digit, with its parent and children', async () => {
    const query = `query($code: String!) { cpvCode(code: $code) {
      code code8 labelSv labelEn level division parentCode
      parent { code labelSv parent { code } }
      children { code labelSv }
    } }`;
    const full = await gql(url, query, { code: '85311000-2' });
    expect(full.errors).toBeUndefined();
    expect(full.data).toEqual({
      cpvCode: {
        code: '85311000-2',
        code8: '85311000',
        labelSv: 'Social omsorg med inkvartering',
        labelEn: 'Social work services with accommodation',
        level: 4,
        division: '85',
        parentCode: '85310000-5',
        parent: { code: '85310000-5', labelSv: 'Socialt arbete', parent: { code: '85300000-2' } },
        children: [
          { code: '85311100-3', labelSv: 'Äldreomsorg' },
          { code: '85311200-4', labelSv: 'Social omsorg för handikappade' },
          { code: '85311300-5', labelSv: 'Barn- och ungdomsomsorg' },
        ],
      },
    });
    expect((await gql(url, query, { code: '85311000' })).data).toEqual(full.data);
    const division = await gql(url, '{ cpvCode(code: "85000000-9") { level parentCode parent { code } } }');
    expect(division.data).toEqual({ cpvCode: { level: 1, parentCode: null, parent: null } });
  });

  it('searches CPV codes and pages through the result with cursors', async () => {
    const query = `query($after: String) { cpvCodes(search: "omsorg", first: 3, after: $after) {
      totalCount nodes { code } edges { cursor node { code } } pageInfo { hasNextPage endCursor }
    } }`;
    const seen: string[] = [];
    let after: string | null = null;
    const pages: boolean[] = [];
    do {
      const { data, errors }: { data?: Page; errors?: unknown[] } = await gql<Page>(url, query, { after });
      expect(errors).toBeUndefined();
      const page: Page['cpvCodes'] = data!.cpvCodes;
      expect(page.totalCount).toBe(7);
      expect(page.edges.map((e) => e.node.code)).toEqual(page.nodes.map((n) => n.code));
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
      seen.push(...page.nodes.map((n) => n.code));
      pages.push(page.pageInfo.hasNextPage);
      after = page.pageInfo.endCursor;
    } while (pages.at(-1));
    expect(pages).toEqual([true, true, false]);
    // Best match first: "omsorg" as a word of a short label, then longer labels, then compounds with it.
    expect(seen).toEqual(['85311000-2', '85311200-4', '85312400-3', '85311100-3', '85312110-3', '85311300-5', '98133110-8']);
  });

  it('ranks CPV codes by relevance, with everyday terms, and pages in that order', async () => {
    const first = async (search: string) =>
      (await gql<Page>(url, 'query($search: String) { cpvCodes(search: $search, first: 3) { nodes { code } } }', { search })).data!.cpvCodes.nodes.map((n) => n.code);
    expect((await first('cyklar'))[0]).toBe('34430000-0'); // Cyklar, before "Cykliska kolväten"
    expect((await first('catering'))[0]).toBe('55520000-1');
    expect((await first('möbler'))[0]).toBe('39100000-3');
    expect(await first('lokalvård')).toEqual(['90919200-4', '90911200-8', '90910000-9']);
    expect((await first('skolskjutsar'))[0]).toBe('60130000-8');
    expect((await first('ändringssömnad'))[0]).toBe('98393000-4');

    const query = `query($after: String) { cpvCodes(search: "städning", first: 4, after: $after) {
      totalCount nodes { code } pageInfo { hasNextPage hasPreviousPage endCursor }
    } }`;
    const all = await gql<Page>(url, 'query { cpvCodes(search: "städning", first: 100) { totalCount nodes { code } } }');
    const everything = all.data!.cpvCodes.nodes.map((n) => n.code);
    expect(everything[0]).toBe('90910000-9'); // Städning, before the deeper "Städning av …"
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const { data, errors }: { data?: Page; errors?: unknown[] } = await gql<Page>(url, query, { after });
      expect(errors).toBeUndefined();
      expect(data!.cpvCodes.totalCount).toBe(everything.length);
      seen.push(...data!.cpvCodes.nodes.map((n) => n.code));
      if (!data!.cpvCodes.pageInfo.hasNextPage) break;
      after = data!.cpvCodes.pageInfo.endCursor;
    }
    expect(everything.length).toBeGreaterThan(4);
    expect(seen).toEqual(everything);
  });

  it('filters CPV codes by parent (in either form) and level, and by English words or digits', async () => {
    const { data, errors } = await gql(
      url,
      `{
        byParent: cpvCodes(parentCode: "85310000") { totalCount nodes { code } }
        divisions: cpvCodes(level: 1, first: 100) { totalCount }
        english: cpvCodes(search: "catering services", first: 100) { nodes { code } }
        digits: cpvCodes(search: "8531") { totalCount }
      }`,
    );
    expect(errors).toBeUndefined();
    expect(data).toMatchObject({
      byParent: { totalCount: 2, nodes: [{ code: '85311000-2' }, { code: '85312000-9' }] },
      divisions: { totalCount: 45 },
      digits: { totalCount: 17 },
    });
    expect((data as { english: { nodes: { code: string }[] } }).english.nodes).toContainEqual({ code: '55520000-1' });
  });

  it('resolves parents, children and counties for a whole page with one query per field', async () => {
    const repository = app.get(ReferenceDataRepository);
    const calls: Record<string, number> = {};
    const restore: (() => void)[] = [];
    for (const method of ['cpvCodesByCode', 'cpvChildrenOf', 'countiesByCode', 'cpvCode', 'cpvChildren', 'county'] as const) {
      const original = repository[method];
      calls[method] = 0;
      (repository as unknown as Record<string, unknown>)[method] = (...args: never[]) => {
        calls[method]++;
        return (original as (...a: never[]) => unknown).apply(repository, args);
      };
      restore.push(() => ((repository as unknown as Record<string, unknown>)[method] = original));
    }
    try {
      const { data, errors } = await gql<{ cpvCodes: { nodes: { parent: { code: string } | null; children: unknown[] }[] }; municipalities: unknown[] }>(
        url,
        '{ cpvCodes(level: 5, first: 100) { nodes { code parent { code labelSv } children { code } } } municipalities { code county { name } } }',
      );
      expect(errors).toBeUndefined();
      expect(data!.cpvCodes.nodes).toHaveLength(100);
      expect(data!.cpvCodes.nodes.every((n) => n.parent !== null)).toBe(true);
      expect(data!.municipalities).toHaveLength(290);
      expect(calls).toEqual({ cpvCodesByCode: 1, cpvChildrenOf: 1, countiesByCode: 1, cpvCode: 0, cpvChildren: 0, county: 0 });
    } finally {
      restore.forEach((undo) => undo());
    }
  });

  it.each([
    ['{ county(code: "1") { name } }', 'code', 'INVALID_FORMAT', 'Skriv länskoden med 2 siffror, till exempel 01.'],
    ['{ municipality(code: "abc") { name } }', 'code', 'INVALID_FORMAT', 'Skriv kommunkoden med 4 siffror, till exempel 0180.'],
    ['{ municipalities(countyCode: "skåne") { name } }', 'countyCode', 'INVALID_FORMAT', 'Skriv länskoden med 2 siffror, till exempel 01.'],
    ['{ sdg(number: 18) { titleEn } }', 'number', 'OUT_OF_RANGE', 'Ange ett heltal från 1 till 17.'],
    ['{ cpvCode(code: "12") { code } }', 'code', 'INVALID_FORMAT', 'Skriv CPV-koden som NNNNNNNN-N eller NNNNNNNN, till exempel 85311000-2.'],
    ['{ cpvCode(code: "85311000-3") { code } }', 'code', 'INVALID', 'Kontrollsiffran är fel: CPV-koden 85311000 skrivs 85311000-2.'],
    ['{ cpvCodes(first: 500) { totalCount } }', 'first', 'OUT_OF_RANGE', 'Ange ett heltal från 1 till 100.'],
    ['{ cpvCodes(first: 0) { totalCount } }', 'first', 'OUT_OF_RANGE', 'Ange ett heltal från 1 till 100.'],
    ['{ cpvCodes(after: "not-a-cursor") { totalCount } }', 'after', 'INVALID_FORMAT', expect.stringMatching(/^Ange en markör/)],
    [
      `{ cpvCodes(search: "omsorg", after: "${Buffer.from('c:85311000-2').toString('base64url')}") { totalCount } }`,
      'after',
      'INVALID_FORMAT',
      expect.stringMatching(/^Ange en markör/),
    ],
    ['{ cpvCodes(level: 8) { totalCount } }', 'level', 'OUT_OF_RANGE', 'Ange ett heltal från 1 till 7.'],
    ['{ cpvCodes(parentCode: "853") { totalCount } }', 'parentCode', 'INVALID_FORMAT', 'Skriv CPV-koden som NNNNNNNN-N eller NNNNNNNN, till exempel 85311000-2.'],
    [`{ cpvCodes(search: "${'a'.repeat(101)}") { totalCount } }`, 'search', 'TOO_LONG', 'Skriv högst 100 tecken.'],
  ])('refuses %s as BAD_USER_INPUT naming %s', async (query, path, code, message) => {
    expect(await failure(query)).toMatchObject({ message: 'En uppgift behöver rättas.', extensions: { code: 'BAD_USER_INPUT', fields: [{ path: [path], code, message }] } });
  });

  it('reports every problem of a search at once, in the language asked for', async () => {
    const query = `{ cpvCodes(level: 0, parentCode: "85311000-", search: "${'a'.repeat(101)}") { totalCount } }`;
    const paths = (error: { extensions?: Record<string, unknown> }) => (error.extensions!.fields as { path: string[] }[]).map((field) => field.path[0]);
    const inSwedish = await failure(query);
    expect(inSwedish.message).toBe('3 uppgifter behöver rättas.');
    expect(paths(inSwedish)).toEqual(['search', 'level', 'parentCode']);
    const inEnglish = (await gql(url, query, {}, { 'accept-language': 'en' })).errors![0];
    expect(inEnglish).toMatchObject({
      message: '3 fields need correcting.',
      extensions: { code: 'BAD_USER_INPUT', fields: [{ message: 'Write at most 100 characters.' }, { message: 'Give a whole number from 1 to 7.' }, { path: ['parentCode'] }] },
    });
  });

  it.each([
    ['{ county(code: "02") { name } }', { county: null }],
    ['{ municipality(code: "9999") { name } }', { municipality: null }],
    ['{ cpvCode(code: "99999999-9") { code } }', { cpvCode: null }],
    ['{ cpvCode(code: "99999999") { code } }', { cpvCode: null }],
  ])('looks up %s as null: the code is well formed, but no such code exists', async (query, data) => {
    expect(await gql(url, query)).toEqual({ status: 200, data });
  });

  it.each([
    ['{ municipalities(countyCode: "99") { name } }', 'Det finns inget län med länskoden 99.'],
    ['{ cpvCodes(parentCode: "99999999-9") { totalCount } }', 'Koden 99999999-9 finns inte i CPV 2008.'],
  ])('answers %s with NOT_FOUND: a filter on an unknown code', async (query, message) => {
    expect(await failure(query)).toMatchObject({ message, extensions: { code: 'NOT_FOUND' } });
  });
});
