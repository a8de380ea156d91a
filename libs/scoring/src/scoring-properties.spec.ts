import fc from 'fast-check';
import { NEED_FORMS } from '@samverka/domain';
import { ProfileBlock } from './profile-block.js';
import { roundScore, ScoringModel } from './scoring-model.js';
import { testReference } from './testing/reference.js';
import type { MatchResult, NeedInput, ProfileInput } from './types.js';
import { COMPONENT_NAMES, GEOGRAPHY } from './weights.js';

/**
 * Properties of the matcher over random needs and enterprises: texts assembled from realistic Swedish
 * words, CPV codes from a fixed list, random SDGs, places from the reference data, budgets, forms, flags.
 */

let model: ScoringModel;
let municipalityCodes: string[];
let countyOf: Map<string, string>;
let countyCodes: string[];

beforeAll(() => {
  const reference = testReference();
  model = new ScoringModel(reference);
  municipalityCodes = reference.municipalities.map((m) => m.code);
  countyOf = new Map(reference.municipalities.map((m) => [m.code, m.countyCode]));
  countyCodes = reference.counties.map((c) => c.code);
});

const WORDS = [
  'städning',
  'städtjänster',
  'lokalvård',
  'lokalvårdstjänster',
  'fönsterputsning',
  'trädgårdsskötsel',
  'parkskötsel',
  'snöröjning',
  'halkbekämpning',
  'flyttjänster',
  'flytt',
  'kontorsmaterial',
  'kontor',
  'cykelreparationer',
  'cykel',
  'reparation',
  'catering',
  'skolmåltider',
  'måltider',
  'matleveranser',
  'tvätt',
  'tvätteri',
  'textil',
  'återbruk',
  'möbler',
  'renovering',
  'målning',
  'transport',
  'budtjänster',
  'bemanning',
  'arbetsträning',
  'rehabilitering',
  'daglig',
  'verksamhet',
  'skolor',
  'förskolor',
  'äldreboende',
  'kommunen',
  'Kristianstad',
  'Skåne',
  'hållbar',
  'social',
  'ekonomi',
  'tjänster',
  'av',
  'och',
  'för',
  'i',
  'vi',
  'erbjuder',
  'söker',
  'behöver',
  '2026',
  'ca',
];
const SEPARATORS = [' ', ', ', '. ', ' - ', '/', ' & ', ';\n'];
const CPV_CODES = [
  '90911200-8',
  '90910000-9',
  '90919200-4',
  '90919300-5',
  '90911300-9',
  '77311000-3',
  '77313000-7',
  '77310000-6',
  '77211400-6',
  '55520000-1',
  '55523100-3',
  '50000000-5',
  '50110000-9',
  '34430000-0',
  '30192000-1',
  '39130000-2',
  '79620000-6',
  '98341130-5',
  '45442100-8',
  '85311200-4',
  '80500000-9',
  '79530000-8',
  '64121100-1',
  '60100000-9',
  '90511000-2',
  '18000000-9',
];
const BUYERS = ['buyer-1', 'buyer-2', 'buyer-3'];
const noTrack = { completed: 0, completedWithImpact: 0, ongoingWithImpact: 0, buyerOrganizationIds: [] as string[] };
const SDGS = Array.from({ length: 17 }, (_, i) => i + 1);

// ------------------------------------------------------------------ arbitraries

const textArb = fc.array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SEPARATORS)), { maxLength: 10 }).map((parts) =>
  parts
    .map(([word, sep]) => word + sep)
    .join('')
    .trim(),
);
const cpvArb = fc.subarray(CPV_CODES, { maxLength: 4 }).chain((codes) => fc.shuffledSubarray(codes, { minLength: codes.length }));
const sdgArb = fc.subarray(SDGS, { maxLength: 6 });
const sekArb = fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 5_000_000 }), fc.constantFrom(100_000, 500_000, 1_000_000));

const needArb = (): fc.Arbitrary<NeedInput> =>
  fc
    .record({
      id: fc.stringMatching(/^n-[a-z0-9]{1,4}$/),
      buyerOrganizationId: fc.constantFrom(...BUYERS),
      title: textArb,
      description: textArb,
      cpvCodes: cpvArb,
      sdgs: sdgArb,
      place: fc.oneof(
        fc.constant({ municipalityCode: null, countyCode: null }),
        fc.constantFrom(...municipalityCodes).map((code) => ({ municipalityCode: code as string | null, countyCode: countyOf.get(code) ?? null })),
        fc.constantFrom(...countyCodes).map((code) => ({ municipalityCode: null as string | null, countyCode: code as string | null })),
      ),
      budget: fc.tuple(sekArb, sekArb),
      form: fc.constantFrom(...NEED_FORMS),
    })
    .map(({ place, budget: [a, b], ...rest }) => ({
      ...rest,
      ...place,
      budgetMinSek: a !== null && b !== null ? Math.min(a, b) : a,
      budgetMaxSek: a !== null && b !== null ? Math.max(a, b) : b,
    }));

