import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { NeedInput, ProfileInput } from '@samverka/scoring';
import { isPlaceholderSupplier, normaliseSupplierName } from './supplier-name.js';

/** The split, by publication date (ISO dates compare as strings). Never at random. */
export const SPLIT = {
  /** History: procurements published before this day. */
  historyBefore: '2021-05-01',
  /** Test: procurements published from … to (inclusive) with at least one winner. */
  testFrom: '2021-05-01',
  testTo: '2021-06-30',
} as const;

export const PROCUREMENTS_FILE = 'dev/se_procurements_2021_h1.csv';
export const SUPPLIERS_FILE = 'dev/se_procurement_suppliers_2021_h1.csv';

export interface Procurement {
  id: string;
  publicationDate: string;
  title: string;
  buyerOrgNumber: string;
  municipalityCode: string | null;
  countyCode: string | null;
  /** Tjänster, Varor, Byggentreprenader, or '' when the notice does not say. */
  contractCategory: string;
  /** 8 digits, or '' when the notice has none. */
  mainCpv: string;
  contractedValueSek: number | null;
  /** Normalised supplier keys of the winners, distinct, withheld natural persons left out. */
  winners: string[];
}

export interface Supplier {
  /** The normalised name: the supplier's identity and the profile's organisationId. */
  key: string;
  /** The spellings seen in history. */
  names: string[];
  /** History procurements won, by date then id. */
  wins: Procurement[];
  sniLabels: string[];
  legalForms: string[];
}

export interface EvalDataset {
  history: Procurement[];
  /** Published in the test window with at least one (identified) winner. */
  test: Procurement[];
  /** Test procurements with at least one winner that has a history profile. */
  answerable: Procurement[];
  /** Candidate suppliers (at least one history win), sorted by key (code-unit order, as the matcher breaks ties). */
  suppliers: Supplier[];
  stats: {
    procurements: number;
    historyWithWinners: number;
    testWindow: number;
    crossCheckAgree: number;
    crossCheckDisagree: number;
    placeholderWinnerMentions: number;
    rawSupplierNames: number;
    supplierKeys: number;
    testOnlyPlaceholderWinners: number;
  };
}

