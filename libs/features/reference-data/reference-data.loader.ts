import { type DatabaseOpenHook, StartupError } from '@samverka/engine';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * Loads the reference data files (data/*.csv) into their tables. Each file's sha256 is kept in
 * reference_data_version: a table is reloaded only when its file changed, so a start with unchanged files
 * reads four files and one small table and writes nothing.
 *
 * Rows are upserted, never deleted: other tables refer to counties, municipalities and CPV codes, and a
 * code that leaves a file (which the sources have not done since 2008 for CPV, 2003 for municipalities)
 * must stay for the rows that still name it.
 */

export type ReferenceDataset = 'county' | 'municipality' | 'sdg' | 'cpv_code';

interface DatasetSpec {
  dataset: ReferenceDataset;
  file: string;
  /** The file's header, exactly. */
  header: string[];
  /** The table's columns, in the order of the values validation produces. */
  columns: string[];
  key: string;
}

/** In load order: a county before its municipalities (sdg and cpv_code stand alone). */
const DATASETS: readonly DatasetSpec[] = [
  {
    dataset: 'county',
    file: 'regions.csv',
    header: ['county_code', 'county_name', 'county_name_short', 'regional_authority_name', 'municipality_count', 'lat', 'lon', 'coordinate_type'],
    columns: ['code', 'name', 'short_name', 'regional_authority_name', 'lat', 'lon'],
    key: 'code',
  },
  {
    dataset: 'municipality',
    file: 'municipalities.csv',
    header: ['municipality_code', 'municipality_name', 'county_code', 'county_name', 'lat', 'lon', 'coordinate_type', 'boundary_area_km2'],
    columns: ['code', 'name', 'county_code', 'lat', 'lon'],
    key: 'code',
  },
  {
    dataset: 'sdg',
    file: 'sdg.csv',
    header: ['goal_number', 'title_en', 'title_sv', 'goal_statement_en', 'goal_statement_sv', 'color_hex'],
    columns: ['number', 'title_en', 'title_sv', 'statement_en', 'statement_sv', 'color'],
    key: 'number',
  },
  {
    dataset: 'cpv_code',
    file: 'cpv.csv',
    header: ['code', 'code8', 'label_en', 'label_sv', 'level', 'level_name', 'parent_code', 'division'],
    columns: ['code', 'code8', 'label_en', 'label_sv', 'level', 'parent_code', 'division'],
    key: 'code',
  },
];

/** The file whose presence marks the data folder. */
const MARKER = path.join('data', 'cpv.csv');
/** Serialises loads between processes that start together (api replicas and workers). */
const LOAD_LOCK_KEY = 7_316_202_612;
/** Rows per INSERT: 1,000 rows of at most 7 columns stay far below PostgreSQL's 65,535 parameters. */
const BATCH_ROWS = 1000;
/** A generous box around Sweden: catches a swapped lat/lon or a coordinate in the wrong system. */
const SWEDEN = { lat: [55, 70], lon: [10, 25] } as const;
const LEVEL_NAMES: Record<number, string> = { 1: 'division', 2: 'group', 3: 'class', 4: 'category' };

/** A reference data file is missing or breaks a rule; the message lists what to fix. */
export class ReferenceDataError extends StartupError {
  override name = 'ReferenceDataError';
}

export interface ReferenceDataLoadResult {
  /** Per dataset, in load order; `written` is 0 and `reloaded` false when the file had not changed. */
  datasets: { dataset: ReferenceDataset; file: string; rows: number; reloaded: boolean; written: number }[];
  /** Rows inserted or changed in all tables (rows already equal to the file are not rewritten). */
  written: number;
  durationMs: number;
}

export interface LoadReferenceDataOptions {
  /** The folder with the CSV files; by default the `data` folder found by findReferenceDataDir(). */
  dataDir?: string;
}

/**
 * The `data` folder of the checkout or installation: the first directory above `from` that has
 * data/cpv.csv. From libs/features/reference-data (Jest) and from dist/libs/features/reference-data
 * (after a build) alike, that is the project root's data/.
 */
export function findReferenceDataDir(from: string = import.meta.dirname): string {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, MARKER))) return path.join(dir, 'data');
    if (path.dirname(dir) === dir) break;
  }
  throw new ReferenceDataError(
    `The reference data folder is missing: no directory above ${from} has ${MARKER}. ` +
      'The data/ folder of the repository must be next to dist/ (copy it along with dist/ when you deploy).',
  );
}

