import type { NeedForm } from '@samverka/domain';
import type { NeedInput, ProfileInput, ScoringReference } from '@samverka/scoring';
import { THEMES } from './themes.js';
import { mulberry32, type Rng } from '../support/random.js';

export { mulberry32, type Rng };

export { THEMES, type Theme } from './themes.js';

/**
 * Seeded, deterministic synthetic data for the matcher's benchmarks: Swedish social enterprises and
 * public needs built from the real reference data (municipality and county codes and names, CPV codes)
 * and the themes in themes.ts. The same (count, seed, reference) always gives the same data, in any
 * process. Built for speed: 100 000 enterprises take well under a second or two.
 */

// ------------------------------------------------------------------ randomness

/** FNV-1a over a string, for seeds derived from names. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** A version-4-shaped UUID from the generator. */
export function uuid(rng: Rng): string {
  const b = new Array<number>(16);
  for (let i = 0; i < 16; i += 4) {
    const x = (rng() * 4294967296) >>> 0;
    b[i] = x & 0xff;
    b[i + 1] = (x >>> 8) & 0xff;
    b[i + 2] = (x >>> 16) & 0xff;
    b[i + 3] = x >>> 24;
  }
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.map((x) => HEX[x]);
  return `${h[0]}${h[1]}${h[2]}${h[3]}-${h[4]}${h[5]}-${h[6]}${h[7]}-${h[8]}${h[9]}-${h[10]}${h[11]}${h[12]}${h[13]}${h[14]}${h[15]}`;
}

const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)];
const chance = (rng: Rng, p: number) => rng() < p;
const logUniform = (rng: Rng, min: number, max: number) => Math.exp(Math.log(min) + rng() * (Math.log(max) - Math.log(min)));
const roundTo = (x: number, step: number) => Math.max(step, Math.round(x / step) * step);

/** Weighted choice in O(log n) over cumulative weights. */
class Weighted<T> {
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(
    readonly items: readonly T[],
    weights: readonly number[],
  ) {
    if (items.length === 0 || items.length !== weights.length) throw new RangeError('Weighted: items and weights must be non-empty and of equal length');
    this.cumulative = new Float64Array(items.length);
    let sum = 0;
    weights.forEach((w, i) => {
      sum += Math.max(0, w);
      this.cumulative[i] = sum;
    });
    this.total = sum;
  }

  pick(rng: Rng): T {
    const x = rng() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo];
  }

  /** `count` distinct items (fewer if there are not that many), by repeated draws. */
  pickDistinct(rng: Rng, count: number): T[] {
    const out: T[] = [];
    const want = Math.min(count, this.items.length);
    for (let tries = 0; out.length < want && tries < want * 20; tries++) {
      const x = this.pick(rng);
      if (!out.includes(x)) out.push(x);
    }
    return out;
  }
}

/** A count drawn from a small distribution: `weights[k]` is the weight of `min + k`. */
function countFrom(rng: Rng, min: number, weights: readonly number[]): number {
  const total = weights.reduce((a, b) => a + b, 0);
  let x = rng() * total;
  for (let k = 0; k < weights.length; k++) {
    x -= weights[k];
    if (x < 0) return min + k;
  }
  return min + weights.length - 1;
}

// ------------------------------------------------------------------ places and buyers

/**
 * Approximate populations (thousands, 2023) of the larger municipalities; every other municipality
 * weighs DEFAULT_POPULATION. Enough to skew where enterprises and needs are towards the cities.
 */
