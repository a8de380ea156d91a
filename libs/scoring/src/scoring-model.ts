import { RESERVED_CONTRACT_MIN_SHARE } from '@samverka/domain';
import { cpvFeatures, cpvPairValue, sharedDigits, type CpvFeatures } from './cpv.js';
import { explainMatch, type ExplainingModel } from './explain.js';
import type { NeedFeatures, ProfileFeatures, TextVector } from './features.js';
import { haversineKm } from './geography.js';
import { ProfileBlock } from './profile-block.js';
import { TopN } from './top-n.js';
import { FIELD_CLASS_OFFSET, sameFieldValue, trackRecordCountValue, trackRecordEvidence, trackRecordFields } from './track-record.js';
import { analyse, domainDecompounder, MEETS, rolesMeet, type Decompounder, type TermRole } from './text/swedish-analyzer.js';
import type { MatchResult, NeedInput, ProfileInput, ScoringReference } from './types.js';
import { trackRecordWeight, type RankerWeights } from './ranker.js';
import { ALGORITHM_VERSION, CAPACITY_UNKNOWN, GEOGRAPHY, RANKER, TEXT, TRACK_RECORD } from './weights.js';

/** Component slots in the scratch array the kernel can fill. */
export const SLOT = { text: 0, category: 1, geography: 2, sdg: 3, capacity: 4, trackRecord: 5 } as const;
/** The track record's parts, after the applies flags: the count, the same buyer, the buyer's place, the field (for training). */
export const TRACK_SLOT = { count: 7, sameBuyer: 8, buyerArea: 9, sameField: 10 } as const;
/** Bit flags of the components that apply, in the scratch array's slot 6. */
const APPLIES_SLOT = 6;
export const NOT_A_MATCH = -1;
const NOT_ELIGIBLE = -2;

const NO_SURFACES: Map<number, string> = new Map();
/** Text weights are fixed-point with 15 bits: a dot product of two unit vectors stays below 2^30. */
const WEIGHT_SCALE = 32768;
const DOT_SCALE = WEIGHT_SCALE * WEIGHT_SCALE;

/**
 * The matcher. Built once from reference data (a few hundred milliseconds: the word lexicon and the
 * IDF table), then turns needs and profiles into features and scores pairs of features: the kernel
 * (`scorePair`) allocates nothing and takes a fraction of a microsecond; `explain` gives the same score
 * with its components and reasons. Deterministic: the same inputs give the same numbers in any
 * process, and ties are broken by organisation id.
 */
export class ScoringModel implements ExplainingModel {
  readonly algorithmVersion = ALGORITHM_VERSION;
  private readonly decompounder: Decompounder;
  private readonly idf = new Map<string, number>();
  private readonly unknownIdf: number;
  private readonly termIds = new Map<string, number>();
  private readonly termNames: string[] = [];
  private readonly buyerKeys = new Map<string, number>();
  readonly municipalityIndex = new Map<string, number>();
  readonly countyIndex = new Map<string, number>();
  private readonly locationPoints: { lat: number; lon: number; countyCode: string }[] = [];
  readonly municipalityNames = new Map<string, string>();
  readonly countyNames = new Map<string, string>();
  private readonly scratch = new Float64Array(11);
  private readonly singles = new WeakMap<ProfileFeatures, ProfileBlock>();
  private readonly wText: number;
  private readonly wCategory: number;
  private readonly wGeography: number;
  private readonly wSdg: number;
  private readonly wCapacity: number;
  private readonly wTrackCount: number;
  private readonly wSameBuyer: number;
  private readonly wBuyerArea: number;
  private readonly wSameField: number;
  private readonly wTrack: number;
  /** The same-field part by half partnerships (index: 2 × whole + 1 × half ones), whole beyond the table. */
  private readonly fieldValues: Float64Array;

