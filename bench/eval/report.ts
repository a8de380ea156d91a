import { CUTOFFS, type Metrics } from './metrics.js';

export const ATTRIBUTION = 'Uppgifter: Upphandlingsmyndigheten, statistikdatabasen (referensår 2021) | Bearbetning: Samverka';

export interface MethodResult {
  name: string;
  metrics: Metrics;
  byCategory: Map<string, Metrics>;
  /** Procurements with a newcomer among the winners, ranked by the best-ranked newcomer. */
  newcomers: Metrics;
}

export interface ReportInput {
  runDate: string;
  algorithmVersion: string;
  command: string;
  split: { historyFrom: string; historyTo: string; testFrom: string; testTo: string };
  counts: {
    procurements: number;
    history: number;
    historyWithWinners: number;
    testWindow: number;
    test: number;
    answerable: number;
    candidates: number;
    crossCheckAgree: number;
    crossCheckDisagree: number;
    rawSupplierNames: number;
    supplierKeys: number;
    placeholderWinnerMentions: number;
  };
  methods: MethodResult[];
  /** Recall@10 head to head (paired): procurements only the first / only the second method has a winner in its top 10 for. */
  headToHead: { a: string; b: string; onlyA: number; onlyB: number }[];
  newcomerMaxWins: number;
  /** Methods compared per contract category. */
  categoryMethods: string[];
  categories: string[];
}

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
const num = (x: number) => x.toLocaleString('en-US');

/** McNemar's exact test: two-sided binomial p of the discordant pairs (b, c) under p = ½. */
export function mcnemarExactP(b: number, c: number): number {
  const n = b + c;
  if (n === 0) return 1;
  const k = Math.min(b, c);
  // log C(n, i) − n log 2, summed in the tail.
  let logTerm = -n * Math.LN2;
  let tail = 0;
  for (let i = 0; i <= k; i++) {
    if (i > 0) logTerm += Math.log(n - i + 1) - Math.log(i);
    tail += Math.exp(logTerm);
  }
  return Math.min(1, 2 * tail);
}

function formatP(p: number): string {
  return p < 0.0001 ? p.toExponential(1) : p.toFixed(4);
}

