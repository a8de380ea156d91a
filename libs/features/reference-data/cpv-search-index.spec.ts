import path from 'node:path';
import { CpvSearchIndex, type CpvIndexCode } from './cpv-search-index.js';
import { readCpvIndexCodes, readCpvSearchIndex, readCpvSynonyms } from './cpv-search-data.js';
import { swedishDecompounder } from './swedish-language.js';

const DATA_DIR = path.resolve(import.meta.dirname, '../../../data');

describe('CPV search index over the project data', () => {
  let index: CpvSearchIndex;
  const codes = (text: string, count = 10) =>
    index
      .search(text)
      .slice(0, count)
      .map((r) => r.code);

  beforeAll(() => {
    index = readCpvSearchIndex(DATA_DIR);
  });

  it('puts the code whose label is the word first, before labels that merely start like it', () => {
    expect(codes('cyklar')[0]).toBe('34430000-0'); // Cyklar, not "Cykliska kolväten"
    expect(codes('cyklar')).not.toContain('24321120-7'); // Cykliska kolväten: out of the first ten
    expect(codes('cykel')[0]).toBe('34430000-0'); // the singular meets the plural label
    expect(codes('catering')[0]).toBe('55520000-1'); // Catering before kitchen equipment
    expect(codes('möbler')[0]).toBe('39100000-3'); // Möbler, not office machines
    expect(codes('furniture')[0]).toBe('39100000-3'); // English labels too
  });

  it('finds everyday terms through the synonym list, inflected or not, in the order the list gives', () => {
    expect(codes('lokalvård', 3)).toEqual(['90919200-4', '90911200-8', '90910000-9']);
    expect(codes('skolskjuts')[0]).toBe('60130000-8');
    expect(codes('skolskjutsar')[0]).toBe('60130000-8');
    expect(codes('matleverans')[0]).toBe('55521200-0');
    expect(codes('ändringssömnad')[0]).toBe('98393000-4');
    expect(codes('daglig verksamhet')[0]).toBe('85312100-0');
    expect(codes('eventbyrå')[0]).toBe('79952000-2'); // "event" with an agent head
    expect(codes('tvätt av arbetskläder', 3)).toContain('98310000-9'); // a term for one word of several
  });

  it('finds words through stems, derivations and compound parts', () => {
    expect(codes('städ')[0]).toBe('90910000-9'); // Städning
    expect(codes('kennel')[0]).toBe('98380000-0'); // Kenneltjänster: the modifier of a compound with a generic head
    expect(codes('omsorg')).toContain('85311100-3'); // Äldreomsorg, by its head
    expect(codes('tvätteritjänster', 5)).toContain('98310000-9'); // Tvätt- och kemtvättstjänster
  });

  it('ranks a general code whose label is the term before deeper codes that contain it', () => {
    const städning = codes('städning', 5);
    expect(städning[0]).toBe('90910000-9');
    expect(städning.slice(1)).toEqual(expect.arrayContaining(['90911100-7']));
  });

  it('scores best first and breaks ties by code', () => {
    const ranked = index.search('omsorg');
    for (let i = 1; i < ranked.length; i++) {
      const [a, b] = [ranked[i - 1], ranked[i]];
      expect(a.score > b.score || (a.score === b.score && a.code < b.code)).toBe(true);
    }
  });

  it('keeps only the codes the filter keeps, and finds a stop word as part of a label', () => {
    expect(index.search('städning', (c) => c.level === 4).every((r) => r.code.startsWith('9091'))).toBe(true);
    expect(index.search('och').map((r) => r.code)).toContain('85312300-2');
    expect(index.search('   ')).toEqual([]);
    expect(index.search('qzxv')).toEqual([]);
  });

  it('knows every code of the synonym list', () => {
    expect(CpvSearchIndex.unknownSynonymCodes(readCpvIndexCodes(DATA_DIR), readCpvSynonyms(DATA_DIR))).toEqual([]);
    expect(new Set(readCpvSynonyms(DATA_DIR).map((s) => s.term.toLowerCase())).size).toBeGreaterThanOrEqual(200);
  });
});

describe('CPV search index ranking rules', () => {
  const code = (n: number, labelSv: string, level = 3): CpvIndexCode => ({ code: `1000000${n}-0`, labelSv, labelEn: '', level, parentCode: null });
  const codes = [code(1, 'Tvåhjulingar'), code(2, 'Cyklar'), code(3, 'Cykliska kolväten'), code(4, 'Delar och tillbehör till cyklar och barnvagnar', 4), code(5, 'Cyklar', 5)];
  let index: CpvSearchIndex;

  beforeAll(() => {
    index = new CpvSearchIndex(codes, [{ term: 'cyklar', codes: ['10000001-0'] }], swedishDecompounder(DATA_DIR));
  });

  it('puts the label, then the everyday term, then a word in a long label, then a word that starts the same', () => {
    expect(index.search('cyklar').map((r) => r.code)).toEqual(['10000002-0', '10000005-0', '10000001-0', '10000004-0', '10000003-0']);
  });
});
