/**
 * A ranker: the weights the kernel combines a pair's components with. The score is a weighted mean of
 * the components that apply, so every score decomposes into weight × value per component. The track
 * record's weight is the sum of its four parts (partnerships counted, partnerships with the need's own
 * buyer, partnerships for buyers in the need's municipality or county, partnerships in the need's field);
 * its value is their weighted mean.
 */
export interface RankerWeights {
  text: number;
  category: number;
  geography: number;
  sdg: number;
  capacity: number;
  /** Counted partnerships, on TRACK_RECORD's logarithmic scale. */
  trackCount: number;
  /** Partnerships with the need's own buyer: log(1 + k) / log(1 + sameBuyerSaturateAt), at most 1. */
  trackSameBuyer: number;
  /** Partnerships for a buyer in the need's municipality (1) or county (TRACK_RECORD.buyerCountyValue). */
  trackBuyerArea: number;
  /**
   * Partnerships in the need's field: those whose need's CPV code shares the class (4 digits) with the
   * need's code count whole, those sharing only the group (3 digits) half; log(1 + n) / log(1 + sameFieldSaturateAt), at most 1.
   */
  trackSameField: number;
  /** How many partnerships with the same buyer make that part whole (1: any one does). */
  sameBuyerSaturateAt: number;
  /** How many partnerships in the need's CPV class make the same-field part whole. */
  sameFieldSaturateAt: number;
}

/** What training found, kept with the weights: the data, the features and the validation figures. */
export interface RankerTraining {
  command: string;
  trainedOn: { from: string; to: string; historyBefore: string; procurements: number; pairs: number };
  validation: { from: string; to: string; recallAt10Before: number; mrrBefore: number; recallAt10: number; mrr: number };
  features: string[];
  objective: string;
  l2: number;
  trackRecordMaxShare: number;
  rawCoefficients: Record<string, number>;
}

export interface RankerFile {
  version: string;
  weights: RankerWeights;
  training: RankerTraining | null;
}

/** Samverka 2026.11: hand-set weights, the count and the same buyer only (kept for comparison). */
export const RANKER_2026_11: RankerWeights = {
  text: 0.3,
  category: 0.25,
  geography: 0.15,
  sdg: 0.1,
  capacity: 0.1,
  trackCount: 0.06,
  trackSameBuyer: 0.04,
  trackBuyerArea: 0,
  trackSameField: 0,
  sameBuyerSaturateAt: 1,
  sameFieldSaturateAt: 1,
};

/** The track record's weight: the sum of its parts. */
export function trackRecordWeight(w: RankerWeights): number {
  return w.trackCount + w.trackSameBuyer + w.trackBuyerArea + w.trackSameField;
}

/**
 * The largest share of a score the track record can make, for a pair where only text, CPV codes and the
 * track record apply (with more components applying, its share is smaller): two enterprises alike in all
 * but their track record differ by at most 100 × this share.
 */
export function trackRecordShare(w: RankerWeights): number {
  const track = trackRecordWeight(w);
  return track / (w.text + w.category + track);
}
