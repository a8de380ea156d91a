import { fromSwedishDateTime, missingForPublishing, parseKronor, stepOf, toSwedishDateTime } from './need-rules';

describe('kronor as people write them', () => {
  it('reads digits with spaces, points or commas between the thousands', () => {
    expect(parseKronor('700 000')).toBe(700_000);
    expect(parseKronor('700\u00a0000 kr')).toBe(700_000);
    expect(parseKronor('1.250.000')).toBe(1_250_000);
    expect(parseKronor('65000')).toBe(65_000);
    expect(parseKronor('  ')).toBeNull();
  });

  it('refuses anything else', () => {
    expect(parseKronor('sjuhundra')).toBeNaN();
    expect(parseKronor('12,5')).toBeNaN();
    expect(parseKronor('-100')).toBeNaN();
  });
});

describe('a day and time in Sweden', () => {
  it('is one hour ahead of UTC in winter and two in summer', () => {
    expect(fromSwedishDateTime('2027-01-15', '23:59')).toBe('2027-01-15T22:59:00.000Z');
    expect(fromSwedishDateTime('2027-07-01', '12:30')).toBe('2027-07-01T10:30:00.000Z');
    expect(toSwedishDateTime('2027-07-01T10:30:00.000Z')).toEqual({ date: '2027-07-01', time: '12:30' });
  });

  it('does not exist on 30 February, or at 24:10', () => {
    expect(fromSwedishDateTime('2027-02-30', '12:00')).toBeNull();
    expect(fromSwedishDateTime('2027-02-01', '24:10')).toBeNull();
    expect(fromSwedishDateTime('1 februari', '12:00')).toBeNull();
  });
});

describe('what a need lacks before it can be published', () => {
  const now = new Date('2027-01-01T12:00:00Z');
  const complete = {
    title: 'Fönsterputs',
    description: 'Fönsterputs i fyra simhallar, fyra gånger om året, in- och utsida.',
    form: 'DIRECT_AWARD' as const,
    cpvCodes: ['90911300-9'],
    municipalityCode: '1280',
    countyCode: null,
    budgetMaxSek: 600_000,
    responseDeadline: '2027-02-01T22:59:00.000Z',
  };

  it('is nothing for a complete need', () => {
    expect(missingForPublishing(complete, now)).toEqual([]);
  });

  it('names each field as the API does, in the order of the steps', () => {
    expect(
      missingForPublishing({ ...complete, title: 'Puts', description: 'Kort.', cpvCodes: [], municipalityCode: null, budgetMaxSek: null, responseDeadline: null }, now),
    ).toEqual(['title', 'description', 'cpvCodes', 'place', 'budgetMaxSek', 'responseDeadline']);
    expect(missingForPublishing({ ...complete, responseDeadline: '2026-12-31T22:59:00.000Z' }, now)).toEqual(['deadlinePast']);
  });

  it('knows the step of each field the API names', () => {
    expect(stepOf('cpvCodes[2]')).toBe('cpv');
    expect(stepOf('countyCode')).toBe('plats');
    expect(stepOf('budgetMinSek')).toBe('budget');
    expect(stepOf('responseDeadline')).toBe('svarsdag');
  });
});
