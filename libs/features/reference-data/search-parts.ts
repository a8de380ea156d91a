import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { SEARCH_PARTS_VERSION, domainDecompounder, searchParts, type Decompounder } from '@samverka/scoring';
import { swedishDictionary } from './cpv-search-data.js';
import { findReferenceDataDir } from './reference-data.loader.js';

let shared: Decompounder | undefined;

/**
 * The decompounder search uses, the matcher's own: the Swedish CPV labels vouch for parts and the
 * words of the Swedish Hunspell dictionary (dictionary-sv) add the rest. Built once per process on
 * first use (a few hundred milliseconds), then memoised.
 */
export function searchDecompounder(): Decompounder {
  if (!shared) {
    const rows = parse(fs.readFileSync(path.join(findReferenceDataDir(), 'cpv.csv')), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
    shared = domainDecompounder(
      rows.map((r) => r.label_sv),
      swedishDictionary(),
    );
  }
  return shared;
}

/** A row's search parts: the `search_parts` text of its searchable texts, and the version they were computed with. */
export function searchPartsOf(...texts: readonly (string | null | undefined)[]): { searchParts: string; searchPartsVersion: number } {
  const text = texts.filter((t): t is string => typeof t === 'string' && t.length > 0).join('\n');
  return { searchParts: searchParts(text, searchDecompounder()).join(' '), searchPartsVersion: SEARCH_PARTS_VERSION };
}
