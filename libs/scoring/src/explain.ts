import { RESERVED_CONTRACT_MIN_SHARE } from '@samverka/domain';
import { cpvPairLevel, sharedDigits, type CpvLevel } from './cpv.js';
import type { NeedFeatures, ProfileFeatures } from './features.js';
import { trackRecordEvidence } from './track-record.js';
import type { MatchComponent, MatchReason, MatchResult } from './types.js';
import { ALGORITHM_VERSION, COMPONENT_NAMES, CPV_SIMILARITY, GEOGRAPHY, WEIGHTS, type ComponentName } from './weights.js';

/**
 * What an explanation reads from the model (ScoringModel implements it): the names of terms, CPV codes,
 * goals and places, and a pair's shared terms and nearest place.
 */
export interface ExplainingModel {
  readonly cpvLabels: ReadonlyMap<number, { code8: string; sv: string; en: string }>;
  readonly sdgTitles: ReadonlyMap<number, { sv: string; en: string }>;
  readonly municipalityNames: ReadonlyMap<string, string>;
  readonly countyNames: ReadonlyMap<string, string>;
  termName(id: number): string;
  sharedTerms(n: NeedFeatures, p: ProfileFeatures): { term: number; contribution: number }[];
  nearestPlace(n: NeedFeatures, p: ProfileFeatures): { location: number; km: number } | null;
  countyOfMunicipality(code: string): string | null;
  locationCode(location: number): { kind: 'municipality' | 'county'; code: string };
}

const sek = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 });
const sekEn = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const kmFormat = (km: number) => Math.round(km).toString();

/**
 * Turns a scored pair into components and reasons, in Swedish and in English. Reasons name what a
 * procurement officer can check: the shared words, the CPV codes and their labels, the places, the goals,
 * the amounts, the partnerships. The most important reason comes first.
 */