const POPULATION: Readonly<Record<string, number>> = {
  '0180': 985,
  '1480': 600,
  '1280': 362,
  '0380': 245,
  '0580': 166,
  '1880': 158,
  '1980': 158,
  '0581': 145,
  '1283': 151,
  '0680': 145,
  '2480': 132,
  '1281': 128,
  '0126': 114,
  '1490': 114,
  '0182': 109,
  '0484': 108,
  '1380': 105,
  '2180': 103,
  '0181': 103,
  '2281': 100,
  '0780': 97,
  '0127': 96,
  '1780': 96,
  '0136': 95,
  '1290': 87,
  '0184': 85,
  '1384': 85,
  '0123': 84,
  '2580': 80,
  '0160': 75,
  '0880': 72,
  '2380': 65,
  '0980': 61,
  '1488': 60,
  '2080': 59,
  '1485': 57,
  '0480': 57,
  '0138': 50,
  '0114': 48,
  '0186': 48,
  '0583': 43,
  '1494': 40,
  '1402': 39,
  '1401': 38,
  '1081': 29,
};
const DEFAULT_POPULATION = 14;

export interface Buyer {
  id: string;
  name: string;
  kind: 'municipality' | 'region';
  code: string;
}

interface Places {
  municipalities: Weighted<ScoringReference['municipalities'][number]>;
  byCounty: Map<string, Weighted<ScoringReference['municipalities'][number]>>;
  counties: Map<string, ScoringReference['counties'][number]>;
  municipalityBuyer: Map<string, Buyer>;
  regionBuyer: Map<string, Buyer>;
  buyers: Weighted<Buyer>;
  cpv: Set<string>;
}

/** "Skåne län" → "Skåne", "Stockholms län" → "Stockholm". */
const countyShortName = (name: string) => name.replace(/s? län$/, '');

const BUYER_NAMES: Readonly<Record<string, string>> = {
  Stockholm: 'Stockholms stad',
  Göteborg: 'Göteborgs Stad',
  Malmö: 'Malmö stad',
  Gotland: 'Region Gotland',
  Kalmar: 'Kalmar kommun',
  Falun: 'Falu kommun',
};

/** "Lund" → "Lunds kommun", "Gävle" → "Gävle kommun", "Borås" → "Borås kommun" (and a few official exceptions). */
function municipalityBuyerName(name: string): string {
  return BUYER_NAMES[name] ?? `${name}${/[aeiouyåäösxz]$/i.test(name) ? '' : 's'} kommun`;
}

/** A buyer's id depends only on its name, so enterprises' track records and needs agree on buyers. */
function buyerId(key: string): string {
  return uuid(mulberry32(hashString(`samverka-bench-buyer:${key}`)));
}

const placesCache = new WeakMap<ScoringReference, Places>();

function places(reference: ScoringReference): Places {
  const cached = placesCache.get(reference);
  if (cached) return cached;
  const weightOf = (code: string) => POPULATION[code] ?? DEFAULT_POPULATION;
  const municipalities = new Weighted(
    reference.municipalities,
    reference.municipalities.map((m) => weightOf(m.code)),
  );
  const byCounty = new Map<string, Weighted<ScoringReference['municipalities'][number]>>();
  for (const c of reference.counties) {
    const inCounty = reference.municipalities.filter((m) => m.countyCode === c.code);
    if (inCounty.length > 0)
      byCounty.set(
        c.code,
        new Weighted(
          inCounty,
          inCounty.map((m) => weightOf(m.code)),
        ),
      );
  }
  const counties = new Map(reference.counties.map((c) => [c.code, c]));
  const municipalityBuyer = new Map<string, Buyer>();
  for (const m of reference.municipalities) {
    municipalityBuyer.set(m.code, { id: buyerId(`municipality:${m.code}`), name: municipalityBuyerName(m.name), kind: 'municipality', code: m.code });
  }
  const regionBuyer = new Map<string, Buyer>();
  for (const c of reference.counties) regionBuyer.set(c.code, { id: buyerId(`region:${c.code}`), name: `Region ${countyShortName(c.name)}`, kind: 'region', code: c.code });
  const allBuyers = [...municipalityBuyer.values(), ...regionBuyer.values()];
  const buyers = new Weighted(
    allBuyers,
    allBuyers.map((b) => (b.kind === 'municipality' ? weightOf(b.code) : 150)),
  );
  const cpv = new Set(reference.cpv.map((c) => c.code));
  for (const theme of THEMES) {
    for (const code of theme.cpv) {
      if (!cpv.has(code)) throw new Error(`Theme ${theme.key}: CPV code ${code} is not in the reference data (data/cpv.csv)`);
    }
  }
  const result = { municipalities, byCounty, counties, municipalityBuyer, regionBuyer, buyers, cpv };
  placesCache.set(reference, result);
  return result;
}

