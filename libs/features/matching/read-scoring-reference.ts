import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { swedishDictionary } from '@samverka/reference-data';
import type { ScoringReference } from '@samverka/scoring';

/**
 * The matcher's reference data from a data/ folder: municipalities, counties and CPV labels (the same
 * files the database is loaded from), and the words of the Swedish Hunspell dictionary
 * (dictionary-sv) to know compound parts by.
 */
export function readScoringReference(dataDir: string): ScoringReference {
  const read = (file: string) => parse(fs.readFileSync(path.join(dataDir, file)), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  return {
    municipalities: read('municipalities.csv').map((r) => ({
      code: r.municipality_code,
      name: r.municipality_name,
      countyCode: r.county_code,
      lat: Number(r.lat),
      lon: Number(r.lon),
    })),
    counties: read('regions.csv').map((r) => ({ code: r.county_code, name: r.county_name, lat: Number(r.lat), lon: Number(r.lon) })),
    cpv: read('cpv.csv').map((r) => ({ code: r.code, labelSv: r.label_sv })),
    dictionary: swedishDictionary(),
  };
}