/** Loads every changed reference data file; see the top of this file. */
export async function loadReferenceData(dataSource: DataSource, options: LoadReferenceDataOptions = {}): Promise<ReferenceDataLoadResult> {
  const started = Date.now();
  const dataDir = options.dataDir ?? findReferenceDataDir();
  const files = DATASETS.map((spec) => readFile(dataDir, spec));
  const summary = (rows: Map<ReferenceDataset, number>, written: Map<ReferenceDataset, number>): ReferenceDataLoadResult => {
    const datasets = files.map(({ spec }) => ({
      dataset: spec.dataset,
      file: spec.file,
      rows: rows.get(spec.dataset) ?? 0,
      reloaded: written.has(spec.dataset),
      written: written.get(spec.dataset) ?? 0,
    }));
    return { datasets, written: datasets.reduce((sum, d) => sum + d.written, 0), durationMs: Date.now() - started };
  };

  // The usual start: nothing changed, so nothing to parse (a few hundred milliseconds saved) and no transaction.
  const loaded = await loadedVersions(dataSource.manager);
  if (files.every((f) => loaded.get(f.spec.dataset)?.checksum === f.checksum)) {
    return summary(new Map([...loaded].map(([dataset, v]) => [dataset as ReferenceDataset, v.rowCount])), new Map());
  }

  // Every file is validated, changed or not: municipalities are checked against the counties' file.
  const rows = validate(files.map(parseFile));
  const written = await dataSource.transaction(async (manager) => {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [LOAD_LOCK_KEY]);
    // Another process may have loaded the same files while this one waited for the lock.
    const current = await loadedVersions(manager);
    const counts = new Map<ReferenceDataset, number>();
    for (const { spec, checksum } of files) {
      if (current.get(spec.dataset)?.checksum === checksum) continue;
      const values = rows.get(spec.dataset)!;
      counts.set(spec.dataset, await upsert(manager, spec, values));
      await manager.query(
        `INSERT INTO reference_data_version (dataset, checksum, row_count, loaded_at) VALUES ($1, $2, $3, now())
         ON CONFLICT (dataset) DO UPDATE SET checksum = EXCLUDED.checksum, row_count = EXCLUDED.row_count, loaded_at = EXCLUDED.loaded_at`,
        [spec.dataset, checksum, values.length],
      );
    }
    return counts;
  });
  return summary(new Map([...rows].map(([dataset, values]) => [dataset, values.length])), written);
}

interface DataFile {
  spec: DatasetSpec;
  content: Buffer;
  checksum: string;
}

interface ParsedFile {
  spec: DatasetSpec;
  /** The records after the header, with the line each starts on. */
  records: { record: string[]; info: { lines: number } }[];
}

function readFile(dataDir: string, spec: DatasetSpec): DataFile {
  const file = path.join(dataDir, spec.file);
  try {
    const content = fs.readFileSync(file);
    return { spec, content, checksum: createHash('sha256').update(content).digest('hex') };
  } catch (error) {
    throw new ReferenceDataError(`The reference data file ${file} cannot be read: ${(error as Error).message}`);
  }
}

