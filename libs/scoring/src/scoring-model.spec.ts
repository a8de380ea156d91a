import type { NeedFeatures, ProfileFeatures } from './features.js';
import { haversineKm } from './geography.js';
import { ProfileBlock } from './profile-block.js';
import { roundScore, ScoringModel } from './scoring-model.js';
import { trackRecordEvidence } from './track-record.js';
import { makeNeed, makeProfile, testReference } from './testing/reference.js';
import type { MatchResult, NeedInput, ProfileInput } from './types.js';
import { trackRecordShare, trackRecordWeight } from './ranker.js';
import { ALGORITHM_VERSION, COMPONENT_NAMES, CPV_SIMILARITY, GEOGRAPHY, RANKER, TRACK_RECORD, TRACK_RECORD_MAX_SHARE, WEIGHTS, type ComponentName } from './weights.js';

let model: ScoringModel;

beforeAll(() => {
  model = new ScoringModel(testReference());
});

// ------------------------------------------------------------------ helpers

const component = (r: MatchResult, name: ComponentName) => r.components.find((c) => c.name === name)!;
const valueOf = (r: MatchResult, name: ComponentName) => component(r, name).value;
const reasonFor = (r: MatchResult, name: ComponentName | 'eligibility') => r.reasons.find((x) => x.component === name);
const codes = (r: MatchResult) => r.reasons.map((x) => x.code);

/** The score as the weighted mean of the applicable components, from the (4-decimal) component values. */
function weightedMean(r: MatchResult): number {
  let sum = 0;
  let weights = 0;
  for (const c of r.components) {
    if (!c.applicable) continue;
    sum += c.weight * c.value;
    weights += c.weight;
  }
  return (100 * sum) / weights;
}

/** Every reason has a code and its facts (the matching feature words them: match-reason-text.spec.ts). */
function expectReasons(r: MatchResult): void {
  expect(r.reasons.length).toBeGreaterThan(0);
  for (const reason of r.reasons) {
    expect(reason.code).toMatch(/^[a-zA-Z]+(\.[a-zA-Z]+)*$/);
    expect(reason.params).toEqual(expect.any(Object));
  }
}

/** The words of a text.shared reason, as need word → enterprise word. */
function wordsOf(r: MatchResult): { need: string; profile: string }[] {
  const reason = r.reasons.find((x) => x.code === 'text.shared');
  if (reason?.code !== 'text.shared') throw new Error(`no text.shared reason: ${JSON.stringify(r.reasons)}`);
  return reason.params.words;
}

/** The full CPV code (with check digit) of an eight-digit code, from the reference data. */
function withCheckDigit(code8: string): string {
  const found = testReference().cpv.find((c) => c.code.startsWith(`${code8}-`));
  if (!found) throw new Error(`no CPV code ${code8}`);
  return found.code;
}

function municipality(code: string) {
  const found = testReference().municipalities.find((m) => m.code === code);
  if (!found) throw new Error(`no municipality ${code}`);
  return found;
}

function county(code: string) {
  const found = testReference().counties.find((c) => c.code === code);
  if (!found) throw new Error(`no county ${code}`);
  return found;
}

const nearValue = (km: number) => GEOGRAPHY.nearBase + GEOGRAPHY.nearRange * Math.exp(-km / GEOGRAPHY.nearDecayKm);

/** A need and a profile that share the word "städning" and nothing else, for testing one component at a time. */
const cleaningNeed = (overrides: Partial<NeedInput> = {}) => makeNeed({ title: 'Städning', ...overrides });
const cleaningProfile = (overrides: Partial<ProfileInput> = {}) => makeProfile({ services: 'Städning', ...overrides });

// ------------------------------------------------------------------ result shape

