import type { ProfileFeatures } from './features.js';

/**
 * Many enterprises' features packed column by column into a few flat typed arrays: the layout the
 * kernel walks when one need is scored against thousands of enterprises, with no pointer chasing
 * between them. Built once from ProfileFeatures (`pack`) and read-only after.
 */
export class ProfileBlock {
  readonly size: number;
  readonly termStart: Int32Array;
  readonly terms: Int32Array;
  readonly weights: Int32Array;
  readonly cpvStart: Int32Array;
  readonly cpvPrefixes: Int32Array;
  readonly cpvSignificant: Uint8Array;
  readonly sdgMask: Int32Array;
  /** Bit 1: nationwide; bit 2: may bid for reserved contracts; bit 4: idéburen. */
  readonly flags: Uint8Array;
  readonly locationStart: Int32Array;
  readonly locations: Int16Array;
  /** NaN when the enterprise has not said. */
  readonly maxContract: Float64Array;
  readonly trackCountValue: Float64Array;
  readonly buyerStart: Int32Array;
  readonly buyers: Int32Array;
  readonly buyerValues: Float64Array;
  readonly areaStart: Int32Array;
  readonly areas: Int16Array;
  readonly fieldStart: Int32Array;
  readonly fields: Int32Array;
  readonly fieldCounts: Int32Array;
  /** A one-enterprise block scored against many needs spreads its text weights here (see ScoringModel.densify). */
  dense: Int32Array | null = null;

  private constructor(readonly profiles: readonly ProfileFeatures[]) {
    const size = profiles.length;
    this.size = size;
    let termCount = 0;
    let cpvCount = 0;
    let locationCount = 0;
    let buyerCount = 0;
    let areaCount = 0;
    let fieldCount = 0;
    for (const p of profiles) {
      termCount += p.text.terms.length;
      cpvCount += p.cpv.count;
      locationCount += p.locations.length;
      buyerCount += p.trackBuyers.length;
      areaCount += p.trackAreas.length;
      fieldCount += p.trackFields.length;
    }
    this.termStart = new Int32Array(size + 1);
    this.terms = new Int32Array(termCount);
    this.weights = new Int32Array(termCount);
    this.cpvStart = new Int32Array(size + 1);
    this.cpvPrefixes = new Int32Array(cpvCount * 7);
    this.cpvSignificant = new Uint8Array(cpvCount);
    this.sdgMask = new Int32Array(size);
    this.flags = new Uint8Array(size);
    this.locationStart = new Int32Array(size + 1);
    this.locations = new Int16Array(locationCount);
    this.maxContract = new Float64Array(size);
    this.trackCountValue = new Float64Array(size);
    this.buyerStart = new Int32Array(size + 1);
    this.buyers = new Int32Array(buyerCount);
    this.buyerValues = new Float64Array(buyerCount);
    this.areaStart = new Int32Array(size + 1);
    this.areas = new Int16Array(areaCount);
    this.fieldStart = new Int32Array(size + 1);
    this.fields = new Int32Array(fieldCount);
    this.fieldCounts = new Int32Array(fieldCount);
    let f = 0;
    let a = 0;
    let t = 0;
    let c = 0;
    let l = 0;
    let b = 0;
    profiles.forEach((p, i) => {
      this.termStart[i] = t;
      this.terms.set(p.text.terms, t);
      this.weights.set(p.text.weights, t);
      t += p.text.terms.length;
      this.cpvStart[i] = c;
      this.cpvPrefixes.set(p.cpv.prefixes, c * 7);
      this.cpvSignificant.set(p.cpv.significant, c);
      c += p.cpv.count;
      this.sdgMask[i] = p.sdgMask;
      this.flags[i] = (p.nationwide ? 1 : 0) | (p.reservedEligible ? 2 : 0) | (p.ideburen ? 4 : 0);
      this.locationStart[i] = l;
      this.locations.set(p.locations, l);
      l += p.locations.length;
      this.maxContract[i] = p.maxContract;
      this.trackCountValue[i] = p.trackCountValue;
      this.buyerStart[i] = b;
      this.buyers.set(p.trackBuyers, b);
      this.buyerValues.set(p.trackBuyerValues, b);
      this.areaStart[i] = a;
      this.areas.set(p.trackAreas, a);
      a += p.trackAreas.length;
      b += p.trackBuyers.length;
      this.fieldStart[i] = f;
      this.fields.set(p.trackFields, f);
      this.fieldCounts.set(p.trackFieldCounts, f);
      f += p.trackFields.length;
    });
    this.termStart[size] = t;
    this.cpvStart[size] = c;
    this.locationStart[size] = l;
    this.buyerStart[size] = b;
    this.areaStart[size] = a;
    this.fieldStart[size] = f;
  }

  static pack(profiles: readonly ProfileFeatures[]): ProfileBlock {
    return new ProfileBlock(profiles);
  }

  key(i: number): string {
    return this.profiles[i].key;
  }
}
