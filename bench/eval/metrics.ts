/**
 * Ranks and ranking metrics. Candidates are indexed in key order (ascending), so "key ascending" as the
 * last tie-break is "index ascending". A method gives each candidate a primary score (higher first;
 * negative = not ranked at all) and optionally a secondary one (higher first); the rank of a candidate is
 * then 1 + the number of candidates ordered before it, which needs no sort.
 */

export const CUTOFFS = [1, 5, 10, 50] as const;

export interface CandidateScores {
  primary: Float64Array;
  secondary?: Float64Array;
}

/** 1-based rank of candidate `target`, or null when it is not ranked (negative primary score). */
export function rankOf(scores: CandidateScores, target: number): number | null {
  const p = scores.primary;
  const s = scores.secondary;
  const tp = p[target];
  if (tp < 0) return null;
  const ts = s ? s[target] : 0;
  let ahead = 0;
  for (let i = 0; i < p.length; i++) {
    const v = p[i];
    if (v > tp) ahead++;
    else if (v === tp) {
      if (s) {
        const w = s[i];
        if (w > ts || (w === ts && i < target)) ahead++;
      } else if (i < target) ahead++;
    }
  }
  return ahead + 1;
}

/** The best rank among the winners that are candidates; null when none is ranked. */
export function bestRank(scores: CandidateScores, winners: readonly number[]): number | null {
  let best: number | null = null;
  for (const w of winners) {
    const r = rankOf(scores, w);
    if (r !== null && (best === null || r < best)) best = r;
  }
  return best;
}

/** The full order (ranked candidates only), for checks and examples. */
export function fullOrder(scores: CandidateScores): number[] {
  const p = scores.primary;
  const s = scores.secondary;
  const order: number[] = [];
  for (let i = 0; i < p.length; i++) if (p[i] >= 0) order.push(i);
  return order.sort((a, b) => p[b] - p[a] || (s ? s[b] - s[a] : 0) || a - b);
}

export interface Metrics {
  n: number;
  recall: Record<(typeof CUTOFFS)[number], number>;
  mrr: number;
  /** Test procurements whose winners the method does not rank at all. */
  unranked: number;
}

export function metricsOf(ranks: readonly (number | null)[]): Metrics {
  const n = ranks.length;
  const recall = { 1: 0, 5: 0, 10: 0, 50: 0 };
  let rr = 0;
  let unranked = 0;
  for (const r of ranks) {
    if (r === null) {
      unranked++;
      continue;
    }
    rr += 1 / r;
    for (const k of CUTOFFS) if (r <= k) recall[k]++;
  }
  for (const k of CUTOFFS) recall[k] = n > 0 ? recall[k] / n : 0;
  return { n, recall, mrr: n > 0 ? rr / n : 0, unranked };
}
