import { DomainError, type FieldPath } from '../domain-error.js';

export const ORGANIZATION_NAME_MIN_LENGTH = 2;
export const ORGANIZATION_NAME_MAX_LENGTH = 200;

export function assertOrganizationName(name: string, field: FieldPath = 'name'): string {
  const trimmed = name.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (trimmed.length === 0) throw DomainError.badInput(field, 'REQUIRED', 'validation.required');
  if (trimmed.length < ORGANIZATION_NAME_MIN_LENGTH) throw DomainError.badInput(field, 'TOO_SHORT', 'validation.tooShort', { count: ORGANIZATION_NAME_MIN_LENGTH });
  if (trimmed.length > ORGANIZATION_NAME_MAX_LENGTH) throw DomainError.badInput(field, 'TOO_LONG', 'validation.tooLong', { count: ORGANIZATION_NAME_MAX_LENGTH });
  return trimmed;
}

/** A website is an http(s) address; empty means none. */
export function normaliseWebsite(input: string | null | undefined, field: FieldPath = 'website'): string | null {
  const value = input?.trim();
  if (!value) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `https://${value}`;
  if (!URL.canParse(withScheme) || !/^https?:$/.test(new URL(withScheme).protocol) || withScheme.length > 2048 || !new URL(withScheme).hostname.includes('.')) {
    throw DomainError.badInput(field, 'INVALID_FORMAT', 'validation.website');
  }
  return new URL(withScheme).toString();
}

interface OrganizationIdentity {
  name: string;
  municipalityCode: string | null;
  countyCode: string;
}

/** Verification vouches for a name and a home: changing either needs a new check. */
export function verificationLapses(current: OrganizationIdentity, changes: Partial<OrganizationIdentity>): boolean {
  return (
    (changes.name !== undefined && changes.name !== current.name) ||
    (changes.municipalityCode !== undefined && changes.municipalityCode !== current.municipalityCode) ||
    (changes.countyCode !== undefined && changes.countyCode !== current.countyCode)
  );
}

/** The organisationsnummer is registered already (the service's check, or the unique index behind it). */
export function orgNumberTaken(orgNumber: string): DomainError {
  return DomainError.conflict('organizations.orgNumberTaken', { orgNumber }, { path: 'organisationsnummer', code: 'TAKEN' });
}