function parseFile({ spec, content }: DataFile): ParsedFile {
  let records: ParsedFile['records'];
  try {
    // Every value stays a string: codes have leading zeros (0180, 01, 03000000-1).
    records = parse(content, { bom: true, skip_empty_lines: true, info: true }) as unknown as ParsedFile['records'];
  } catch (error) {
    throw new ReferenceDataError(`${spec.file} is not valid CSV: ${(error as Error).message}`);
  }
  const header = records.shift()?.record ?? [];
  if (header.join(',') !== spec.header.join(',')) {
    throw new ReferenceDataError(`${spec.file} must have the header ${spec.header.join(',')} (it has ${header.join(',') || 'none'})`);
  }
  return { spec, records };
}

async function loadedVersions(manager: EntityManager): Promise<Map<string, { checksum: string; rowCount: number }>> {
  const rows: { dataset: string; checksum: string; row_count: number }[] = await manager.query(`SELECT dataset, checksum, row_count FROM reference_data_version`);
  return new Map(rows.map((r) => [r.dataset, { checksum: r.checksum, rowCount: r.row_count }]));
}

/**
 * Inserts the rows, or updates those that differ, in batches; returns how many rows it wrote. The rows come
 * in load order (CPV parents before their children), so each batch's references already exist.
 */
async function upsert(manager: EntityManager, spec: DatasetSpec, rows: unknown[][]): Promise<number> {
  const updated = spec.columns.filter((c) => c !== spec.key);
  let written = 0;
  for (let start = 0; start < rows.length; start += BATCH_ROWS) {
    const batch = rows.slice(start, start + BATCH_ROWS);
    const values = batch.map((_, r) => `(${spec.columns.map((_, c) => `$${r * spec.columns.length + c + 1}`).join(', ')})`);
    const result: unknown[] = await manager.query(
      `INSERT INTO ${spec.dataset} (${spec.columns.join(', ')}) VALUES ${values.join(', ')}
       ON CONFLICT (${spec.key}) DO UPDATE SET ${updated.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}
       WHERE (${updated.map((c) => `${spec.dataset}.${c}`).join(', ')}) IS DISTINCT FROM (${updated.map((c) => `EXCLUDED.${c}`).join(', ')})
       RETURNING 1`,
      batch.flat(),
    );
    written += result.length;
  }
  return written;
}

/** Problems found in the files, reported all at once (up to a point) with file and line. */
class Problems {
  private readonly list: string[] = [];

  add(file: string, line: number, problem: string): void {
    this.list.push(`${file} line ${line}: ${problem}`);
  }

  addFile(file: string, problem: string): void {
    this.list.push(`${file}: ${problem}`);
  }

  throwIfAny(): void {
    if (this.list.length === 0) return;
    const shown = this.list.slice(0, 20);
    const more = this.list.length > shown.length ? `\n  … and ${this.list.length - shown.length} more` : '';
    throw new ReferenceDataError(`The reference data files break ${this.list.length} rule(s):\n  ${shown.join('\n  ')}${more}`);
  }
}

/** Checks every row of every file; returns each dataset's rows as the table's column values, in load order. */
function validate(files: ParsedFile[]): Map<ReferenceDataset, unknown[][]> {
  const problems = new Problems();
  const byDataset = new Map(files.map((f) => [f.spec.dataset, f]));
  const counties = validateCounties(byDataset.get('county')!, problems);
  const municipalities = validateMunicipalities(byDataset.get('municipality')!, counties, problems);
  const sdgs = validateSdgs(byDataset.get('sdg')!, problems);
  const cpv = validateCpv(byDataset.get('cpv_code')!, problems);
  problems.throwIfAny();
  return new Map<ReferenceDataset, unknown[][]>([
    ['county', [...counties.values()].map((c) => c.values)],
    ['municipality', municipalities],
    ['sdg', sdgs],
    ['cpv_code', cpv],
  ]);
}

