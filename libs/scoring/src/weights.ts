import { RANKER_2026_12 } from './model/ranker-2026.12.js';
import { trackRecordWeight, type RankerWeights } from './ranker.js';

/**
 * The one place where the matcher's weights live. A match's score is the weighted mean of the components
 * that apply to the pair (a need without SDGs has no SDG component, a need without a budget no capacity
 * component), times 100. Eligibility is not weighed: an ineligible pair is not a match at all. Neither is
 * a pair where neither the text nor the CPV codes relate: location and goals alone do not make a partner.
 * The weights are learned (bench/eval/train.ts writes them to model/ranker-2026.12.ts).
 *
 * Changing a weight, a constant below or the text analysis changes the rows a rebuild produces: bump
 * ALGORITHM_VERSION with it, and every match is recomputed (each match row stores the version).
 */
export const ALGORITHM_VERSION = RANKER_2026_12.version;

/** The weights the matcher ranks with: learned from history (see bench/eval/train.ts and the model file). */
export const RANKER: RankerWeights = RANKER_2026_12.weights;

/**
 * Newcomers are not buried: the track record makes at most this share of a score (see trackRecordShare),
 * so an enterprise without partnerships that fits a need better than one with a record can rank above it.
 * Training keeps the learned weights within it.
 */
export const TRACK_RECORD_MAX_SHARE = 0.25;

/** The weight of each component (the track record's is the sum of its parts). */
export const WEIGHTS = {
  /** What the need says against what the enterprise says it does (TF-IDF cosine over Swedish stems). */
  text: RANKER.text,
  /** CPV codes along the hierarchy. */
  category: RANKER.category,
  /** Where the enterprise works against where the need is. */
  geography: RANKER.geography,
  /** Shared Sustainable Development Goals. */
  sdg: RANKER.sdg,
  /** The largest contract the enterprise can take against the budget. */
  capacity: RANKER.capacity,
  /** Partnerships the enterprise has delivered, with this buyer and for buyers in this place above all. */
  trackRecord: trackRecordWeight(RANKER),
} as const;

export type ComponentName = keyof typeof WEIGHTS;
export const COMPONENT_NAMES = Object.keys(WEIGHTS) as ComponentName[];

/** CPV similarity by the deepest level two codes share: division (first 2 digits), group (3), class (4), category (5). */
export const CPV_SIMILARITY = {
  sameCode: 1,
  /** One code contains the other (an enterprise offering a whole class, a need for one category in it). */
  ancestor: 0.9,
  category: 0.8,
  class: 0.65,
  group: 0.45,
  division: 0.25,
} as const;
/*
 * When one code contains the other, the broader code says how much is known: a whole division
 * (45000000) is no more telling than sharing the division, a category or finer one (90911000) is.
 * So "ancestor" applies when the broader code is a category or finer; otherwise the broader code's
 * own level (class, group, division) gives the value.
 */

/**
 * Geography: works in the municipality > same county > elsewhere, by distance > nationwide > says
 * nothing of where it works.
 */
export const GEOGRAPHY = {
  sameMunicipality: 1,
  sameCounty: 0.8,
  /** Distance score = nearBase + nearRange · e^(−km / nearDecayKm): 0.75 next door, 0.35 at the far end of Sweden. */
  nearBase: 0.35,
  nearRange: 0.4,
  nearDecayKm: 80,
  nationwide: 0.3,
  /** A profile that names no place and is not nationwide. */
  unknown: 0.2,
} as const;

/** Text: the need's title and the enterprise's services count double; a root or a compound part counts half. */
export const TEXT = {
  titleWeight: 2,
  servicesWeight: 2,
  bodyWeight: 1,
  compoundPartWeight: 0.5,
  /** The cosine is shown as √cos: short texts rarely share more than a quarter of their weight. */
  exponent: 0.5,
} as const;

/**
 * Track record: evidence that the enterprise delivers, in whole points. A COMPLETED partnership is worth
 * `completedPoints`; a partnership (completed or ongoing) with at least one impact report its buyer
 * CONFIRMED is worth `confirmedImpactPoints` more. So an ongoing partnership without confirmed impact
 * counts nothing, one with confirmed impact 1, a completed one 2, a completed one with confirmed impact 3;
 * a TERMINATED one counts nothing whatever was reported. The points give `countShare` on a logarithmic
 * scale that saturates at `saturateAt` points (log(1 + points) / log(1 + saturateAt), at most 1); counted
 * partnerships with the need's own buyer add up to `sameBuyerShare` (see RankerWeights.sameBuyerSaturateAt),
 * one for a buyer in the need's municipality (or, at `buyerCountyValue`, its county) `buyerAreaShare`, and
 * partnerships whose need's CPV code shares the need's class (or, counting half, its group) up to
 * `sameFieldShare` (see RankerWeights.sameFieldSaturateAt).
 */
export const TRACK_RECORD = {
  completedPoints: 2,
  confirmedImpactPoints: 1,
  saturateAt: 20,
  countShare: RANKER.trackCount / WEIGHTS.trackRecord,
  sameBuyerShare: RANKER.trackSameBuyer / WEIGHTS.trackRecord,
  buyerAreaShare: RANKER.trackBuyerArea / WEIGHTS.trackRecord,
  sameFieldShare: RANKER.trackSameField / WEIGHTS.trackRecord,
  /** The buyer-area part for a buyer in the need's county but another municipality of it. */
  buyerCountyValue: 0.5,
} as const;

/** Capacity when the enterprise has not said how large a contract it can take. */
export const CAPACITY_UNKNOWN = 0.5;
