import { searchWords } from '@samverka/engine';
import { queryParts } from '@samverka/scoring';
import { swedishDecompounder } from './swedish-language.js';

/** A tsquery as SQL with its parameters (their names start with the prefix given). */
export interface SearchQuery {
  expression: string;
  parameters: Record<string, string>;
}

/**
 * The full-text query of free text against a search column that holds the Swedish stems of the whole
 * words and, in 'simple' form, the compound parts and derivational roots of the words (see
 * searchParts in @samverka/scoring). Every word must match (as prefixTsQuery) either a whole word or
 * a part: "städning" finds "storstädning" (part "städning"), "cykel" finds "cykelverkstad". A stop word
 * drops out as it does in to_tsquery, so a query of stop words alone is the empty query it was.
 * Undefined when the text has no word at all.
 */
export function compoundTsQuery(text: string, prefix = 'search'): SearchQuery | undefined {
  const words = searchWords(text);
  if (words.length === 0) return undefined;
  const parameters: Record<string, string> = {};
  const clauses = words.map((word, i) => {
    parameters[`${prefix}Word${i}`] = `${word}:*`;
    const whole = `to_tsquery('swedish', :${prefix}Word${i})`;
    const { prefixes, exact } = queryParts(word, swedishDecompounder());
    if (prefixes.length + exact.length === 0) return whole;
    // The parts are lexemes already (lower case, letters and digits only): a tsquery literal takes them as they are.
    parameters[`${prefix}Parts${i}`] = [...prefixes.map((p) => `'${p}':*`), ...exact.map((e) => `'${e}'`)].join(' | ');
    return `(${whole} || CAST(:${prefix}Parts${i} AS tsquery))`;
  });
  return { expression: clauses.length === 1 ? clauses[0] : `(${clauses.join(' && ')})`, parameters };
}