function validateCounties(file: ParsedFile, problems: Problems): Map<string, { name: string; municipalityCount: number; values: unknown[] }> {
  const counties = new Map<string, { name: string; municipalityCount: number; values: unknown[] }>();
  for (const { record, info } of file.records) {
    const [code, name, shortName, authority, count, lat, lon] = record;
    const at = (problem: string) => problems.add(file.spec.file, info.lines, problem);
    if (!/^\d{2}$/.test(code)) at(`county_code ${JSON.stringify(code)} must be 2 digits`);
    else if (counties.has(code)) at(`county_code ${code} appears twice`);
    requireText(at, { county_name: name, county_name_short: shortName, regional_authority_name: authority });
    if (!/^\d+$/.test(count)) at(`municipality_count ${JSON.stringify(count)} must be a whole number`);
    counties.set(code, { name, municipalityCount: Number(count), values: [code, name, shortName, authority, coordinate(at, 'lat', lat), coordinate(at, 'lon', lon)] });
  }
  if (counties.size === 0) problems.addFile(file.spec.file, 'has no counties');
  return counties;
}

function validateMunicipalities(file: ParsedFile, counties: Map<string, { name: string; municipalityCount: number }>, problems: Problems): unknown[][] {
  const rows: unknown[][] = [];
  const seen = new Set<string>();
  const perCounty = new Map<string, number>();
  for (const { record, info } of file.records) {
    const [code, name, countyCode, countyName, lat, lon] = record;
    const at = (problem: string) => problems.add(file.spec.file, info.lines, problem);
    if (!/^\d{4}$/.test(code)) at(`municipality_code ${JSON.stringify(code)} must be 4 digits`);
    else if (seen.has(code)) at(`municipality_code ${code} appears twice`);
    seen.add(code);
    requireText(at, { municipality_name: name });
    const county = counties.get(countyCode);
    if (!county) at(`county_code ${JSON.stringify(countyCode)} is not a county in regions.csv`);
    else if (county.name !== countyName) at(`county_name ${JSON.stringify(countyName)} differs from regions.csv (${county.name})`);
    if (!code.startsWith(countyCode)) at(`municipality_code ${code} must begin with its county_code ${countyCode}`);
    perCounty.set(countyCode, (perCounty.get(countyCode) ?? 0) + 1);
    rows.push([code, name, countyCode, coordinate(at, 'lat', lat), coordinate(at, 'lon', lon)]);
  }
  // The two files are compiled separately; the counts in regions.csv tie them together.
  for (const [code, county] of counties) {
    const found = perCounty.get(code) ?? 0;
    if (found !== county.municipalityCount) {
      problems.addFile(file.spec.file, `county ${code} has ${found} municipalities, regions.csv says ${county.municipalityCount}`);
    }
  }
  return rows;
}

