import { DomainError } from './domain-error.js';
import { assertKommunkod, assertLanskod, luhnCheckDigit, normaliseCpvCode, normaliseOrganisationsnummer } from './swedish-identifiers.js';

/** The DomainError `work` throws (fails the test when it throws nothing, or something else). */
function thrown(work: () => unknown): DomainError {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error('expected a DomainError');
}

// Real numbers; each check digit was recomputed by hand with Luhn before it went in here.
const REAL = [
  ['Telefonaktiebolaget LM Ericsson', '556016-0680'],
  ['Stockholms kommun', '212000-0142'],
  ['Göteborgs kommun', '212000-1355'],
  ['Lunds kommun', '212000-1132'],
  ['Region Stockholm', '232100-0016'],
  ['Bolagsverket', '202100-5489'],
] as const;

describe('normaliseOrganisationsnummer', () => {
  it.each(REAL)('accepts %s (%s)', (_name, number) => {
    expect(normaliseOrganisationsnummer(number)).toBe(number);
  });

  it.each([
    ['5560160680', '556016-0680'],
    ['556016-0680', '556016-0680'],
    ['165560160680', '556016-0680'],
    ['16556016-0680', '556016-0680'],
    ['  212000-0142\n', '212000-0142'],
    ['\t2120000142 ', '212000-0142'],
  ])('normalises %j to %s', (input, expected) => {
    expect(normaliseOrganisationsnummer(input)).toBe(expected);
  });

  it.each([
    [''],
    ['   '],
    ['556016-068'], // 9 digits
    ['55601606801'], // 11 digits
    ['556016-06801'],
    ['5560-160680'], // hyphen in the wrong place
    ['556016--0680'],
    ['556016 0680'],
    ['55601A-0680'], // a letter
    ['abcdef-ghij'],
    ['195560160680'], // a 12-digit form with a century, as for a personnummer: not an organisationsnummer form
    ['16556016068'], // the prefix with too few digits
    ['+556016-0680'],
  ])('refuses the format of %j, naming the field and the rule', (input) => {
    const error = thrown(() => normaliseOrganisationsnummer(input, 'orgNumber'));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.fields).toEqual([{ path: ['orgNumber'], code: 'INVALID_FORMAT', message: { key: 'validation.organisationsnummer' } }]);
  });

  it.each([
    ['556016-0681', 0],
    ['5560160689', 0],
    ['212000-0143', 2],
    ['16212000-1350', 5],
    ['556061-0680', 4], // two neighbouring digits swapped
  ])('refuses %s for its check digit (the last digit must be %d)', (input, expected) => {
    const error = thrown(() => normaliseOrganisationsnummer(input));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.fields).toEqual([{ path: ['organisationsnummer'], code: 'INVALID', message: { key: 'validation.organisationsnummerCheckDigit', params: { digit: expected } } }]);
  });
});

describe('luhnCheckDigit', () => {
  it.each([
    ['556016068', 0],
    ['212000014', 2],
    ['232100001', 6],
    ['202100548', 9],
    ['000000000', 0],
    ['811218987', 6], // Skatteverket's example personnummer 811218-9876
  ])('of %s is %d', (digits, expected) => {
    expect(luhnCheckDigit(digits)).toBe(expected);
  });
});

describe('assertKommunkod', () => {
  it.each(['0180', '1290', '2584', '0114'])('accepts %s', (code) => {
    expect(() => assertKommunkod(code)).not.toThrow();
  });

  it.each(['180', '01800', 'abc', '01 8', '', ' 0180', '018O'])('refuses %j, naming the field', (code) => {
    const error = thrown(() => assertKommunkod(code, 'code'));
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: ['code'], code: 'INVALID_FORMAT', message: { key: 'validation.kommunkod' } }] });
  });

  it('names municipalityCode when no field is given', () => {
    expect(thrown(() => assertKommunkod('1')).fields[0].path).toEqual(['municipalityCode']);
  });
});

describe('assertLanskod', () => {
  it.each(['01', '12', '25'])('accepts %s', (code) => {
    expect(() => assertLanskod(code)).not.toThrow();
  });

  it.each(['1', '012', 'AB', '', '1a'])('refuses %j, naming the field', (code) => {
    const error = thrown(() => assertLanskod(code, 'countyCode'));
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: ['countyCode'], code: 'INVALID_FORMAT', message: { key: 'validation.lanskod' } }] });
  });
});

describe('normaliseCpvCode', () => {
  it.each([
    ['85311000-2', { code8: '85311000', code: '85311000-2' }],
    ['03000000-1', { code8: '03000000', code: '03000000-1' }],
    ['85311000', { code8: '85311000' }],
    [' 45000000-7 ', { code8: '45000000', code: '45000000-7' }],
  ])('reads %j', (input, expected) => {
    expect(normaliseCpvCode(input)).toEqual(expected);
  });

  it.each(['12', '8531100', '853110002', '85311000-', '85311000-22', '85311000_2', 'AA01-1', 'abcdefgh', ''])('refuses %j, naming the field', (input) => {
    const error = thrown(() => normaliseCpvCode(input, 'code'));
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: ['code'], code: 'INVALID_FORMAT', message: { key: 'validation.cpvCode' } }] });
  });
});