  /**
   * `ranker`: the weights to rank with; the current ones unless an evaluation compares another set (an
   * explanation then shows that set's weights, and the version stays the current one's). `decompounder`:
   * a shared one built from the same CPV labels and dictionary (else the model builds its own).
   */
  constructor(
    readonly reference: ScoringReference,
    readonly ranker: RankerWeights = RANKER,
    decompounder?: Decompounder,
  ) {
    this.wText = ranker.text;
    this.wCategory = ranker.category;
    this.wGeography = ranker.geography;
    this.wSdg = ranker.sdg;
    this.wCapacity = ranker.capacity;
    this.wTrackCount = ranker.trackCount;
    this.wSameBuyer = ranker.trackSameBuyer;
    this.wBuyerArea = ranker.trackBuyerArea;
    this.wSameField = ranker.trackSameField;
    const fieldSaturate = Math.max(1, ranker.sameFieldSaturateAt);
    this.fieldValues = Float64Array.from({ length: Math.ceil(2 * fieldSaturate) + 1 }, (_, k) => sameFieldValue(k / 2, k / 2, fieldSaturate));
    this.wTrack = trackRecordWeight(ranker);
    const labels = reference.cpv.map((c) => c.labelSv);
    this.decompounder = decompounder ?? domainDecompounder(labels, reference.dictionary ?? []);
    // Document frequencies over the Swedish CPV labels: the procurement vocabulary decides which words
    // are common ("tjänster") and which are telling ("lokalvård").
    const df = new Map<string, number>();
    for (const label of labels) {
      for (const term of new Set(analyse(label, this.decompounder).map((t) => t.term))) df.set(term, (df.get(term) ?? 0) + 1);
    }
    const n = labels.length;
    for (const [term, count] of df) this.idf.set(term, Math.log((n + 1) / (count + 1)) + 1);
    this.unknownIdf = Math.log((n + 1) / 2) + 1;
    for (const m of reference.municipalities) {
      this.municipalityIndex.set(m.code, this.locationPoints.length);
      this.locationPoints.push({ lat: m.lat, lon: m.lon, countyCode: m.countyCode });
      this.municipalityNames.set(m.code, m.name);
    }
    for (const c of reference.counties) {
      this.countyIndex.set(c.code, this.locationPoints.length);
      this.locationPoints.push({ lat: c.lat, lon: c.lon, countyCode: c.code });
      this.countyNames.set(c.code, c.name);
    }
  }

  // ---------------------------------------------------------------- features

  needFeatures(need: NeedInput): NeedFeatures {
    const budgetMin = need.budgetMinSek ?? 0;
    const budgetTarget = need.budgetMaxSek ?? need.budgetMinSek ?? 0;
    return {
      kind: 'need',
      input: need,
      text: this.vector(
        [
          [need.title, TEXT.titleWeight],
          [need.description, TEXT.bodyWeight],
        ],
        'need',
      ),
      cpv: cpvFeatures(need.cpvCodes),
      ...sdgFeatures(need.sdgs),
      geography: this.geographyTable(need.municipalityCode, need.countyCode),
      budgetTarget,
      budgetMin,
      buyerKey: this.buyerKey(need.buyerOrganizationId),
      ...this.needArea(need.municipalityCode, need.countyCode),
      reservedOnly: need.form === 'RESERVED_CONTRACT',
      iopOnly: need.form === 'IOP',
    };
  }

