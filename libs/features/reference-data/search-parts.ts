import { SEARCH_PARTS_VERSION, searchParts } from '@samverka/scoring';
import { swedishDecompounder } from './swedish-language.js';

/** A row's search parts: the `search_parts` text of its searchable texts, and the version they were computed with. */
export function searchPartsOf(...texts: readonly (string | null | undefined)[]): { searchParts: string; searchPartsVersion: number } {
  const text = texts.filter((t): t is string => typeof t === 'string' && t.length > 0).join('\n');
  return { searchParts: searchParts(text, swedishDecompounder()).join(' '), searchPartsVersion: SEARCH_PARTS_VERSION };
}