const profileArb = (): fc.Arbitrary<ProfileInput> =>
  fc.record({
    organizationId: fc.stringMatching(/^org-[a-f0-9]{1,3}$/),
    description: textArb,
    services: textArb,
    cpvCodes: cpvArb,
    sdgs: sdgArb,
    nationwide: fc.boolean(),
    municipalityCodes: fc.array(fc.constantFrom(...municipalityCodes), { maxLength: 4 }),
    countyCodes: fc.array(fc.constantFrom(...countyCodes), { maxLength: 2 }),
    maxContractSek: sekArb,
    ideburen: fc.boolean(),
    workIntegrating: fc.boolean(),
    farFromLabourMarketShare: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 100 }), fc.constantFrom(29, 30)),
    trackRecord: fc.option(
      fc.record({
        completed: fc.integer({ min: 0, max: 30 }),
        completedWithImpact: fc.integer({ min: 0, max: 30 }),
        ongoingWithImpact: fc.integer({ min: 0, max: 10 }),
        buyerOrganizationIds: fc.array(fc.constantFrom(...BUYERS), { maxLength: 6 }),
        buyerMunicipalityCodes: fc.option(fc.array(fc.constantFrom(...municipalityCodes), { maxLength: 3 }), { nil: undefined }),
        buyerCountyCodes: fc.option(fc.array(fc.constantFrom(...countyCodes), { maxLength: 2 }), { nil: undefined }),
      }),
      { nil: undefined },
    ),
  });

// ------------------------------------------------------------------ transformations

/** A small deterministic generator, so that a transformation is reproducible from its seed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function withDuplicates<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (const item of items) if (random() < 0.7) out.splice(Math.floor(random() * (out.length + 1)), 0, item);
  return out;
}

function randomCase(text: string, random: () => number): string {
  return [...text].map((ch) => (random() < 0.5 ? ch.toUpperCase() : ch.toLowerCase())).join('');
}

function moreWhitespace(text: string, random: () => number): string {
  const gap = () => [' ', '  ', '\t', '\n', ' \r\n ', '\u00a0'][Math.floor(random() * 6)];
  return gap() + text.replace(/ /g, () => ` ${gap()}`) + gap();
}

type Transform = (need: NeedInput, profile: ProfileInput, random: () => number) => [NeedInput, ProfileInput];

const mapTexts = (need: NeedInput, profile: ProfileInput, f: (text: string) => string): [NeedInput, ProfileInput] => [
  { ...need, title: f(need.title), description: f(need.description) },
  { ...profile, services: f(profile.services), description: f(profile.description) },
];

const TRANSFORMS: [string, Transform][] = [
  [
    'the order of CPV codes, SDGs and places',
    (n, p, r) => [
      { ...n, cpvCodes: shuffle(n.cpvCodes, r), sdgs: shuffle(n.sdgs, r) },
      {
        ...p,
        cpvCodes: shuffle(p.cpvCodes, r),
        sdgs: shuffle(p.sdgs, r),
        municipalityCodes: shuffle(p.municipalityCodes, r),
        countyCodes: shuffle(p.countyCodes, r),
        trackRecord: p.trackRecord && { ...p.trackRecord, buyerOrganizationIds: shuffle(p.trackRecord.buyerOrganizationIds, r) },
      },
    ],
  ],
  [
    "duplicated CPV codes, SDGs, places and buyers' places",
    (n, p, r) => [
      { ...n, cpvCodes: withDuplicates(n.cpvCodes, r), sdgs: withDuplicates(n.sdgs, r) },
      {
        ...p,
        cpvCodes: withDuplicates(p.cpvCodes, r),
        sdgs: withDuplicates(p.sdgs, r),
        municipalityCodes: withDuplicates(p.municipalityCodes, r),
        countyCodes: withDuplicates(p.countyCodes, r),
        // A buyer named twice is two partnerships with it (that may count more); its places are a set.
        trackRecord: p.trackRecord && {
          ...p.trackRecord,
          buyerMunicipalityCodes: p.trackRecord.buyerMunicipalityCodes && withDuplicates(p.trackRecord.buyerMunicipalityCodes, r),
          buyerCountyCodes: p.trackRecord.buyerCountyCodes && withDuplicates(p.trackRecord.buyerCountyCodes, r),
        },
      },
    ],
  ],
  ['upper-case texts', (n, p) => mapTexts(n, p, (t) => t.toUpperCase())],
  ['lower-case texts', (n, p) => mapTexts(n, p, (t) => t.toLowerCase())],
  ['randomly cased texts', (n, p, r) => mapTexts(n, p, (t) => randomCase(t, r))],
  ['extra whitespace in the texts', (n, p, r) => mapTexts(n, p, (t) => moreWhitespace(t, r))],
  ['NFD-normalised texts', (n, p) => mapTexts(n, p, (t) => t.normalize('NFD'))],
  [
    'CPV codes without their check digit',
    (n, p, r) => {
      const drop = (codes: readonly string[]) => codes.map((c) => (r() < 0.7 ? c.split('-')[0] : c));
      return [
        { ...n, cpvCodes: drop(n.cpvCodes) },
        { ...p, cpvCodes: drop(p.cpvCodes) },
      ];
    },
  ],
];

/** What must not change: the score, the verdicts, the components and which reasons are given. */
const essence = (r: MatchResult) => ({ score: r.score, eligible: r.eligible, relevant: r.relevant, components: r.components, reasons: r.reasons.map((x) => x.code) });