export function renderReport(r: ReportInput): string {
  const c = r.counts;
  const lines: string[] = [];
  lines.push('## Matching: offline evaluation on Swedish procurements (first half of 2021)');
  lines.push('');
  lines.push(`Run ${r.runDate} · algorithm \`${r.algorithmVersion}\` · reproduce with \`${r.command}\` (code in \`bench/eval/\`, data in \`data/dev/\`, see \`data/README.md\`).`);
  lines.push('');
  lines.push(`> ${ATTRIBUTION}`);
  lines.push('');
  lines.push(
    `**Split by publication date.** History: procurements published ${r.split.historyFrom} – ${r.split.historyTo} ` +
      `(${num(c.history)}, of which ${num(c.historyWithWinners)} with a named winner). ` +
      `Test: published ${r.split.testFrom} – ${r.split.testTo} with at least one named winner ` +
      `(${num(c.test)} of the ${num(c.testWindow)} published then); **${num(c.answerable)} answerable** ` +
      `(a winner has a history profile; ${pct(c.answerable / c.test)} of the test set). ` +
      `**${num(c.candidates)} candidate suppliers** (every supplier with a history win) are ranked for each answerable procurement.`,
  );
  lines.push('');
  lines.push(
    `Suppliers are identified by normalised name (NFC, case-folded, punctuation and whitespace normalised, ` +
      `legal-form suffixes such as AB, (publ), Aktiebolag, ekonomisk förening stripped at the end): ` +
      `${num(c.rawSupplierNames)} spellings → ${num(c.supplierKeys)} suppliers; ${num(c.placeholderWinnerMentions)} withheld natural persons left out. ` +
      `Winners from \`supplier_names\` agree with the suppliers file for ${num(c.crossCheckAgree)} of ${num(c.procurements)} procurements` +
      (c.crossCheckDisagree > 0 ? ` (${num(c.crossCheckDisagree)} disagree)` : '') +
      '.',
  );
  lines.push('');
  lines.push(
    `Recall@k: share of answerable procurements with an actual winner among the first k; MRR: mean of 1/rank of the best-ranked winner ` +
      `(0 when no winner is ranked). Samverka ranks only matching pairs (text or CPV in common): "not ranked" counts those where it ranks no winner at all.`,
  );
  lines.push('');
  lines.push(`| Method | Recall@1 | Recall@5 | Recall@10 | Recall@50 | MRR | Not ranked |`);
  lines.push(`|---|---:|---:|---:|---:|---:|---:|`);
  for (const m of r.methods) {
    const x = m.metrics;
    lines.push(`| ${m.name} | ${CUTOFFS.map((k) => pct(x.recall[k])).join(' | ')} | ${x.mrr.toFixed(3)} | ${num(x.unranked)} |`);
  }
  lines.push('');
  const newcomers = r.methods[0].newcomers.n;
  lines.push(
    `Newcomers: the ${num(newcomers)} answerable procurements won by a supplier with at most ${r.newcomerMaxWins} history wins, ` + `ranked by the best-ranked such winner:`,
  );
  lines.push('');
  lines.push(`| Method | Recall@10, newcomers | MRR, newcomers |`);
  lines.push(`|---|---:|---:|`);
  for (const m of r.methods) lines.push(`| ${m.name} | ${pct(m.newcomers.recall[10])} | ${m.newcomers.mrr.toFixed(3)} |`);
  lines.push('');
  lines.push('Head to head at recall@10 (McNemar test on the procurements where exactly one of the two has a winner in its top 10):');
  lines.push('');
  for (const h of r.headToHead) {
    const mcnemar = h.onlyA + h.onlyB > 0 ? (Math.abs(h.onlyA - h.onlyB) - 1) ** 2 / (h.onlyA + h.onlyB) : 0;
    lines.push(
      `- ${h.a} only: ${num(h.onlyA)}, ${h.b} only: ${num(h.onlyB)}; χ² with continuity correction = ${mcnemar.toFixed(1)} (1 d.f.), ` +
        `exact two-sided p = ${formatP(mcnemarExactP(h.onlyA, h.onlyB))}${mcnemarExactP(h.onlyA, h.onlyB) < 0.05 ? ' (significant at 5 %)' : ' (not significant at 5 %)'}.`,
    );
  }
  lines.push('');
  lines.push(`Recall@10 by contract category:`);
  lines.push('');
  lines.push(`| Contract category | Answerable | ${r.categoryMethods.join(' | ')} |`);
  lines.push(`|---|---:|${r.categoryMethods.map(() => '---:').join('|')}|`);
  for (const category of r.categories) {
    const cells = r.categoryMethods.map((name) => {
      const m = r.methods.find((x) => x.name === name)?.byCategory.get(category);
      return m ? pct(m.recall[10]) : '–';
    });
    const n = r.methods[0].byCategory.get(category)?.n ?? 0;
    lines.push(`| ${category} | ${num(n)} | ${cells.join(' | ')} |`);
  }
  lines.push('');
  lines.push(
    'Profiles come from history wins only: services = the distinct titles won, description = the SNI label(s), CPV codes, ' +
      'municipalities and counties of the buyers, the largest contract value, and the track record (wins, buyers once per win, their places, the main CPV code of each win). ' +
      'Samverka 2026.12 ranks with weights learned from March–April 2021 only (`npm run train:matching`, see libs/scoring/src/model/ranker-2026.12.ts); ' +
      'Samverka 2026.11 is the previous hand-set weighting, on the same features. ' +
      'A test procurement is a need with its title, main CPV code, buyer, municipality/county and no budget (not known before the award). ' +
      'Baselines: popularity = most history wins first; CPV only = shared leading CPV digits (same code 1; 5/4/3/2 digits 0.8/0.6/0.4/0.2); ' +
      "text only = TF-IDF cosine of the title against the supplier's won titles (plain lower-cased words); " +
      'CPV + title + geography = 0.5·CPV + 0.35·text + 0.15·(same municipality 1, same county 0.5). Baselines break ties by popularity.',
  );
  return lines.join('\n');
}
