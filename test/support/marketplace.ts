import { auth } from './accounts.js';
import { gql } from './graphql.js';

const NEED_FIELDS = 'id version status form title budgetMaxSek responseDeadline buyer { id name } warnings { code message }';

export async function saveProfile(url: string, token: string, input: Record<string, unknown>) {
  return gql<{ saveEnterpriseProfile: { version: number; readiness: { score: number; missing: { item: string }[] } } }>(
    url,
    'mutation($input: SaveEnterpriseProfileInput!) { saveEnterpriseProfile(input: $input) { organizationId version readiness { score missing { item advice } } } }',
    { input },
    auth(token),
  );
}

export interface NeedPayloadShape {
  need: { id: string; version: number; status: string; form: string; title: string; budgetMaxSek: number | null; buyer: { id: string; name: string } };
  warnings: { code: string; message: string }[];
}

export async function createNeed(url: string, token: string, input: Record<string, unknown>) {
  return gql<{ createNeed: NeedPayloadShape }>(
    url,
    `mutation($input: CreateNeedInput!) { createNeed(input: $input) { need { ${NEED_FIELDS} } warnings { code message } } }`,
    { input },
    auth(token),
  );
}

export async function needTransition(url: string, token: string, mutation: 'publishNeed' | 'closeNeed' | 'cancelNeed', id: string, version: number) {
  return gql<Record<string, NeedPayloadShape>>(
    url,
    `mutation($id: ID!, $v: Int!) { ${mutation}(id: $id, version: $v) { need { ${NEED_FIELDS} } warnings { code message } } }`,
    { id, v: version },
    auth(token),
  );
}

export interface OfferShape {
  id: string;
  version: number;
  status: string;
}

export async function createOffer(url: string, token: string, input: Record<string, unknown>) {
  return gql<{ createOffer: OfferShape }>(url, 'mutation($input: CreateOfferInput!) { createOffer(input: $input) { id version status } }', { input }, auth(token));
}

export async function offerAction(url: string, token: string, mutation: 'submitOffer' | 'withdrawOffer', id: string, version: number) {
  return gql<Record<string, OfferShape>>(url, `mutation($id: ID!, $v: Int!) { ${mutation}(id: $id, version: $v) { id version status } }`, { id, v: version }, auth(token));
}

export async function decide(url: string, token: string, mutation: 'shortlistOffer' | 'declineOffer', id: string) {
  return gql<Record<string, OfferShape>>(url, `mutation($id: ID!) { ${mutation}(id: $id) { id version status } }`, { id }, auth(token));
}

export async function accept(url: string, token: string, id: string) {
  return gql<{ acceptOffer: { offer: OfferShape; partnership: { id: string; status: string; buyer: { id: string }; enterprise: { id: string } }; declinedOfferIds: string[] } }>(
    url,
    'mutation($id: ID!) { acceptOffer(id: $id) { offer { id status } partnership { id status buyer { id } enterprise { id } } declinedOfferIds } }',
    { id },
    auth(token),
  );
}

/** A complete enterprise profile, with overrides. */
export function profileInput(organizationId: string, overrides: Record<string, unknown> = {}) {
  return {
    organizationId,
    description: 'Arbetsintegrerande socialt företag i Malmö som erbjuder städning och lokalvård, med arbetsträning för personer långt från arbetsmarknaden.',
    services: 'Lokalvård, fönsterputs, trappstädning och storstädning',
    cpvCodes: ['90910000-9', '90911200'],
    sdgs: [8, 10],
    municipalityCodes: ['1280', '1281'],
    employees: 24,
    annualTurnoverSek: 6_500_000,
    maxContractSek: 1_200_000,
    legalForm: 'EKONOMISK_FORENING',
    ideburen: true,
    workIntegrating: true,
    farFromLabourMarketShare: 60,
    certifications: ['Svanen'],
    ...overrides,
  };
}

export function needInput(buyerOrganizationId: string, overrides: Record<string, unknown> = {}) {
  return {
    buyerOrganizationId,
    title: 'Lokalvård av förskolor i Malmö',
    description: 'Daglig lokalvård av sex förskolor i centrala Malmö. Vi söker en partner som kombinerar städning med arbetsträning.',
    cpvCodes: ['90919200'],
    sdgs: [8],
    municipalityCode: '1280',
    budgetMinSek: 300_000,
    budgetMaxSek: 600_000,
    form: 'RESERVED_CONTRACT',
    wantedImpact: 'Fem personer långt från arbetsmarknaden i arbetsträning per år',
    responseDeadline: new Date(Date.now() + 14 * 86_400_000).toISOString(),
    ...overrides,
  };
}