function validateSdgs(file: ParsedFile, problems: Problems): unknown[][] {
  const rows = new Map<number, unknown[]>();
  for (const { record, info } of file.records) {
    const [number, titleEn, titleSv, statementEn, statementSv, color] = record;
    const at = (problem: string) => problems.add(file.spec.file, info.lines, problem);
    const goal = Number(number);
    if (!/^\d{1,2}$/.test(number) || goal < 1 || goal > 17) at(`goal_number ${JSON.stringify(number)} must be 1 to 17`);
    else if (rows.has(goal)) at(`goal_number ${goal} appears twice`);
    requireText(at, { title_en: titleEn, title_sv: titleSv, goal_statement_en: statementEn, goal_statement_sv: statementSv });
    if (!/^#[0-9A-Fa-f]{6}$/.test(color)) at(`color_hex ${JSON.stringify(color)} must be #RRGGBB`);
    rows.set(goal, [goal, titleEn, titleSv, statementEn, statementSv, color]);
  }
  if (rows.size !== 17) problems.addFile(file.spec.file, `must have the 17 goals once each (it has ${rows.size})`);
  return [...rows.values()];
}

function validateCpv(file: ParsedFile, problems: Problems): unknown[][] {
  type Row = { line: number; code: string; level: number; parentCode: string; values: unknown[] };
  const byCode = new Map<string, Row>();
  const code8s = new Set<string>();
  for (const { record, info } of file.records) {
    const [code, code8, labelEn, labelSv, levelText, levelName, parentCode, division] = record;
    const at = (problem: string) => problems.add(file.spec.file, info.lines, problem);
    if (!/^\d{8}-\d$/.test(code)) at(`code ${JSON.stringify(code)} must be written NNNNNNNN-N`);
    else if (byCode.has(code)) at(`code ${code} appears twice`);
    if (code8 !== code.slice(0, 8)) at(`code8 ${JSON.stringify(code8)} must be the first 8 digits of ${code}`);
    else if (code8s.has(code8)) at(`code8 ${code8} appears twice`);
    code8s.add(code8);
    requireText(at, { label_en: labelEn, label_sv: labelSv });
    const level = Number(levelText);
    if (!/^[1-7]$/.test(levelText)) at(`level ${JSON.stringify(levelText)} must be 1 to 7`);
    else if (levelName !== (LEVEL_NAMES[level] ?? 'subcategory')) at(`level_name ${JSON.stringify(levelName)} does not match level ${level}`);
    if ((level === 1) !== (parentCode === '')) at(level === 1 ? 'a division (level 1) has no parent_code' : 'parent_code is required below level 1');
    if (division !== code.slice(0, 2)) at(`division ${JSON.stringify(division)} must be the first 2 digits of ${code}`);
    byCode.set(code, { line: info.lines, code, level, parentCode, values: [code, code8, labelEn, labelSv, level, parentCode || null, division] });
  }
  for (const row of byCode.values()) {
    if (!row.parentCode) continue;
    const parent = byCode.get(row.parentCode);
    const at = (problem: string) => problems.add(file.spec.file, row.line, problem);
    if (!parent) at(`parent_code ${row.parentCode} of ${row.code} is not in the file`);
    else if (parent.level >= row.level) at(`parent_code ${row.parentCode} (level ${parent.level}) must be at a higher level than ${row.code} (level ${row.level})`);
    else if (parent.code.slice(0, 2) !== row.code.slice(0, 2)) at(`parent_code ${row.parentCode} is in another division than ${row.code}`);
  }
  // Parents before children: a parent is always at a lower level, so level order is enough.
  return [...byCode.values()].sort((a, b) => a.level - b.level || (a.code < b.code ? -1 : 1)).map((r) => r.values);
}

function requireText(at: (problem: string) => void, fields: Record<string, string>): void {
  for (const [column, value] of Object.entries(fields)) {
    if (value.trim() === '') at(`${column} must not be empty`);
    else if (value !== value.trim()) at(`${column} ${JSON.stringify(value)} has spaces at an end`);
  }
}

function coordinate(at: (problem: string) => void, axis: 'lat' | 'lon', text: string): number {
  const value = Number(text);
  const [min, max] = SWEDEN[axis];
  if (text.trim() === '' || !Number.isFinite(value) || value < min || value > max) {
    at(`${axis} ${JSON.stringify(text)} must be a WGS84 ${axis === 'lat' ? 'latitude' : 'longitude'} in Sweden (${min} to ${max})`);
  }
  return value;
}

/** One log line for a load: what was written, or that nothing needed to be. */
export function describeReferenceDataLoad(result: ReferenceDataLoadResult): string {
  const reloaded = result.datasets.filter((d) => d.reloaded);
  if (reloaded.length === 0) {
    return `reference data up to date (${result.datasets.map((d) => `${d.dataset} ${d.rows}`).join(', ')} rows)`;
  }
  const what = reloaded.map((d) => `${d.dataset} ${d.written} of ${d.rows}`).join(', ');
  return `reference data loaded in ${result.durationMs} ms: rows written ${what}`;
}

/** The database open hook: counties, municipalities, SDGs and CPV codes from data/*.csv, written only when a file changed. */
export const loadReferenceDataOnOpen: DatabaseOpenHook = async (database, logger) => {
  logger.log(describeReferenceDataLoad(await loadReferenceData(database.dataSource)));
};
