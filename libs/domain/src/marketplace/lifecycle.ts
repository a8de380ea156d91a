import { DomainError } from '../domain-error.js';
import type { MessageKey } from '../messages/index.js';
import type { NeedStatus, OfferStatus } from './marketplace-types.js';

export type NeedTransition = 'publish' | 'close' | 'award' | 'cancel';
export type OfferTransition = 'submit' | 'shortlist' | 'accept' | 'decline' | 'withdraw';

/** Each move: the statuses it starts from, where it leads, and the refusal (naming the status) from any other. */
const NEED_MOVES: Record<NeedTransition, { from: readonly NeedStatus[]; to: NeedStatus; refusal: MessageKey }> = {
  publish: { from: ['DRAFT'], to: 'PUBLISHED', refusal: 'marketplace.needCannotPublish' },
  close: { from: ['PUBLISHED'], to: 'CLOSED', refusal: 'marketplace.needCannotClose' },
  award: { from: ['PUBLISHED', 'CLOSED'], to: 'AWARDED', refusal: 'marketplace.needCannotAward' },
  cancel: { from: ['DRAFT', 'PUBLISHED', 'CLOSED'], to: 'CANCELLED', refusal: 'marketplace.needCannotCancel' },
};

const OFFER_MOVES: Record<OfferTransition, { from: readonly OfferStatus[]; to: OfferStatus; refusal: MessageKey }> = {
  submit: { from: ['DRAFT'], to: 'SUBMITTED', refusal: 'marketplace.offerCannotSubmit' },
  shortlist: { from: ['SUBMITTED'], to: 'SHORTLISTED', refusal: 'marketplace.offerCannotShortlist' },
  accept: { from: ['SUBMITTED', 'SHORTLISTED'], to: 'ACCEPTED', refusal: 'marketplace.offerCannotAccept' },
  decline: { from: ['SUBMITTED', 'SHORTLISTED'], to: 'DECLINED', refusal: 'marketplace.offerCannotDecline' },
  withdraw: { from: ['DRAFT', 'SUBMITTED', 'SHORTLISTED'], to: 'WITHDRAWN', refusal: 'marketplace.offerCannotWithdraw' },
};

/** The need's status after `transition`, or a CONFLICT saying which statuses allow it. */
export function needAfter(status: NeedStatus, transition: NeedTransition): NeedStatus {
  const move = NEED_MOVES[transition];
  if (!move.from.includes(status)) throw DomainError.conflict(move.refusal, { status });
  return move.to;
}

/** The offer's status after `transition`, or a CONFLICT saying which statuses allow it. */
export function offerAfter(status: OfferStatus, transition: OfferTransition): OfferStatus {
  const move = OFFER_MOVES[transition];
  if (!move.from.includes(status)) throw DomainError.conflict(move.refusal, { status });
  return move.to;
}

/** A need takes changes to its content only before it is decided. */
export function assertNeedEditable(status: NeedStatus): void {
  if (status !== 'DRAFT' && status !== 'PUBLISHED') throw DomainError.conflict('marketplace.needLocked', { status });
}

/** The enterprise edits its offer only while it is a draft. */
export function assertOfferEditable(status: OfferStatus): void {
  if (status !== 'DRAFT') throw DomainError.conflict('marketplace.offerLocked', { status });
}