/** The synthetic public buyers: every municipality and every region, with ids that do not depend on any seed. */
export function syntheticBuyers(reference: ScoringReference): Buyer[] {
  const p = places(reference);
  return [...p.municipalityBuyer.values(), ...p.regionBuyer.values()];
}

// ------------------------------------------------------------------ shared vocabulary

const THEME_PICKER = new Weighted(
  THEMES,
  THEMES.map((t) => t.weight),
);

/** How often each goal appears among social enterprises: decent work and reduced inequalities above all. */
const SDG_BASE: Readonly<Record<number, number>> = {
  8: 30,
  10: 22,
  12: 14,
  5: 9,
  11: 9,
  3: 9,
  4: 8,
  1: 3,
  13: 3,
  2: 1.5,
  9: 1,
  15: 1,
  16: 1,
  17: 1,
  6: 0.5,
  7: 0.5,
  14: 0.5,
};
const SDG_GOALS = Object.keys(SDG_BASE).map(Number);
const SDG_BY_THEME = new Map(
  THEMES.map((t) => [
    t.key,
    new Weighted(
      SDG_GOALS,
      SDG_GOALS.map((g) => SDG_BASE[g] + (t.sdgs.includes(g) ? 12 : 0)),
    ),
  ]),
);

const NAME_STEMS = [
  'Returen',
  'Växtkraft',
  'Nya Steget',
  'Framsteget',
  'Kompassen',
  'Vägen Ut',
  'Mötesplatsen',
  'Gröna Händer',
  'Knutpunkten',
  'Trampolinen',
  'Bryggan',
  'Hjulet',
  'Klivet',
  'Allehanda',
  'Myrstacken',
  'Fixarna',
  'Skapande Händer',
  'Livskraft',
  'Vändpunkten',
  'Grannskap',
  'Resursen',
  'Ekot',
  'Nyttan',
  'Hjälpsamma',
  'Solrosen',
  'Stegen',
  'Kraftverket',
  'Verkstan',
  'Glädjen',
  'Källan',
];
const NAME_SUFFIXES = [' ekonomisk förening', ' kooperativ', ' AB (svb)', ' ideell förening', ' socialt företag', ' i {plats}', ''];

const INTRO_WISE = [
  '{namn} är ett arbetsintegrerande socialt företag i {plats} som arbetar med {aktivitet}.',
  'Vi är ett arbetsintegrerande kooperativ i {plats} med inriktning på {aktivitet}.',
  '{namn} erbjuder {aktivitet} och skapar samtidigt arbetstillfällen för personer som står långt från arbetsmarknaden.',
];
const INTRO_IDEBUREN = [
  '{namn} är en ideell förening i {plats} som driver {aktivitet}.',
  'Vi är en idéburen organisation i {län} som arbetar med {aktivitet}.',
  '{namn} är en stiftelse som bedriver {aktivitet} i {plats} med omnejd.',
];
const INTRO_OTHER = [
  '{namn} är ett socialt företag i {plats} som erbjuder {aktivitet}.',
  'Vi är ett litet företag med socialt syfte som arbetar med {aktivitet} i {plats}.',
  '{namn} erbjuder {aktivitet} till kommuner, regioner och bostadsbolag i {län}.',
];
const MORE_ACTIVITY = ['Vi utför också {aktivitet} åt kommuner, bostadsbolag och företag.', 'Dessutom erbjuder vi {aktivitet}.', 'Vi tar även uppdrag inom {aktivitet}.'];
const WISE_SENTENCES = [
  'Hos oss får personer som står långt från arbetsmarknaden arbetsträning, handledning och en väg till anställning.',
  'Vi tar emot deltagare från Arbetsförmedlingen och kommunens arbetsmarknadsenhet.',
  'Våra handledare ger varje medarbetare individuellt stöd utifrån hens förutsättningar.',
];
const OTHER_SENTENCES = [
  'Vi har {anställda} anställda och lång erfarenhet av uppdrag åt offentlig sektor.',
  'Sedan {år} har vi levererat tjänster till offentliga verksamheter i {län}.',
  'Vi använder miljömärkta produkter och arbetar aktivt med hållbarhet.',
  'Kvalitet, trygghet och social hållbarhet går hand i hand hos oss.',
  'Alla överskott återinvesteras i verksamheten.',
];

