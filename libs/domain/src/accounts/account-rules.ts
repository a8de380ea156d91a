import { DomainError, FieldProblems, type FieldPath } from '../domain-error.js';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;
export const DISPLAY_NAME_MAX_LENGTH = 120;

// Deliberately simple: one @, something on both sides, a dot in the domain, no spaces.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Emails are compared trimmed, NFC-normalised and in lower case. */
export function normaliseEmail(input: string, field: FieldPath = 'email'): string {
  const email = input.normalize('NFC').trim().toLowerCase();
  if (email === '') throw DomainError.badInput(field, 'REQUIRED', 'validation.required');
  if (email.length > 254 || !EMAIL_SHAPE.test(email)) throw DomainError.badInput(field, 'INVALID_FORMAT', 'validation.email');
  return email;
}

/** Length rules as OWASP and NIST SP 800-63B advise: long passphrases welcome, no composition rules. */
export function assertPasswordAcceptable(password: string, email: string, field: FieldPath = 'password'): void {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) throw DomainError.badInput(field, 'TOO_SHORT', 'validation.tooShort', { count: PASSWORD_MIN_LENGTH });
  if (length > PASSWORD_MAX_LENGTH) throw DomainError.badInput(field, 'TOO_LONG', 'validation.tooLong', { count: PASSWORD_MAX_LENGTH });
  if (password.trim().toLowerCase() === email.normalize('NFC').trim().toLowerCase()) throw DomainError.badInput(field, 'NOT_ALLOWED', 'accounts.passwordIsEmail');
}

export function assertDisplayName(name: string, field: FieldPath = 'displayName'): string {
  const trimmed = name.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (trimmed.length === 0) throw DomainError.badInput(field, 'REQUIRED', 'validation.required');
  if (trimmed.length > DISPLAY_NAME_MAX_LENGTH) throw DomainError.badInput(field, 'TOO_LONG', 'validation.tooLong', { count: DISPLAY_NAME_MAX_LENGTH });
  return trimmed;
}

/** A new account's details, normalised; every problem of them is reported at once. */
export function checkNewAccount(input: { email: string; password: string; displayName: string }): { email: string; displayName: string } {
  const problems = new FieldProblems();
  let email = input.email;
  let displayName = input.displayName;
  problems.absorb(() => (email = normaliseEmail(input.email)));
  problems.absorb(() => (displayName = assertDisplayName(input.displayName)));
  problems.absorb(() => assertPasswordAcceptable(input.password, email));
  problems.throwIfAny();
  return { email, displayName };
}

/** The e-mail address belongs to an account already (the service's check, or the unique index behind it). */
export function emailTaken(): DomainError {
  return DomainError.conflict('accounts.emailTaken', undefined, { path: 'email', code: 'TAKEN' });
}
