import { DomainError } from '../domain-error.js';

export function assertOrganizationName(name: string, field = 'name'): string {
  const trimmed = name.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (trimmed.length < 2 || trimmed.length > 200) throw DomainError.badInput(field, 'must be 2 to 200 characters');
  return trimmed;
}

/** A website is an http(s) address; empty means none. */
export function normaliseWebsite(input: string | null | undefined, field = 'website'): string | null {
  const value = input?.trim();
  if (!value) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `https://${value}`;
  if (!URL.canParse(withScheme) || !/^https?:$/.test(new URL(withScheme).protocol) || withScheme.length > 2048 || !new URL(withScheme).hostname.includes('.')) {
    throw DomainError.badInput(field, 'must be a web address such as https://www.example.se');
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
  return new DomainError('CONFLICT', `An organisation with organisationsnummer ${orgNumber} is already registered`, 'organisationsnummer');
}