/** Replaces `{key}` placeholders; unknown keys are left as they are. */
function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{([a-zåäö]+)\}/g, (whole, key: string) => values[key] ?? whole);
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

// ------------------------------------------------------------------ enterprises

/** A synthetic enterprise: what the matcher reads, plus the facts it was built from (for reports and baselines). */
export interface SyntheticProfile extends ProfileInput {
  name: string;
  homeMunicipalityCode: string;
  employees: number;
  turnoverSek: number;
  themes: readonly string[];
}

/**
 * `count` Swedish social enterprises from `seed`: 1–3 themes each (services, a 1–4 sentence description,
 * 1–5 CPV codes), SDGs weighted towards 8, 10, 12, 5, 11, 3 and 4, operating in 1–3 municipalities of one
 * county (~85 %), whole counties (~10 %) or nationwide (~5 %), a maximum contract of 100 000–20 000 000
 * SEK (log-uniform; ~10 % have not said), ~40 % work-integrating (10–90 % far from the labour market),
 * ~30 % idéburen, ~20 % with a track record of 1–10 completed partnerships with public buyers (~60 % of
 * those with confirmed impact in some, ~30 % with one or two ongoing partnerships with confirmed impact).
 */
export function generateEnterprises(count: number, seed: number, reference: ScoringReference): SyntheticProfile[] {
  const p = places(reference);
  const rng = mulberry32(hashString(`enterprises:${seed}`));
  const ids = mulberry32(hashString(`enterprise-ids:${seed}`));
  const impact = mulberry32(hashString(`enterprise-impact:${seed}`));
  const out: SyntheticProfile[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const home = p.municipalities.pick(rng);
    const county = p.counties.get(home.countyCode);
    const countyName = county?.name ?? home.countyCode;
    const themes = THEME_PICKER.pickDistinct(rng, countFrom(rng, 1, [55, 30, 15]));
    const workIntegrating = chance(rng, 0.4);
    const ideburen = chance(rng, workIntegrating ? 0.35 : 0.27);

    // Operating area.
    const area = rng();
    let nationwide = false;
    let municipalityCodes: string[];
    let countyCodes: string[] = [];
    if (area < 0.05) {
      nationwide = true;
      municipalityCodes = [home.code];
    } else if (area < 0.15) {
      countyCodes = [home.countyCode];
      if (chance(rng, 0.2)) {
        const other = p.municipalities.pick(rng).countyCode;
        if (other !== home.countyCode) countyCodes.push(other);
      }
      municipalityCodes = chance(rng, 0.5) ? [home.code] : [];
    } else {
      const extra = countFrom(rng, 0, [50, 30, 20]);
      municipalityCodes = [home.code];
      const inCounty = p.byCounty.get(home.countyCode);
      for (let k = 0; k < extra && inCounty; k++) {
        const m = inCounty.pick(rng).code;
        if (!municipalityCodes.includes(m)) municipalityCodes.push(m);
      }
    }

    // CPV codes: mostly from the first theme.
    const cpvCount = countFrom(rng, 1, [25, 30, 25, 12, 8]);
    const cpvCodes: string[] = [];
    for (let k = 0; k < cpvCount * 3 && cpvCodes.length < cpvCount; k++) {
      const theme = k === 0 || chance(rng, 0.6) ? themes[0] : pick(rng, themes);
      const code = pick(rng, theme.cpv);
      if (!cpvCodes.includes(code)) cpvCodes.push(code);
    }

    // Size: the largest contract, and a turnover and head count that go with it.
    const saidMax = chance(rng, 0.9);
    const maxContract = logUniform(rng, 100_000, 20_000_000);
    const turnoverSek = roundTo(maxContract * (0.8 + rng() * 2.2), 10_000);
    const employees = Math.max(1, Math.round(turnoverSek / (350_000 + rng() * 450_000)));

    // Goals.
    const sdgCount = chance(rng, 0.05) ? 0 : countFrom(rng, 1, [25, 35, 25, 15]);
    const sdgs = SDG_BY_THEME.get(themes[0].key)!
      .pickDistinct(rng, sdgCount)
      .sort((a, b) => a - b);

    // Texts.
    const name = fill(`${pick(rng, NAME_STEMS)}${pick(rng, NAME_SUFFIXES)}`, { plats: home.name });
    const servicePhrases: string[] = [];
    for (const theme of themes) {
      const n = int(rng, 1, 3);
      for (let k = 0; k < n; k++) {
        const s = pick(rng, theme.services);
        if (!servicePhrases.includes(s)) servicePhrases.push(s);
      }
    }
    const services = capitalise(servicePhrases.join(', '));
    const values = {
      namn: name,
      plats: home.name,
      län: countyName,
      aktivitet: pick(rng, themes[0].activities),
      anställda: String(employees),
      år: String(int(rng, 1992, 2023)),
    };
    const intro = pick(rng, workIntegrating ? INTRO_WISE : ideburen ? INTRO_IDEBUREN : INTRO_OTHER);
    const sentences = [fill(intro, values)];
    const sentenceCount = countFrom(rng, 1, [20, 35, 30, 15]);
    const pool: string[] = [];
    for (const theme of themes.slice(1)) pool.push(fill(pick(rng, MORE_ACTIVITY), { aktivitet: pick(rng, theme.activities) }));
    if (workIntegrating) pool.push(pick(rng, WISE_SENTENCES));
    const other = employees >= 3 ? OTHER_SENTENCES : OTHER_SENTENCES.slice(1);
    pool.push(fill(pick(rng, other), values));
    pool.push(fill(pick(rng, other), values));
    while (sentences.length < sentenceCount && pool.length > 0) {
      const s = pool.splice(Math.floor(rng() * Math.min(pool.length, 2)), 1)[0];
      if (!sentences.includes(s)) sentences.push(s);
    }

    // Track record.
    let trackRecord: ProfileInput['trackRecord'];
    if (chance(rng, 0.2)) {
      const partnerships = int(rng, 1, 10);
      const buyerIds: string[] = [];
      const distinct = int(rng, 1, Math.min(partnerships, 4));
      for (let k = 0; k < distinct; k++) {
        const local = rng();
        const buyer =
          local < 0.5
            ? p.municipalityBuyer.get(pick(rng, municipalityCodes.length > 0 ? municipalityCodes : [home.code]))!
            : local < 0.7
              ? p.regionBuyer.get(home.countyCode)!
              : p.buyers.pick(rng);
        if (!buyerIds.includes(buyer.id)) buyerIds.push(buyer.id);
      }
      // Confirmed impact from a stream of its own, so the rest of the data is what it was before impact.
      const completedWithImpact = chance(impact, 0.6) ? int(impact, 1, partnerships) : 0;
      const ongoingWithImpact = chance(impact, 0.3) ? int(impact, 1, 2) : 0;
      // Each partnership in one of the enterprise's own CPV codes, in turn (no draws: the rest of the data stays as it was).
      const partnershipCpvCodes = cpvCodes.length > 0 ? Array.from({ length: partnerships }, (_, k) => cpvCodes[k % cpvCodes.length]) : [];
      trackRecord = { completed: partnerships, completedWithImpact, ongoingWithImpact, buyerOrganizationIds: buyerIds, partnershipCpvCodes };
    }

    out[i] = {
      organizationId: uuid(ids),
      description: sentences.join(' '),
      services,
      cpvCodes,
      sdgs,
      nationwide,
      municipalityCodes,
      countyCodes,
      maxContractSek: saidMax ? roundTo(maxContract, 10_000) : null,
      ideburen,
      workIntegrating,
      farFromLabourMarketShare: workIntegrating ? int(rng, 10, 90) : null,
      trackRecord,
      name,
      homeMunicipalityCode: home.code,
      employees,
      turnoverSek,
      themes: themes.map((t) => t.key),
    };
  }
  return out;
}

