import { registerEnumType } from '@nestjs/graphql';

export enum NeedFormEnum {
  DIRECT_AWARD = 'DIRECT_AWARD',
  RESERVED_CONTRACT = 'RESERVED_CONTRACT',
  PUBLIC_PROCUREMENT = 'PUBLIC_PROCUREMENT',
  IOP = 'IOP',
  INNOVATION_PARTNERSHIP = 'INNOVATION_PARTNERSHIP',
  FUNDING_CALL = 'FUNDING_CALL',
}
registerEnumType(NeedFormEnum, {
  name: 'NeedForm',
  description: 'How the buyer contracts: direktupphandling, reserved contract (LOU 4 kap. 18 §), procurement, IOP, innovation partnership or a funding call',
});

export enum NeedStatusEnum {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  CLOSED = 'CLOSED',
  AWARDED = 'AWARDED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(NeedStatusEnum, { name: 'NeedStatus', description: 'DRAFT → PUBLISHED → CLOSED → AWARDED, or CANCELLED' });

export enum OfferStatusEnum {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  SHORTLISTED = 'SHORTLISTED',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(OfferStatusEnum, { name: 'OfferStatus', description: 'DRAFT → SUBMITTED → SHORTLISTED → ACCEPTED | DECLINED, or WITHDRAWN' });

export enum LegalFormEnum {
  EKONOMISK_FORENING = 'EKONOMISK_FORENING',
  IDEELL_FORENING = 'IDEELL_FORENING',
  STIFTELSE = 'STIFTELSE',
  AKTIEBOLAG_SVB = 'AKTIEBOLAG_SVB',
  AKTIEBOLAG = 'AKTIEBOLAG',
  OTHER = 'OTHER',
}
registerEnumType(LegalFormEnum, {
  name: 'LegalForm',
  description: 'Ekonomisk förening, ideell förening, stiftelse, aktiebolag med särskild vinstutdelningsbegränsning (svb), aktiebolag, or other',
});

export enum NeedSortEnum {
  PUBLISHED = 'PUBLISHED',
  DEADLINE = 'DEADLINE',
  BUDGET = 'BUDGET',
  TITLE = 'TITLE',
  RELEVANCE = 'RELEVANCE',
}
registerEnumType(NeedSortEnum, { name: 'NeedSort', description: 'Newest published first; soonest deadline first; largest budget first; by title; or best text match first' });

export enum EnterpriseSortEnum {
  NAME = 'NAME',
  RELEVANCE = 'RELEVANCE',
  CAPACITY = 'CAPACITY',
  UPDATED = 'UPDATED',
}
registerEnumType(EnterpriseSortEnum, { name: 'EnterpriseSort', description: 'By name; best text match first; largest capacity first; most recently updated first' });