  /**
   * An enterprise's features. With `keepText: false` the features keep no text (no words for reasons,
   * no description): what a cache of a hundred thousand enterprises holds; explain a pair with features
   * made with the text.
   */
  profileFeatures(profile: ProfileInput, options: { keepText?: boolean } = {}): ProfileFeatures {
    const keepText = options.keepText ?? true;
    const locations = new Set<number>();
    for (const code of profile.municipalityCodes) {
      const index = this.municipalityIndex.get(code);
      if (index !== undefined) locations.add(index);
    }
    for (const code of profile.countyCodes) {
      const index = this.countyIndex.get(code);
      if (index !== undefined) locations.add(index);
    }
    const track = profile.trackRecord;
    const text = this.vector(
      [
        [profile.services, TEXT.servicesWeight],
        [profile.description, TEXT.bodyWeight],
      ],
      'profile',
    );
    if (!keepText) text.surfaces = NO_SURFACES;
    return {
      kind: 'profile',
      input: keepText ? profile : { ...profile, description: '', services: '' },
      key: profile.organizationId,
      text,
      cpv: cpvFeatures(profile.cpvCodes),
      sdgMask: sdgFeatures(profile.sdgs).sdgMask,
      nationwide: profile.nationwide,
      locations: Int16Array.from([...locations].sort((a, b) => a - b)),
      maxContract: profile.maxContractSek ?? Number.NaN,
      reservedEligible: profile.workIntegrating && (profile.farFromLabourMarketShare ?? 0) >= RESERVED_CONTRACT_MIN_SHARE,
      ideburen: profile.ideburen,
      trackCountValue: trackRecordCountValue(trackRecordEvidence(track).points),
      ...this.trackBuyerFeatures(track?.buyerOrganizationIds ?? []),
      trackAreas: this.trackAreas(track?.buyerMunicipalityCodes ?? [], track?.buyerCountyCodes ?? []),
      ...trackRecordFields(track?.partnershipCpvCodes ?? []),
    };
  }