// ------------------------------------------------------------------ needs

export interface SyntheticNeed extends NeedInput {
  buyerName: string;
  theme: string;
}

const FORMS = new Weighted<NeedForm>(['PUBLIC_PROCUREMENT', 'DIRECT_AWARD', 'RESERVED_CONTRACT', 'IOP', 'INNOVATION_PARTNERSHIP', 'FUNDING_CALL'], [40, 25, 15, 10, 5, 5]);

/** Budget range (SEK) by form: direct awards stay under the direktupphandlingsgräns. */
const BUDGETS: Readonly<Record<NeedForm, readonly [number, number]>> = {
  PUBLIC_PROCUREMENT: [500_000, 30_000_000],
  DIRECT_AWARD: [30_000, 690_000],
  RESERVED_CONTRACT: [200_000, 10_000_000],
  IOP: [100_000, 5_000_000],
  INNOVATION_PARTNERSHIP: [1_000_000, 20_000_000],
  FUNDING_CALL: [50_000, 2_000_000],
};

const FORM_SENTENCES: Readonly<Record<NeedForm, readonly string[]>> = {
  PUBLIC_PROCUREMENT: ['Upphandlingen genomförs som ett förenklat förfarande enligt LOU.', 'Avtalet gäller i två år med möjlighet till förlängning i ytterligare två år.'],
  DIRECT_AWARD: ['Uppdraget direktupphandlas och vi tar gärna emot offerter från lokala sociala företag.', 'Vi söker en leverantör för ett mindre uppdrag under året.'],
  RESERVED_CONTRACT: [
    'Upphandlingen är reserverad för arbetsintegrerande sociala företag enligt LOU 4 kap. 18 §.',
    'Endast leverantörer där minst 30 procent av de anställda står långt från arbetsmarknaden får delta.',
  ],
  IOP: [
    'Kommunen vill ingå ett idéburet offentligt partnerskap (IOP) med en idéburen organisation.',
    'Samarbetet sker i form av ett IOP där parterna gemensamt utvecklar verksamheten.',
  ],
  INNOVATION_PARTNERSHIP: [
    'Vi söker en partner för att tillsammans utveckla nya lösningar i ett innovationspartnerskap.',
    'Uppdraget genomförs som ett innovationspartnerskap med en inledande utvecklingsfas.',
  ],
  FUNDING_CALL: ['Stöd kan sökas av ideella föreningar och sociala företag.', 'Utlysningen riktar sig till organisationer som vill pröva nya arbetssätt.'],
};

