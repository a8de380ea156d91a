import { DomainError } from '../domain-error.js';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

// Deliberately simple: one @, something on both sides, a dot in the domain, no spaces.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Emails are compared trimmed, NFC-normalised and in lower case. */
export function normaliseEmail(input: string, field = 'email'): string {
  const email = input.normalize('NFC').trim().toLowerCase();
  if (email.length > 254 || !EMAIL_SHAPE.test(email)) {
    throw DomainError.badInput(field, 'must be an e-mail address such as namn@kommun.se');
  }
  return email;
}

/** Length rules as OWASP and NIST SP 800-63B advise: long passphrases welcome, no composition rules. */
export function assertPasswordAcceptable(password: string, email: string, field = 'password'): void {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) throw DomainError.badInput(field, `must be at least ${PASSWORD_MIN_LENGTH} characters`);
  if (length > PASSWORD_MAX_LENGTH) throw DomainError.badInput(field, `must be at most ${PASSWORD_MAX_LENGTH} characters`);
  if (password.trim().toLowerCase() === email.toLowerCase()) throw DomainError.badInput(field, 'must not be the e-mail address');
}

export function assertDisplayName(name: string, field = 'displayName'): string {
  const trimmed = name.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (trimmed.length < 1 || trimmed.length > 120) throw DomainError.badInput(field, 'must be 1 to 120 characters');
  return trimmed;
}

/** The e-mail address belongs to an account already (the service's check, or the unique index behind it). */
export function emailTaken(): DomainError {
  return new DomainError('CONFLICT', 'An account with this e-mail address already exists: sign in instead', 'email');
}
