import type { CpvFeatures } from './cpv.js';
import type { NeedInput, ProfileInput } from './types.js';

// What the model computes once per need and per enterprise profile, for the kernel and the explanations.

/** A sparse, L2-normalised TF-IDF vector: term ids ascending, weights alongside. */
export interface TextVector {
  terms: Int32Array;
  /** Weights × WEIGHT_SCALE, rounded: integer products sum exactly in any order. */
  weights: Int32Array;
  /** The word in the text each term came from, for reasons. */
  surfaces: Map<number, string>;
  /**
   * The weights spread over all term ids seen so far, while this side is scored against many others
   * (see `dense`): a dot product then costs one lookup per term of the other side, with no merging.
   */
  dense: Int32Array | null;
}

export interface NeedFeatures {
  readonly kind: 'need';
  readonly input: NeedInput;
  readonly text: TextVector;
  readonly cpv: CpvFeatures;
  readonly sdgMask: number;
  readonly sdgCount: number;
  /** Geography component for an enterprise at each location (municipalities, then counties); null when the need has no place. */
  readonly geography: Float32Array | null;
  /** The budget the capacity is measured against (the maximum, else the minimum); 0 when there is none. */
  readonly budgetTarget: number;
  readonly budgetMin: number;
  readonly buyerKey: number;
  /** Location indices of the need's municipality and county (-1 when it names none), for the buyer-area part of the track record. */
  readonly municipalityLocation: number;
  readonly countyLocation: number;
  /** The buyer-area part for a partnership in the need's county: whole when the need names no municipality. */
  readonly countyAreaValue: number;
  readonly reservedOnly: boolean;
  readonly iopOnly: boolean;
}

export interface ProfileFeatures {
  readonly kind: 'profile';
  readonly input: ProfileInput;
  readonly key: string;
  readonly text: TextVector;
  readonly cpv: CpvFeatures;
  readonly sdgMask: number;
  readonly nationwide: boolean;
  /** Location indices: municipalities, then counties. */
  readonly locations: Int16Array;
  /** NaN when the enterprise has not said. */
  readonly maxContract: number;
  readonly reservedEligible: boolean;
  readonly ideburen: boolean;
  readonly trackCountValue: number;
  readonly trackBuyers: Int32Array;
  /** For each of trackBuyers, the same-buyer part it gives (by the number of partnerships with it). */
  readonly trackBuyerValues: Float64Array;
  /** Location indices of the places of the buyers the enterprise has worked for. */
  readonly trackAreas: Int16Array;
  /**
   * The fields of the counted partnerships: keys (a CPV group's 3 digits as a number, a class's 4 digits
   * plus FIELD_CLASS_OFFSET) ascending, with how many partnerships' needs are in each.
   */
  readonly trackFields: Int32Array;
  readonly trackFieldCounts: Int32Array;
}
