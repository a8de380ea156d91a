export const NEED_FORMS = ['DIRECT_AWARD', 'RESERVED_CONTRACT', 'PUBLIC_PROCUREMENT', 'IOP', 'INNOVATION_PARTNERSHIP', 'FUNDING_CALL'] as const;
export type NeedForm = (typeof NEED_FORMS)[number];

export const NEED_STATUSES = ['DRAFT', 'PUBLISHED', 'CLOSED', 'AWARDED', 'CANCELLED'] as const;
export type NeedStatus = (typeof NEED_STATUSES)[number];

export const OFFER_STATUSES = ['DRAFT', 'SUBMITTED', 'SHORTLISTED', 'ACCEPTED', 'DECLINED', 'WITHDRAWN'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

export const LEGAL_FORMS = ['EKONOMISK_FORENING', 'IDEELL_FORENING', 'STIFTELSE', 'AKTIEBOLAG_SVB', 'AKTIEBOLAG', 'OTHER'] as const;
export type LegalForm = (typeof LEGAL_FORMS)[number];

/** Direktupphandlingsgränsen under LOU (19 a kap. 3 §), in force since 2022-02-01. */
export const DIRECT_AWARD_LIMIT_SEK = 700_000;

/** LOU 4 kap. 18 §: at least 30 % of the staff far from the labour market for a reserved contract. */
export const RESERVED_CONTRACT_MIN_SHARE = 30;

/** Needs that anyone may see; drafts and cancelled needs stay with their buyer. */
export const PUBLIC_NEED_STATUSES: readonly NeedStatus[] = ['PUBLISHED', 'CLOSED', 'AWARDED'];
/** Offers still in the running. */
export const OPEN_OFFER_STATUSES: readonly OfferStatus[] = ['SUBMITTED', 'SHORTLISTED'];
