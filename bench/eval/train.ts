/**
 * Learns the matcher's weights from history (`npm run train:matching`) and writes them to
 * libs/scoring/src/model/ranker-2026.12.ts. Only procurements published before the evaluation's test
 * window are used: March 2021 with profiles from wins before March, April with profiles from wins before
 * April. Model choice (L2 penalty, same-buyer and same-field saturations) trains on March and validates on April; the
 * chosen setting is then fitted on both months.
 *
 * The model is a pairwise logistic regression with a linear scorer over the kernel's components: for
 * each training procurement, each winner against the candidates the current kernel ranks highest and a
 * deterministic sample of the other matching candidates. Weights are kept non-negative and the track
 * record within TRACK_RECORD_MAX_SHARE, then scaled so that with the SDG and capacity weights (which the
 * register cannot teach: it has neither goals nor budgets) they sum to 1: the score stays a weighted mean,
 * 0–100, that decomposes into weight × value per component.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ProfileBlock, RANKER_2026_11, SLOT, ScoringModel, TRACK_RECORD_MAX_SHARE, TRACK_SLOT, trackRecordShare, type RankerFile, type RankerWeights } from '@samverka/scoring';
import { loadScoringReference } from '../../libs/features/matching/scoring-reference.js';
import { findProjectRoot, loadDataset, procurementNeed, supplierProfile, type EvalDataset, type Split } from './dataset.js';
import { bestRank, metricsOf } from './metrics.js';
import { mulberry32 } from '../support/random.js';

const COMMAND = 'npm run train:matching';
const VERSION = 'samverka-match-2026.12.3';
const MODEL_FILE = 'libs/scoring/src/model/ranker-2026.12.ts';
const FEATURES = ['text', 'category', 'geography', 'trackCount', 'trackSameBuyer', 'trackBuyerArea', 'trackSameField'] as const;
type Feature = (typeof FEATURES)[number];
const D = FEATURES.length;
/** SDG and capacity keep their hand-set weights: the register cannot teach them. */
const FIXED = { sdg: RANKER_2026_11.sdg, capacity: RANKER_2026_11.capacity } as const;

const MARCH: Split = { historyBefore: '2021-03-01', testFrom: '2021-03-01', testTo: '2021-03-31' };
const APRIL: Split = { historyBefore: '2021-04-01', testFrom: '2021-04-01', testTo: '2021-04-30' };
const HARD_NEGATIVES = 40;
const RANDOM_NEGATIVES = 40;
const L2_GRID = [0.0003, 0.003, 0.03] as const;
const SATURATION_GRID = [1, 3, 6] as const;
const FIELD_SATURATION_GRID = [2, 5, 10] as const;
const ITERATIONS = 600;

interface Pairs {
  /** Winner minus negative, D values per pair. */
  diff: Float64Array;
  count: number;
  procurements: number;
}

interface Saturation {
  sameBuyer: number;
  sameField: number;
}

function withSaturation(w: RankerWeights, saturation: Saturation): RankerWeights {
  return { ...w, sameBuyerSaturateAt: saturation.sameBuyer, sameFieldSaturateAt: saturation.sameField };
}

/** Each candidate's feature values for one procurement (null: not a match), through the kernel itself. */
function candidateFeatures(model: ScoringModel, block: ProfileBlock, data: EvalDataset, k: number): { x: Float64Array; matches: Int32Array; score: Float64Array } {
  const need = model.needFeatures(procurementNeed(data.answerable[k]));
  const out = new Float64Array(TRACK_SLOT.sameField + 1);
  const x = new Float64Array(block.size * D);
  const score = new Float64Array(block.size);
  const matches: number[] = [];
  const release = model.densify(need.text);
  try {
    for (let i = 0; i < block.size; i++) {
      out.fill(0);
      const s = model.scoreAt(need, block, i, out);
      score[i] = s;
      if (s < 0) continue;
      matches.push(i);
      x.set(
        [out[SLOT.text], out[SLOT.category], out[SLOT.geography], out[TRACK_SLOT.count], out[TRACK_SLOT.sameBuyer], out[TRACK_SLOT.buyerArea], out[TRACK_SLOT.sameField]],
        i * D,
      );
    }
  } finally {
    release();
  }
  return { x, matches: Int32Array.from(matches), score };
}

