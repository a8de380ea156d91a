/**
 * Simple baselines, each its own small implementation (none goes through ScoringModel), over the same
 * candidates in the same order. Every baseline breaks ties by popularity (history wins), then by key.
 */
import type { Procurement, Supplier } from './dataset.js';
import type { CandidateScores } from './metrics.js';

export const BASELINE_COMBINATION = { cpv: 0.5, text: 0.35, geography: 0.15 } as const;

/** Scores are compared at 1e-9 so that float noise cannot split what is a tie. */
const settle = (x: number) => Math.round(x * 1e9) / 1e9;

/** Plain lower-cased word tokens: NFC, split on anything that is not a letter or a digit; no stemming, no stop words. */
export function plainTokens(text: string): string[] {
  return text
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t !== '');
}

/**
 * CPV similarity by shared leading digits: the same code 1, else 5 or more shared digits 0.8, 4 0.6,
 * 3 0.4, 2 (the division) 0.2, fewer 0. A supplier's similarity is the best over its codes.
 */
export function cpvLeadingDigits(a: string, b: string): number {
  if (a === b) return 1;
  let shared = 0;
  while (shared < 8 && a[shared] === b[shared]) shared++;
  if (shared >= 5) return 0.8;
  if (shared === 4) return 0.6;
  if (shared === 3) return 0.4;
  if (shared === 2) return 0.2;
  return 0;
}

export class Baselines {
  /** History wins per candidate: the popularity score and every baseline's tie-break. */
  readonly popularity: Float64Array;
  private readonly cpv: string[][];
  private readonly municipalities: Set<string>[];
  private readonly counties: Set<string>[];
  /** Inverted index of the suppliers' TF-IDF vectors (L2-normalised): term → [candidate, weight] pairs. */
  private readonly postings = new Map<string, { candidates: Int32Array; weights: Float64Array }>();
  private readonly idf = new Map<string, number>();
  private readonly size: number;

  constructor(suppliers: readonly Supplier[]) {
    this.size = suppliers.length;
    this.popularity = Float64Array.from(suppliers.map((s) => s.wins.length));
    this.cpv = suppliers.map((s) => [...new Set(s.wins.map((p) => p.mainCpv).filter((c) => /^\d{8}$/.test(c)))]);
    this.municipalities = suppliers.map((s) => new Set(s.wins.map((p) => p.municipalityCode).filter((c): c is string => c !== null)));
    this.counties = suppliers.map((s) => new Set(s.wins.map((p) => p.countyCode).filter((c): c is string => c !== null)));

    // A supplier's document: the distinct titles of its wins (the same text its Samverka profile gets as services).
    const tfs = suppliers.map((s) => {
      const tf = new Map<string, number>();
      for (const title of new Set(s.wins.map((p) => p.title))) for (const t of plainTokens(title)) tf.set(t, (tf.get(t) ?? 0) + 1);
      return tf;
    });
    const df = new Map<string, number>();
    for (const tf of tfs) for (const t of tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
    const n = suppliers.length;
    for (const [t, count] of df) this.idf.set(t, Math.log((1 + n) / (1 + count)) + 1);
    const lists = new Map<string, { candidates: number[]; weights: number[] }>();
    tfs.forEach((tf, i) => {
      const terms = [...tf.keys()].sort();
      const raw = terms.map((t) => tf.get(t)! * this.idf.get(t)!);
      const norm = Math.sqrt(raw.reduce((sum, w) => sum + w * w, 0));
      if (norm === 0) return;
      terms.forEach((t, k) => {
        let list = lists.get(t);
        if (!list) lists.set(t, (list = { candidates: [], weights: [] }));
        list.candidates.push(i);
        list.weights.push(raw[k] / norm);
      });
    });
    for (const [t, list] of lists) this.postings.set(t, { candidates: Int32Array.from(list.candidates), weights: Float64Array.from(list.weights) });
  }

  /** (a) Popularity: the suppliers with most history wins first, whatever the procurement. */
  popularityScores(): CandidateScores {
    return { primary: this.popularity, secondary: this.popularity };
  }

  /** (b) CPV only, popularity breaking ties (and ordering everything when the procurement has no CPV code). */
  cpvScores(p: Procurement): CandidateScores {
    return { primary: this.cpvVector(p), secondary: this.popularity };
  }

  /** (c) Text only: TF-IDF cosine between the title and the supplier's titles. */
  textScores(p: Procurement): CandidateScores {
    return { primary: this.textVector(p), secondary: this.popularity };
  }

  /** (d) 0.5·CPV + 0.35·text + 0.15·geography (same municipality 1, same county 0.5). */
  combinedScores(p: Procurement): CandidateScores {
    const cpv = this.cpvVector(p);
    const text = this.textVector(p);
    const primary = new Float64Array(this.size);
    const w = BASELINE_COMBINATION;
    for (let i = 0; i < this.size; i++) {
      let geography = 0;
      if (p.municipalityCode !== null && this.municipalities[i].has(p.municipalityCode)) geography = 1;
      else if (p.countyCode !== null && this.counties[i].has(p.countyCode)) geography = 0.5;
      primary[i] = settle(w.cpv * cpv[i] + w.text * text[i] + w.geography * geography);
    }
    return { primary, secondary: this.popularity };
  }

  private cpvVector(p: Procurement): Float64Array {
    const scores = new Float64Array(this.size);
    if (!/^\d{8}$/.test(p.mainCpv)) return scores;
    for (let i = 0; i < this.size; i++) {
      let best = 0;
      for (const code of this.cpv[i]) {
        const s = cpvLeadingDigits(p.mainCpv, code);
        if (s > best) best = s;
      }
      scores[i] = best;
    }
    return scores;
  }

  private textVector(p: Procurement): Float64Array {
    const scores = new Float64Array(this.size);
    const tf = new Map<string, number>();
    for (const t of plainTokens(p.title)) if (this.idf.has(t)) tf.set(t, (tf.get(t) ?? 0) + 1);
    const terms = [...tf.keys()].sort();
    const raw = terms.map((t) => tf.get(t)! * this.idf.get(t)!);
    const norm = Math.sqrt(raw.reduce((sum, w) => sum + w * w, 0));
    if (norm === 0) return scores;
    terms.forEach((t, k) => {
      const q = raw[k] / norm;
      const list = this.postings.get(t)!;
      for (let j = 0; j < list.candidates.length; j++) scores[list.candidates[j]] += q * list.weights[j];
    });
    for (let i = 0; i < this.size; i++) scores[i] = settle(scores[i]);
    return scores;
  }
}
