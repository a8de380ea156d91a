import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { swedishDecompounder } from './swedish-language.js';
import { CpvSearchIndex, type CpvIndexCode, type CpvSynonym } from './cpv-search-index.js';

/** The file of everyday terms for CPV codes, in the data folder (see data/README.md). */
export const CPV_SYNONYMS_FILE = 'cpv-synonyms.csv';

const CODE = /^\d{8}-\d$/;

function readCsv(file: string): Record<string, string>[] {
  return parse(fs.readFileSync(file), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
}

/** The everyday terms of data/cpv-synonyms.csv: `term`, `codes` (separated by spaces), `note`. */
export function readCpvSynonyms(dataDir: string): CpvSynonym[] {
  const file = path.join(dataDir, CPV_SYNONYMS_FILE);
  return readCsv(file).map((row, i) => {
    const term = (row.term ?? '').trim();
    const codes = (row.codes ?? '').trim().split(/\s+/).filter(Boolean);
    if (!term || codes.length === 0 || !codes.every((c) => CODE.test(c))) {
      throw new Error(`${file}, row ${i + 2}: a term and one or more CPV codes (NNNNNNNN-N, separated by spaces) are required`);
    }
    return { term, codes };
  });
}

/** The CPV codes of data/cpv.csv as the search index needs them. */
export function readCpvIndexCodes(dataDir: string): CpvIndexCode[] {
  return readCsv(path.join(dataDir, 'cpv.csv')).map((r) => ({
    code: r.code,
    labelSv: r.label_sv,
    labelEn: r.label_en,
    level: Number(r.level),
    parentCode: r.parent_code || null,
  }));
}

/** A search index over the CPV codes and everyday terms of a data folder, without the database. */
export function readCpvSearchIndex(dataDir: string): CpvSearchIndex {
  return new CpvSearchIndex(readCpvIndexCodes(dataDir), readCpvSynonyms(dataDir), swedishDecompounder(dataDir));
}
