import { DomainError, type FieldPath } from './domain-error.js';

/**
 * Swedish identifiers as people type them, checked for form only: whether a kommun, a län or a CPV code
 * exists is a question for the reference tables.
 */

/** 10 digits, optionally written with the hyphen, optionally with SCB's 12-digit prefix `16`. */
const ORGANISATIONSNUMMER = /^(?:16)?(\d{6})-?(\d{4})$/;
const KOMMUNKOD = /^\d{4}$/;
const LANSKOD = /^\d{2}$/;
const CPV_CODE = /^(\d{8})(?:-(\d))?$/;

/**
 * An organisationsnummer in the one form we store, `NNNNNN-NNNN`. Accepts `NNNNNN-NNNN`, `NNNNNNNNNN` and
 * the 12-digit form that SCB and some registers use (`16NNNNNNNNNN`, `16NNNNNN-NNNN`); the last digit must
 * be the Luhn check digit of the first nine, which catches a mistyped or swapped digit.
 *
 * The number is not checked further (the third digit of a legal person's number is 2 or more): a sole
 * trader's organisationsnummer is the owner's personnummer, and a social enterprise can be one.
 */
export function normaliseOrganisationsnummer(input: string, field: FieldPath = 'organisationsnummer'): string {
  const match = ORGANISATIONSNUMMER.exec(input.trim());
  if (!match) throw DomainError.badInput(field, 'INVALID_FORMAT', 'validation.organisationsnummer');
  const digits = match[1] + match[2];
  const expected = luhnCheckDigit(digits.slice(0, 9));
  if (Number(digits[9]) !== expected) throw DomainError.badInput(field, 'INVALID', 'validation.organisationsnummerCheckDigit', { digit: expected });
  return `${match[1]}-${match[2]}`;
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

/** A kommunkod (SCB municipality code) is 4 digits, such as 0180 for Stockholm; the first two are the län. */
export function assertKommunkod(code: string, field: FieldPath = 'municipalityCode'): void {
  if (!isKommunkod(code)) throw DomainError.badInput(field, 'INVALID_FORMAT', 'validation.kommunkod');
}

export function isKommunkod(code: string): boolean {
  return KOMMUNKOD.test(code);
}

/** A länskod (SCB county code) is 2 digits, such as 01 for Stockholms län. */
export function assertLanskod(code: string, field: FieldPath = 'countyCode'): void {
  if (!isLanskod(code)) throw DomainError.badInput(field, 'INVALID_FORMAT', 'validation.lanskod');
}

export function isLanskod(code: string): boolean {
  return LANSKOD.test(code);
}

/** A CPV code as given: its 8 digits, and the full code when the check digit came with them. */
export interface CpvCodeInput {
  /** The 8 digits, such as `85311000`: enough to identify the code. */
  code8: string;
  /** `NNNNNNNN-N`, when the input had the check digit. */
  code?: string;
}

/**
 * A CPV code written `NNNNNNNN-N` (as in the vocabulary) or as its 8 digits alone (as TED and the Swedish
 * statistics write it). The check digit is not computed here (its algorithm is not published): the caller
 * compares it with the vocabulary.
 */
export function normaliseCpvCode(input: string, field: FieldPath = 'cpvCode'): CpvCodeInput {
  const read = readCpvCode(input);
  if (!read) throw DomainError.badInput(field, 'INVALID_FORMAT', 'validation.cpvCode');
  return read;
}

/** `normaliseCpvCode` without the refusal: null when the input is not written as a CPV code. */
export function readCpvCode(input: string): CpvCodeInput | null {
  const match = CPV_CODE.exec(input.trim());
  if (!match) return null;
  return match[2] === undefined ? { code8: match[1] } : { code8: match[1], code: `${match[1]}-${match[2]}` };
}