function trainingPairs(reference: ReturnType<typeof loadScoringReference>, datasets: EvalDataset[], saturation: Saturation): Pairs {
  const diffs: number[] = [];
  let procurements = 0;
  const next = mulberry32(20210301);
  for (const data of datasets) {
    const model = new ScoringModel(reference, withSaturation(RANKER_2026_11, saturation));
    const block = ProfileBlock.pack(data.suppliers.map((s) => model.profileFeatures(supplierProfile(s), { keepText: false })));
    const index = new Map(data.suppliers.map((s, i) => [s.key, i]));
    for (let k = 0; k < data.answerable.length; k++) {
      const p = data.answerable[k];
      const { x, matches, score } = candidateFeatures(model, block, data, k);
      const winners = new Set(p.winners.map((w) => index.get(w)).filter((i): i is number => i !== undefined && score[i] >= 0));
      if (winners.size === 0) continue;
      procurements++;
      const others = [...matches].filter((i) => !winners.has(i));
      const hard = others.sort((a, b) => score[b] - score[a] || a - b).slice(0, HARD_NEGATIVES);
      const rest = others.slice(HARD_NEGATIVES);
      const sampled = new Set(hard);
      for (let r = 0; r < RANDOM_NEGATIVES && rest.length > 0; r++) sampled.add(rest[Math.floor(next() * rest.length)]);
      for (const w of winners) {
        for (const n of sampled) for (let d = 0; d < D; d++) diffs.push(x[w * D + d] - x[n * D + d]);
      }
    }
  }
  return { diff: Float64Array.from(diffs), count: diffs.length / D, procurements };
}

/** Keeps weights non-negative and the track record's share within the cap. */
function project(w: Float64Array): void {
  for (let d = 0; d < D; d++) if (w[d] < 0) w[d] = 0;
  const track = w[3] + w[4] + w[5] + w[6];
  const base = w[0] + w[1];
  const most = (TRACK_RECORD_MAX_SHARE / (1 - TRACK_RECORD_MAX_SHARE)) * base;
  if (track > most && track > 0) for (let d = 3; d < D; d++) w[d] *= most / track;
}

/** Pairwise logistic regression: minimise mean log(1 + e^(−w·(x⁺ − x⁻))) + l2·|w|², by projected gradient descent with Adam steps. */
function fit(pairs: Pairs, l2: number): Float64Array {
  const w = new Float64Array(D).fill(1);
  const m = new Float64Array(D);
  const v = new Float64Array(D);
  const g = new Float64Array(D);
  const rate = 0.05;
  for (let t = 1; t <= ITERATIONS; t++) {
    g.fill(0);
    for (let p = 0; p < pairs.count; p++) {
      let s = 0;
      for (let d = 0; d < D; d++) s += w[d] * pairs.diff[p * D + d];
      const c = -1 / (1 + Math.exp(s));
      for (let d = 0; d < D; d++) g[d] += c * pairs.diff[p * D + d];
    }
    for (let d = 0; d < D; d++) {
      const grad = g[d] / pairs.count + 2 * l2 * w[d];
      m[d] = 0.9 * m[d] + 0.1 * grad;
      v[d] = 0.999 * v[d] + 0.001 * grad * grad;
      w[d] -= (rate * (m[d] / (1 - 0.9 ** t))) / (Math.sqrt(v[d] / (1 - 0.999 ** t)) + 1e-8);
    }
    project(w);
  }
  return w;
}

/** The learned coefficients as kernel weights: scaled to sum to 1 with the fixed SDG and capacity weights, four decimals. */
function asWeights(w: Float64Array, saturation: Saturation): RankerWeights {
  const total = w.reduce((a, b) => a + b, 0);
  const scale = (1 - FIXED.sdg - FIXED.capacity) / total;
  const r = (x: number) => Math.round(x * scale * 10_000) / 10_000;
  const weights: RankerWeights = {
    text: r(w[0]),
    category: r(w[1]),
    geography: r(w[2]),
    sdg: FIXED.sdg,
    capacity: FIXED.capacity,
    trackCount: r(w[3]),
    trackSameBuyer: r(w[4]),
    trackBuyerArea: r(w[5]),
    trackSameField: r(w[6]),
    sameBuyerSaturateAt: saturation.sameBuyer,
    sameFieldSaturateAt: saturation.sameField,
  };
  // The rounding's remainder goes to the text weight, so that the weights sum to exactly 1.
  const sum =
    weights.text +
    weights.category +
    weights.geography +
    weights.sdg +
    weights.capacity +
    weights.trackCount +
    weights.trackSameBuyer +
    weights.trackBuyerArea +
    weights.trackSameField;
  weights.text = Math.round((weights.text + 1 - sum) * 10_000) / 10_000;
  // Rounding may not take the track record past its cap: a ten-thousandth at a time back to the text.
  while (trackRecordShare(weights) > TRACK_RECORD_MAX_SHARE) {
    weights.trackCount = Math.round((weights.trackCount - 0.0001) * 10_000) / 10_000;
    weights.text = Math.round((weights.text + 0.0001) * 10_000) / 10_000;
  }
  return weights;
}

