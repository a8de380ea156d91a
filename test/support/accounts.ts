import { gql } from './graphql.js';

export interface SignedIn {
  userId: string;
  email: string;
  accessToken: string;
  refreshToken: string;
}

export const PASSWORD = 'correct horse battery staple';

const SESSION_FIELDS = 'accessToken refreshToken accessTokenExpiresAt refreshTokenExpiresAt user { id displayName platformRole }';

export const auth = (token: string) => ({ authorization: `Bearer ${token}` });

/** Registers a person and returns the signed-in session. */
export async function register(url: string, email: string, displayName = email.split('@')[0]): Promise<SignedIn> {
  const result = await gql<{ register: { accessToken: string; refreshToken: string; user: { id: string } } }>(
    url,
    `mutation($input: RegisterInput!) { register(input: $input) { ${SESSION_FIELDS} } }`,
    { input: { email, password: PASSWORD, displayName } },
  );
  if (!result.data) throw new Error(`register ${email} failed: ${JSON.stringify(result.errors)}`);
  return { userId: result.data.register.user.id, email, accessToken: result.data.register.accessToken, refreshToken: result.data.register.refreshToken };
}

export async function login(url: string, email: string, password = PASSWORD) {
  return gql<{ login: { accessToken: string; refreshToken: string; user: { id: string } } }>(url, `mutation($input: LoginInput!) { login(input: $input) { ${SESSION_FIELDS} } }`, {
    input: { email, password },
  });
}

export async function refresh(url: string, refreshToken: string) {
  return gql<{ refreshSession: { accessToken: string; refreshToken: string } }>(
    url,
    `mutation($input: RefreshSessionInput!) { refreshSession(input: $input) { ${SESSION_FIELDS} } }`,
    { input: { refreshToken } },
  );
}

export async function me(url: string, accessToken: string) {
  return gql<{ me: { id: string; email: string | null } | null }>(url, '{ me { id email platformRole } }', {}, auth(accessToken));
}

export interface OrganizationInput {
  kind: string;
  name: string;
  organisationsnummer: string;
  municipalityCode?: string | null;
  countyCode?: string | null;
  website?: string | null;
}

/**
 * Registers an organisation with the person of `token` as its owner. With `verifiedBy` (the token of an
 * administrator, or of a coordinator of its county) it is verified at once, as an organisation must be
 * before its needs are shown to others and its offers submitted; the result is then the verified one.
 */
export async function createOrganization(url: string, token: string, input: OrganizationInput, verifiedBy?: string) {
  const created = await gql<{ createOrganization: { organization: { id: string; version: number; countyCode: string; organisationsnummer: string; verified: boolean } } }>(
    url,
    `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id version countyCode municipalityCode organisationsnummer verified } } }`,
    { input },
    auth(token),
  );
  if (!verifiedBy || !created.data) return created;
  const { organization } = created.data.createOrganization;
  const verified = await verifyOrganization(url, verifiedBy, organization.id);
  if (!verified.data) throw new Error(`verifying ${input.name} failed: ${JSON.stringify(verified.errors)}`);
  return { ...created, data: { createOrganization: { organization: { ...organization, version: verified.data.verifyOrganization.organization.version, verified: true } } } };
}

/** Verifies an organisation, or withdraws its verification, as the person of `token`. */
export async function verifyOrganization(url: string, token: string, organizationId: string, verified = true) {
  return gql<{ verifyOrganization: { organization: { id: string; version: number; verified: boolean; verifiedAt: string | null } } }>(
    url,
    'mutation($input: VerifyOrganizationInput!) { verifyOrganization(input: $input) { organization { id version verified verifiedAt } } }',
    { input: { organizationId, verified } },
    auth(token),
  );
}

export async function invite(url: string, token: string, organizationId: string, email: string, role = 'MEMBER') {
  return gql<{ inviteMember: { token: string; invitation: { id: string } } }>(
    url,
    `mutation($input: InviteMemberInput!) { inviteMember(input: $input) { token invitation { id email role } } }`,
    { input: { organizationId, email, role } },
    auth(token),
  );
}

export async function acceptInvitation(url: string, token: string, invitationToken: string) {
  return gql(url, `mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { membership { role } } }`, { input: { token: invitationToken } }, auth(token));
}

/**
 * Real organisationsnummer-shaped numbers with a valid Luhn check digit, distinct per call (nine
 * digits from the counter, the tenth computed).
 */
let serial = 0;
export function nextOrganisationsnummer(): string {
  serial += 1;
  const base = `55${String(Date.now() % 10_000).padStart(4, '0')}${String(serial).padStart(3, '0')}`.slice(0, 9);
  const digits = [...base].map(Number);
  const sum = digits.reduce((acc, digit, i) => {
    const value = i % 2 === 0 ? digit * 2 : digit;
    return acc + (value > 9 ? value - 9 : value);
  }, 0);
  const check = (10 - (sum % 10)) % 10;
  return `${base.slice(0, 6)}-${base.slice(6)}${check}`;
}
