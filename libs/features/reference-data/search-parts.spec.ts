import { queryParts, SEARCH_PARTS_VERSION } from '@samverka/scoring';
import { searchPartsOf } from './search-parts.js';
import { swedishDecompounder } from './swedish-language.js';
import { compoundTsQuery } from './search-query.js';

const parts = (...texts: string[]) =>
  searchPartsOf(...texts)
    .searchParts.split(' ')
    .filter(Boolean);

describe('searchPartsOf', () => {
  it.each<[string, string, string[]]>([
    ['splits a compound and roots the derived noun', 'storstädning', ['städning', 'städ']],
    ['splits a compound the dictionary knows whole, its parts as written and stemmed', 'cykelverkstad', ['cykel', 'verkstad', 'verkst']],
    ['splits with the linking s', 'lokalvårdstjänster', ['lokalvård', 'tjänst']],
  ])('%s: %s', (_, text, expected) => {
    expect(parts(text)).toEqual(expect.arrayContaining(expected));
  });

  it('leaves out the whole words, which the Swedish stemmer of the database has', () => {
    expect(parts('storstädning cykelverkstad')).not.toContain('storstädning');
    expect(parts('storstädning cykelverkstad')).not.toContain('cykelverkstad');
  });

  it('gives no parts for a word that is no compound, nor for stop words', () => {
    expect(parts('och att för med')).toEqual([]);
    expect(parts('förskolor')).not.toContain('för');
    expect(parts('cykel')).toEqual([]);
  });

  it('never counts "år" as a part', () => {
    const found = parts('årsredovisning årskurs årsbok storstädning');
    expect(found.length).toBeGreaterThan(0);
    expect(found).not.toContain('år');
  });

  it('joins every text given, skips the missing ones, and is sorted without repeats', () => {
    const result = searchPartsOf('Storstädning', null, undefined, 'storstädning av cykelverkstad');
    const list = result.searchParts.split(' ');
    expect(list).toEqual([...new Set(list)].sort());
    expect(list).toEqual(expect.arrayContaining(['städ', 'cykel']));
    expect(result.searchPartsVersion).toBe(SEARCH_PARTS_VERSION);
  });
});

describe('queryParts', () => {
  const query = (word: string) => queryParts(word, swedishDecompounder());

  it('looks for the stem as a prefix, and the dictionary words it inflects and its verb as a whole', () => {
    expect(query('städning')).toEqual({ prefixes: ['städning'], exact: ['städning', 'städ'] });
    expect(query('cykel')).toEqual({ prefixes: ['cykel'], exact: ['cykel'] });
    expect(query('cyklar').exact).toContain('cykel');
  });

  it('has nothing for stop words and "år"', () => {
    expect(query('och')).toEqual({ prefixes: [], exact: [] });
    expect(query('år')).toEqual({ prefixes: [], exact: [] });
  });
});

describe('compoundTsQuery', () => {
  it('lets every word match a whole word or a part', () => {
    expect(compoundTsQuery('Städning cykel')).toEqual({
      expression: "((to_tsquery('swedish', :searchWord0) || CAST(:searchParts0 AS tsquery)) && (to_tsquery('swedish', :searchWord1) || CAST(:searchParts1 AS tsquery)))",
      parameters: { searchWord0: 'städning:*', searchParts0: "'städning':* | 'städning' | 'städ'", searchWord1: 'cykel:*', searchParts1: "'cykel':* | 'cykel'" },
    });
  });

  it('keeps a stop word to the Swedish query alone, where it drops out as before', () => {
    expect(compoundTsQuery('och', 'q')).toEqual({ expression: "to_tsquery('swedish', :qWord0)", parameters: { qWord0: 'och:*' } });
    expect(compoundTsQuery(' -- ')).toBeUndefined();
  });
});
