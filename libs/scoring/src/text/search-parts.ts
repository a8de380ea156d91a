import { analyse, stem, tokenize, type Decompounder } from './swedish-analyzer.js';

/**
 * The version of the search parts below. Rows store the version their parts were computed with; a
 * change to the analyzer or to these rules bumps it, and the stale rows are computed again.
 */
export const SEARCH_PARTS_VERSION = 2;

/**
 * What a text holds below its whole words, for search: the compound parts of every word and the roots
 * of nouns made from verbs, as the dictionary writes them and as stems ("storstädning" → städning,
 * städ, storstäd; "cykelverkstad" → cykel, verkstad, verkst). The whole words themselves are left out:
 * the database's Swedish stemmer already has them. Stop words never count. Sorted and without repeats,
 * so the same text always gives the same string.
 */
export function searchParts(text: string, decompounder: Decompounder): string[] {
  const parts = new Set<string>();
  for (const term of analyse(text, decompounder)) {
    if (term.role === 'word' || term.role === 'lemma') continue;
    for (const form of [term.term, stem(term.term)]) {
      // A part's stem can be a stop word its surface was not ("förs" in "förskola" stems to "för").
      if (tokenize(form)[0] === form) parts.add(form);
    }
  }
  return [...parts].sort();
}

/**
 * What one query word is looked for among the parts: its stem as a prefix, and exactly the dictionary
 * words it inflects and the verb it is made from ("städning" → städning…, städ; "cyklar" → cykl…,
 * cykel). Empty for a stop word.
 */
export function queryParts(word: string, decompounder: Decompounder): { prefixes: string[]; exact: string[] } {
  const [token] = tokenize(word);
  if (token === undefined) return { prefixes: [], exact: [] };
  const exact = new Set<string>();
  for (const lemma of decompounder.lemmas(token)) {
    exact.add(lemma);
    const root = decompounder.verbRoot(lemma);
    if (root) exact.add(root);
  }
  return { prefixes: [stem(token)], exact: [...exact].filter((e) => tokenize(e)[0] === e) };
}
