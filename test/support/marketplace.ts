import { auth } from './accounts.js';
import { gql } from './graphql.js';

const NEED_FIELDS = 'id version status form title budgetMaxSek responseDeadline buyer { id name } warnings { code message }';

export async function saveProfile(url: string, token: string, input: Record<string, unknown>) {
  return gql<{ saveEnterpriseProfile: { enterpriseProfile: { version: number; readiness: { score: number; missing: { item: string }[] } } } }>(
    url,
    'mutation($input: SaveEnterpriseProfileInput!) { saveEnterpriseProfile(input: $input) { enterpriseProfile { organizationId version readiness { score missing { item advice } } } } }',
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

const NEED_TRANSITION_INPUTS = { publishNeed: 'PublishNeedInput', closeNeed: 'CloseNeedInput', cancelNeed: 'CancelNeedInput' };

export async function needTransition(url: string, token: string, mutation: keyof typeof NEED_TRANSITION_INPUTS, needId: string, version: number) {
  return gql<Record<string, NeedPayloadShape>>(
    url,
    `mutation($input: ${NEED_TRANSITION_INPUTS[mutation]}!) { ${mutation}(input: $input) { need { ${NEED_FIELDS} } warnings { code message } } }`,
    { input: { needId, version } },
    auth(token),
  );
}

export interface OfferShape {
  id: string;
  version: number;
  status: string;
}

export async function createOffer(url: string, token: string, input: Record<string, unknown>) {
  return gql<{ createOffer: { offer: OfferShape } }>(
    url,
    'mutation($input: CreateOfferInput!) { createOffer(input: $input) { offer { id version status } } }',
    { input },
    auth(token),
  );
}

const OFFER_INPUTS = { submitOffer: 'SubmitOfferInput', withdrawOffer: 'WithdrawOfferInput', shortlistOffer: 'ShortlistOfferInput', declineOffer: 'DeclineOfferInput' };

export async function offerAction(url: string, token: string, mutation: 'submitOffer' | 'withdrawOffer', offerId: string, version: number) {
  return gql<Record<string, { offer: OfferShape }>>(
    url,
    `mutation($input: ${OFFER_INPUTS[mutation]}!) { ${mutation}(input: $input) { offer { id version status } } }`,
    { input: { offerId, version } },
    auth(token),
  );
}

/** A decision on an offer; a decline gives `reason` (the API requires one). */
export async function decide(url: string, token: string, mutation: 'shortlistOffer' | 'declineOffer', offerId: string, reason = 'Vi valde ett annat anbud.') {
  return gql<Record<string, { offer: OfferShape }>>(
    url,
    `mutation($input: ${OFFER_INPUTS[mutation]}!) { ${mutation}(input: $input) { offer { id version status } } }`,
    { input: mutation === 'declineOffer' ? { offerId, reason } : { offerId } },
    auth(token),
  );
}

export interface AcceptOfferShape {
  offer: OfferShape;
  need: { id: string; status: string };
  partnership: { id: string; status: string; buyer: { id: string }; enterprise: { id: string } };
  declinedOffers: OfferShape[];
}

export async function accept(url: string, token: string, offerId: string) {
  return gql<{ acceptOffer: AcceptOfferShape }>(
    url,
    'mutation($input: AcceptOfferInput!) { acceptOffer(input: $input) { offer { id version status } need { id status } partnership { id status buyer { id } enterprise { id } } declinedOffers { id version status } } }',
    { input: { offerId } },
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
