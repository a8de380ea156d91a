import { analyse, derivationalRoot, stem, tokenize, type Decompounder } from './swedish-analyzer.js';

/**
 * The version of the search parts below. Rows store the version their parts were computed with; a
 * change to the analyzer or to these rules bumps it, and the stale rows are computed again.
 */
export const SEARCH_PARTS_VERSION = 1;

/**
 * Terms that never count as a part: "år" is a word of the dictionary and the first half of many
 * compounds ("årsredovisning", "årskurs") that say nothing about what the text is about.
 */
const NEVER_PARTS = new Set(['år']);

/**
 * What a text holds below its whole words, for search: the compound parts and the derivational roots
 * of every word, stemmed ("storstädning" → storstäd, stor, städning, städ; "cykelverkstad" → cykel,
 * verkstad). The whole words themselves are left out: the database's Swedish stemmer already has them.
 * Stop words never count. Sorted and without repeats, so the same text always gives the same string.
 */
export function searchParts(text: string, decompounder: Decompounder): string[] {
  const parts = new Set<string>();
  for (const term of analyse(text, decompounder, true)) {
    // A part's stem can be a stop word its surface was not ("förs" in "förskola" stems to "för").
    if (term.depth > 0 && !NEVER_PARTS.has(term.term) && tokenize(term.term)[0] === term.term) parts.add(term.term);
  }
  return [...parts].sort();
}

/**
 * What one query word is looked for among the parts: its stem as a prefix and its derivational root
 * as a whole ("städning" → städning…, städ). Empty for a stop word or a word too short to analyse.
 */
export function queryParts(word: string): { prefixes: string[]; exact: string[] } {
  const [token] = tokenize(word);
  if (token === undefined || NEVER_PARTS.has(token)) return { prefixes: [], exact: [] };
  const stemmed = stem(token);
  const root = derivationalRoot(stemmed);
  return { prefixes: [stemmed], exact: root && !NEVER_PARTS.has(root) ? [root] : [] };
}