describe('result shape', () => {
  it('has every component, with its weight, and the algorithm version', () => {
    const r = model.score(cleaningNeed(), cleaningProfile());
    expect(r.components.map((c) => c.name)).toEqual(COMPONENT_NAMES);
    for (const c of r.components) expect(c.weight).toBe(WEIGHTS[c.name]);
    expect(r.algorithmVersion).toBe(ALGORITHM_VERSION);
    expect(model.algorithmVersion).toBe(ALGORITHM_VERSION);
  });

  it('the weights sum to 1', () => {
    expect(Object.values(WEIGHTS).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
  });

  it('text, category and track record always apply to a relevant pair; geography, SDG and capacity only when the need has them', () => {
    const bare = model.score(cleaningNeed(), cleaningProfile());
    expect(bare.components.filter((c) => c.applicable).map((c) => c.name)).toEqual(['text', 'category', 'trackRecord']);
    const full = model.score(cleaningNeed({ sdgs: [8], municipalityCode: '1290', countyCode: '12', budgetMaxSek: 100_000 }), cleaningProfile());
    expect(full.components.every((c) => c.applicable)).toBe(true);
  });

  it('the score is the weighted mean of the applicable components, times 100', () => {
    const r = model.score(
      makeNeed({ title: 'Lokalvårdstjänster', cpvCodes: ['90919300-5'], sdgs: [8, 10], municipalityCode: '1290', countyCode: '12', budgetMinSek: 100_000, budgetMaxSek: 400_000 }),
      makeProfile({
        services: 'Lokalvård',
        cpvCodes: ['90919000'],
        sdgs: [8],
        municipalityCodes: ['1280'],
        maxContractSek: 200_000,
        trackRecord: { completed: 2, completedWithImpact: 1, ongoingWithImpact: 0, buyerOrganizationIds: [] },
      }),
    );
    expect(r.relevant).toBe(true);
    expect(r.score).toBeCloseTo(weightedMean(r), 1);
    expect(Math.abs(r.score * 100 - Math.round(r.score * 100))).toBeLessThan(1e-6);
  });
});

// ------------------------------------------------------------------ text

describe('text', () => {
  it.each<[string, string, string]>([
    ['Städtjänster för skolor', 'Städning och lokalvård', 'Cykelreparationer'],
    ['Trädgårdsskötsel i parker', 'Parkskötsel och trädgårdsskötsel', 'Kontorsmaterial'],
    ['Catering till äldreboende', 'Catering och måltider', 'Fönsterputsning'],
    ['Cykelreparationer', 'Reparation av cykel', 'Snöröjning'],
  ])('need "%s": "%s" scores higher than "%s"', (title, related, unrelated) => {
    // The same CPV code on all sides keeps the unrelated text relevant, so only the text differs.
    const need = makeNeed({ title, cpvCodes: ['79900000'] });
    const a = model.score(need, makeProfile({ services: related, cpvCodes: ['79900000'] }));
    const b = model.score(need, makeProfile({ services: unrelated, cpvCodes: ['79900000'] }));
    expect(valueOf(a, 'text')).toBeGreaterThan(0);
    expect(valueOf(b, 'text')).toBe(0);
    expect(a.score).toBeGreaterThan(b.score);
    expect(reasonFor(a, 'text')?.code).toBe('text.shared');
    expect(reasonFor(b, 'text')?.code).toBe('text.none');
  });

  it('more shared words score higher', () => {
    const need = makeNeed({ title: 'Lokalvård, fönsterputsning och trädgårdsskötsel' });
    const three = model.score(need, makeProfile({ services: 'Lokalvård, fönsterputsning och trädgårdsskötsel' }));
    const two = model.score(need, makeProfile({ services: 'Lokalvård och fönsterputsning' }));
    const one = model.score(need, makeProfile({ services: 'Lokalvård' }));
    expect(valueOf(three, 'text')).toBeCloseTo(1, 3);
    expect(valueOf(three, 'text')).toBeGreaterThan(valueOf(two, 'text'));
    expect(valueOf(two, 'text')).toBeGreaterThan(valueOf(one, 'text'));
    expect(valueOf(one, 'text')).toBeGreaterThan(0);
  });

  it('identical texts give a text component of 1', () => {
    const r = model.score(makeNeed({ title: 'Snöröjning och halkbekämpning' }), makeProfile({ services: 'Snöröjning och halkbekämpning' }));
    expect(valueOf(r, 'text')).toBeCloseTo(1, 3);
  });

  it("the need's title weighs more than its description", () => {
    const profile = makeProfile({ services: 'Lokalvård' });
    const inTitle = model.score(makeNeed({ title: 'Lokalvård', description: 'Snöröjning' }), profile);
    const inDescription = model.score(makeNeed({ title: 'Snöröjning', description: 'Lokalvård' }), profile);
    expect(valueOf(inTitle, 'text')).toBeGreaterThan(valueOf(inDescription, 'text'));
  });

  it("the enterprise's services weigh more than its description", () => {
    const need = makeNeed({ title: 'Lokalvård' });
    const inServices = model.score(need, makeProfile({ services: 'Lokalvård', description: 'Snöröjning' }));
    const inDescription = model.score(need, makeProfile({ services: 'Snöröjning', description: 'Lokalvård' }));
    expect(valueOf(inServices, 'text')).toBeGreaterThan(valueOf(inDescription, 'text'));
  });

  // Compound words: the need's word and the enterprise's word, neither sharing a whole word with the other.
  it.each<[string, string, string]>([
    ['Städtjänster', 'Städning', 'städtjänster'],
    ['Städtjänster', 'Vi städar kontor och trapphus', 'städtjänster'],
    ['Lokalvårdstjänster', 'Lokalvård', 'lokalvårdstjänster'],
    ['Trädgårdsskötsel', 'Skötsel av trädgårdar', 'trädgårdsskötsel'],
    ['Fönsterputsning', 'Putsning av fönster', 'fönsterputsning'],
    ['Kontorsmaterial', 'Material till kontor', 'kontorsmaterial'],
    ['Cykelreparationer', 'Reparation av cykel', 'cykelreparationer'],
    ['Parkskötsel', 'Skötsel av parker', 'parkskötsel'],
  ])('need "%s" meets enterprise "%s" through the text component', (title, services, needWord) => {
    const r = model.score(makeNeed({ title }), makeProfile({ services }));
    expect(r.relevant).toBe(true);
    expect(r.score).toBeGreaterThan(0);
    expect(valueOf(r, 'text')).toBeGreaterThan(0);
    expect(wordsOf(r).map((w) => w.need)).toContain(needWord);
  });

  // "flyttjänster" is split as "flytt" + "tjänst" (the consonant Swedish drops when three would meet is restored).
  it.each<[string, string, string]>([
    ['Flyttjänster', 'Flyttning', 'flyttning'],
    ['Flyttjänster', 'Flytt av kontor', 'flytt'],
  ])('three-consonant compound: need "%s" meets enterprise "%s" through the text component', (title, services, profileWord) => {
    const r = model.score(makeNeed({ title }), makeProfile({ services }));
    expect(r.relevant).toBe(true);
    expect(r.score).toBeGreaterThan(0);
    expect(valueOf(r, 'text')).toBeGreaterThan(0);
    expect(wordsOf(r)).toContainEqual({ need: 'flyttjänster', profile: profileWord });
  });

  // Compound parts are stemmed like the same word written alone ("kontor" → "kont", "fönster" → "fönst").
  it.each<[string, string, { need: string; profile: string }]>([
    ['Kontorsmaterial', 'Kontor', { need: 'kontorsmaterial', profile: 'kontor' }],
    ['Fönsterputsning', 'Fönster', { need: 'fönsterputsning', profile: 'fönster' }],
  ])('a compound part: need "%s" meets enterprise "%s" written alone', (title, services, words) => {
    const r = model.score(makeNeed({ title }), makeProfile({ services }));
    expect(r.relevant).toBe(true);
    expect(valueOf(r, 'text')).toBeGreaterThan(0);
    expect(wordsOf(r)).toContainEqual(words);
  });

  it('the procurement vocabulary is not shared text', () => {
    const need = makeNeed({ title: 'Ramavtal städning', description: 'Upphandling av kommunen, avrop och anbud' });
    const plain = makeNeed({ title: 'Städning' });
    const profile = makeProfile({ services: 'Städning', description: 'Ramavtal med kommunen och regionen, anbud, inköp' });
    expect(valueOf(model.score(need, profile), 'text')).toBeCloseTo(1, 3);
    expect(valueOf(model.score(need, profile), 'text')).toBe(valueOf(model.score(plain, makeProfile({ services: 'Städning' })), 'text'));
  });
});

// ------------------------------------------------------------------ CPV

describe('CPV codes', () => {
  // Against a need for 90911200 (Städning av byggnader). A code that contains it counts as "ancestor" (0.9) only when
  // it is a category or finer (≥ 5 significant digits); a broader one gets the value of its own level, while the
  // reason still says that one contains the other.
  const ladder: [string, string, number, string][] = [
    ['the same code', '90911200', CPV_SIMILARITY.sameCode, 'category.sameCode'],
    ['its category (contains it)', '90911000', CPV_SIMILARITY.ancestor, 'category.ancestor'],
    ['its class (contains it)', '90910000', CPV_SIMILARITY.class, 'category.ancestor'],
    ['its group (contains it)', '90900000', CPV_SIMILARITY.group, 'category.ancestor'],
    ['its division (contains it)', '90000000', CPV_SIMILARITY.division, 'category.ancestor'],
    ['a code in the same category', '90911300', CPV_SIMILARITY.category, 'category.category'],
    ['a code in the same class', '90919200', CPV_SIMILARITY.class, 'category.class'],
    ['a code in the same group', '90921000', CPV_SIMILARITY.group, 'category.group'],
    ['a code in the same division', '90511000', CPV_SIMILARITY.division, 'category.division'],
    ['a code in another division', '77311000', 0, 'category.none'],
  ];

  it.each(ladder)('%s (%s) gives %d', (_what, code, expected, reasonCode) => {
    const r = model.score(cleaningNeed({ cpvCodes: ['90911200'] }), cleaningProfile({ cpvCodes: [code] }));
    expect(r.relevant).toBe(true);
    expect(valueOf(r, 'category')).toBe(expected);
    expect(component(r, 'category').applicable).toBe(true);
    expect(reasonFor(r, 'category')?.code).toBe(reasonCode);
  });

  it('the levels are strictly ordered: same > ancestor > category > class > group > division > nothing', () => {
    expect(CPV_SIMILARITY.sameCode).toBeGreaterThan(CPV_SIMILARITY.ancestor);
    expect(CPV_SIMILARITY.ancestor).toBeGreaterThan(CPV_SIMILARITY.category);
    expect(CPV_SIMILARITY.category).toBeGreaterThan(CPV_SIMILARITY.class);
    expect(CPV_SIMILARITY.class).toBeGreaterThan(CPV_SIMILARITY.group);
    expect(CPV_SIMILARITY.group).toBeGreaterThan(CPV_SIMILARITY.division);
    expect(CPV_SIMILARITY.division).toBeGreaterThan(0);
    const need = cleaningNeed({ cpvCodes: ['90911200'] });
    // same, its category, a sibling in the category, class, group, division, another division
    const steps = ['90911200', '90911000', '90911300', '90919200', '90921000', '90511000', '77311000'];
    const scores = steps.map((code) => model.score(need, cleaningProfile({ cpvCodes: [code] })).score);
    for (let i = 1; i < scores.length; i++) expect(scores[i - 1]).toBeGreaterThan(scores[i]);
  });

  it.each<[string, string, string, number]>([
    ['class', '90910000', '90919200', CPV_SIMILARITY.class],
    ['group', '90900000', '90921000', CPV_SIMILARITY.group],
    ['division', '90000000', '90511000', CPV_SIMILARITY.division],
  ])('a containing %s (%s) counts no more than a code sharing that level (%s)', (_level, containing, sibling, expected) => {
    const need = cleaningNeed({ cpvCodes: ['90911200'] });
    const a = model.score(need, cleaningProfile({ cpvCodes: [containing] }));
    const b = model.score(need, cleaningProfile({ cpvCodes: [sibling] }));
    expect(valueOf(a, 'category')).toBe(expected);
    expect(valueOf(b, 'category')).toBe(expected);
    expect(a.score).toBe(b.score);
    // …and below a sibling in the same category, which a containing category (0.9) is above.
    const sameCategory = model.score(need, cleaningProfile({ cpvCodes: ['90911300'] }));
    expect(a.score).toBeLessThan(sameCategory.score);
    expect(model.score(need, cleaningProfile({ cpvCodes: ['90911000'] })).score).toBeGreaterThan(sameCategory.score);
  });

  it("a broader containing code names the codes as containing each other, with the level's value", () => {
    const r = model.score(cleaningNeed({ cpvCodes: ['90911200'] }), cleaningProfile({ cpvCodes: ['90910000'] }));
    expect(valueOf(r, 'category')).toBe(CPV_SIMILARITY.class);
    expect(reasonFor(r, 'category')).toEqual({ code: 'category.ancestor', component: 'category', params: { needCode: '90911200', profileCode: '90910000' } });
  });

  it.each<[string, string, number]>([
    ['a need for a class, an enterprise with a code in it', '90910000', CPV_SIMILARITY.class],
    ['a need for a group, an enterprise with a code in it', '90900000', CPV_SIMILARITY.group],
    ['a need for a division, an enterprise with a code in it', '90000000', CPV_SIMILARITY.division],
    ['a need for a category, an enterprise with a subcategory', '90911000', CPV_SIMILARITY.ancestor],
  ])('containment works both ways: %s', (_what, needCode, expected) => {
    const r = model.score(cleaningNeed({ cpvCodes: [needCode] }), cleaningProfile({ cpvCodes: ['90911200'] }));
    expect(valueOf(r, 'category')).toBe(expected);
    expect(reasonFor(r, 'category')?.code).toBe('category.ancestor');
    const reversed = model.score(cleaningNeed({ cpvCodes: ['90911200'] }), cleaningProfile({ cpvCodes: [needCode] }));
    expect(valueOf(reversed, 'category')).toBe(expected);
  });

  it.each(ladder)('codes with or without the check digit give the same result: %s (%s)', (_what, code) => {
    const need = '90911200';
    const results = [
      model.score(cleaningNeed({ cpvCodes: [need] }), cleaningProfile({ cpvCodes: [code] })),
      model.score(cleaningNeed({ cpvCodes: [withCheckDigit(need)] }), cleaningProfile({ cpvCodes: [code] })),
      model.score(cleaningNeed({ cpvCodes: [need] }), cleaningProfile({ cpvCodes: [withCheckDigit(code)] })),
      model.score(cleaningNeed({ cpvCodes: [withCheckDigit(need)] }), cleaningProfile({ cpvCodes: [withCheckDigit(code)] })),
    ];
    for (const r of results.slice(1)) {
      expect(r.score).toBe(results[0].score);
      expect(r.components).toEqual(results[0].components);
      expect(codes(r)).toEqual(codes(results[0]));
    }
  });

  it.each<[string[], string[], number]>([
    [['90911200', '45000000'], ['90911200'], (CPV_SIMILARITY.sameCode + 0) / 2],
    [['90911200', '90911300'], ['90911200'], (CPV_SIMILARITY.sameCode + CPV_SIMILARITY.category) / 2],
    // 77310000 is a class containing 77311000: the class's value, not "ancestor".
    [['90911200', '90911300', '77311000'], ['90911200', '77310000'], (CPV_SIMILARITY.sameCode + CPV_SIMILARITY.category + CPV_SIMILARITY.class) / 3],
    [['90911200', '77311000'], ['90911000', '77311000'], (CPV_SIMILARITY.ancestor + CPV_SIMILARITY.sameCode) / 2],
    [['90911200'], ['90911300', '90911200', '77311000'], CPV_SIMILARITY.sameCode],
    [['90911200', '90911200-8'], ['90911300'], CPV_SIMILARITY.category],
  ])("is the mean over the need's codes of the best match: need %j, enterprise %j", (needCodes, profileCodes, expected) => {
    const r = model.score(cleaningNeed({ cpvCodes: needCodes }), cleaningProfile({ cpvCodes: profileCodes }));
    expect(valueOf(r, 'category')).toBeCloseTo(expected, 4);
  });

  it("an enterprise covering all of the need's codes ranks above one covering one of them", () => {
    const need = cleaningNeed({ cpvCodes: ['90911200', '77311000'] });
    const both = model.score(need, cleaningProfile({ cpvCodes: ['90911200', '77311000'] }));
    const one = model.score(need, cleaningProfile({ cpvCodes: ['90911200'] }));
    expect(both.score).toBeGreaterThan(one.score);
  });

  it('is 0 when either side has no codes', () => {
    expect(valueOf(model.score(cleaningNeed({ cpvCodes: [] }), cleaningProfile({ cpvCodes: ['90911200'] })), 'category')).toBe(0);
    expect(valueOf(model.score(cleaningNeed({ cpvCodes: ['90911200'] }), cleaningProfile({ cpvCodes: [] })), 'category')).toBe(0);
  });

  it('names the codes, eight digits each', () => {
    const same = model.score(cleaningNeed({ cpvCodes: ['90919300-5'] }), cleaningProfile({ cpvCodes: ['90919300'] }));
    expect(reasonFor(same, 'category')).toEqual({ code: 'category.sameCode', component: 'category', params: { needCode: '90919300', profileCode: '90919300' } });
    const sibling = model.score(cleaningNeed({ cpvCodes: ['90911200'] }), cleaningProfile({ cpvCodes: ['90911300'] }));
    expect(reasonFor(sibling, 'category')).toMatchObject({ params: { needCode: '90911200', profileCode: '90911300' } });
  });
});

// ------------------------------------------------------------------ SDG

describe('SDGs', () => {
  it.each<[number[], number[], number]>([
    [[1, 8, 10], [8], 1 / 3],
    [[1, 8, 10], [8, 10], 2 / 3],
    [[1, 8, 10], [1, 8, 10], 1],
    [[1, 8, 10], [1, 5, 8, 10, 17], 1],
    [[1, 8, 10], [17], 0],
    [[1, 8, 10], [], 0],
    [[12], [12, 13], 1],
  ])("is the share of the need's goals the enterprise shares: need %j, enterprise %j → %d", (needGoals, profileGoals, expected) => {
    const r = model.score(cleaningNeed({ sdgs: needGoals }), cleaningProfile({ sdgs: profileGoals }));
    expect(component(r, 'sdg').applicable).toBe(true);
    expect(valueOf(r, 'sdg')).toBeCloseTo(expected, 4);
    expect(reasonFor(r, 'sdg')?.code).toBe(expected > 0 ? 'sdg.shared' : 'sdg.none');
  });

  it('does not apply when the need has no goals, whatever the enterprise has', () => {
    const a = model.score(cleaningNeed({ sdgs: [] }), cleaningProfile({ sdgs: [1, 2, 3] }));
    const b = model.score(cleaningNeed({ sdgs: [] }), cleaningProfile({ sdgs: [] }));
    expect(component(a, 'sdg').applicable).toBe(false);
    expect(reasonFor(a, 'sdg')).toBeUndefined();
    expect(a.score).toBe(b.score);
  });

  it('more shared goals score higher', () => {
    const need = cleaningNeed({ sdgs: [1, 8, 10] });
    const scores = [[], [8], [8, 10], [1, 8, 10]].map((goals) => model.score(need, cleaningProfile({ sdgs: goals })).score);
    for (let i = 1; i < scores.length; i++) expect(scores[i]).toBeGreaterThan(scores[i - 1]);
  });

  it('names the shared goals, and how many the need names', () => {
    const r = model.score(cleaningNeed({ sdgs: [1, 8, 10] }), cleaningProfile({ sdgs: [8, 10, 13] }));
    expect(reasonFor(r, 'sdg')).toEqual({ code: 'sdg.shared', component: 'sdg', params: { goals: [8, 10], needGoals: 3 } });
  });
});

// ------------------------------------------------------------------ geography

describe('geography', () => {
  const kristianstad = { municipalityCode: '1290', countyCode: '12' };
  const km = (a: string, b: { lat: number; lon: number }) => haversineKm(municipality(a), b);

  it.each<[string, Partial<ProfileInput>, () => number, string]>([
    ['works in the municipality', { municipalityCodes: ['1290'] }, () => GEOGRAPHY.sameMunicipality, 'geography.sameMunicipality'],
    ['works in the municipality among others far away', { municipalityCodes: ['2584', '1290'] }, () => GEOGRAPHY.sameMunicipality, 'geography.sameMunicipality'],
    ['works in another municipality of the county', { municipalityCodes: ['1280'] }, () => GEOGRAPHY.sameCounty, 'geography.sameCounty'],
    ['works in the whole county', { countyCodes: ['12'] }, () => GEOGRAPHY.sameCounty, 'geography.sameCounty'],
    ['works next door, in another county (Olofström)', { municipalityCodes: ['1060'] }, () => nearValue(km('1290', municipality('1060'))), 'geography.near'],
    ['works further away (Växjö)', { municipalityCodes: ['0780'] }, () => nearValue(km('1290', municipality('0780'))), 'geography.near'],
    ['works in a neighbouring county (Blekinge)', { countyCodes: ['10'] }, () => nearValue(km('1290', county('10'))), 'geography.near'],
    ['works far away (Kiruna)', { municipalityCodes: ['2584'] }, () => nearValue(km('1290', municipality('2584'))), 'geography.near'],
    ['works nationwide and far away (Kiruna)', { nationwide: true, municipalityCodes: ['2584'] }, () => nearValue(km('1290', municipality('2584'))), 'geography.near'],
    ['works nationwide', { nationwide: true }, () => GEOGRAPHY.nationwide, 'geography.nationwide'],
    ['works nationwide and names only unknown places', { nationwide: true, municipalityCodes: ['9999'] }, () => GEOGRAPHY.nationwide, 'geography.nationwide'],
    ['works nowhere it has said', {}, () => GEOGRAPHY.unknown, 'geography.unknown'],
    ['names only unknown places', { municipalityCodes: ['9999'], countyCodes: ['99'] }, () => GEOGRAPHY.unknown, 'geography.unknown'],
  ])('a need in Kristianstad, an enterprise that %s', (_what, profile, expected, reasonCode) => {
    const r = model.score(cleaningNeed(kristianstad), cleaningProfile(profile));
    expect(component(r, 'geography').applicable).toBe(true);
    expect(valueOf(r, 'geography')).toBeCloseTo(expected(), 4);
    expect(reasonFor(r, 'geography')?.code).toBe(reasonCode);
  });

  it('same municipality > same county > near (decreasing with distance) > far > nationwide > says nothing', () => {
    const profiles: Partial<ProfileInput>[] = [
      { municipalityCodes: ['1290'] },
      { municipalityCodes: ['1280'] },
      { municipalityCodes: ['1060'] }, // Olofström, ~40 km
      { municipalityCodes: ['1081'] }, // Ronneby, further
      { municipalityCodes: ['0780'] }, // Växjö, further still
      { municipalityCodes: ['2584'] }, // Kiruna, ~1394 km
      { nationwide: true },
      {},
    ];
    const need = cleaningNeed(kristianstad);
    const values = profiles.map((p) => valueOf(model.score(need, cleaningProfile(p)), 'geography'));
    for (let i = 1; i < values.length; i++) expect(values[i - 1]).toBeGreaterThan(values[i]);
    const scores = profiles.map((p) => model.score(need, cleaningProfile(p)).score);
    for (let i = 1; i < scores.length; i++) expect(scores[i - 1]).toBeGreaterThan(scores[i]);
  });

  it('the distance score is 0.75 next door and decreases with the distance towards 0.35', () => {
    expect(nearValue(0)).toBeCloseTo(0.75, 10);
    expect(GEOGRAPHY.nearBase).toBe(0.35);
    expect(GEOGRAPHY.nearRange).toBe(0.4);
    expect(GEOGRAPHY.nearDecayKm).toBe(80);
    expect(nearValue(80)).toBeCloseTo(0.35 + 0.4 / Math.E, 10);
    expect(nearValue(10_000)).toBeCloseTo(0.35, 10);
    const need = cleaningNeed(kristianstad);
    const places = ['1293', '1060', '1081', '0780', '0180', '2584'];
    const byDistance = places.map((code) => ({
      km: km('1290', municipality(code)),
      value: valueOf(model.score(need, cleaningProfile({ municipalityCodes: [code] })), 'geography'),
    }));
    // Hässleholm (1293) is in Skåne, the same county: 0.8 whatever the distance.
    expect(byDistance[0].value).toBeCloseTo(GEOGRAPHY.sameCounty, 4);
    const outside = byDistance.slice(1).sort((a, b) => a.km - b.km);
    for (let i = 1; i < outside.length; i++) expect(outside[i - 1].value).toBeGreaterThan(outside[i].value);
    for (const o of outside) expect(o.value).toBeLessThan(GEOGRAPHY.sameCounty);
  });

  it("the best of the enterprise's places counts, and nationwide is a floor", () => {
    const need = cleaningNeed(kristianstad);
    const near = valueOf(model.score(need, cleaningProfile({ municipalityCodes: ['1060'] })), 'geography');
    const nearAndFar = valueOf(model.score(need, cleaningProfile({ municipalityCodes: ['2584', '1060'] })), 'geography');
    expect(nearAndFar).toBe(near);
    const nationwideAndNear = valueOf(model.score(need, cleaningProfile({ nationwide: true, municipalityCodes: ['1060'] })), 'geography');
    expect(nationwideAndNear).toBe(near);
    // Every named place is above nationwide, so working nationwide adds nothing to a named place, however far.
    const far = valueOf(model.score(need, cleaningProfile({ municipalityCodes: ['2584'] })), 'geography');
    const nationwideAndFar = valueOf(model.score(need, cleaningProfile({ nationwide: true, municipalityCodes: ['2584'] })), 'geography');
    expect(nationwideAndFar).toBe(far);
    expect(nationwideAndFar).toBeGreaterThan(GEOGRAPHY.nationwide);
    // Nationwide is still above saying nothing.
    const nationwide = valueOf(model.score(need, cleaningProfile({ nationwide: true })), 'geography');
    const nothing = valueOf(model.score(need, cleaningProfile()), 'geography');
    expect(nationwide).toBe(GEOGRAPHY.nationwide);
    expect(nothing).toBe(GEOGRAPHY.unknown);
    expect(nationwide).toBeGreaterThan(nothing);
  });

  it('the levels are ordered: same municipality > same county > distance (0.35–0.75) > nationwide > unknown', () => {
    expect(GEOGRAPHY.sameMunicipality).toBe(1);
    expect(GEOGRAPHY.sameCounty).toBe(0.8);
    expect(GEOGRAPHY.nationwide).toBe(0.3);
    expect(GEOGRAPHY.unknown).toBe(0.2);
    expect(GEOGRAPHY.sameCounty).toBeGreaterThan(GEOGRAPHY.nearBase + GEOGRAPHY.nearRange);
    expect(GEOGRAPHY.nearBase).toBeGreaterThan(GEOGRAPHY.nationwide);
    expect(GEOGRAPHY.nationwide).toBeGreaterThan(GEOGRAPHY.unknown);
  });

  it('an enterprise that works in a named place, however far, ranks above one that works nationwide', () => {
    const need = cleaningNeed(kristianstad);
    const nationwide = model.score(need, cleaningProfile({ nationwide: true }));
    const far = model.score(need, cleaningProfile({ municipalityCodes: ['2584'] }));
    expect(valueOf(far, 'geography')).toBeGreaterThan(GEOGRAPHY.nationwide);
    expect(far.score).toBeGreaterThan(nationwide.score);
    // Every municipality and county of the reference data.
    const reference = testReference();
    for (const m of reference.municipalities) {
      expect(valueOf(model.score(need, cleaningProfile({ municipalityCodes: [m.code] })), 'geography')).toBeGreaterThanOrEqual(GEOGRAPHY.nearBase);
    }
    for (const c of reference.counties) {
      expect(valueOf(model.score(need, cleaningProfile({ countyCodes: [c.code] })), 'geography')).toBeGreaterThanOrEqual(GEOGRAPHY.nearBase);
    }
  });

  describe('a need with only a county (Skåne)', () => {
    const skane = { municipalityCode: null, countyCode: '12' };

    it.each<[string, Partial<ProfileInput>, () => number, string]>([
      ['works in a municipality of the county', { municipalityCodes: ['1280'] }, () => GEOGRAPHY.sameMunicipality, 'geography.sameMunicipality'],
      ['works in the whole county', { countyCodes: ['12'] }, () => GEOGRAPHY.sameMunicipality, 'geography.sameMunicipality'],
      ["works in a neighbouring county's municipality", { municipalityCodes: ['1060'] }, () => nearValue(haversineKm(county('12'), municipality('1060'))), 'geography.near'],
      ['works far away (Kiruna)', { municipalityCodes: ['2584'] }, () => nearValue(haversineKm(county('12'), municipality('2584'))), 'geography.near'],
      ['works nationwide', { nationwide: true }, () => GEOGRAPHY.nationwide, 'geography.nationwide'],
      ['works nowhere', {}, () => GEOGRAPHY.unknown, 'geography.unknown'],
      ['names only unknown places', { municipalityCodes: ['9999'] }, () => GEOGRAPHY.unknown, 'geography.unknown'],
    ])('an enterprise that %s', (_what, profile, expected, reasonCode) => {
      const r = model.score(cleaningNeed(skane), cleaningProfile(profile));
      expect(component(r, 'geography').applicable).toBe(true);
      expect(valueOf(r, 'geography')).toBeCloseTo(expected(), 4);
      expect(reasonFor(r, 'geography')?.code).toBe(reasonCode);
    });

    it('the reason names the county', () => {
      const r = model.score(cleaningNeed(skane), cleaningProfile({ municipalityCodes: ['1280'] }));
      expect(reasonFor(r, 'geography')).toMatchObject({ params: { place: 'Skåne län' } });
    });
  });

  it('does not apply when the need has no place, whatever the enterprise says', () => {
    const need = cleaningNeed({ municipalityCode: null, countyCode: null });
    const a = model.score(need, cleaningProfile({ municipalityCodes: ['1290'], nationwide: true }));
    const b = model.score(need, cleaningProfile());
    expect(component(a, 'geography').applicable).toBe(false);
    expect(reasonFor(a, 'geography')).toBeUndefined();
    expect(a.score).toBe(b.score);
  });

  it("does not apply when the need's place is unknown", () => {
    const r = model.score(cleaningNeed({ municipalityCode: '9999', countyCode: '99' }), cleaningProfile({ municipalityCodes: ['1290'] }));
    expect(component(r, 'geography').applicable).toBe(false);
  });

  it('the reasons name the places', () => {
    const need = cleaningNeed(kristianstad);
    const same = reasonFor(model.score(need, cleaningProfile({ municipalityCodes: ['1290'] })), 'geography')!;
    expect(same).toEqual({ code: 'geography.sameMunicipality', component: 'geography', params: { place: 'Kristianstad' } });
    const county12 = reasonFor(model.score(need, cleaningProfile({ municipalityCodes: ['1280'] })), 'geography')!;
    expect(county12).toEqual({ code: 'geography.sameCounty', component: 'geography', params: { county: 'Skåne län' } });
    const near = reasonFor(model.score(need, cleaningProfile({ municipalityCodes: ['1060'] })), 'geography')!;
    expect(near).toEqual({
      code: 'geography.near',
      component: 'geography',
      params: { nearest: 'Olofström', km: Math.round(km('1290', municipality('1060'))), place: 'Kristianstad' },
    });
    const far = reasonFor(model.score(need, cleaningProfile({ nationwide: true, municipalityCodes: ['2584'] })), 'geography')!;
    expect(far).toEqual({ code: 'geography.near', component: 'geography', params: { nearest: 'Kiruna', km: Math.round(km('1290', municipality('2584'))), place: 'Kristianstad' } });
    const unknown = reasonFor(model.score(need, cleaningProfile()), 'geography')!;
    expect(unknown).toEqual({ code: 'geography.unknown', component: 'geography', params: {} });
    const nationwide = reasonFor(model.score(need, cleaningProfile({ nationwide: true })), 'geography')!;
    expect(nationwide).toEqual({ code: 'geography.nationwide', component: 'geography', params: {} });
  });
});

// ------------------------------------------------------------------ capacity

describe('capacity', () => {
  const range = { budgetMinSek: 500_000, budgetMaxSek: 1_000_000 };

  it.each<[string, Partial<NeedInput>, number | null, number, string]>([
    ['more than the budget', range, 2_000_000, 1, 'capacity.enough'],
    ['exactly the maximum', range, 1_000_000, 1, 'capacity.enough'],
    ['within the budget range', range, 750_000, 0.75, 'capacity.short'],
    ['exactly the minimum', range, 500_000, 0.75, 'capacity.short'],
    ['below the minimum', range, 250_000, (0.7 * 250_000) / 1_000_000, 'capacity.short'],
    ['nothing', range, 0, 0, 'capacity.short'],
    ['a negative amount', range, -250_000, 0, 'capacity.short'],
    ['a negative amount, with only a minimum', { budgetMinSek: 500_000 }, -1, 0, 'capacity.short'],
    ['nothing, with only a maximum', { budgetMaxSek: 1_000_000 }, 0, 0, 'capacity.short'],
    ['unknown', range, null, 0.5, 'capacity.unknown'],
    ['short, with only a maximum', { budgetMaxSek: 1_000_000 }, 600_000, 0.42, 'capacity.short'],
    ['enough, with only a minimum', { budgetMinSek: 500_000 }, 500_000, 1, 'capacity.enough'],
    ['short, with only a minimum', { budgetMinSek: 500_000 }, 400_000, 0.56, 'capacity.short'],
  ])('an enterprise that can take %s', (_what, budget, max, expected, reasonCode) => {
    const r = model.score(cleaningNeed(budget), cleaningProfile({ maxContractSek: max }));
    expect(component(r, 'capacity').applicable).toBe(true);
    expect(valueOf(r, 'capacity')).toBeCloseTo(expected, 4);
    expect(reasonFor(r, 'capacity')?.code).toBe(reasonCode);
  });

  it('enough > within the range > short, and short is proportional', () => {
    const need = cleaningNeed(range);
    const values = [2_000_000, 750_000, 400_000, 200_000, 0].map((max) => valueOf(model.score(need, cleaningProfile({ maxContractSek: max })), 'capacity'));
    for (let i = 1; i < values.length; i++) expect(values[i - 1]).toBeGreaterThan(values[i]);
    expect(values[2] / values[3]).toBeCloseTo(2, 3);
  });

  it('never goes below 0: a zero or negative maximum contract gives 0, and scores no lower than 0', () => {
    const need = cleaningNeed(range);
    const zero = model.score(need, cleaningProfile({ maxContractSek: 0 }));
    for (const max of [-1, -1_000_000, -Number.MAX_SAFE_INTEGER]) {
      const r = model.score(need, cleaningProfile({ maxContractSek: max }));
      expect(valueOf(r, 'capacity')).toBe(0);
      expect(r.score).toBe(zero.score);
    }
  });

  it('does not apply without a budget', () => {
    const need = cleaningNeed({ budgetMinSek: null, budgetMaxSek: null });
    const a = model.score(need, cleaningProfile({ maxContractSek: 10 }));
    const b = model.score(need, cleaningProfile({ maxContractSek: null }));
    expect(component(a, 'capacity').applicable).toBe(false);
    expect(reasonFor(a, 'capacity')).toBeUndefined();
    expect(a.score).toBe(b.score);
  });

  it('the reasons give the amounts', () => {
    const r = model.score(cleaningNeed(range), cleaningProfile({ maxContractSek: 2_000_000 }));
    expect(reasonFor(r, 'capacity')).toEqual({ code: 'capacity.enough', component: 'capacity', params: { maxContractSek: 2_000_000, budgetSek: 1_000_000 } });
  });
});

// ------------------------------------------------------------------ track record

describe('track record', () => {
  const countValue = (points: number) => TRACK_RECORD.countShare * Math.min(1, Math.log1p(points) / Math.log1p(TRACK_RECORD.saturateAt));
  const track = (completed: number, completedWithImpact: number, ongoingWithImpact: number, buyerOrganizationIds: string[] = []) => ({
    completed,
    completedWithImpact,
    ongoingWithImpact,
    buyerOrganizationIds,
  });

  /** The same-buyer part of k partnerships with the need's buyer. */
  const buyerPart = (k: number) => TRACK_RECORD.sameBuyerShare * Math.min(1, Math.log1p(k) / Math.log1p(RANKER.sameBuyerSaturateAt));

  it('weighs the evidence in whole points: 2 per completed partnership, 1 more per partnership with confirmed impact', () => {
    expect(TRACK_RECORD).toMatchObject({ completedPoints: 2, confirmedImpactPoints: 1, saturateAt: 20 });
    expect(TRACK_RECORD.countShare + TRACK_RECORD.sameBuyerShare + TRACK_RECORD.buyerAreaShare + TRACK_RECORD.sameFieldShare).toBeCloseTo(1, 10);
  });

  it.each<[string, ReturnType<typeof track>, number, number, string]>([
    ['nothing', track(0, 0, 0), 0, 0, 'trackRecord.none'],
    ['an ongoing partnership with confirmed impact', track(0, 0, 1), 1, countValue(1), 'trackRecord.partnerships'],
    ['a completed partnership', track(1, 0, 0), 2, countValue(2), 'trackRecord.partnerships'],
    ['a completed partnership with confirmed impact', track(1, 1, 0), 3, countValue(3), 'trackRecord.partnerships'],
    ['3 completed, 2 with confirmed impact', track(3, 2, 0), 8, countValue(8), 'trackRecord.partnerships'],
    ['3 completed, 2 with confirmed impact, 1 ongoing with confirmed impact', track(3, 2, 1), 9, countValue(9), 'trackRecord.partnerships'],
    ['10 completed: saturated', track(10, 0, 0), 20, TRACK_RECORD.countShare, 'trackRecord.partnerships'],
    ['7 completed with confirmed impact: past saturation', track(7, 7, 0), 21, TRACK_RECORD.countShare, 'trackRecord.partnerships'],
    ['more with impact than completed counts only the completed ones', track(1, 5, 0), 3, countValue(3), 'trackRecord.partnerships'],
    ['negative and fractional counts count as whole and not below 0', track(-2, 0.5, 1.9), 1, countValue(1), 'trackRecord.partnerships'],
    ['a completed partnership with this buyer', track(1, 0, 0, ['buyer-1']), 2, countValue(2) + buyerPart(1), 'trackRecord.sameBuyer'],
    ['a completed partnership with another buyer', track(1, 0, 0, ['buyer-2']), 2, countValue(2), 'trackRecord.partnerships'],
    ['saturated, and once with this buyer', track(12, 3, 0, ['buyer-2', 'buyer-1']), 27, TRACK_RECORD.countShare + buyerPart(1), 'trackRecord.sameBuyer'],
    [
      'saturated, and often with this buyer',
      track(12, 3, 0, ['buyer-1', 'buyer-2', 'buyer-1', 'buyer-1', 'buyer-1', 'buyer-1', 'buyer-1']),
      27,
      TRACK_RECORD.countShare + buyerPart(6),
      'trackRecord.sameBuyer',
    ],
  ])('%s: %j is worth the points and value given', (_what, trackRecord, points, expected, reasonCode) => {
    expect(trackRecordEvidence(trackRecord).points).toBe(points);
    const r = model.score(cleaningNeed({ buyerOrganizationId: 'buyer-1' }), cleaningProfile({ trackRecord }));
    expect(component(r, 'trackRecord').applicable).toBe(true);
    expect(valueOf(r, 'trackRecord')).toBeCloseTo(expected, 4);
    expect(reasonFor(r, 'trackRecord')?.code).toBe(reasonCode);
  });

  it('orders the kinds of evidence: ongoing without impact < ongoing with impact < completed < completed with impact', () => {
    const need = cleaningNeed();
    const score = (t: ReturnType<typeof track>) => model.score(need, cleaningProfile({ trackRecord: t })).score;
    const scores = [track(0, 0, 0), track(0, 0, 1), track(1, 0, 0), track(1, 1, 0)].map(score);
    for (let i = 1; i < scores.length; i++) expect(scores[i]).toBeGreaterThan(scores[i - 1]);
  });

  it('more evidence scores higher, up to the saturation point', () => {
    const need = cleaningNeed();
    const score = (completed: number) => model.score(need, cleaningProfile({ trackRecord: track(completed, 0, 0) })).score;
    const scores = [0, 1, 2, 5, 10].map(score);
    for (let i = 1; i < scores.length; i++) expect(scores[i]).toBeGreaterThan(scores[i - 1]);
    expect(score(11)).toBe(score(10));
    expect(score(100)).toBe(score(10));
  });

  it('no track record at all counts as none', () => {
    const r = model.score(cleaningNeed(), cleaningProfile({ trackRecord: undefined }));
    expect(valueOf(r, 'trackRecord')).toBe(0);
    expect(reasonFor(r, 'trackRecord')).toEqual({ code: 'trackRecord.none', component: 'trackRecord', params: {} });
  });

  it('repeat partnerships with the same buyer add more, up to the saturation point', () => {
    const need = cleaningNeed({ buyerOrganizationId: 'buyer-1' });
    const value = (k: number) => valueOf(model.score(need, cleaningProfile({ trackRecord: track(10, 0, 0, Array<string>(k).fill('buyer-1')) })), 'trackRecord');
    const saturate = RANKER.sameBuyerSaturateAt;
    for (let k = 1; k < saturate; k++) expect(value(k + 1)).toBeGreaterThan(value(k));
    expect(value(saturate + 3)).toBe(value(saturate));
    // A component's value is given to four decimals, so the share comes out within a thousandth.
    expect(value(saturate) - value(0)).toBeCloseTo(TRACK_RECORD.sameBuyerShare, 3);
  });

  it("the buyer-area part: a partnership for a buyer in the need's municipality, else its county, with its reason", () => {
    const areaRanker = { ...RANKER, trackCount: RANKER.trackCount - 0.02, trackBuyerArea: RANKER.trackBuyerArea + 0.02 };
    const areaModel = new ScoringModel(testReference(), areaRanker);
    const areaShare = areaRanker.trackBuyerArea / trackRecordWeight(areaRanker);
    const need = cleaningNeed({ buyerOrganizationId: 'buyer-1', municipalityCode: '1290', countyCode: '12' });
    const at = (municipality: string | null, county: string | null) =>
      areaModel.score(
        need,
        cleaningProfile({
          trackRecord: { ...track(1, 0, 0, ['buyer-9']), buyerMunicipalityCodes: municipality ? [municipality] : [], buyerCountyCodes: county ? [county] : [] },
        }),
      );
    const none = at(null, null);
    const same = at('1290', '12');
    const county = at('1280', '12');
    const elsewhere = at('0180', '01');
    expect(valueOf(same, 'trackRecord') - valueOf(none, 'trackRecord')).toBeCloseTo(areaShare, 4);
    expect(valueOf(county, 'trackRecord') - valueOf(none, 'trackRecord')).toBeCloseTo(areaShare * TRACK_RECORD.buyerCountyValue, 4);
    expect(valueOf(elsewhere, 'trackRecord')).toBe(valueOf(none, 'trackRecord'));
    expect(reasonFor(same, 'trackRecord')).toEqual({
      code: 'trackRecord.sameArea',
      component: 'trackRecord',
      params: { completed: 1, completedWithImpact: 0, ongoingWithImpact: 0, place: 'Kristianstad' },
    });
    expect(reasonFor(county, 'trackRecord')).toMatchObject({ code: 'trackRecord.sameArea', params: { place: 'Skåne län' } });
    expect(reasonFor(elsewhere, 'trackRecord')?.code).toBe('trackRecord.partnerships');
  });

  it(`newcomers are not buried: a track record makes at most TRACK_RECORD_MAX_SHARE (${TRACK_RECORD_MAX_SHARE}) of a score`, () => {
    expect(trackRecordShare(RANKER)).toBeLessThanOrEqual(TRACK_RECORD_MAX_SHARE);
    const fullest = {
      ...track(20, 20, 5, Array<string>(10).fill('buyer-1')),
      buyerMunicipalityCodes: ['1290'],
      buyerCountyCodes: ['12'],
      partnershipCpvCodes: Array<string>(20).fill('90919300'),
    };
    // Only text, CPV codes and the track record apply: the track record's largest share.
    const need = cleaningNeed({
      buyerOrganizationId: 'buyer-1',
      cpvCodes: ['90919300'],
      municipalityCode: null,
      countyCode: null,
      sdgs: [],
      budgetMinSek: null,
      budgetMaxSek: null,
    });
    const newcomer = model.score(need, cleaningProfile({ trackRecord: undefined }));
    const veteran = model.score(need, cleaningProfile({ trackRecord: fullest }));
    expect(valueOf(veteran, 'trackRecord')).toBeCloseTo(1, 4);
    expect(veteran.score - newcomer.score).toBeGreaterThan(0);
    expect(veteran.score - newcomer.score).toBeLessThanOrEqual(100 * TRACK_RECORD_MAX_SHARE + 0.01);
    expect(veteran.score - newcomer.score).toBeCloseTo(100 * trackRecordShare(RANKER), 1);
    // With every component applying, less.
    const full = cleaningNeed({ buyerOrganizationId: 'buyer-1', cpvCodes: ['90919300'], sdgs: [8], municipalityCode: '1290', countyCode: '12', budgetMaxSek: 100_000 });
    const gap = model.score(full, cleaningProfile({ trackRecord: fullest })).score - model.score(full, cleaningProfile({ trackRecord: undefined })).score;
    expect(gap).toBeLessThan(veteran.score - newcomer.score);
  });

  it("the same-field part: partnerships in the need's CPV class count whole, in its group half, saturating, with its reason", () => {
    const need = cleaningNeed({ buyerOrganizationId: 'buyer-1', cpvCodes: ['90919300-5'] });
    const code = '90919300';
    const sameClass = code.slice(0, 4) + (code[4] === '9' ? '8' : '9') + '000';
    const sameGroup = code.slice(0, 3) + (code[3] === '9' ? '8' : '9') + '0000';
    const otherGroup = code.slice(0, 2) + (code[2] === '9' ? '8' : '9') + '00000';
    const at = (codes: string[]) => model.score(need, cleaningProfile({ trackRecord: { ...track(codes.length, 0, 0, ['buyer-9']), partnershipCpvCodes: codes } }));
    const part = (codes: string[]) =>
      valueOf(at(codes), 'trackRecord') - valueOf(model.score(need, cleaningProfile({ trackRecord: track(codes.length, 0, 0, ['buyer-9']) })), 'trackRecord');
    const scale = (n: number) => TRACK_RECORD.sameFieldShare * Math.min(1, Math.log1p(n) / Math.log1p(RANKER.sameFieldSaturateAt));
    expect(RANKER.trackSameField).toBeGreaterThan(0);
    expect(part([otherGroup])).toBeCloseTo(0, 4);
    expect(part([sameClass])).toBeCloseTo(scale(1), 3);
    expect(part([sameGroup])).toBeCloseTo(scale(0.5), 3);
    expect(part([sameClass, sameGroup, otherGroup])).toBeCloseTo(scale(1.5), 3);
    expect(part(Array<string>(RANKER.sameFieldSaturateAt + 4).fill(sameClass))).toBeCloseTo(TRACK_RECORD.sameFieldShare, 3);
    expect(reasonFor(at([sameClass, sameClass, sameGroup]), 'trackRecord')).toEqual({
      code: 'trackRecord.sameField',
      component: 'trackRecord',
      params: { partnerships: 2, level: 'class', prefix: code.slice(0, 4) },
    });
    expect(reasonFor(at([sameGroup, otherGroup]), 'trackRecord')).toEqual({
      code: 'trackRecord.sameField',
      component: 'trackRecord',
      params: { partnerships: 1, level: 'group', prefix: code.slice(0, 3) },
    });
    expect(reasonFor(at([otherGroup]), 'trackRecord')?.code).toBe('trackRecord.partnerships');
  });

  it('a counted partnership with the same buyer adds', () => {
    const need = cleaningNeed({ buyerOrganizationId: 'buyer-1' });
    const other = model.score(need, cleaningProfile({ trackRecord: track(3, 2, 0, ['buyer-9']) }));
    const same = model.score(need, cleaningProfile({ trackRecord: track(3, 2, 0, ['buyer-1']) }));
    expect(same.score).toBeGreaterThan(other.score);
    // Component values are shown with four decimals: their difference is good to three.
    expect(valueOf(same, 'trackRecord') - valueOf(other, 'trackRecord')).toBeCloseTo(buyerPart(1), 3);
    expect(reasonFor(same, 'trackRecord')).toEqual({
      code: 'trackRecord.sameBuyer',
      component: 'trackRecord',
      params: { completed: 3, completedWithImpact: 2, ongoingWithImpact: 0 },
    });
  });

  it.each<ReturnType<typeof track>>([track(3, 2, 0), track(1, 0, 0), track(0, 0, 1), track(2, 1, 1)])('%j gives its counts', (trackRecord) => {
    const r = model.score(cleaningNeed({ buyerOrganizationId: 'buyer-1' }), cleaningProfile({ trackRecord }));
    const { completed, completedWithImpact, ongoingWithImpact } = trackRecord;
    expect(reasonFor(r, 'trackRecord')).toEqual({ code: 'trackRecord.partnerships', component: 'trackRecord', params: { completed, completedWithImpact, ongoingWithImpact } });
  });
});

// ------------------------------------------------------------------ eligibility

describe('eligibility', () => {
  type Flags = Pick<ProfileInput, 'workIntegrating' | 'farFromLabourMarketShare' | 'ideburen'>;
  const nothing: Flags = { workIntegrating: false, farFromLabourMarketShare: null, ideburen: false };

  it.each<[NeedInput['form'], Flags, boolean, string | null]>([
    ['RESERVED_CONTRACT', { workIntegrating: true, farFromLabourMarketShare: 30, ideburen: false }, true, 'eligibility.reserved'],
    ['RESERVED_CONTRACT', { workIntegrating: true, farFromLabourMarketShare: 100, ideburen: false }, true, 'eligibility.reserved'],
    ['RESERVED_CONTRACT', { workIntegrating: true, farFromLabourMarketShare: 29, ideburen: false }, false, 'eligibility.reserved.shareTooLow'],
    ['RESERVED_CONTRACT', { workIntegrating: true, farFromLabourMarketShare: 29.9, ideburen: false }, false, 'eligibility.reserved.shareTooLow'],
    ['RESERVED_CONTRACT', { workIntegrating: true, farFromLabourMarketShare: 0, ideburen: false }, false, 'eligibility.reserved.shareTooLow'],
    ['RESERVED_CONTRACT', { workIntegrating: true, farFromLabourMarketShare: null, ideburen: true }, false, 'eligibility.reserved.shareUnknown'],
    ['RESERVED_CONTRACT', { workIntegrating: true, farFromLabourMarketShare: null, ideburen: false }, false, 'eligibility.reserved.shareUnknown'],
    ['RESERVED_CONTRACT', { workIntegrating: false, farFromLabourMarketShare: 80, ideburen: true }, false, 'eligibility.reserved.notWorkIntegrating'],
    ['RESERVED_CONTRACT', nothing, false, 'eligibility.reserved.notWorkIntegrating'],
    ['IOP', { workIntegrating: false, farFromLabourMarketShare: null, ideburen: true }, true, 'eligibility.iop'],
    ['IOP', { workIntegrating: true, farFromLabourMarketShare: 80, ideburen: false }, false, 'eligibility.iop.notIdeburen'],
    ['IOP', nothing, false, 'eligibility.iop.notIdeburen'],
    ['DIRECT_AWARD', nothing, true, null],
    ['PUBLIC_PROCUREMENT', nothing, true, null],
    ['INNOVATION_PARTNERSHIP', nothing, true, null],
    ['FUNDING_CALL', nothing, true, null],
  ])('%s with %j: eligible %s', (form, flags, eligible, reasonCode) => {
    const need = cleaningNeed({ form, cpvCodes: ['90911200'] });
    const profile = cleaningProfile({ cpvCodes: ['90911200'], ...flags });
    const r = model.score(need, profile);
    expect(r.eligible).toBe(eligible);
    expectReasons(r);
    const raw = model.scorePair(model.needFeatures(need), model.profileFeatures(profile));
    if (eligible) {
      expect(r.score).toBeGreaterThan(0);
      expect(raw).toBeGreaterThan(0);
      if (reasonCode) {
        expect(r.reasons[0].code).toBe(reasonCode);
        expect(r.reasons[0].component).toBe('eligibility');
      } else {
        expect(reasonFor(r, 'eligibility')).toBeUndefined();
      }
    } else {
      expect(r.score).toBe(0);
      expect(raw).toBeLessThan(0);
      expect(r.reasons).toHaveLength(1);
      expect(r.reasons[0]).toMatchObject({ code: reasonCode, component: 'eligibility' });
      expect(r.components.every((c) => !c.applicable && c.value === 0)).toBe(true);
    }
  });

  it('the form does not change the score of an eligible enterprise', () => {
    const profile = cleaningProfile({ cpvCodes: ['90911200'], workIntegrating: true, farFromLabourMarketShare: 50, ideburen: true });
    const forms: NeedInput['form'][] = ['RESERVED_CONTRACT', 'IOP', 'DIRECT_AWARD', 'PUBLIC_PROCUREMENT', 'INNOVATION_PARTNERSHIP', 'FUNDING_CALL'];
    const scores = forms.map((form) => model.score(cleaningNeed({ form, cpvCodes: ['90911200'] }), profile).score);
    expect(new Set(scores).size).toBe(1);
  });

  it('the reasons give the share', () => {
    const low = model.score(cleaningNeed({ form: 'RESERVED_CONTRACT' }), cleaningProfile({ workIntegrating: true, farFromLabourMarketShare: 29 }));
    expect(low.reasons[0]).toEqual({ code: 'eligibility.reserved.shareTooLow', component: 'eligibility', params: { minShare: 30, share: 29 } });
    const ok = model.score(cleaningNeed({ form: 'RESERVED_CONTRACT' }), cleaningProfile({ workIntegrating: true, farFromLabourMarketShare: 45 }));
    expect(ok.reasons[0]).toEqual({ code: 'eligibility.reserved', component: 'eligibility', params: { share: 45 } });
    const zero = model.score(cleaningNeed({ form: 'RESERVED_CONTRACT' }), cleaningProfile({ workIntegrating: true, farFromLabourMarketShare: 0 }));
    expect(zero.reasons[0]).toEqual({ code: 'eligibility.reserved.shareTooLow', component: 'eligibility', params: { minShare: 30, share: 0 } });
  });

  it('a work-integrating enterprise that has not given its share is told so, not that it has 0 %', () => {
    const r = model.score(cleaningNeed({ form: 'RESERVED_CONTRACT' }), cleaningProfile({ workIntegrating: true, farFromLabourMarketShare: null }));
    expect(r.eligible).toBe(false);
    expect(r.score).toBe(0);
    expect(r.reasons).toHaveLength(1);
    // The threshold is still stated, and no share.
    expect(r.reasons[0]).toEqual({ code: 'eligibility.reserved.shareUnknown', component: 'eligibility', params: { minShare: 30 } });
  });

  it('an ineligible enterprise is left out of rankings', () => {
    const need = model.needFeatures(cleaningNeed({ form: 'IOP' }));
    const yes = model.profileFeatures(cleaningProfile({ organizationId: 'org-yes', ideburen: true }));
    const no = model.profileFeatures(cleaningProfile({ organizationId: 'org-no', ideburen: false }));
    expect(model.rankProfiles(need, ProfileBlock.pack([no, yes]), 10).map((e) => e.profile.key)).toEqual(['org-yes']);
    expect(model.rankNeeds(no, [need], 10)).toEqual([]);
  });
});

// ------------------------------------------------------------------ relevance gate

describe('relevance gate', () => {
  // Everything but the text and the CPV codes in common: same place, goals, capacity, a partnership with the buyer.
  const everythingElse = {
    need: { municipalityCode: '1290', countyCode: '12', sdgs: [8, 10], budgetMaxSek: 100_000, buyerOrganizationId: 'buyer-1' },
    profile: {
      municipalityCodes: ['1290'],
      sdgs: [8, 10],
      maxContractSek: 1_000_000,
      trackRecord: { completed: 10, completedWithImpact: 10, ongoingWithImpact: 0, buyerOrganizationIds: ['buyer-1'] },
    },
  };

  it.each<[string, Partial<NeedInput>, Partial<ProfileInput>]>([
    ['unrelated texts, unrelated CPV divisions', { title: 'Städtjänster', cpvCodes: ['90911200'] }, { services: 'Cykelreparationer', cpvCodes: ['50000000'] }],
    ['unrelated texts, no CPV codes', { title: 'Städtjänster' }, { services: 'Cykelreparationer' }],
    ['no texts, no CPV codes', {}, {}],
    ['stop words only', { title: 'Vi söker och behöver' }, { services: 'Vi erbjuder och levererar' }],
    [
      'procurement vocabulary only',
      { title: 'Ramavtal: upphandling av kommunen', description: 'Avrop, anbud, inköp' },
      { services: 'Avrop från ramavtal, anbud till kommun och region', description: 'Upphandlingar i länet' },
    ],
  ])('%s: score 0, not relevant, even with everything else in common', (_what, need, profile) => {
    const r = model.score(makeNeed({ ...everythingElse.need, ...need }), makeProfile({ ...everythingElse.profile, ...profile }));
    expect(r.relevant).toBe(false);
    expect(r.eligible).toBe(true);
    expect(r.score).toBe(0);
    expect(r.reasons.map((x) => x.code)).toEqual(['relevance.none']);
    expectReasons(r);
    expect(r.components.every((c) => !c.applicable)).toBe(true);
  });

  it.each<[string, Partial<NeedInput>, Partial<ProfileInput>]>([
    ['a shared word only', { title: 'Städtjänster' }, { services: 'Städning', cpvCodes: ['50000000'] }],
    ['CPV codes in the same division only', { title: 'Städtjänster', cpvCodes: ['90911200'] }, { services: 'Cykelreparationer', cpvCodes: ['90511000'] }],
  ])('%s is enough to be relevant', (_what, need, profile) => {
    const r = model.score(makeNeed(need), makeProfile(profile));
    expect(r.relevant).toBe(true);
    expect(r.score).toBeGreaterThan(0);
  });

  it('an irrelevant enterprise is left out of rankings', () => {
    const need = model.needFeatures(makeNeed({ title: 'Städtjänster' }));
    const yes = model.profileFeatures(makeProfile({ organizationId: 'org-yes', services: 'Städning' }));
    const no = model.profileFeatures(makeProfile({ organizationId: 'org-no', services: 'Cykelreparationer', nationwide: true }));
    expect(model.rankProfiles(need, ProfileBlock.pack([no, yes]), 10).map((e) => e.profile.key)).toEqual(['org-yes']);
    expect(model.rankNeeds(no, [need], 10)).toEqual([]);
  });
});

// ------------------------------------------------------------------ reasons

describe('reasons', () => {
  const fullNeed = () =>
    makeNeed({
      buyerOrganizationId: 'buyer-kristianstad',
      title: 'Lokalvårdstjänster för skolor',
      description: 'Städning av skolor och förskolor i Kristianstad',
      cpvCodes: ['90919300-5'],
      sdgs: [8, 10],
      municipalityCode: '1290',
      countyCode: '12',
      budgetMinSek: 200_000,
      budgetMaxSek: 500_000,
      form: 'RESERVED_CONTRACT',
    });
  const fullProfile = () =>
    makeProfile({
      services: 'Lokalvård och städning',
      description: 'Arbetsintegrerande socialt företag',
      cpvCodes: ['90919300'],
      sdgs: [5, 8, 10],
      municipalityCodes: ['1290'],
      maxContractSek: 1_000_000,
      workIntegrating: true,
      farFromLabourMarketShare: 40,
      trackRecord: { completed: 3, completedWithImpact: 2, ongoingWithImpact: 0, buyerOrganizationIds: ['buyer-kristianstad'] },
    });

  it('a good match has one reason per component, eligibility first', () => {
    const r = model.score(fullNeed(), fullProfile());
    expect(r.eligible).toBe(true);
    expect(r.relevant).toBe(true);
    expectReasons(r);
    expect(r.reasons[0].code).toBe('eligibility.reserved');
    expect(new Set(codes(r))).toEqual(
      new Set(['eligibility.reserved', 'text.shared', 'category.sameCode', 'geography.sameMunicipality', 'sdg.shared', 'capacity.enough', 'trackRecord.sameBuyer']),
    );
  });

  it('puts the most important first (weight × value)', () => {
    const r = model.score(fullNeed(), fullProfile());
    const order = r.reasons.filter((x) => x.component !== 'eligibility').map((x) => x.component as ComponentName);
    const contribution = order.map((name) => WEIGHTS[name] * valueOf(r, name));
    for (let i = 1; i < contribution.length; i++) expect(contribution[i - 1]).toBeGreaterThanOrEqual(contribution[i]);
  });

  it('give the municipality, the CPV code, the goals, the shared words, the amounts and the counts', () => {
    const r = model.score(fullNeed(), fullProfile());
    expect(Object.fromEntries(r.reasons.map((x) => [x.code, x.params]))).toMatchObject({
      'eligibility.reserved': { share: 40 },
      'text.shared': { words: expect.arrayContaining([{ need: 'lokalvårdstjänster', profile: expect.any(String) }]) },
      'category.sameCode': { needCode: '90919300', profileCode: '90919300' },
      'geography.sameMunicipality': { place: 'Kristianstad' },
      'sdg.shared': { goals: [8, 10], needGoals: 2 },
      'capacity.enough': { maxContractSek: 1_000_000, budgetSek: 500_000 },
      'trackRecord.sameBuyer': { completed: 3, completedWithImpact: 2, ongoingWithImpact: 0 },
    });
  });

  it('a poor match has "none" reasons', () => {
    const r = model.score(
      makeNeed({ title: 'Städtjänster', cpvCodes: ['90911200'], sdgs: [1], municipalityCode: '1290', countyCode: '12', budgetMaxSek: 1_000_000 }),
      makeProfile({ services: 'Cykelreparationer', cpvCodes: ['90511000'], sdgs: [17] }),
    );
    expectReasons(r);
    expect(new Set(codes(r))).toEqual(new Set(['text.none', 'category.division', 'geography.unknown', 'sdg.none', 'capacity.unknown', 'trackRecord.none']));
  });
});

// ------------------------------------------------------------------ kernel and ranking

describe('kernel and ranking', () => {
  const places = ['1290', '1280', '1060', '0780', '2584', '0180'];
  const texts = [
    'Städning och lokalvård',
    'Fönsterputsning',
    'Trädgårdsskötsel och parkskötsel',
    'Cykelreparationer',
    'Catering och skolmåltider',
    'Kontorsmaterial',
    'Snöröjning',
  ];
  const cpvs = [['90911200'], ['90910000-9'], ['77311000'], ['50000000'], ['55520000'], [], ['90919300', '77313000']];

  let needs: NeedFeatures[];
  let profiles: ProfileFeatures[];

  beforeAll(() => {
    profiles = [];
    for (let i = 0; i < 42; i++) {
      profiles.push(
        model.profileFeatures(
          makeProfile({
            organizationId: `org-${String((i * 17) % 42).padStart(2, '0')}`,
            services: texts[i % texts.length],
            description: i % 3 === 0 ? texts[(i + 2) % texts.length] : '',
            cpvCodes: cpvs[(i * 5) % cpvs.length],
            sdgs: [(i % 17) + 1, ((i * 3) % 17) + 1],
            nationwide: i % 6 === 0,
            municipalityCodes: [places[i % places.length]],
            maxContractSek: i % 4 === 0 ? null : i * 50_000,
            ideburen: i % 2 === 0,
            workIntegrating: i % 3 !== 0,
            farFromLabourMarketShare: i % 5 === 0 ? null : 20 + i,
            trackRecord: { completed: i % 8, completedWithImpact: i % 3, ongoingWithImpact: i % 2, buyerOrganizationIds: i % 5 === 1 ? ['buyer-1'] : [] },
          }),
        ),
      );
    }
    // Two identical enterprises but for their ids: the same score, ranked by id.
    for (const id of ['org-tie-b', 'org-tie-a'])
      profiles.push(model.profileFeatures(makeProfile({ organizationId: id, services: 'Städning och lokalvård', cpvCodes: ['90911200'] })));
    needs = [
      cleaningNeed({ id: 'n-1', title: 'Städtjänster', cpvCodes: ['90911200-8'], sdgs: [1, 8], municipalityCode: '1290', countyCode: '12', budgetMaxSek: 800_000 }),
      makeNeed({ id: 'n-2', title: 'Skötsel av parker', cpvCodes: ['77313000'], municipalityCode: null, countyCode: '12', form: 'IOP' }),
      makeNeed({ id: 'n-3', title: 'Lokalvård i skolor', description: 'Fönsterputsning', form: 'RESERVED_CONTRACT', budgetMinSek: 100_000, budgetMaxSek: 300_000 }),
      makeNeed({ id: 'n-4', title: 'Cykelreparationer och catering', cpvCodes: ['50000000', '55520000'], sdgs: [12] }),
      makeNeed({ id: 'n-6', title: 'Städning', cpvCodes: ['90911200'] }),
      makeNeed({ id: 'n-5', title: 'Städning', cpvCodes: ['90911200'] }),
    ].map((n) => model.needFeatures(n));
  });

  /** The ranking by explained scores: relevant and eligible pairs, score desc, then key asc. */
  function oracle<T>(items: T[], score: (item: T) => MatchResult, key: (item: T) => string, limit: number, minScore = 0) {
    return items
      .map((item) => ({ item, r: score(item), key: key(item) }))
      .filter((e) => e.r.eligible && e.r.relevant && e.r.score >= minScore)
      .sort((a, b) => b.r.score - a.r.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      .slice(0, limit)
      .map((e) => ({ key: e.key, score: e.r.score }));
  }

  it('scorePair gives exactly the score explain gives (2 decimals), or a negative number for a non-match', () => {
    let matches = 0;
    let nonMatches = 0;
    for (const n of needs) {
      for (const p of profiles) {
        const raw = model.scorePair(n, p);
        const r = model.explain(n, p);
        if (raw < 0) {
          nonMatches++;
          expect(r.score).toBe(0);
          expect(r.eligible && r.relevant).toBe(false);
        } else {
          matches++;
          expect(roundScore(raw)).toBe(r.score);
          expect(r.eligible && r.relevant).toBe(true);
          expect(raw).toBeGreaterThan(0);
          expect(raw).toBeLessThanOrEqual(100);
        }
      }
    }
    expect(matches).toBeGreaterThan(20);
    expect(nonMatches).toBeGreaterThan(20);
  });

  it('score(need, profile) is explain over fresh features', () => {
    const need = cleaningNeed({ cpvCodes: ['90911200'], sdgs: [8] });
    const profile = cleaningProfile({ cpvCodes: ['90911300'], sdgs: [8, 9] });
    expect(model.score(need, profile)).toEqual(model.explain(model.needFeatures(need), model.profileFeatures(profile)));
  });

  it.each([1, 3, 10, 100])('rankProfiles returns the top %d by score desc, then organisation id asc, as explain ranks them', (limit) => {
    for (const n of needs) {
      const ranked = model.rankProfiles(n, ProfileBlock.pack(profiles), limit);
      const expected = oracle(
        profiles,
        (p) => model.explain(n, p),
        (p) => p.key,
        limit,
      );
      expect(ranked.map((e) => ({ key: e.profile.key, score: e.score }))).toEqual(expected);
      for (const e of ranked) expect(e.score).toBe(model.explain(n, e.profile).score);
    }
  });

  it('rankProfiles breaks ties by organisation id', () => {
    const n = model.needFeatures(makeNeed({ title: 'Städning och lokalvård', cpvCodes: ['90911200'] }));
    const twins = ['org-c', 'org-a', 'org-b'].map((id) => model.profileFeatures(makeProfile({ organizationId: id, services: 'Städning', cpvCodes: ['90911200'] })));
    const ranked = model.rankProfiles(n, ProfileBlock.pack(twins), 3);
    expect(ranked.map((e) => e.profile.key)).toEqual(['org-a', 'org-b', 'org-c']);
    expect(new Set(ranked.map((e) => e.score)).size).toBe(1);
    expect(model.rankProfiles(n, ProfileBlock.pack(twins), 2).map((e) => e.profile.key)).toEqual(['org-a', 'org-b']);
  });

  it('rankProfiles gives the same whatever order the profiles are packed in', () => {
    const orders = [
      profiles,
      [...profiles].reverse(),
      [...profiles].sort((a, b) => (a.key < b.key ? 1 : -1)),
      profiles.filter((_, i) => i % 2 === 0).concat(profiles.filter((_, i) => i % 2 === 1)),
    ];
    for (const n of needs) {
      const results = orders.map((order) => model.rankProfiles(n, ProfileBlock.pack(order), 7).map((e) => [e.profile.key, e.score]));
      for (const r of results.slice(1)) expect(r).toEqual(results[0]);
    }
  });

  it('rankProfiles over chunks, merged, gives the ranking over all', () => {
    for (const n of needs) {
      const whole = model.rankProfiles(n, ProfileBlock.pack(profiles), 5);
      const merged = [ProfileBlock.pack(profiles.slice(0, 20)), ProfileBlock.pack(profiles.slice(20))]
        .flatMap((b) => model.rankProfiles(n, b, 5))
        .sort((a, b) => b.score - a.score || (a.profile.key < b.profile.key ? -1 : 1))
        .slice(0, 5);
      expect(merged.map((e) => [e.profile.key, e.score])).toEqual(whole.map((e) => [e.profile.key, e.score]));
    }
  });

  it('rankProfiles keeps what is at or above minScore (compared with the rounded score it returns)', () => {
    let checked = 0;
    for (const n of needs) {
      const all = model.rankProfiles(n, ProfileBlock.pack(profiles), 1000);
      if (all.length < 4) continue;
      checked++;
      for (const minScore of [all[3].score, model.scorePair(n, all[3].profile)]) {
        const ranked = model.rankProfiles(n, ProfileBlock.pack(profiles), 1000, minScore);
        const expected = profiles
          .filter((p) => model.scorePair(n, p) >= 0 && roundScore(model.scorePair(n, p)) >= minScore)
          .map((p) => p.key)
          .sort();
        expect(ranked.map((e) => e.profile.key).sort()).toEqual(expected);
        expect(ranked).toEqual(all.filter((e) => e.score >= minScore));
      }
      // With the shown score of the fourth as minScore, the fourth (and all tied with it) is kept.
      expect(model.rankProfiles(n, ProfileBlock.pack(profiles), 1000, all[3].score).length).toBeGreaterThanOrEqual(4);
      expect(model.rankProfiles(n, ProfileBlock.pack(profiles), 1000, 101)).toEqual([]);
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('rankProfiles with minScore between two shown scores keeps exactly those above', () => {
    for (const n of needs) {
      const all = model.rankProfiles(n, ProfileBlock.pack(profiles), 1000);
      const distinct = [...new Set(all.map((e) => e.score))];
      if (distinct.length < 3) continue;
      const minScore = (distinct[1] + distinct[2]) / 2;
      const ranked = model.rankProfiles(n, ProfileBlock.pack(profiles), 1000, minScore);
      expect(ranked).toEqual(all.filter((e) => e.score >= minScore));
    }
  });

  // minScore is compared with the rounded score (the one returned and shown by explain): a pair shown as 53.16 is
  // kept by minScore 53.16 even when its raw score is 53.156…
  it('rankProfiles keeps a profile whose (rounded) score equals minScore', () => {
    const n = needs[0];
    const candidates = profiles.filter((p) => {
      const raw = model.scorePair(n, p);
      return raw > 0 && roundScore(raw) > raw;
    });
    expect(candidates.length).toBeGreaterThan(0);
    for (const p of candidates) {
      const shown = model.explain(n, p).score;
      expect(model.rankProfiles(n, ProfileBlock.pack([p]), 1, shown).map((e) => e.score)).toEqual([shown]);
    }
  });

  it('rankProfiles returns no score below minScore: a raw score above minScore that rounds below it is left out', () => {
    const n = needs[0];
    const candidates = profiles.filter((p) => {
      const raw = model.scorePair(n, p);
      return raw > 0 && roundScore(raw) < raw;
    });
    expect(candidates.length).toBeGreaterThan(0);
    for (const p of candidates) {
      const minScore = model.scorePair(n, p);
      expect(model.rankProfiles(n, ProfileBlock.pack([p]), 1, minScore)).toEqual([]);
      const shown = model.explain(n, p).score;
      expect(model.rankProfiles(n, ProfileBlock.pack([p]), 1, shown).map((e) => e.score)).toEqual([shown]);
    }
  });

  it('rankNeeds compares minScore with the rounded score too', () => {
    const rounded = { up: 0, down: 0 };
    for (const p of profiles) {
      for (const n of needs) {
        const raw = model.scorePair(n, p);
        if (raw <= 0 || roundScore(raw) === raw) continue;
        const shown = model.explain(n, p).score;
        expect(model.rankNeeds(p, [n], 1, shown).map((e) => [e.need.input.id, e.score])).toEqual([[n.input.id, shown]]);
        if (shown > raw) {
          rounded.up++;
        } else {
          rounded.down++;
          expect(model.rankNeeds(p, [n], 1, raw)).toEqual([]);
        }
      }
    }
    expect(rounded.up).toBeGreaterThan(0);
    expect(rounded.down).toBeGreaterThan(0);
  });

  it('rankProfiles leaves the need as it was (the dense table is released)', () => {
    const n = needs[0];
    model.rankProfiles(n, ProfileBlock.pack(profiles), 5);
    expect(n.text.dense).toBeNull();
    for (const p of profiles) expect(roundScore(Math.max(0, model.scorePair(n, p)))).toBe(model.explain(n, p).score);
  });

  it('rankNeeds returns the top needs for a profile by score desc, then need id asc, as explain ranks them', () => {
    for (const p of profiles) {
      for (const limit of [1, 2, 10]) {
        const ranked = model.rankNeeds(p, needs, limit);
        const expected = oracle(
          needs,
          (n) => model.explain(n, p),
          (n) => n.input.id,
          limit,
        );
        expect(ranked.map((e) => ({ key: e.need.input.id, score: e.score }))).toEqual(expected);
      }
    }
  });

  it('rankNeeds breaks ties by need id and does not depend on the order of the needs', () => {
    const p = profiles.find((x) => x.key === 'org-tie-a')!;
    const ranked = model.rankNeeds(p, needs, 10);
    const i5 = ranked.findIndex((e) => e.need.input.id === 'n-5');
    const i6 = ranked.findIndex((e) => e.need.input.id === 'n-6');
    expect(i5).toBeGreaterThanOrEqual(0);
    expect(i6).toBe(i5 + 1);
    expect(ranked[i5].score).toBe(ranked[i6].score);
    expect(model.rankNeeds(p, [...needs].reverse(), 10)).toEqual(ranked);
  });

  it('rankNeeds keeps what is at or above minScore', () => {
    for (const p of profiles.slice(0, 10)) {
      const all = model.rankNeeds(p, needs, 100);
      const distinct = [...new Set(all.map((e) => e.score))];
      if (distinct.length < 2) continue;
      const minScore = (distinct[0] + distinct[1]) / 2;
      expect(model.rankNeeds(p, needs, 100, minScore)).toEqual(all.filter((e) => e.score >= minScore));
    }
  });

  it('the ties between identical enterprises are broken by id', () => {
    const ranked = model.rankProfiles(needs[4], ProfileBlock.pack(profiles), 100);
    const a = ranked.findIndex((e) => e.profile.key === 'org-tie-a');
    const b = ranked.findIndex((e) => e.profile.key === 'org-tie-b');
    expect(a).toBeGreaterThanOrEqual(0);
    expect(b).toBe(a + 1);
  });

  it('profiles made without their text (keepText: false) score and rank exactly like those with it', () => {
    const lean = profiles.map((p) => model.profileFeatures(p.input, { keepText: false }));
    for (const n of needs) {
      for (let i = 0; i < profiles.length; i++) expect(model.scorePair(n, lean[i])).toBe(model.scorePair(n, profiles[i]));
      const a = model.rankProfiles(n, ProfileBlock.pack(lean), 10).map((e) => [e.profile.key, e.score]);
      const b = model.rankProfiles(n, ProfileBlock.pack(profiles), 10).map((e) => [e.profile.key, e.score]);
      expect(a).toEqual(b);
    }
  });

  it('scoreAt over a packed block gives the score of each profile alone', () => {
    const block = ProfileBlock.pack(profiles);
    expect(block.size).toBe(profiles.length);
    for (const n of needs) for (let i = 0; i < block.size; i++) expect(model.scoreAt(n, block, i)).toBe(model.scorePair(n, profiles[i]));
  });

  it('a profile built after the need still scores the same through the dense path', () => {
    const n = model.needFeatures(makeNeed({ title: 'Städning av trapphus', cpvCodes: ['90911200'] }));
    const late = model.profileFeatures(makeProfile({ organizationId: 'org-late', services: 'Trapphusstädning och xylofonreparationer' }));
    const ranked = model.rankProfiles(n, ProfileBlock.pack([late]), 1);
    expect(ranked.map((e) => e.score)).toEqual([model.explain(n, late).score]);
  });
});

describe('the same result in every process', () => {
  it('gives identical scores, components and reasons whatever texts a model saw before (term ids differ)', () => {
    const need = makeNeed({ title: 'Städtjänster och lokalvård i skolor', description: 'Daglig städning av skolor och förskolor med arbetsträning.', cpvCodes: ['90911200'] });
    const profile = makeProfile({
      services: 'Lokalvård, storstädning och fönsterputs',
      description: 'Städning av förskolor och kontor, arbetsintegrerande.',
      cpvCodes: ['90910000'],
    });
    const other = new ScoringModel(testReference());
    // The other model meets these words in another order first, so its term ids differ.
    other.score(makeNeed({ title: 'Förskolor, fönsterputs, kontor, skolor, storstädning' }), makeProfile({ services: 'Arbetsträning och lokalvård' }));
    expect(other.score(need, profile)).toEqual(model.score(need, profile));
    // Two words of equal weight: the reason lists them in the same order in both models.
    const tiedNeed = makeNeed({ title: 'Zorblax och kvintor', cpvCodes: ['90911200'] });
    const tiedProfile = makeProfile({ services: 'Kvintor och zorblax', cpvCodes: ['90911200'] });
    const fresh = new ScoringModel(testReference());
    fresh.score(makeNeed({ title: 'Kvintor' }), makeProfile({ services: 'Zorblax' }));
    const second = new ScoringModel(testReference());
    second.score(makeNeed({ title: 'Zorblax' }), makeProfile({ services: 'Kvintor' }));
    expect(fresh.score(tiedNeed, tiedProfile).reasons).toEqual(second.score(tiedNeed, tiedProfile).reasons);
  });
});

describe('SDG reasons', () => {
  it.each<[number[], number[], number[]]>([
    [[8], [8, 10], [8]],
    [
      [8, 12],
      [8, 12],
      [8, 12],
    ],
    [
      [8, 12, 13],
      [12, 8],
      [8, 12],
    ],
  ])('need %j, enterprise %j: shared %j', (needGoals, profileGoals, goals) => {
    const reason = model.score(cleaningNeed({ sdgs: needGoals }), cleaningProfile({ sdgs: profileGoals })).reasons.find((r) => r.code === 'sdg.shared');
    expect(reason?.params).toEqual({ goals, needGoals: needGoals.length });
  });
});
