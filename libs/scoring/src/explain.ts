import { RESERVED_CONTRACT_MIN_SHARE } from '@samverka/domain';
import { cpvPairLevel, sharedDigits, type CpvLevel } from './cpv.js';
import type { NeedFeatures, ProfileFeatures } from './features.js';
import { trackRecordEvidence } from './track-record.js';
import type { MatchComponent, MatchReason, MatchResult } from './types.js';
import { trackRecordWeight, type RankerWeights } from './ranker.js';
import { ALGORITHM_VERSION, COMPONENT_NAMES, CPV_SIMILARITY, GEOGRAPHY, type ComponentName } from './weights.js';

/**
 * What an explanation reads from the model (ScoringModel implements it): the names of terms and places,
 * and a pair's shared terms and nearest place.
 */
export interface ExplainingModel {
  /** The weights the model ranks with. */
  readonly ranker: RankerWeights;
  readonly municipalityNames: ReadonlyMap<string, string>;
  readonly countyNames: ReadonlyMap<string, string>;
  termName(id: number): string;
  sharedTerms(n: NeedFeatures, p: ProfileFeatures): { term: number; contribution: number }[];
  nearestPlace(n: NeedFeatures, p: ProfileFeatures): { location: number; km: number } | null;
  countyOfMunicipality(code: string): string | null;
  locationCode(location: number): { kind: 'municipality' | 'county'; code: string };
  sameFieldOf(n: NeedFeatures, p: ProfileFeatures): { value: number; partnerships: number; level: 'class' | 'group'; prefix: string } | null;
}

/**
 * Turns a scored pair into components and reasons. Reasons carry what a procurement officer can check,
 * in no language: the shared words, the CPV codes, the places, the goals, the amounts, the partnerships
 * (the matching feature words them, with the codes' labels and the goals' titles, in the reader's
 * language). The most important reason comes first.
 */
export function explainMatch(model: ExplainingModel, n: NeedFeatures, p: ProfileFeatures, raw: number, slots: Float64Array, appliesSlot: number): MatchResult {
  const ineligible = eligibilityProblem(n, p);
  if (ineligible) {
    return { score: 0, eligible: false, relevant: true, components: emptyComponents(model.ranker), reasons: [ineligible], algorithmVersion: ALGORITHM_VERSION };
  }
  if (raw < 0) {
    return {
      score: 0,
      eligible: true,
      relevant: false,
      components: emptyComponents(model.ranker),
      reasons: [{ code: 'relevance.none', component: 'text', params: {} }],
      algorithmVersion: ALGORITHM_VERSION,
    };
  }
  const applies = slots[appliesSlot];
  const weights = componentWeights(model.ranker);
  const components: MatchComponent[] = COMPONENT_NAMES.map((name, slot) => ({
    name,
    value: Math.round(slots[slot] * 10_000) / 10_000,
    weight: weights[name],
    applicable: (applies & (1 << slot)) !== 0,
  }));
  const ranked = components
    .filter((c) => c.applicable)
    .sort((a, b) => b.weight * b.value - a.weight * a.value || COMPONENT_NAMES.indexOf(a.name) - COMPONENT_NAMES.indexOf(b.name));
  const reasons: MatchReason[] = [];
  const eligibility = eligibilityReason(n, p);
  if (eligibility) reasons.push(eligibility);
  for (const component of ranked) {
    const reason = REASONS[component.name](model, n, p, component.value);
    if (reason) reasons.push(reason);
  }
  return { score: Math.round(raw * 100) / 100, eligible: true, relevant: true, components, reasons, algorithmVersion: ALGORITHM_VERSION };
}

/** Each component's weight under a ranker (the track record's is the sum of its parts). */
export function componentWeights(w: RankerWeights): Record<ComponentName, number> {
  return { text: w.text, category: w.category, geography: w.geography, sdg: w.sdg, capacity: w.capacity, trackRecord: trackRecordWeight(w) };
}

function emptyComponents(ranker: RankerWeights): MatchComponent[] {
  const weights = componentWeights(ranker);
  return COMPONENT_NAMES.map((name) => ({ name, value: 0, weight: weights[name], applicable: false }));
}

