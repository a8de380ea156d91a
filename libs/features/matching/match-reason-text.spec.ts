import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Language } from '@samverka/domain';
import type { MatchReason, ReasonCode, ReasonParams, ScoringModel } from '@samverka/scoring';
import { DATA_DIR, makeNeed, makeProfile, testModel } from '../../scoring/src/testing/reference.js';
import { labelsNamed, reasonText, type ReasonLabels, type StoredReason } from './match-reason-text.js';

/** The labels of the CPV codes and the titles of the goals, from the files the database is loaded from. */
function referenceLabels(): Record<Language, ReasonLabels> {
  const read = (file: string) => parse(fs.readFileSync(path.join(DATA_DIR, file)), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  const cpv = new Map(read('cpv.csv').map((r) => [r.code8, { sv: r.label_sv, en: r.label_en }]));
  const sdgs = new Map(read('sdg.csv').map((r) => [Number(r.goal_number), { sv: r.title_sv, en: r.title_en }]));
  const inLanguage = (language: Language): ReasonLabels => ({ cpv: (code8) => cpv.get(code8)?.[language], sdg: (goal) => sdgs.get(goal)?.[language] });
  return { sv: inLanguage('sv'), en: inLanguage('en') };
}

const labels = referenceLabels();
const both = (reason: StoredReason) => ({ sv: reasonText(reason, 'sv', labels.sv), en: reasonText(reason, 'en', labels.en) });
const reason = <C extends ReasonCode>(code: C, params: Extract<MatchReason, { code: C }>['params']) =>
  ({ code, component: code.startsWith('eligibility') ? 'eligibility' : code.split('.')[0], params }) as MatchReason;
/** Swedish writes thousands apart with a no-break space. */
const nbsp = (text: string) => text.replace(/(?<=\d) (?=\d{3}\b)/g, '\u00a0');

describe('the words of match reasons', () => {
  const track = (completed: number, completedWithImpact: number, ongoingWithImpact: number) => ({ completed, completedWithImpact, ongoingWithImpact });

  // One of each code: every code is worded in both languages, differently, with every parameter filled in.
  const everyCode: MatchReason[] = [
    reason('eligibility.reserved', { share: 45 }),
    reason('eligibility.reserved.notWorkIntegrating', {}),
    reason('eligibility.reserved.shareUnknown', { minShare: 30 }),
    reason('eligibility.reserved.shareTooLow', { minShare: 30, share: 29.5 }),
    reason('eligibility.iop', {}),
    reason('eligibility.iop.notIdeburen', {}),
    reason('relevance.none', {}),
    reason('text.none', {}),
    reason('text.shared', { words: [{ need: 'lokalvård', profile: 'lokalvård' }] }),
    reason('category.none', {}),
    reason('category.sameCode', { needCode: '90919300', profileCode: '90919300' }),
    reason('category.ancestor', { needCode: '90911200', profileCode: '90910000' }),
    reason('category.category', { needCode: '90911200', profileCode: '90911300' }),
    reason('category.class', { needCode: '90911200', profileCode: '90912000' }),
    reason('category.group', { needCode: '90911200', profileCode: '90920000' }),
    reason('category.division', { needCode: '90911200', profileCode: '90511000' }),
    reason('geography.sameMunicipality', { place: 'Malmö' }),
    reason('geography.sameCounty', { county: 'Skåne län' }),
    reason('geography.near', { nearest: 'Olofström', km: 41, place: 'Kristianstad' }),
    reason('geography.nationwide', {}),
    reason('geography.unknown', {}),
    reason('geography.none', { place: 'Kiruna' }),
    reason('sdg.none', {}),
    reason('sdg.shared', { goals: [8], needGoals: 2 }),
    reason('capacity.unknown', {}),
    reason('capacity.enough', { maxContractSek: 2_000_000, budgetSek: 1_000_000 }),
    reason('capacity.short', { maxContractSek: 500_000, budgetSek: 1_000_000 }),
    reason('trackRecord.none', {}),
    reason('trackRecord.partnerships', track(1, 0, 0)),
    reason('trackRecord.sameBuyer', track(0, 0, 0)),
    reason('trackRecord.sameArea', { ...track(2, 0, 0), place: 'Kristianstad' }),
    reason('trackRecord.sameField', { partnerships: 3, level: 'group', prefix: '909' }),
  ];

  it.each(everyCode.map((r) => [r.code, r] as const))('%s reads in Swedish and in English', (_code, r) => {
    const { sv, en } = both(r);
    for (const text of [sv, en]) {
      expect(text.trim()).not.toBe('');
      expect(text).not.toMatch(/\{\{|\$t\(|undefined|matching\./);
    }
    expect(sv).not.toBe(en);
  });

  it.each<[MatchReason, string, string]>([
    [
      reason('eligibility.reserved.shareTooLow', { minShare: 30, share: 29.5 }),
      'Reserverad upphandling kräver att minst 30 % av personalen står långt från arbetsmarknaden, och företaget anger 29,5 %',
      'A reserved contract needs at least 30 % of staff far from the labour market, and the enterprise reports 29.5 %',
    ],
    [
      reason('eligibility.reserved.shareUnknown', { minShare: 30 }),
      'Reserverad upphandling kräver att minst 30 % av personalen står långt från arbetsmarknaden, och företaget har inte angett andelen',
      'A reserved contract needs at least 30 % of staff far from the labour market, and the enterprise has not given its share',
    ],
    [
      reason('text.shared', {
        words: [
          { need: 'lokalvårdstjänster', profile: 'lokalvård' },
          { need: 'skolor', profile: 'skolor' },
        ],
      }),
      'Företagets beskrivning träffar behovet: ”lokalvårdstjänster” ~ ”lokalvård”, ”skolor”',
      'The enterprise’s description meets the need: “lokalvårdstjänster” ~ “lokalvård”, “skolor”',
    ],
    [
      reason('category.sameCode', { needCode: '90919300', profileCode: '90919300' }),
      'Samma CPV-kod: 90919300 Städning av skolor',
      'The same CPV code: 90919300 School cleaning services',
    ],
    [
      reason('category.ancestor', { needCode: '90911200', profileCode: '90910000' }),
      'CPV-koderna omfattar varandra: 90911200 Städning av byggnader och 90910000 Städning',
      'One CPV code contains the other: 90911200 Building-cleaning services and 90910000 Cleaning services',
    ],
    [
      reason('category.group', { needCode: '90911200', profileCode: '99999999' }),
      'Samma CPV-grupp: 90911200 Städning av byggnader och 99999999',
      'The same CPV group: 90911200 Building-cleaning services and 99999999',
    ],
    [
      reason('geography.near', { nearest: 'Olofström', km: 41, place: 'Kristianstad' }),
      'Närmaste verksamhetsort Olofström ligger 41 km från Kristianstad',
      'The nearest place it works, Olofström, is 41 km from Kristianstad',
    ],
    [
      reason('sdg.shared', { goals: [8], needGoals: 2 }),
      'Bidrar till samma globala mål: 8 Anständiga arbetsvillkor och ekonomisk tillväxt',
      'Contributes to the same goal: 8 Decent Work and Economic Growth',
    ],
    [
      reason('sdg.shared', { goals: [8, 12], needGoals: 2 }),
      'Bidrar till alla behovets 2 globala mål: 8 Anständiga arbetsvillkor och ekonomisk tillväxt, 12 Hållbar konsumtion och produktion',
      'Contributes to all 2 of the need’s goals: 8 Decent Work and Economic Growth, 12 Responsible Consumption and Production',
    ],
    [
      reason('sdg.shared', { goals: [8, 12], needGoals: 3 }),
      'Bidrar till 2 av behovets 3 globala mål: 8 Anständiga arbetsvillkor och ekonomisk tillväxt, 12 Hållbar konsumtion och produktion',
      'Contributes to 2 of the need’s 3 goals: 8 Decent Work and Economic Growth, 12 Responsible Consumption and Production',
    ],
    [
      reason('capacity.enough', { maxContractSek: 2_000_000, budgetSek: 1_000_000 }),
      nbsp('Kan ta kontrakt upp till 2 000 000 kr; budgeten är 1 000 000 kr'),
      'Can take contracts up to SEK 2,000,000; the budget is SEK 1,000,000',
    ],
    [
      reason('capacity.short', { maxContractSek: 500_000, budgetSek: 1_000_000 }),
      nbsp('Största kontrakt företaget kan ta, 500 000 kr, är under budgeten 1 000 000 kr'),
      'The largest contract it can take, SEK 500,000, is below the budget of SEK 1,000,000',
    ],
  ])('%j', (r, sv, en) => {
    expect(both(r)).toEqual({ sv, en });
  });

  it.each<[ReturnType<typeof track>, boolean, string, string]>([
    [track(3, 2, 0), false, '3 avslutade partnerskap, 2 med bekräftad effekt', '3 completed partnerships, 2 with confirmed impact'],
    [track(1, 0, 0), false, '1 avslutat partnerskap', '1 completed partnership'],
    [track(0, 0, 1), false, '1 pågående partnerskap med bekräftad effekt', '1 ongoing partnership with confirmed impact'],
    [track(0, 0, 2), false, '2 pågående partnerskap med bekräftad effekt', '2 ongoing partnerships with confirmed impact'],
    [
      track(2, 1, 1),
      false,
      '2 avslutade partnerskap, 1 med bekräftad effekt och 1 pågående med bekräftad effekt',
      '2 completed partnerships, 1 with confirmed impact and 1 ongoing with confirmed impact',
    ],
    [
      track(3, 2, 0),
      true,
      '3 avslutade partnerskap, 2 med bekräftad effekt, varav med samma köpare',
      '3 completed partnerships, 2 with confirmed impact, including with this buyer',
    ],
    [track(0, 0, 1), true, '1 pågående partnerskap med bekräftad effekt, varav med samma köpare', '1 ongoing partnership with confirmed impact, including with this buyer'],
    [track(0, 0, 0), true, 'Har arbetat med samma köpare', 'Has worked with this buyer'],
  ])('track record %j, with the buyer %s', (counts, withBuyer, sv, en) => {
    expect(both(reason(withBuyer ? 'trackRecord.sameBuyer' : 'trackRecord.partnerships', counts))).toEqual({ sv, en });
  });

  it.each<[ReturnType<typeof track>, string, string]>([
    [
      track(3, 2, 0),
      '3 avslutade partnerskap, 2 med bekräftad effekt, varav för köpare i Kristianstad',
      '3 completed partnerships, 2 with confirmed impact, including for buyers in Kristianstad',
    ],
    [track(0, 0, 0), 'Har arbetat för köpare i Kristianstad', 'Has worked for buyers in Kristianstad'],
  ])("track record %j for buyers in the need's place", (counts, sv, en) => {
    expect(both(reason('trackRecord.sameArea', { ...counts, place: 'Kristianstad' }))).toEqual({ sv, en });
  });

  it.each<[ReasonParams['trackRecord.sameField'], string, string]>([
    [
      { partnerships: 3, level: 'group', prefix: '909' },
      'Har genomfört 3 uppdrag inom samma område (CPV-grupp 909)',
      'Has delivered 3 assignments in the same field (CPV group 909)',
    ],
    [
      { partnerships: 1, level: 'class', prefix: '9091' },
      'Har genomfört 1 uppdrag inom samma område (CPV-klass 9091)',
      'Has delivered 1 assignment in the same field (CPV class 9091)',
    ],
  ])("track record in the need's field %j", (params, sv, en) => {
    expect(both(reason('trackRecord.sameField', params))).toEqual({ sv, en });
  });

  it('names the codes and goals whose labels it needs', () => {
    expect(labelsNamed(reason('category.class', { needCode: '90911200', profileCode: '90912000' }))).toEqual({ cpv: ['90911200', '90912000'], sdgs: [] });
    expect(labelsNamed(reason('sdg.shared', { goals: [8, 10], needGoals: 3 }))).toEqual({ cpv: [], sdgs: [8, 10] });
    expect(labelsNamed(reason('geography.sameMunicipality', { place: 'Malmö' }))).toEqual({ cpv: [], sdgs: [] });
  });

  it('reads a reason stored before reasons were worded from the catalogue as it was written', () => {
    const stored = { code: 'geography.sameMunicipality', component: 'geography', sv: 'Verkar i Malmö', en: 'Works in Malmö' };
    expect(both(stored)).toEqual({ sv: 'Verkar i Malmö', en: 'Works in Malmö' });
    expect(labelsNamed(stored)).toEqual({ cpv: [], sdgs: [] });
  });

  it('reads a code it does not know (from a newer worker) as the code', () => {
    expect(both({ code: 'geography.onTheMoon', component: 'geography', params: {} } as unknown as MatchReason)).toEqual({ sv: 'geography.onTheMoon', en: 'geography.onTheMoon' });
  });

  describe("the matcher's reasons", () => {
    let model: ScoringModel;
    beforeAll(() => {
      model = testModel();
    });

    it('name the municipality, the CPV labels, the goals, the words, the amounts and the partnerships', () => {
      const r = model.score(
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
        }),
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
        }),
      );
      const sv = r.reasons.map((x) => reasonText(x, 'sv', labels.sv));
      const en = r.reasons.map((x) => reasonText(x, 'en', labels.en));
      // Most important first is the matcher's concern (scoring-model.spec.ts): here, what each says.
      expect(sv).toHaveLength(7);
      expect(en).toHaveLength(7);
      expect(sv).toEqual(
        expect.arrayContaining([
          'Får lämna anbud på reserverad upphandling: arbetsintegrerande, 40 % av personalen står långt från arbetsmarknaden',
          expect.stringMatching(/^Företagets beskrivning träffar behovet: .*”lokalvårdstjänster”/),
          'Samma CPV-kod: 90919300 Städning av skolor',
          'Verkar i Kristianstad',
          'Bidrar till alla behovets 2 globala mål: 8 Anständiga arbetsvillkor och ekonomisk tillväxt, 10 Minskad ojämlikhet',
          nbsp('Kan ta kontrakt upp till 1 000 000 kr; budgeten är 500 000 kr'),
          '3 avslutade partnerskap, 2 med bekräftad effekt, varav med samma köpare',
        ]),
      );
      expect(en).toEqual(
        expect.arrayContaining([
          'May bid for the reserved contract: work-integrating, with 40 % of staff far from the labour market',
          expect.stringMatching(/^The enterprise’s description meets the need: .*“lokalvårdstjänster”/),
          'The same CPV code: 90919300 School cleaning services',
          'Works in Kristianstad',
          'Contributes to all 2 of the need’s goals: 8 Decent Work and Economic Growth, 10 Reduced Inequalities',
          'Can take contracts up to SEK 1,000,000; the budget is SEK 500,000',
          '3 completed partnerships, 2 with confirmed impact, including with this buyer',
        ]),
      );
    });
  });
});