export function explainMatch(model: ExplainingModel, n: NeedFeatures, p: ProfileFeatures, raw: number, slots: Float64Array, appliesSlot: number): MatchResult {
  const ineligible = eligibilityProblem(n, p);
  if (ineligible) {
    return { score: 0, eligible: false, relevant: true, components: emptyComponents(), reasons: [ineligible], algorithmVersion: ALGORITHM_VERSION };
  }
  if (raw < 0) {
    return {
      score: 0,
      eligible: true,
      relevant: false,
      components: emptyComponents(),
      reasons: [
        {
          code: 'relevance.none',
          component: 'text',
          sv: 'Varken beskrivningen eller CPV-koderna har något gemensamt med behovet',
          en: 'Neither the description nor the CPV codes have anything in common with the need',
        },
      ],
      algorithmVersion: ALGORITHM_VERSION,
    };
  }
  const applies = slots[appliesSlot];
  const components: MatchComponent[] = COMPONENT_NAMES.map((name, slot) => ({
    name,
    value: Math.round(slots[slot] * 10_000) / 10_000,
    weight: WEIGHTS[name],
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

function emptyComponents(): MatchComponent[] {
  return COMPONENT_NAMES.map((name) => ({ name, value: 0, weight: WEIGHTS[name], applicable: false }));
}

function eligibilityProblem(n: NeedFeatures, p: ProfileFeatures): MatchReason | null {
  const share = p.input.farFromLabourMarketShare ?? 0;
  if (n.reservedOnly && !p.input.workIntegrating) {
    return {
      code: 'eligibility.reserved.notWorkIntegrating',
      component: 'eligibility',
      sv: `Reserverad upphandling (LOU 4 kap. 18 §) är bara för arbetsintegrerande företag, och företaget är inte markerat som arbetsintegrerande`,
      en: `A reserved contract (LOU 4 kap. 18 §) is only for work-integrating enterprises, and this enterprise is not marked work-integrating`,
    };
  }
  if (n.reservedOnly && !p.reservedEligible) {
    const unknown = p.input.farFromLabourMarketShare === null;
    return {
      code: unknown ? 'eligibility.reserved.shareUnknown' : 'eligibility.reserved.shareTooLow',
      component: 'eligibility',
      sv: `Reserverad upphandling kräver att minst ${RESERVED_CONTRACT_MIN_SHARE} % av personalen står långt från arbetsmarknaden; ${unknown ? 'företaget har inte angett andelen' : `företaget anger ${share} %`}`,
      en: `A reserved contract needs at least ${RESERVED_CONTRACT_MIN_SHARE} % of staff far from the labour market; ${unknown ? 'the enterprise has not given its share' : `the enterprise reports ${share} %`}`,
    };
  }
  if (n.iopOnly && !p.ideburen) {
    return {
      code: 'eligibility.iop.notIdeburen',
      component: 'eligibility',
      sv: 'Idéburet offentligt partnerskap (IOP) är bara för idéburna organisationer, och organisationen är inte markerad som idéburen',
      en: 'An IOP (idéburet offentligt partnerskap) is only for idéburna organisations, and this one is not marked idéburen',
    };
  }
  return null;
}

function eligibilityReason(n: NeedFeatures, p: ProfileFeatures): MatchReason | null {
  if (n.reservedOnly) {
    const share = p.input.farFromLabourMarketShare ?? 0;
    return {
      code: 'eligibility.reserved',
      component: 'eligibility',
      sv: `Får lämna anbud på reserverad upphandling: arbetsintegrerande, ${share} % av personalen står långt från arbetsmarknaden`,
      en: `May bid for the reserved contract: work-integrating, with ${share} % of staff far from the labour market`,
    };
  }
  if (n.iopOnly) {
    return {
      code: 'eligibility.iop',
      component: 'eligibility',
      sv: 'Idéburen organisation: kan ingå idéburet offentligt partnerskap (IOP)',
      en: 'An idéburen organisation: can enter an IOP (idéburet offentligt partnerskap)',
    };
  }
  return null;
}

type ReasonFn = (model: ExplainingModel, n: NeedFeatures, p: ProfileFeatures, value: number) => MatchReason | null;

const REASONS: Record<ComponentName, ReasonFn> = {
  text(model, n, p) {
    const shared = model.sharedTerms(n, p);
    if (shared.length === 0) {
      return { code: 'text.none', component: 'text', sv: 'Beskrivningen har inga ord gemensamma med behovet', en: 'The description shares no words with the need' };
    }
    // One entry per word of the need, each with the enterprise's word that met it.
    const words: string[] = [];
    const seen = new Set<string>();
    for (const { term } of shared) {
      const needWord = n.text.surfaces.get(term) ?? model.termName(term);
      const profileWord = p.text.surfaces.get(term) ?? model.termName(term);
      if (seen.has(needWord) || seen.has(profileWord)) continue;
      seen.add(needWord).add(profileWord);
      words.push(needWord === profileWord ? `”${needWord}”` : `”${needWord}” ~ ”${profileWord}”`);
      if (words.length === 4) break;
    }
    return {
      code: 'text.shared',
      component: 'text',
      sv: `Företagets beskrivning träffar behovet: ${words.join(', ')}`,
      en: `The enterprise's description meets the need: ${words.join(', ')}`,
    };
  },

  category(model, n, p, value) {
    if (value === 0) return { code: 'category.none', component: 'category', sv: 'Inga närliggande CPV-koder', en: 'No related CPV codes' };
    const best = bestCpvPair(n, p);
    const label = (code8: string) => model.cpvLabels.get(Number(code8));
    const needLabel = label(best.need);
    const profileLabel = label(best.profile);
    const named = (code8: string, l: { sv: string; en: string } | undefined, lang: 'sv' | 'en') => (l ? `${code8} ${l[lang]}` : code8);
    const levels: Record<string, [string, string]> = {
      sameCode: ['Samma CPV-kod', 'The same CPV code'],
      ancestor: ['CPV-koderna omfattar varandra', 'One CPV code contains the other'],
      category: ['Samma CPV-kategori', 'The same CPV category'],
      class: ['Samma CPV-klass', 'The same CPV class'],
      group: ['Samma CPV-grupp', 'The same CPV group'],
      division: ['Samma CPV-huvudgrupp', 'The same CPV division'],
    };
    const [sv, en] = levels[best.level];
    const both = (lang: 'sv' | 'en') =>
      best.need === best.profile
        ? named(best.need, needLabel, lang)
        : `${named(best.need, needLabel, lang)} ${lang === 'sv' ? 'och' : 'and'} ${named(best.profile, profileLabel, lang)}`;
    return { code: `category.${best.level}`, component: 'category', sv: `${sv}: ${both('sv')}`, en: `${en}: ${both('en')}` };
  },

  geography(model, n, p, value) {
    const place = n.input.municipalityCode ? model.municipalityNames.get(n.input.municipalityCode) : undefined;
    const countyCode = n.input.countyCode ?? (n.input.municipalityCode ? model.countyOfMunicipality(n.input.municipalityCode) : null);
    const county = countyCode ? model.countyNames.get(countyCode) : undefined;
    const where = place ?? county ?? '';
    if (value >= GEOGRAPHY.sameMunicipality) {
      return { code: 'geography.sameMunicipality', component: 'geography', sv: `Verkar i ${where}`, en: `Works in ${where}` };
    }
    if (value >= GEOGRAPHY.sameCounty) {
      return { code: 'geography.sameCounty', component: 'geography', sv: `Verkar i samma län (${county ?? where})`, en: `Works in the same county (${county ?? where})` };
    }
    const nearest = model.nearestPlace(n, p);
    const nationwideValue = p.nationwide ? GEOGRAPHY.nationwide : 0;
    if (nearest && value > nationwideValue) {
      const { kind, code } = model.locationCode(nearest.location);
      const name = kind === 'municipality' ? model.municipalityNames.get(code) : model.countyNames.get(code);
      return {
        code: 'geography.near',
        component: 'geography',
        sv: `Närmaste verksamhetsort ${name} ligger ${kmFormat(nearest.km)} km från ${where}`,
        en: `The nearest place it works, ${name}, is ${kmFormat(nearest.km)} km from ${where}`,
      };
    }
    if (p.nationwide) return { code: 'geography.nationwide', component: 'geography', sv: 'Verkar i hela landet', en: 'Works nationwide' };
    if (p.locations.length === 0) {
      return { code: 'geography.unknown', component: 'geography', sv: 'Har inte angett var företaget verkar', en: 'Has not said where it works' };
    }
    return { code: 'geography.none', component: 'geography', sv: `Verkar inte i eller nära ${where}`, en: `Does not work in or near ${where}` };
  },

  sdg(model, n, p) {
    const shared: number[] = [];
    for (let goal = 1; goal <= 17; goal++) if ((n.sdgMask & p.sdgMask & (1 << goal)) !== 0) shared.push(goal);
    if (shared.length === 0) return { code: 'sdg.none', component: 'sdg', sv: 'Inga gemensamma globala mål', en: 'No shared Sustainable Development Goals' };
    const list = (lang: 'sv' | 'en') => shared.map((g) => `${g} ${model.sdgTitles.get(g)?.[lang] ?? ''}`.trim()).join(', ');
    return {
      code: 'sdg.shared',
      component: 'sdg',
      sv: `Bidrar till ${shared.length === 1 ? 'samma globala mål' : shared.length === n.sdgCount ? `alla behovets ${n.sdgCount} globala mål` : `${shared.length} av behovets ${n.sdgCount} globala mål`}: ${list('sv')}`,
      en: `Contributes to ${shared.length === 1 ? 'the same goal' : shared.length === n.sdgCount ? `all ${n.sdgCount} of the need's goals` : `${shared.length} of the need's ${n.sdgCount} goals`}: ${list('en')}`,
    };
  },

  capacity(_model, n, p, value) {
    const max = p.maxContract;
    const budget = n.budgetTarget;
    if (max !== max) {
      return { code: 'capacity.unknown', component: 'capacity', sv: 'Har inte angett hur stora kontrakt företaget kan ta', en: 'Has not said how large a contract it can take' };
    }
    if (value >= 1) {
      return {
        code: 'capacity.enough',
        component: 'capacity',
        sv: `Kan ta kontrakt upp till ${sek.format(max)} kr; budgeten är ${sek.format(budget)} kr`,
        en: `Can take contracts up to SEK ${sekEn.format(max)}; the budget is SEK ${sekEn.format(budget)}`,
      };
    }
    return {
      code: 'capacity.short',
      component: 'capacity',
      sv: `Största kontrakt företaget kan ta, ${sek.format(max)} kr, är under budgeten ${sek.format(budget)} kr`,
      en: `The largest contract it can take, SEK ${sekEn.format(max)}, is below the budget of SEK ${sekEn.format(budget)}`,
    };
  },

  trackRecord(_model, n, p) {
    const { completed, completedWithImpact, ongoingWithImpact } = trackRecordEvidence(p.input.trackRecord);
    const withBuyer = (p.input.trackRecord?.buyerOrganizationIds ?? []).includes(n.input.buyerOrganizationId);
    if (completed === 0 && ongoingWithImpact === 0 && !withBuyer) {
      return {
        code: 'trackRecord.none',
        component: 'trackRecord',
        sv: 'Inga avslutade partnerskap eller bekräftad effekt ännu',
        en: 'No completed partnerships or confirmed impact yet',
      };
    }
    const sv: string[] = [];
    const en: string[] = [];
    if (completed > 0) {
      sv.push(`${completed} ${completed === 1 ? 'avslutat' : 'avslutade'} partnerskap${completedWithImpact > 0 ? `, ${completedWithImpact} med bekräftad effekt` : ''}`);
      en.push(`${completed} completed partnership${completed === 1 ? '' : 's'}${completedWithImpact > 0 ? `, ${completedWithImpact} with confirmed impact` : ''}`);
    }
    if (ongoingWithImpact > 0) {
      sv.push(`${ongoingWithImpact} pågående${completed === 0 ? ' partnerskap' : ''} med bekräftad effekt`);
      en.push(`${ongoingWithImpact} ongoing${completed === 0 ? ` partnership${ongoingWithImpact === 1 ? '' : 's'}` : ''} with confirmed impact`);
    }
    if (sv.length === 0) {
      sv.push('Har arbetat med samma köpare');
      en.push('Has worked with this buyer');
    } else if (withBuyer) {
      sv.push(`${sv.pop()}, varav med samma köpare`);
      en.push(`${en.pop()}, including with this buyer`);
    }
    return {
      code: withBuyer ? 'trackRecord.sameBuyer' : 'trackRecord.partnerships',
      component: 'trackRecord',
      sv: sv.join(' och '),
      en: en.join(' and '),
    };
  },
};

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