/** The need's municipality or county when the enterprise has worked for a buyer there (the municipality first), else null. */
function buyerArea(model: ExplainingModel, n: NeedFeatures, p: ProfileFeatures): string | null {
  if (n.municipalityLocation >= 0 && p.trackAreas.includes(n.municipalityLocation)) return model.municipalityNames.get(n.input.municipalityCode!) ?? null;
  if (n.countyLocation >= 0 && p.trackAreas.includes(n.countyLocation)) {
    const code = model.locationCode(n.countyLocation).code;
    return model.countyNames.get(code) ?? null;
  }
  return null;
}

function eligibilityProblem(n: NeedFeatures, p: ProfileFeatures): MatchReason | null {
  const share = p.input.farFromLabourMarketShare ?? 0;
  if (n.reservedOnly && !p.input.workIntegrating) {
    return { code: 'eligibility.reserved.notWorkIntegrating', component: 'eligibility', params: {} };
  }
  if (n.reservedOnly && !p.reservedEligible) {
    return p.input.farFromLabourMarketShare === null
      ? { code: 'eligibility.reserved.shareUnknown', component: 'eligibility', params: { minShare: RESERVED_CONTRACT_MIN_SHARE } }
      : { code: 'eligibility.reserved.shareTooLow', component: 'eligibility', params: { minShare: RESERVED_CONTRACT_MIN_SHARE, share } };
  }
  if (n.iopOnly && !p.ideburen) {
    return { code: 'eligibility.iop.notIdeburen', component: 'eligibility', params: {} };
  }
  return null;
}

function eligibilityReason(n: NeedFeatures, p: ProfileFeatures): MatchReason | null {
  if (n.reservedOnly) {
    return { code: 'eligibility.reserved', component: 'eligibility', params: { share: p.input.farFromLabourMarketShare ?? 0 } };
  }
  if (n.iopOnly) {
    return { code: 'eligibility.iop', component: 'eligibility', params: {} };
  }
  return null;
}

type ReasonFn = (model: ExplainingModel, n: NeedFeatures, p: ProfileFeatures, value: number) => MatchReason | null;

