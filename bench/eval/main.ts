/**
 * Offline evaluation of the matcher (`npm run eval:matching`): supplier profiles from procurements won
 * before 2021-05-01, every candidate supplier ranked for each procurement published 2021-05-01 – 06-30,
 * and the rank of the actual winner measured against simple baselines. Writes the result between the
 * eval:matching markers of docs/performance.md and prints it.
 */
import path from 'node:path';
import { ALGORITHM_VERSION, RANKER, RANKER_2026_11, ScoringModel } from '@samverka/scoring';
import { loadScoringReference } from '../../libs/features/matching/scoring-reference.js';
import { Baselines } from './baselines.js';
import { findProjectRoot, loadDataset, SPLIT, type Procurement } from './dataset.js';
import { bestRank, metricsOf, type CandidateScores, type Metrics } from './metrics.js';
import { writeMarkedSection } from '../performance-doc.js';
import { renderReport, type MethodResult } from './report.js';
import { SamverkaRanker } from './samverka.js';

const COMMAND = 'npm run eval:matching';
const CATEGORIES = ['Tjänster', 'Varor', 'Byggentreprenader'];
const UNKNOWN_CATEGORY = '(not stated)';
/** A winner with at most this many history wins is a newcomer. */
const NEWCOMER_MAX_WINS = 2;

const METHODS = ['Samverka 2026.12', 'Samverka 2026.11', 'Popularity', 'CPV only', 'Text only (TF-IDF)', 'CPV + title + geography'] as const;
type MethodName = (typeof METHODS)[number];

function dayBefore(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

function main(): void {
  const started = performance.now();
  const root = findProjectRoot(import.meta.dirname);
  const dataDir = path.join(root, 'data');

  const reference = loadScoringReference(dataDir);
  const data = loadDataset(dataDir);
  const index = new Map(data.suppliers.map((s, i) => [s.key, i]));
  const samverka = new SamverkaRanker(new ScoringModel(reference, RANKER), data.suppliers);
  const previous = new SamverkaRanker(new ScoringModel(reference, RANKER_2026_11), data.suppliers);
  const baselines = new Baselines(data.suppliers);

  const methods: Record<MethodName, (p: Procurement) => CandidateScores> = {
    'Samverka 2026.12': (p) => samverka.scores(p),
    'Samverka 2026.11': (p) => previous.scores(p),
    Popularity: () => baselines.popularityScores(),
    'CPV only': (p) => baselines.cpvScores(p),
    'Text only (TF-IDF)': (p) => baselines.textScores(p),
    'CPV + title + geography': (p) => baselines.combinedScores(p),
  };

  // Newcomers: winners with at most NEWCOMER_MAX_WINS history wins; their procurements are ranked by the best of them.
  const ranks = new Map<MethodName, (number | null)[]>(METHODS.map((m) => [m, []]));
  const newcomerRanks = new Map<MethodName, (number | null)[]>(METHODS.map((m) => [m, []]));
  for (const p of data.answerable) {
    const winners = p.winners.map((w) => index.get(w)).filter((i): i is number => i !== undefined);
    const newcomers = winners.filter((i) => data.suppliers[i].wins.length <= NEWCOMER_MAX_WINS);
    for (const m of METHODS) {
      const scores = methods[m](p);
      ranks.get(m)!.push(bestRank(scores, winners));
      if (newcomers.length > 0) newcomerRanks.get(m)!.push(bestRank(scores, newcomers));
    }
  }
  for (const s of [samverka, previous]) if (s.mismatches > 0) throw new Error(`rankProfiles disagreed with the full scan for ${s.mismatches} procurements`);

  const categoryOf = (p: Procurement) => (CATEGORIES.includes(p.contractCategory) ? p.contractCategory : UNKNOWN_CATEGORY);
  const categories = [...CATEGORIES, UNKNOWN_CATEGORY].filter((c) => data.answerable.some((p) => categoryOf(p) === c));
  const results: MethodResult[] = METHODS.map((name) => {
    const r = ranks.get(name)!;
    const byCategory = new Map<string, Metrics>();
    for (const c of categories) byCategory.set(c, metricsOf(r.filter((_, k) => categoryOf(data.answerable[k]) === c)));
    return { name, metrics: metricsOf(r), byCategory, newcomers: metricsOf(newcomerRanks.get(name)!) };
  });

  const inTop10 = (r: number | null) => r !== null && r <= 10;
  const headToHead = (x: MethodName, y: MethodName) => {
    const a = ranks.get(x)!;
    const b = ranks.get(y)!;
    return { a: x, b: y, onlyA: a.filter((r, k) => inTop10(r) && !inTop10(b[k])).length, onlyB: a.filter((r, k) => !inTop10(r) && inTop10(b[k])).length };
  };

  const history = data.history;
  const report = renderReport({
    runDate: new Date().toISOString().slice(0, 10),
    algorithmVersion: ALGORITHM_VERSION,
    command: COMMAND,
    split: {
      historyFrom: history.length > 0 ? history[0].publicationDate : SPLIT.historyBefore,
      historyTo: dayBefore(SPLIT.historyBefore),
      testFrom: SPLIT.testFrom,
      testTo: SPLIT.testTo,
    },
    counts: {
      procurements: data.stats.procurements,
      history: history.length,
      historyWithWinners: data.stats.historyWithWinners,
      testWindow: data.stats.testWindow,
      test: data.test.length,
      answerable: data.answerable.length,
      candidates: data.suppliers.length,
      crossCheckAgree: data.stats.crossCheckAgree,
      crossCheckDisagree: data.stats.crossCheckDisagree,
      rawSupplierNames: data.stats.rawSupplierNames,
      supplierKeys: data.stats.supplierKeys,
      placeholderWinnerMentions: data.stats.placeholderWinnerMentions,
    },
    methods: results,
    headToHead: [headToHead('Samverka 2026.12', 'Samverka 2026.11'), headToHead('Samverka 2026.12', 'CPV + title + geography')],
    newcomerMaxWins: NEWCOMER_MAX_WINS,
    categoryMethods: ['Samverka 2026.12', 'Samverka 2026.11', 'CPV + title + geography'],
    categories,
  });

  const docs = writeMarkedSection(root, 'eval:matching', report);
  console.log(report);
  console.log(`\nWritten to ${path.relative(process.cwd(), docs) || docs} in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}

main();
