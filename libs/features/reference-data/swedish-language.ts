import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import dictionary from 'dictionary-sv';
import { domainDecompounder, hunspellEntries, type Decompounder, type DictionaryEntry } from '@samverka/scoring';
import { findReferenceDataDir } from './reference-data.loader.js';

let entries: DictionaryEntry[] | undefined;

/** The words of the Swedish Hunspell dictionary (dictionary-sv) with their flags; read once per process. */
export function swedishDictionary(): DictionaryEntry[] {
  entries ??= hunspellEntries(Buffer.from(dictionary.dic).toString('utf8'));
  return entries;
}

const decompounders = new Map<string, Decompounder>();

/**
 * The process's Swedish decompounder, for the matcher, search and the CPV search alike: the dictionary's
 * compound rules and words, and the Swedish CPV labels of the data folder (data/cpv.csv) to weigh parts
 * by. Built once per data folder on first use (about half a second), then shared.
 */
export function swedishDecompounder(dataDir: string = findReferenceDataDir()): Decompounder {
  let decompounder = decompounders.get(dataDir);
  if (!decompounder) {
    const rows = parse(fs.readFileSync(path.join(dataDir, 'cpv.csv')), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
    decompounder = domainDecompounder(
      rows.map((r) => r.label_sv),
      swedishDictionary(),
    );
    decompounders.set(dataDir, decompounder);
  }
  return decompounder;
}