const REASONS: Record<ComponentName, ReasonFn> = {
  text(model, n, p) {
    const shared = model.sharedTerms(n, p);
    if (shared.length === 0) return { code: 'text.none', component: 'text', params: {} };
    // One entry per word of the need, each with the enterprise's word that met it.
    const words: { need: string; profile: string }[] = [];
    const seen = new Set<string>();
    for (const { term } of shared) {
      const needWord = n.text.surfaces.get(term) ?? model.termName(term);
      const profileWord = p.text.surfaces.get(term) ?? model.termName(term);
      if (seen.has(needWord) || seen.has(profileWord)) continue;
      seen.add(needWord).add(profileWord);
      words.push({ need: needWord, profile: profileWord });
      if (words.length === 4) break;
    }
    return { code: 'text.shared', component: 'text', params: { words } };
  },

  category(_model, n, p, value) {
    if (value === 0) return { code: 'category.none', component: 'category', params: {} };
    const best = bestCpvPair(n, p);
    return { code: `category.${best.level}`, component: 'category', params: { needCode: best.need, profileCode: best.profile } };
  },

  geography(model, n, p, value) {
    const place = n.input.municipalityCode ? model.municipalityNames.get(n.input.municipalityCode) : undefined;
    const countyCode = n.input.countyCode ?? (n.input.municipalityCode ? model.countyOfMunicipality(n.input.municipalityCode) : null);
    const county = countyCode ? model.countyNames.get(countyCode) : undefined;
    const where = place ?? county ?? '';
    if (value >= GEOGRAPHY.sameMunicipality) {
      return { code: 'geography.sameMunicipality', component: 'geography', params: { place: where } };
    }
    if (value >= GEOGRAPHY.sameCounty) {
      return { code: 'geography.sameCounty', component: 'geography', params: { county: county ?? where } };
    }
    const nearest = model.nearestPlace(n, p);
    const nationwideValue = p.nationwide ? GEOGRAPHY.nationwide : 0;
    if (nearest && value > nationwideValue) {
      const { kind, code } = model.locationCode(nearest.location);
      const name = kind === 'municipality' ? model.municipalityNames.get(code) : model.countyNames.get(code);
      return { code: 'geography.near', component: 'geography', params: { nearest: name ?? '', km: Math.round(nearest.km), place: where } };
    }
    if (p.nationwide) return { code: 'geography.nationwide', component: 'geography', params: {} };
    if (p.locations.length === 0) return { code: 'geography.unknown', component: 'geography', params: {} };
    return { code: 'geography.none', component: 'geography', params: { place: where } };
  },

  sdg(_model, n, p) {
    const shared: number[] = [];
    for (let goal = 1; goal <= 17; goal++) if ((n.sdgMask & p.sdgMask & (1 << goal)) !== 0) shared.push(goal);
    if (shared.length === 0) return { code: 'sdg.none', component: 'sdg', params: {} };
    return { code: 'sdg.shared', component: 'sdg', params: { goals: shared, needGoals: n.sdgCount } };
  },

  capacity(_model, n, p, value) {
    const max = p.maxContract;
    const budget = n.budgetTarget;
    if (max !== max) return { code: 'capacity.unknown', component: 'capacity', params: {} };
    const amounts = { maxContractSek: Math.round(max), budgetSek: Math.round(budget) };
    return value >= 1 ? { code: 'capacity.enough', component: 'capacity', params: amounts } : { code: 'capacity.short', component: 'capacity', params: amounts };
  },

  trackRecord(model, n, p) {
    const { completed, completedWithImpact, ongoingWithImpact } = trackRecordEvidence(p.input.trackRecord);
    const withBuyer = (p.input.trackRecord?.buyerOrganizationIds ?? []).includes(n.input.buyerOrganizationId);
    const area = withBuyer || model.ranker.trackBuyerArea === 0 ? null : buyerArea(model, n, p);
    if (completed === 0 && ongoingWithImpact === 0 && !withBuyer && area === null) return { code: 'trackRecord.none', component: 'trackRecord', params: {} };
    const counts = { completed, completedWithImpact, ongoingWithImpact };
    // The field is named when its part counts for more than the same buyer's.
    const field = model.ranker.trackSameField > 0 ? model.sameFieldOf(n, p) : null;
    if (field && field.value > 0 && model.ranker.trackSameField * field.value >= (withBuyer ? model.ranker.trackSameBuyer * sameBuyerValue(n, p) : 0)) {
      return { code: 'trackRecord.sameField', component: 'trackRecord', params: { partnerships: field.partnerships, level: field.level, prefix: field.prefix } };
    }
    if (withBuyer) return { code: 'trackRecord.sameBuyer', component: 'trackRecord', params: counts };
    if (area !== null) return { code: 'trackRecord.sameArea', component: 'trackRecord', params: { ...counts, place: area } };
    return { code: 'trackRecord.partnerships', component: 'trackRecord', params: counts };
  },
};

/** The same-buyer part of a pair (0 when the enterprise has not worked for the need's buyer). */
function sameBuyerValue(n: NeedFeatures, p: ProfileFeatures): number {
  const k = p.trackBuyers.indexOf(n.buyerKey);
  return k < 0 ? 0 : p.trackBuyerValues[k];
}

function bestCpvPair(n: NeedFeatures, p: ProfileFeatures): { need: string; profile: string; level: CpvLevel } {
  let best: { need: string; profile: string; level: CpvLevel; value: number } | null = null;
  const code = (f: NeedFeatures['cpv'], i: number) => String(f.prefixes[i * 7 + 6]).padStart(8, '0');
  for (let i = 0; i < n.cpv.count; i++) {
    for (let j = 0; j < p.cpv.count; j++) {
      const depth = sharedDigits(n.cpv.prefixes, i * 7, p.cpv.prefixes, j * 7);
      if (depth === 0) continue;
      const level = cpvPairLevel(depth, n.cpv.significant[i], p.cpv.significant[j]);
      const value = CPV_SIMILARITY[level];
      // The reason says when one code contains the other, whatever level it is valued at.
      const contains = depth >= Math.min(n.cpv.significant[i], p.cpv.significant[j]);
      const shown: CpvLevel = contains && level !== 'sameCode' ? 'ancestor' : level;
      if (!best || value > best.value) best = { need: code(n.cpv, i), profile: code(p.cpv, j), level: shown, value };
    }
  }
  return best ?? { need: '', profile: '', level: 'division' };
}
