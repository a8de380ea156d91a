import { checkOrganisationsnummer, luhnCheckDigit, stillTyping } from './organisationsnummer';

// The same real numbers as the API's tests (libs/domain/src/swedish-identifiers.spec.ts).
const REAL = [
  ['Telefonaktiebolaget LM Ericsson', '556016-0680'],
  ['Stockholms kommun', '212000-0142'],
  ['Göteborgs kommun', '212000-1355'],
  ['Lunds kommun', '212000-1132'],
  ['Region Stockholm', '232100-0016'],
  ['Bolagsverket', '202100-5489'],
] as const;

describe('the organisationsnummer check, as the API makes it', () => {
  it.each(REAL)('accepts %s (%s)', (_name, number) => {
    expect(checkOrganisationsnummer(number)).toEqual({ ok: true, normalised: number });
  });

  it.each([
    ['5560160680', '556016-0680'],
    ['165560160680', '556016-0680'],
    ['16556016-0680', '556016-0680'],
    ['  212000-0142\n', '212000-0142'],
  ])('writes %j as %s', (input, normalised) => {
    expect(checkOrganisationsnummer(input)).toEqual({ ok: true, normalised });
  });

  it('names the check digit a mistyped number should have', () => {
    expect(checkOrganisationsnummer('556016-0681')).toEqual({ ok: false, problem: 'checkDigit', digit: 0 });
    // Two digits swapped.
    expect(checkOrganisationsnummer('556061-0680')).toMatchObject({ ok: false, problem: 'checkDigit' });
  });

  it.each(['', '556016-068', '556016 0680', '556016--0680', '55601606800', 'AB6016-0680'])('refuses the form of %j', (input) => {
    expect(checkOrganisationsnummer(input)).toEqual({ ok: false, problem: 'format' });
  });

  it('computes Luhn check digits', () => {
    expect(luhnCheckDigit('556016068')).toBe(0);
    expect(luhnCheckDigit('212000014')).toBe(2);
  });

  it('tells a number being typed from a wrong one', () => {
    expect(stillTyping('55601')).toBe(true);
    expect(stillTyping('556016-06')).toBe(true);
    expect(stillTyping('556016-0680')).toBe(false);
    expect(stillTyping('5560x')).toBe(false);
  });
});