/** The project root: the first directory above `from` with data/cpv.csv (from bench/eval, dist/bench/eval or a scratch build alike). */
export function findProjectRoot(from: string): string {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'data', 'cpv.csv'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no directory above ${from} has data/cpv.csv`);
  }
}

type Row = Record<string, string>;

function readCsv(file: string): Row[] {
  // Every column as a string: codes have leading zeros.
  return parse(fs.readFileSync(file), { columns: true, skip_empty_lines: true, cast: false, bom: true }) as Row[];
}

const byDateThenId = (a: Procurement, b: Procurement) =>
  a.publicationDate < b.publicationDate ? -1 : a.publicationDate > b.publicationDate ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

const distinct = (values: Iterable<string>) => [...new Set(values)];

export interface Split {
  historyBefore: string;
  testFrom: string;
  testTo: string;
}

/** The dataset for a split (the evaluation's own by default; training uses earlier ones). */
export function loadDataset(dataDir: string, split: Split = SPLIT): EvalDataset {
  const procurementRows = readCsv(path.join(dataDir, PROCUREMENTS_FILE));
  const supplierRows = readCsv(path.join(dataDir, SUPPLIERS_FILE));

  // Cross-check: the winners named in the procurement file against the suppliers file's rows.
  const fileNames = new Map<string, Set<string>>();
  for (const r of supplierRows) {
    let names = fileNames.get(r.procurement_id);
    if (!names) fileNames.set(r.procurement_id, (names = new Set()));
    names.add(r.supplier_name.trim());
  }

  let crossCheckAgree = 0;
  let crossCheckDisagree = 0;
  let placeholderWinnerMentions = 0;
  const rawNames = new Set<string>();
  const procurements: Procurement[] = [];
  const placeholderOnly = new Set<string>();
  for (const r of procurementRows) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(r.publication_date)) throw new Error(`${r.procurement_id}: bad publication_date "${r.publication_date}"`);
    const named = distinct(
      r.supplier_names
        .split('|')
        .map((n) => n.trim())
        .filter((n) => n !== ''),
    );
    const inFile = fileNames.get(r.procurement_id) ?? new Set<string>();
    if (named.length === inFile.size && named.every((n) => inFile.has(n))) crossCheckAgree++;
    else crossCheckDisagree++;
    const winners: string[] = [];
    for (const name of named) {
      if (isPlaceholderSupplier(name)) {
        placeholderWinnerMentions++;
        continue;
      }
      rawNames.add(name);
      const key = normaliseSupplierName(name);
      if (key !== '' && !winners.includes(key)) winners.push(key);
    }
    if (named.length > 0 && winners.length === 0) placeholderOnly.add(r.procurement_id);
    const value = r.contracted_value_sek.trim();
    procurements.push({
      id: r.procurement_id,
      publicationDate: r.publication_date,
      title: r.title.trim(),
      buyerOrgNumber: r.buyer_org_number.trim(),
      municipalityCode: r.buyer_municipality_code.trim() || null,
      countyCode: r.buyer_county_code.trim() || null,
      contractCategory: r.contract_category.trim(),
      mainCpv: r.main_cpv.trim(),
      contractedValueSek: value !== '' && Number.isFinite(Number(value)) ? Number(value) : null,
      winners: winners.sort(),
    });
  }
  procurements.sort(byDateThenId);

  const history = procurements.filter((p) => p.publicationDate < split.historyBefore);
  const testWindow = procurements.filter((p) => p.publicationDate >= split.testFrom && p.publicationDate <= split.testTo);
  const test = testWindow.filter((p) => p.winners.length > 0);

  // Suppliers from their history wins.
  const suppliersByKey = new Map<string, Supplier>();
  const historyIds = new Set<string>();
  for (const p of history) {
    if (p.winners.length === 0) continue;
    historyIds.add(p.id);
    for (const key of p.winners) {
      let s = suppliersByKey.get(key);
      if (!s) suppliersByKey.set(key, (s = { key, names: [], wins: [], sniLabels: [], legalForms: [] }));
      s.wins.push(p);
    }
  }
  // SNI label and legal form from the suppliers file's rows of history procurements only.
  for (const r of supplierRows) {
    if (!historyIds.has(r.procurement_id) || isPlaceholderSupplier(r.supplier_name)) continue;
    const s = suppliersByKey.get(normaliseSupplierName(r.supplier_name));
    if (!s) continue;
    const name = r.supplier_name.trim();
    if (!s.names.includes(name)) s.names.push(name);
    const sni = r.supplier_sni_label.trim();
    if (sni !== '' && !s.sniLabels.includes(sni)) s.sniLabels.push(sni);
    const form = r.supplier_legal_form.trim();
    if (form !== '' && !s.legalForms.includes(form)) s.legalForms.push(form);
  }
  const suppliers = [...suppliersByKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const s of suppliers) {
    s.names.sort();
    s.sniLabels.sort();
    s.legalForms.sort();
  }

  const answerable = test.filter((p) => p.winners.some((w) => suppliersByKey.has(w)));
  return {
    history,
    test,
    answerable,
    suppliers,
    stats: {
      procurements: procurements.length,
      historyWithWinners: historyIds.size,
      testWindow: testWindow.length,
      crossCheckAgree,
      crossCheckDisagree,
      placeholderWinnerMentions,
      rawSupplierNames: rawNames.size,
      supplierKeys: new Set([...rawNames].map(normaliseSupplierName)).size,
      testOnlyPlaceholderWinners: testWindow.filter((p) => placeholderOnly.has(p.id)).length,
    },
  };
}

/** An idéburen organisation: a non-profit association or a foundation. */
export function isIdeburen(legalForms: readonly string[]): boolean {
  return legalForms.some((f) => f === 'Ideella föreningar' || /stiftelse/iu.test(f));
}

/** The supplier as the matcher sees an enterprise: what its history wins say about it. */
export function supplierProfile(s: Supplier): ProfileInput {
  const values = s.wins.map((p) => p.contractedValueSek).filter((v): v is number => v !== null);
  // One buyer per win: repeat wins with a buyer count.
  const buyers = s.wins.map((p) => p.buyerOrgNumber).filter((b) => b !== '');
  const municipalities = distinct(s.wins.map((p) => p.municipalityCode).filter((c): c is string => c !== null));
  const counties = distinct(s.wins.map((p) => p.countyCode).filter((c): c is string => c !== null));
  return {
    organizationId: s.key,
    services: distinct(s.wins.map((p) => p.title).filter((t) => t !== '')).join('. '),
    description: s.sniLabels.join('. '),
    cpvCodes: distinct(s.wins.map((p) => p.mainCpv).filter((c) => c !== '')),
    sdgs: [],
    nationwide: false,
    municipalityCodes: municipalities,
    countyCodes: counties,
    maxContractSek: values.length > 0 ? Math.max(...values) : null,
    ideburen: isIdeburen(s.legalForms),
    workIntegrating: false,
    farFromLabourMarketShare: null,
    // Earlier wins are contracts delivered; the register says nothing of their impact.
    trackRecord: {
      completed: s.wins.length,
      completedWithImpact: 0,
      ongoingWithImpact: 0,
      buyerOrganizationIds: buyers,
      buyerMunicipalityCodes: municipalities,
      buyerCountyCodes: counties,
      // One code per win: the field of each contract delivered.
      partnershipCpvCodes: s.wins.map((p) => p.mainCpv).filter((c) => c !== ''),
    },
  };
}

/** The test procurement as a need, with only what was known before the award (no budget). */
export function procurementNeed(p: Procurement): NeedInput {
  return {
    id: p.id,
    buyerOrganizationId: p.buyerOrgNumber,
    title: p.title,
    description: '',
    cpvCodes: p.mainCpv !== '' ? [p.mainCpv] : [],
    sdgs: [],
    municipalityCode: p.municipalityCode,
    countyCode: p.countyCode,
    budgetMinSek: null,
    budgetMaxSek: null,
    form: 'PUBLIC_PROCUREMENT',
  };
}