  /** The buyers an enterprise has worked for (keys ascending), each with the same-buyer part it gives. */
  private trackBuyerFeatures(ids: readonly string[]): { trackBuyers: Int32Array; trackBuyerValues: Float64Array } {
    const counts = new Map<number, number>();
    for (const id of ids) {
      const key = this.buyerKey(id);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const trackBuyers = Int32Array.from(counts.keys()).sort();
    const saturate = Math.max(1, this.ranker.sameBuyerSaturateAt);
    const trackBuyerValues = Float64Array.from(trackBuyers, (key) => Math.min(1, Math.log1p(counts.get(key)!) / Math.log1p(saturate)));
    return { trackBuyers, trackBuyerValues };
  }

  /** The places of the buyers an enterprise has worked for: their municipalities and counties (a municipality's county too). */
  private trackAreas(municipalities: readonly string[], counties: readonly string[]): Int16Array {
    const areas = new Set<number>();
    for (const code of municipalities) {
      const index = this.municipalityIndex.get(code);
      if (index === undefined) continue;
      areas.add(index);
      const county = this.countyIndex.get(this.locationPoints[index].countyCode);
      if (county !== undefined) areas.add(county);
    }
    for (const code of counties) {
      const index = this.countyIndex.get(code);
      if (index !== undefined) areas.add(index);
    }
    return Int16Array.from([...areas].sort((a, b) => a - b));
  }

  private needArea(municipalityCode: string | null, countyCode: string | null): { municipalityLocation: number; countyLocation: number; countyAreaValue: number } {
    const municipalityLocation = municipalityCode ? (this.municipalityIndex.get(municipalityCode) ?? -1) : -1;
    const county = municipalityLocation >= 0 ? this.locationPoints[municipalityLocation].countyCode : countyCode;
    const countyLocation = county ? (this.countyIndex.get(county) ?? -1) : -1;
    return { municipalityLocation, countyLocation, countyAreaValue: municipalityLocation >= 0 ? TRACK_RECORD.buyerCountyValue : 1 };
  }

  /** The enterprise alone, packed for the kernel (made when first needed, kept while the features live). */
  blockOf(p: ProfileFeatures): ProfileBlock {
    let block = this.singles.get(p);
    if (!block) {
      block = ProfileBlock.pack([p]);
      this.singles.set(p, block);
    }
    return block;
  }

  /** The stem behind a term id, for reasons and tests. */
  termName(id: number): string {
    return termOfKey(this.termNames[id]);
  }

  // ---------------------------------------------------------------- the kernel

  /**
   * The kernel: the score of a need against enterprise `i` of a block, 0–100 (unrounded), or a
   * negative number when the pair is not a match (not eligible, or nothing in common in text or CPV
   * codes). With `out`, the components are written to it. Allocates nothing.
   */
  scoreAt(n: NeedFeatures, b: ProfileBlock, i: number, out?: Float64Array): number {
    const flags = b.flags[i];
    if ((n.reservedOnly && (flags & 2) === 0) || (n.iopOnly && (flags & 4) === 0)) return NOT_ELIGIBLE;
    const cosine = textCosine(n.text, b, i);
    const category = cpvSimilarity(n.cpv, b, i);
    if (cosine <= 0 && category <= 0) return NOT_A_MATCH;
    const text = Math.sqrt(cosine > 1 ? 1 : cosine);
    let sum = this.wText * text + this.wCategory * category;
    let weights = this.wText + this.wCategory;
    let applies = 0b000011;

    let geography = 0;
    const table = n.geography;
    if (table !== null) {
      const first = b.locationStart[i];
      const end = b.locationStart[i + 1];
      geography = (flags & 1) !== 0 ? GEOGRAPHY.nationwide : first === end ? GEOGRAPHY.unknown : 0;
      const locations = b.locations;
      for (let k = first; k < end; k++) {
        const v = table[locations[k]];
        if (v > geography) geography = v;
      }
      sum += this.wGeography * geography;
      weights += this.wGeography;
      applies |= 0b000100;
    }

    let sdg = 0;
    if (n.sdgCount > 0) {
      sdg = popcount(n.sdgMask & b.sdgMask[i]) / n.sdgCount;
      sum += this.wSdg * sdg;
      weights += this.wSdg;
      applies |= 0b001000;
    }

    let capacity = 0;
    if (n.budgetTarget > 0) {
      const max = b.maxContract[i];
      if (max !== max) capacity = CAPACITY_UNKNOWN;
      else if (max >= n.budgetTarget) capacity = 1;
      else if (n.budgetMin > 0 && max >= n.budgetMin) capacity = 0.75;
      else capacity = max > 0 ? (0.7 * max) / n.budgetTarget : 0;
      sum += this.wCapacity * capacity;
      weights += this.wCapacity;
      applies |= 0b010000;
    }

    let sameBuyer = 0;
    const buyers = b.buyers;
    for (let k = b.buyerStart[i], end = b.buyerStart[i + 1]; k < end; k++) {
      if (buyers[k] === n.buyerKey) {
        sameBuyer = b.buyerValues[k];
        break;
      }
    }
    let area = 0;
    // A part with no weight is looked up only when the components are asked for (training reads them).
    if (n.countyLocation >= 0 && (this.wBuyerArea > 0 || out !== undefined)) {
      const areas = b.areas;
      for (let k = b.areaStart[i], end = b.areaStart[i + 1]; k < end; k++) {
        const a = areas[k];
        if (a === n.municipalityLocation) {
          area = 1;
          break;
        }
        if (a === n.countyLocation) area = n.countyAreaValue;
      }
    }
    let field = 0;
    const fieldStart = b.fieldStart[i];
    const fieldEnd = b.fieldStart[i + 1];
    if (fieldStart < fieldEnd && (this.wSameField > 0 || out !== undefined)) field = this.sameField(n.cpv, b, fieldStart, fieldEnd);
    const trackSum = this.wTrackCount * b.trackCountValue[i] + this.wSameBuyer * sameBuyer + this.wBuyerArea * area + this.wSameField * field;
    const track = this.wTrack > 0 ? trackSum / this.wTrack : 0;
    sum += trackSum;
    weights += this.wTrack;
    applies |= 0b100000;

    if (out !== undefined) {
      out[SLOT.text] = text;
      out[SLOT.category] = category;
      out[SLOT.geography] = geography;
      out[SLOT.sdg] = sdg;
      out[SLOT.capacity] = capacity;
      out[SLOT.trackRecord] = track;
      out[APPLIES_SLOT] = applies;
      if (out.length > TRACK_SLOT.sameField) {
        out[TRACK_SLOT.count] = b.trackCountValue[i];
        out[TRACK_SLOT.sameBuyer] = sameBuyer;
        out[TRACK_SLOT.buyerArea] = area;
        out[TRACK_SLOT.sameField] = field;
      }
    }
    return (100 * sum) / weights;
  }

  /**
   * The same-field part for the fields `start`…`end` of a block: the best over the need's codes of the
   * partnerships in the code's class (whole) and group (half), looked up in the precomputed scale.
   */
  private sameField(c: CpvFeatures, b: ProfileBlock, start: number, end: number): number {
    const fields = b.fields;
    const counts = b.fieldCounts;
    const table = this.fieldValues;
    let best = 0;
    for (let j = 0; j < c.count; j++) {
      const group = c.prefixes[j * 7 + 1];
      const cls = FIELD_CLASS_OFFSET + c.prefixes[j * 7 + 2];
      let inGroup = 0;
      let inClass = 0;
      for (let k = start; k < end; k++) {
        const key = fields[k];
        if (key === group) inGroup = counts[k];
        else if (key === cls) {
          inClass = counts[k];
          break; // classes come after groups
        }
      }
      const halves = inClass + inGroup;
      const v = halves < table.length ? table[halves] : 1;
      if (v > best) best = v;
    }
    return best;
  }

  /**
   * The same-field part of a pair for its explanation: its value, and the need's code whose class (or,
   * failing that, group) the most partnerships share, with how many; null when none does.
   */
  sameFieldOf(n: NeedFeatures, p: ProfileFeatures): { value: number; partnerships: number; level: 'class' | 'group'; prefix: string } | null {
    if (p.trackFields.length === 0) return null;
    const value = this.sameField(n.cpv, this.blockOf(p), 0, p.trackFields.length);
    let best: { partnerships: number; level: 'class' | 'group'; prefix: string } | null = null;
    for (let j = 0; j < n.cpv.count; j++) {
      const code = String(n.cpv.prefixes[j * 7 + 6]).padStart(8, '0');
      const inClass = countOf(p, FIELD_CLASS_OFFSET + n.cpv.prefixes[j * 7 + 2]);
      const inGroup = countOf(p, n.cpv.prefixes[j * 7 + 1]);
      const candidate =
        inClass > 0
          ? { partnerships: inClass, level: 'class' as const, prefix: code.slice(0, 4) }
          : inGroup > 0
            ? { partnerships: inGroup, level: 'group' as const, prefix: code.slice(0, 3) }
            : null;
      if (candidate && (!best || (candidate.level === 'class' && best.level === 'group') || (candidate.level === best.level && candidate.partnerships > best.partnerships)))
        best = candidate;
    }
    return best && { value, ...best };
  }

  /** One pair through the kernel (the enterprise as a block of one). */
  scorePair(n: NeedFeatures, p: ProfileFeatures, out?: Float64Array): number {
    return this.scoreAt(n, this.blockOf(p), 0, out);
  }

  /** The best `limit` enterprises of a block for a need, at or above `minScore`; ties by organisation id. */
  rankProfiles(need: NeedFeatures, block: ProfileBlock, limit: number, minScore = 0): { score: number; profile: ProfileFeatures }[] {
    const top = new TopN<number>(limit);
    const release = this.densify(need.text);
    try {
      for (let i = 0; i < block.size; i++) {
        const score = this.scoreAt(need, block, i);
        if (score < 0) continue;
        const rounded = roundScore(score);
        if (rounded < minScore || rounded < top.threshold) continue;
        top.offer(rounded, block.key(i), i);
      }
    } finally {
      release();
    }
    return top.sorted().map((e) => ({ score: e.score, profile: block.profiles[e.item] }));
  }

  /** The best `limit` needs for an enterprise, at or above `minScore`; ties by need id. */
  rankNeeds(profile: ProfileFeatures, needs: Iterable<NeedFeatures>, limit: number, minScore = 0): { score: number; need: NeedFeatures }[] {
    const top = new TopN<NeedFeatures>(limit);
    const block = this.blockOf(profile);
    const release = this.densifyBlock(block);
    try {
      for (const n of needs) {
        const score = this.scoreAt(n, block, 0);
        if (score < 0) continue;
        const rounded = roundScore(score);
        if (rounded >= minScore) top.offer(rounded, n.input.id, n);
      }
    } finally {
      release();
    }
    return top.sorted().map((e) => ({ score: e.score, need: e.item }));
  }

  /**
   * Spreads a need's text over every term id known now, for the time it is scored against many
   * enterprises; the returned function takes the table away again. Scores are the same either way.
   */
  densify(vector: TextVector): () => void {
    if (vector.dense) return () => {};
    vector.dense = this.spread(vector.terms, vector.weights);
    return () => {
      vector.dense = null;
    };
  }

  /** The same for a block of one enterprise scored against many needs. */
  densifyBlock(block: ProfileBlock): () => void {
    if (block.dense || block.size !== 1) return () => {};
    block.dense = this.spread(block.terms, block.weights);
    return () => {
      block.dense = null;
    };
  }

  private spread(terms: Int32Array, weights: Int32Array): Int32Array {
    const dense = new Int32Array(this.termNames.length);
    for (let i = 0; i < terms.length; i++) dense[terms[i]] = weights[i];
    return dense;
  }

  // ---------------------------------------------------------------- explained scores

  /** The pair's score with its components and reasons, exactly as the kernel ranks it. */
  explain(n: NeedFeatures, p: ProfileFeatures): MatchResult {
    const out = this.scratch;
    out.fill(0);
    const raw = this.scorePair(n, p, out);
    return explainMatch(this, n, p, raw, out, APPLIES_SLOT);
  }

  /** `score(need, profile)`: features and explanation in one call, for one pair. */
  score(need: NeedInput, profile: ProfileInput): MatchResult {
    return this.explain(this.needFeatures(need), this.profileFeatures(profile));
  }

  /** The shared terms of a pair with their contribution to the cosine, largest first. */
  sharedTerms(n: NeedFeatures, p: ProfileFeatures): { term: number; contribution: number }[] {
    const shared: { term: number; contribution: number }[] = [];
    const a = n.text;
    const b = p.text;
    let i = 0;
    let j = 0;
    while (i < a.terms.length && j < b.terms.length) {
      if (a.terms[i] === b.terms[j]) {
        shared.push({ term: a.terms[i], contribution: (a.weights[i] * b.weights[j]) / DOT_SCALE });
        i++;
        j++;
      } else if (a.terms[i] < b.terms[j]) i++;
      else j++;
    }
    // Ties by the stem itself, not by its id: ids depend on what the process saw first.
    const name = (id: number) => this.termNames[id];
    return shared.sort((x, y) => y.contribution - x.contribution || (name(x.term) < name(y.term) ? -1 : name(x.term) > name(y.term) ? 1 : 0));
  }

  /** The distance in km from the need's place to the nearest of the enterprise's places, if both have one. */
  nearestPlace(n: NeedFeatures, p: ProfileFeatures): { location: number; km: number } | null {
    const origin = this.needPoint(n.input.municipalityCode, n.input.countyCode);
    if (!origin) return null;
    let best: { location: number; km: number } | null = null;
    for (const location of p.locations) {
      const km = haversineKm(origin, this.locationPoints[location]);
      if (!best || km < best.km) best = { location, km };
    }
    return best;
  }

  /** The county a municipality belongs to. */
  countyOfMunicipality(code: string): string | null {
    const index = this.municipalityIndex.get(code);
    return index === undefined ? null : this.locationPoints[index].countyCode;
  }

  /** The municipality or county code of a location index. */
  locationCode(location: number): { kind: 'municipality' | 'county'; code: string } {
    for (const [code, index] of this.municipalityIndex) if (index === location) return { kind: 'municipality', code };
    for (const [code, index] of this.countyIndex) if (index === location) return { kind: 'county', code };
    throw new RangeError(`no location ${location}`);
  }

  // ---------------------------------------------------------------- internals

  /**
   * A text's TF-IDF vector. Each stem is weighed once per role it has in the text (the word itself
   * counts in full, a root or a compound part `compoundPartWeight`), and the vector is normalised by
   * the text's similarity with itself. Then each is filed under keys that say which role of the other side it may meet (MEETS):
   * an enterprise files a stem under its own role ("head:vård"), a need under every role of the
   * enterprise's that its role meets. So the dot product adds up exactly the pairs where one word is
   * contained in the other, and the kernel stays a plain sparse dot product.
   */
  private vector(fields: [string, number][], side: 'need' | 'profile'): TextVector {
    const tf = new Map<string, number>();
    const firstSurface = new Map<string, string>();
    for (const [text, fieldWeight] of fields) {
      for (const t of analyse(text, this.decompounder)) {
        const semantic = `${t.role}:${t.term}`;
        tf.set(semantic, (tf.get(semantic) ?? 0) + fieldWeight * (t.role === 'word' ? 1 : TEXT.compoundPartWeight));
        if (!firstSurface.has(semantic)) firstSurface.set(semantic, t.surface);
      }
    }
    // Weights are computed in key order and kept as integers, so that a dot product is exact whatever
    // ids the keys got in this process: two workers produce the very same scores.
    const entries = [...tf.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const raw = entries.map(([semantic, count]) => Math.sqrt(count) * (this.idf.get(termOfKey(semantic)) ?? this.unknownIdf));
    // The norm is the text's similarity with itself under the same rule, so that a text meets itself at 1.
    const byTerm = new Map<string, { role: TermRole; weight: number }[]>();
    entries.forEach(([semantic], i) => {
      const term = termOfKey(semantic);
      const list = byTerm.get(term) ?? [];
      list.push({ role: roleOfKey(semantic), weight: raw[i] });
      byTerm.set(term, list);
    });
    let self = 0;
    for (const [term, list] of byTerm) for (const a of list) for (const b of list) if (rolesMeet(term, a.role, b.role)) self += a.weight * b.weight;
    const norm = Math.sqrt(self);
    const weights = new Map<number, number>();
    const surfaces = new Map<number, string>();
    entries.forEach(([semantic], i) => {
      const weight = norm > 0 ? Math.round((raw[i] / norm) * WEIGHT_SCALE) : 0;
      if (weight <= 0) return;
      const role = roleOfKey(semantic);
      const term = termOfKey(semantic);
      const keys = side === 'profile' ? [role] : MEETS[role].filter((other) => rolesMeet(term, role, other));
      for (const other of keys) {
        const id = this.termId(`${other}:${term}`);
        weights.set(id, (weights.get(id) ?? 0) + weight);
        if (!surfaces.has(id)) surfaces.set(id, firstSurface.get(semantic)!);
      }
    });
    const ids = [...weights.keys()].sort((a, b) => a - b);
    return { terms: Int32Array.from(ids), weights: Int32Array.from(ids.map((id) => weights.get(id)!)), surfaces, dense: null };
  }

  private termId(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.termNames.length;
      this.termIds.set(term, id);
      this.termNames.push(term);
    }
    return id;
  }

  private buyerKey(id: string): number {
    let key = this.buyerKeys.get(id);
    if (key === undefined) {
      key = this.buyerKeys.size;
      this.buyerKeys.set(id, key);
    }
    return key;
  }

  private needPoint(municipalityCode: string | null, countyCode: string | null): { lat: number; lon: number; countyCode: string } | null {
    const index = municipalityCode ? this.municipalityIndex.get(municipalityCode) : undefined;
    if (index !== undefined) return this.locationPoints[index];
    const county = countyCode ? this.countyIndex.get(countyCode) : undefined;
    return county !== undefined ? this.locationPoints[county] : null;
  }

  /** For each location an enterprise can name, the geography component it gives against this place. */
  private geographyTable(municipalityCode: string | null, countyCode: string | null): Float32Array | null {
    const origin = this.needPoint(municipalityCode, countyCode);
    if (!origin) return null;
    const municipality = municipalityCode && this.municipalityIndex.has(municipalityCode) ? this.municipalityIndex.get(municipalityCode)! : -1;
    const table = new Float32Array(this.locationPoints.length);
    this.locationPoints.forEach((point, location) => {
      if (location === municipality) table[location] = GEOGRAPHY.sameMunicipality;
      else if (point.countyCode === origin.countyCode) {
        // A need for a whole county is met in full by working anywhere in it.
        table[location] = municipality === -1 ? GEOGRAPHY.sameMunicipality : GEOGRAPHY.sameCounty;
      } else {
        const km = haversineKm(origin, point);
        table[location] = GEOGRAPHY.nearBase + GEOGRAPHY.nearRange * Math.exp(-km / GEOGRAPHY.nearDecayKm);
      }
    });
    return table;
  }
}

/** How many of an enterprise's partnerships are in a field (a key of trackFields). */
function countOf(p: ProfileFeatures, key: number): number {
  const k = p.trackFields.indexOf(key);
  return k < 0 ? 0 : p.trackFieldCounts[k];
}

/** The stem of a key "role:stem". */
function termOfKey(key: string): string {
  return key.slice(key.indexOf(':') + 1);
}

function roleOfKey(key: string): TermRole {
  return key.slice(0, key.indexOf(':')) as TermRole;
}

/** Scores are kept and compared with two decimals, so that equal-looking scores rank by id. */
export function roundScore(score: number): number {
  return Math.round(score * 100) / 100;
}

function textCosine(n: TextVector, b: ProfileBlock, i: number): number {
  const start = b.termStart[i];
  const end = b.termStart[i + 1];
  const terms = b.terms;
  const weights = b.weights;
  let sum = 0;
  const dense = n.dense;
  if (dense !== null) {
    // Terms with ids beyond the table came after it was made, so the need does not have them.
    const size = dense.length;
    for (let k = start; k < end; k++) {
      const t = terms[k];
      if (t < size) sum += dense[t] * weights[k];
    }
    return sum / DOT_SCALE;
  }
  const other = b.dense;
  if (other !== null) {
    const size = other.length;
    for (let k = 0; k < n.terms.length; k++) {
      const t = n.terms[k];
      if (t < size) sum += other[t] * n.weights[k];
    }
    return sum / DOT_SCALE;
  }
  let j = start;
  let k = 0;
  const nt = n.terms;
  const nw = n.weights;
  while (k < nt.length && j < end) {
    const x = nt[k];
    const y = terms[j];
    if (x === y) sum += nw[k++] * weights[j++];
    else if (x < y) k++;
    else j++;
  }
  return sum / DOT_SCALE;
}

/**
 * For each of the need's codes the best match among the enterprise's, averaged: an enterprise that
 * covers all of a need's codes ranks above one that covers one of them.
 */
function cpvSimilarity(n: CpvFeatures, b: ProfileBlock, index: number): number {
  const first = b.cpvStart[index];
  const last = b.cpvStart[index + 1];
  if (n.count === 0 || first === last) return 0;
  let total = 0;
  const np = n.prefixes;
  const pp = b.cpvPrefixes;
  const ps = b.cpvSignificant;
  for (let i = 0; i < n.count; i++) {
    let best = 0;
    const ni = i * 7;
    for (let j = first; j < last && best < 1; j++) {
      const pj = j * 7;
      const depth = sharedDigits(np, ni, pp, pj);
      if (depth === 0) continue; // different divisions
      const s = cpvPairValue(depth, n.significant[i], ps[j]);
      if (s > best) best = s;
    }
    total += best;
  }
  return total / n.count;
}

function sdgFeatures(sdgs: readonly number[]): { sdgMask: number; sdgCount: number } {
  let mask = 0;
  for (const goal of sdgs) if (Number.isInteger(goal) && goal >= 1 && goal <= 17) mask |= 1 << goal;
  return { sdgMask: mask, sdgCount: popcount(mask) };
}

function popcount(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