const SOCIAL_SENTENCES = [
  'Uppdraget ska ge arbetstillfällen för personer som står långt från arbetsmarknaden.',
  'Vi ser gärna att leverantören erbjuder praktikplatser eller arbetsträning.',
  'Sociala hänsyn och hållbarhet väger tungt i utvärderingen.',
];

const PLACE_SENTENCES = ['Uppdraget utförs i {plats}.', 'Verksamheterna finns i {plats} med omnejd.', 'Leveransen sker till enheter i {plats}.'];

/**
 * `count` public needs from `seed`: a title and a 2–5 sentence description in Swedish from one theme,
 * 1–3 CPV codes of it, 0–3 SDGs, a municipality (90 %; buyer: the municipality or its region) or only
 * a county (buyer: the region), a budget by form (~15 % without), forms distributed as public
 * procurement 40 %, direct award 25 %, reserved contract 15 %, IOP 10 %, innovation partnership 5 %,
 * funding call 5 %.
 */
export function generateNeeds(count: number, seed: number, reference: ScoringReference): SyntheticNeed[] {
  const p = places(reference);
  const rng = mulberry32(hashString(`needs:${seed}`));
  const ids = mulberry32(hashString(`need-ids:${seed}`));
  const out: SyntheticNeed[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const theme = THEME_PICKER.pick(rng);
    const form = FORMS.pick(rng);
    const m = p.municipalities.pick(rng);
    const countyOnly = chance(rng, 0.1);
    const county = p.counties.get(m.countyCode);
    const placeName = countyOnly ? countyShortName(county?.name ?? m.countyCode) : m.name;
    const buyer = countyOnly || chance(rng, 0.12) ? p.regionBuyer.get(m.countyCode)! : p.municipalityBuyer.get(m.code)!;

    const values = { plats: placeName, n: String(roundTo(logUniform(rng, 5, 5000), 5)) };
    const title = fill(pick(rng, theme.needTitles), values);
    const sentences: string[] = [];
    const details = [...theme.needDetails];
    const detailCount = countFrom(rng, 1, [45, 40, 15]);
    for (let k = 0; k < detailCount && details.length > 0; k++) sentences.push(fill(details.splice(Math.floor(rng() * details.length), 1)[0], values));
    if (chance(rng, 0.6)) sentences.push(fill(pick(rng, PLACE_SENTENCES), values));
    if (chance(rng, 0.7)) sentences.push(pick(rng, FORM_SENTENCES[form]));
    if (chance(rng, form === 'RESERVED_CONTRACT' || form === 'IOP' ? 0.6 : 0.3)) sentences.push(pick(rng, SOCIAL_SENTENCES));

    const cpvCount = countFrom(rng, 1, [50, 35, 15]);
    const cpvCodes: string[] = [];
    for (let k = 0; k < cpvCount * 3 && cpvCodes.length < cpvCount; k++) {
      const code = pick(rng, theme.cpv);
      if (!cpvCodes.includes(code)) cpvCodes.push(code);
    }
    const sdgCount = countFrom(rng, 0, [30, 30, 25, 15]);
    const sdgs = SDG_BY_THEME.get(theme.key)!
      .pickDistinct(rng, sdgCount)
      .sort((a, b) => a - b);

    let budgetMinSek: number | null = null;
    let budgetMaxSek: number | null = null;
    if (chance(rng, 0.85)) {
      const [lo, hi] = BUDGETS[form];
      budgetMaxSek = roundTo(logUniform(rng, lo, hi), 10_000);
      if (chance(rng, 0.6)) budgetMinSek = roundTo(budgetMaxSek * (0.3 + rng() * 0.5), 10_000);
      if (chance(rng, 0.1)) {
        // Only a lower bound given.
        budgetMaxSek = null;
        budgetMinSek ??= roundTo(logUniform(rng, lo, hi), 10_000);
      }
    }

    out[i] = {
      id: uuid(ids),
      buyerOrganizationId: buyer.id,
      title,
      description: sentences.join(' '),
      cpvCodes,
      sdgs,
      municipalityCode: countyOnly ? null : m.code,
      countyCode: m.countyCode,
      budgetMinSek,
      budgetMaxSek,
      form,
      buyerName: buyer.name,
      theme: theme.key,
    };
  }
  return out;
}
