import { ENTERPRISE_SORTS, type EnterpriseSort } from '../enterprise-profile.repository.js';
import { NEED_SORTS, type NeedSort } from '../need.repository.js';
import { LEGAL_FORMS, NEED_FORMS, NEED_STATUSES, OFFER_STATUSES, type LegalForm, type NeedForm, type NeedStatus, type OfferStatus } from '@samverka/domain';
import { enumFromList } from '@samverka/engine';

export const NeedFormEnum = enumFromList(NEED_FORMS, {
  name: 'NeedForm',
  description: 'How the buyer contracts: direktupphandling, reserved contract (LOU 4 kap. 18 §), procurement, IOP, innovation partnership or a funding call',
});
export type NeedFormEnum = NeedForm;

export const NeedStatusEnum = enumFromList(NEED_STATUSES, { name: 'NeedStatus', description: 'DRAFT → PUBLISHED → CLOSED → AWARDED, or CANCELLED' });
export type NeedStatusEnum = NeedStatus;

export const OfferStatusEnum = enumFromList(OFFER_STATUSES, { name: 'OfferStatus', description: 'DRAFT → SUBMITTED → SHORTLISTED → ACCEPTED | DECLINED, or WITHDRAWN' });
export type OfferStatusEnum = OfferStatus;

export const LegalFormEnum = enumFromList(LEGAL_FORMS, {
  name: 'LegalForm',
  description: 'Ekonomisk förening, ideell förening, stiftelse, aktiebolag med särskild vinstutdelningsbegränsning (svb), aktiebolag, or other',
});
export type LegalFormEnum = LegalForm;

export const NeedSortEnum = enumFromList(NEED_SORTS, {
  name: 'NeedSort',
  description: 'Newest published first; soonest deadline first; largest budget first; by title; or best text match first',
});
export type NeedSortEnum = NeedSort;

export const EnterpriseSortEnum = enumFromList(ENTERPRISE_SORTS, {
  name: 'EnterpriseSort',
  description: 'By name; best text match first; largest capacity first; most recently updated first; least ready profile first (readiness score)',
});
export type EnterpriseSortEnum = EnterpriseSort;