/** Recall@10 and MRR of a ranker on a dataset's answerable procurements, every candidate ranked by the kernel. */
export function evaluate(reference: ReturnType<typeof loadScoringReference>, data: EvalDataset, weights: RankerWeights): { recallAt10: number; mrr: number } {
  const model = new ScoringModel(reference, weights);
  const block = ProfileBlock.pack(data.suppliers.map((s) => model.profileFeatures(supplierProfile(s), { keepText: false })));
  const index = new Map(data.suppliers.map((s, i) => [s.key, i]));
  const ranks: (number | null)[] = [];
  for (const p of data.answerable) {
    const need = model.needFeatures(procurementNeed(p));
    const primary = new Float64Array(block.size);
    const release = model.densify(need.text);
    try {
      for (let i = 0; i < block.size; i++) {
        const s = model.scoreAt(need, block, i);
        primary[i] = s < 0 ? -1 : Math.round(s * 100) / 100;
      }
    } finally {
      release();
    }
    ranks.push(
      bestRank(
        { primary },
        p.winners.map((w) => index.get(w)).filter((i): i is number => i !== undefined),
      ),
    );
  }
  const m = metricsOf(ranks);
  return { recallAt10: m.recall[10], mrr: m.mrr };
}

function main(): void {
  const started = performance.now();
  const root = findProjectRoot(import.meta.dirname);
  const dataDir = path.join(root, 'data');
  const reference = loadScoringReference(dataDir);
  const march = loadDataset(dataDir, MARCH);
  const april = loadDataset(dataDir, APRIL);
  const before = evaluate(reference, april, RANKER_2026_11);
  console.log(`Validation (April) with Samverka 2026.11: recall@10 ${(100 * before.recallAt10).toFixed(1)} %, MRR ${before.mrr.toFixed(3)}`);

  let best: { l2: number; saturation: Saturation; recallAt10: number; mrr: number } | null = null;
  for (const sameBuyer of SATURATION_GRID) {
    for (const sameField of FIELD_SATURATION_GRID) {
      const saturation = { sameBuyer, sameField };
      const pairs = trainingPairs(reference, [march], saturation);
      for (const l2 of L2_GRID) {
        const weights = asWeights(fit(pairs, l2), saturation);
        const v = evaluate(reference, april, weights);
        console.log(`  saturation ${sameBuyer}/${sameField}, l2 ${l2}: recall@10 ${(100 * v.recallAt10).toFixed(1)} %, MRR ${v.mrr.toFixed(3)}  ${JSON.stringify(weights)}`);
        if (!best || v.mrr + v.recallAt10 > best.mrr + best.recallAt10) best = { l2, saturation, ...v };
      }
    }
  }
  const chosen = best!;
  const pairs = trainingPairs(reference, [march, april], chosen.saturation);
  const raw = fit(pairs, chosen.l2);
  const weights = asWeights(raw, chosen.saturation);
  const file: RankerFile = {
    version: VERSION,
    weights,
    training: {
      command: COMMAND,
      trainedOn: { from: MARCH.testFrom, to: APRIL.testTo, historyBefore: 'the first of each month', procurements: pairs.procurements, pairs: pairs.count },
      validation: {
        from: APRIL.testFrom,
        to: APRIL.testTo,
        recallAt10Before: round4(before.recallAt10),
        mrrBefore: round4(before.mrr),
        recallAt10: round4(chosen.recallAt10),
        mrr: round4(chosen.mrr),
      },
      features: [...FEATURES],
      objective: `pairwise logistic loss, each winner against the ${HARD_NEGATIVES} best-ranked other candidates (Samverka 2026.11) and ${RANDOM_NEGATIVES} other matching candidates drawn at random`,
      l2: chosen.l2,
      trackRecordMaxShare: TRACK_RECORD_MAX_SHARE,
      rawCoefficients: Object.fromEntries(FEATURES.map((f: Feature, d) => [f, round4(raw[d])])),
    },
  };
  const text = `// Written by \`${COMMAND}\` (bench/eval/train.ts); do not edit by hand.\nimport type { RankerFile } from '../ranker.js';\n\nexport const RANKER_2026_12: RankerFile = ${JSON.stringify(file, null, 2)};\n`;
  fs.writeFileSync(path.join(root, MODEL_FILE), text);
  console.log(`Chosen: saturation ${JSON.stringify(chosen.saturation)}, l2 ${chosen.l2}. Weights ${JSON.stringify(weights)}`);
  console.log(`Written to ${MODEL_FILE} in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

main();
