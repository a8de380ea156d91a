/**
 * The organisationsnummer check, the same rule the API applies (libs/domain/src/swedish-identifiers.ts,
 * `normaliseOrganisationsnummer` and `luhnCheckDigit`), so a person learns of a mistake as they type:
 * 10 digits, written NNNNNN-NNNN or without the hyphen (also SCB's 12-digit form with the prefix 16),
 * the last digit the Luhn check digit of the first nine.
 */
const ORGANISATIONSNUMMER = /^(?:16)?(\d{6})-?(\d{4})$/;

export type OrganisationsnummerCheck =
  | { ok: true; normalised: string }
  /** Not yet 10 digits in one of the accepted forms (or other characters in it). */
  | { ok: false; problem: 'format' }
  /** The right form, but the last digit is not the check digit of the others: `digit` is what it would be. */
  | { ok: false; problem: 'checkDigit'; digit: number };

export function checkOrganisationsnummer(input: string): OrganisationsnummerCheck {
  const match = ORGANISATIONSNUMMER.exec(input.trim());
  if (!match) return { ok: false, problem: 'format' };
  const digits = match[1] + match[2];
  const expected = luhnCheckDigit(digits.slice(0, 9));
  if (Number(digits[9]) !== expected) return { ok: false, problem: 'checkDigit', digit: expected };
  return { ok: true, normalised: `${match[1]}-${match[2]}` };
}

/** The Luhn (mod 10) check digit of `digits`, doubling every other digit from the first, as Skatteverket does. */
export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const value = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    sum += value > 9 ? value - 9 : value;
  }
  return (10 - (sum % 10)) % 10;
}

/** Whether the person may still be typing: fewer than 10 digits so far and nothing but digits and one hyphen. */
export function stillTyping(input: string): boolean {
  const value = input.trim();
  return /^[\d-]*$/.test(value) && (value.match(/-/g)?.length ?? 0) <= 1 && value.replace(/-/g, '').length < 10;
}