const RUNS = 150;

// ------------------------------------------------------------------ properties

describe('scoring properties', () => {
  it('the fixed CPV codes exist in the reference data', () => {
    const known = new Set(testReference().cpv.map((c) => c.code));
    for (const code of CPV_CODES) expect(known.has(code)).toBe(true);
  });

  it('the score is within 0–100 (two decimals), every component within 0–1, and the score is the weighted mean', () => {
    const seen = { matches: 0, ineligible: 0, irrelevant: 0 };
    fc.assert(
      fc.property(needArb(), profileArb(), (need, profile) => {
        const r = model.score(need, profile);
        if (!r.eligible) seen.ineligible++;
        else if (!r.relevant) seen.irrelevant++;
        else seen.matches++;
        expect(r.score).toBeGreaterThanOrEqual(0);
        expect(r.score).toBeLessThanOrEqual(100);
        expect(Math.abs(r.score * 100 - Math.round(r.score * 100))).toBeLessThan(1e-6);
        expect(r.components.map((c) => c.name)).toEqual(COMPONENT_NAMES);
        for (const c of r.components) {
          expect(c.value).toBeGreaterThanOrEqual(0);
          expect(c.value).toBeLessThanOrEqual(1);
          if (!c.applicable) expect(c.value).toBe(0);
        }
        if (!r.eligible || !r.relevant) {
          expect(r.score).toBe(0);
          expect(r.components.every((c) => !c.applicable)).toBe(true);
        } else {
          const applicable = r.components.filter((c) => c.applicable);
          const mean = (100 * applicable.reduce((s, c) => s + c.weight * c.value, 0)) / applicable.reduce((s, c) => s + c.weight, 0);
          expect(Math.abs(r.score - mean)).toBeLessThan(0.02);
        }
        for (const reason of r.reasons) {
          expect(reason.code).toMatch(/^[a-zA-Z]+(\.[a-zA-Z]+)+$/);
          expect(reason.params).toEqual(expect.any(Object));
        }
      }),
      { numRuns: 300 },
    );
    // The generators must reach every outcome, matches above all, or the properties say little.
    expect(seen.matches).toBeGreaterThan(100);
    expect(seen.ineligible).toBeGreaterThan(10);
    expect(seen.irrelevant).toBeGreaterThan(10);
  });

  it('geography: a named place (however far) > nationwide > no place; the reason says which', () => {
    const seen = { named: 0, nationwide: 0, unknown: 0 };
    fc.assert(
      fc.property(
        needArb(),
        profileArb(),
        fc.constantFrom(...municipalityCodes),
        fc.constantFrom<'named' | 'nationwide' | 'unknown'>('named', 'nationwide', 'unknown'),
        fc.boolean(),
        (need, profile, place, kind, nationwide) => {
          // A need with a place, and a shared CPV code so that every pair is relevant.
          const n: NeedInput = {
            ...need,
            form: 'PUBLIC_PROCUREMENT',
            municipalityCode: place,
            countyCode: countyOf.get(place) ?? null,
            cpvCodes: [...need.cpvCodes, '90911200-8'],
          };
          const p: ProfileInput = {
            ...profile,
            cpvCodes: [...profile.cpvCodes, '90911200-8'],
            // Named places, with or without nationwide; nationwide with unknown codes only; nothing or unknown codes only.
            ...(kind === 'named'
              ? { nationwide, municipalityCodes: profile.municipalityCodes.length + profile.countyCodes.length > 0 ? profile.municipalityCodes : [place] }
              : { nationwide: kind === 'nationwide', municipalityCodes: nationwide ? ['9999'] : [], countyCodes: nationwide ? ['99'] : [] }),
          };
          const r = model.score(n, p);
          expect(r.relevant).toBe(true);
          const geography = r.components.find((c) => c.name === 'geography')!;
          expect(geography.applicable).toBe(true);
          const reason = r.reasons.find((x) => x.component === 'geography')!;
          seen[kind]++;
          if (kind === 'named') {
            expect(geography.value).toBeGreaterThanOrEqual(GEOGRAPHY.nearBase);
            expect(['geography.sameMunicipality', 'geography.sameCounty', 'geography.near']).toContain(reason.code);
          } else if (kind === 'nationwide') {
            expect(geography.value).toBe(GEOGRAPHY.nationwide);
            expect(reason.code).toBe('geography.nationwide');
          } else {
            expect(geography.value).toBe(GEOGRAPHY.unknown);
            expect(reason.code).toBe('geography.unknown');
          }
        },
      ),
      { numRuns: RUNS },
    );
    expect(Math.min(seen.named, seen.nationwide, seen.unknown)).toBeGreaterThan(10);
  });

  it('capacity is within 0–1 for any maximum contract, negative ones included, and 0 when it is not positive', () => {
    let notPositive = 0;
    fc.assert(
      fc.property(needArb(), profileArb(), fc.oneof(fc.integer({ min: -5_000_000, max: 5_000_000 }), fc.constantFrom(0, -1)), (need, profile, max) => {
        // A budget, and a shared CPV code so that every pair is relevant.
        const n: NeedInput = { ...need, form: 'PUBLIC_PROCUREMENT', budgetMaxSek: need.budgetMaxSek || 1_000_000, cpvCodes: [...need.cpvCodes, '90911200-8'] };
        const r = model.score(n, { ...profile, maxContractSek: max, cpvCodes: [...profile.cpvCodes, '90911200-8'] });
        expect(r.relevant).toBe(true);
        const capacity = r.components.find((c) => c.name === 'capacity')!;
        expect(capacity.applicable).toBe(true);
        expect(capacity.value).toBeGreaterThanOrEqual(0);
        expect(capacity.value).toBeLessThanOrEqual(1);
        if (max <= 0) {
          notPositive++;
          expect(capacity.value).toBe(0);
        }
      }),
      { numRuns: RUNS },
    );
    expect(notPositive).toBeGreaterThan(10);
  });

  it('the kernel gives the score explain gives', () => {
    fc.assert(
      fc.property(needArb(), profileArb(), (need, profile) => {
        const n = model.needFeatures(need);
        const p = model.profileFeatures(profile);
        const raw = model.scorePair(n, p);
        const r = model.explain(n, p);
        expect(raw >= 0).toBe(r.eligible && r.relevant);
        expect(roundScore(Math.max(0, raw))).toBe(r.score);
      }),
      { numRuns: RUNS },
    );
  });

  it.each(TRANSFORMS)('the result does not change with %s', (_what, transform) => {
    fc.assert(
      fc.property(needArb(), profileArb(), fc.integer(), (need, profile, seed) => {
        const [need2, profile2] = transform(need, profile, rng(seed));
        expect(essence(model.score(need2, profile2))).toEqual(essence(model.score(need, profile)));
      }),
      { numRuns: RUNS },
    );
  });

  it.each<[string, (p: ProfileInput, extra: { municipality: string; sdg: number; cpv: string; partnerships: number }) => ProfileInput]>([
    ['one more place', (p, x) => ({ ...p, municipalityCodes: [...p.municipalityCodes, x.municipality] })],
    ['one more goal', (p, x) => ({ ...p, sdgs: [...p.sdgs, x.sdg] })],
    ['one more CPV code', (p, x) => ({ ...p, cpvCodes: [...p.cpvCodes, x.cpv] })],
    ['more completed partnerships', (p, x) => ({ ...p, trackRecord: { ...noTrack, ...p.trackRecord, completed: (p.trackRecord?.completed ?? 0) + x.partnerships } })],
    [
      'more partnerships with confirmed impact',
      (p, x) => ({ ...p, trackRecord: { ...noTrack, ...p.trackRecord, ongoingWithImpact: (p.trackRecord?.ongoingWithImpact ?? 0) + x.partnerships } }),
    ],
    [
      'confirmed impact in a completed partnership',
      (p, x) => {
        const t = { ...noTrack, ...p.trackRecord };
        return { ...p, trackRecord: { ...t, completed: t.completed + x.partnerships, completedWithImpact: Math.min(t.completed, t.completedWithImpact) + x.partnerships } };
      },
    ],
    ['working nationwide', (p) => ({ ...p, nationwide: true })],
    [
      'another partnership with every buyer',
      (p) => ({ ...p, trackRecord: { ...noTrack, ...p.trackRecord, buyerOrganizationIds: [...(p.trackRecord?.buyerOrganizationIds ?? []), ...BUYERS] } }),
    ],
    [
      "one more buyer's place",
      (p, x) => ({ ...p, trackRecord: { ...noTrack, ...p.trackRecord, buyerMunicipalityCodes: [...(p.trackRecord?.buyerMunicipalityCodes ?? []), x.municipality] } }),
    ],
  ])('an enterprise never scores lower with %s', (_what, more) => {
    fc.assert(
      fc.property(
        needArb(),
        profileArb(),
        fc.record({
          municipality: fc.constantFrom(...municipalityCodes),
          sdg: fc.constantFrom(...SDGS),
          cpv: fc.constantFrom(...CPV_CODES),
          partnerships: fc.integer({ min: 1, max: 5 }),
        }),
        (need, profile, extra) => {
          expect(model.score(need, more(profile, extra)).score).toBeGreaterThanOrEqual(model.score(need, profile).score);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('rankProfiles returns what explain ranks first, whatever the packing order', () => {
    let nonEmpty = 0;
    fc.assert(
      fc.property(
        needArb(),
        fc.uniqueArray(profileArb(), { minLength: 1, maxLength: 25, selector: (p) => p.organizationId }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer(),
        (need, inputs, limit, seed) => {
          const n = model.needFeatures(need);
          const profiles = inputs.map((p) => model.profileFeatures(p));
          const expected = profiles
            .map((p) => ({ key: p.key, r: model.explain(n, p) }))
            .filter((e) => e.r.eligible && e.r.relevant)
            .sort((a, b) => b.r.score - a.r.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
            .slice(0, limit)
            .map((e) => [e.key, e.r.score]);
          const ranked = model.rankProfiles(n, ProfileBlock.pack(profiles), limit).map((e) => [e.profile.key, e.score]);
          expect(ranked).toEqual(expected);
          if (ranked.length > 1) nonEmpty++;
          const shuffled = model.rankProfiles(n, ProfileBlock.pack(shuffle(profiles, rng(seed))), limit).map((e) => [e.profile.key, e.score]);
          expect(shuffled).toEqual(expected);
        },
      ),
      { numRuns: 60 },
    );
    expect(nonEmpty).toBeGreaterThan(20);
  });

  it('rankNeeds returns what explain ranks first, whatever the order of the needs', () => {
    fc.assert(
      fc.property(
        profileArb(),
        fc.uniqueArray(needArb(), { minLength: 1, maxLength: 15, selector: (n) => n.id }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer(),
        (profile, inputs, limit, seed) => {
          const p = model.profileFeatures(profile);
          const needs = inputs.map((n) => model.needFeatures(n));
          const expected = needs
            .map((n) => ({ key: n.input.id, r: model.explain(n, p) }))
            .filter((e) => e.r.eligible && e.r.relevant)
            .sort((a, b) => b.r.score - a.r.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
            .slice(0, limit)
            .map((e) => [e.key, e.r.score]);
          expect(model.rankNeeds(p, needs, limit).map((e) => [e.need.input.id, e.score])).toEqual(expected);
          expect(model.rankNeeds(p, shuffle(needs, rng(seed)), limit).map((e) => [e.need.input.id, e.score])).toEqual(expected);
        },
      ),
      { numRuns: 60 },
    );
  });
});
