import { DomainError } from '../domain-error.js';
import type { NeedStatus, OfferStatus } from './marketplace-types.js';

export type NeedTransition = 'publish' | 'close' | 'award' | 'cancel';
export type OfferTransition = 'submit' | 'shortlist' | 'accept' | 'decline' | 'withdraw';

const NEED_MOVES: Record<NeedTransition, { from: readonly NeedStatus[]; to: NeedStatus; verb: string }> = {
  publish: { from: ['DRAFT'], to: 'PUBLISHED', verb: 'published' },
  close: { from: ['PUBLISHED'], to: 'CLOSED', verb: 'closed' },
  award: { from: ['PUBLISHED', 'CLOSED'], to: 'AWARDED', verb: 'awarded' },
  cancel: { from: ['DRAFT', 'PUBLISHED', 'CLOSED'], to: 'CANCELLED', verb: 'cancelled' },
};

const OFFER_MOVES: Record<OfferTransition, { from: readonly OfferStatus[]; to: OfferStatus; verb: string }> = {
  submit: { from: ['DRAFT'], to: 'SUBMITTED', verb: 'submitted' },
  shortlist: { from: ['SUBMITTED'], to: 'SHORTLISTED', verb: 'shortlisted' },
  accept: { from: ['SUBMITTED', 'SHORTLISTED'], to: 'ACCEPTED', verb: 'accepted' },
  decline: { from: ['SUBMITTED', 'SHORTLISTED'], to: 'DECLINED', verb: 'declined' },
  withdraw: { from: ['DRAFT', 'SUBMITTED', 'SHORTLISTED'], to: 'WITHDRAWN', verb: 'withdrawn' },
};

const list = (statuses: readonly string[]) => (statuses.length === 1 ? statuses[0] : `${statuses.slice(0, -1).join(', ')} or ${statuses.at(-1)}`);

/** The need's status after `transition`, or a CONFLICT saying which statuses allow it. */
export function needAfter(status: NeedStatus, transition: NeedTransition): NeedStatus {
  const move = NEED_MOVES[transition];
  if (!move.from.includes(status)) {
    throw DomainError.conflict(`A ${status} need cannot be ${move.verb}: only a ${list(move.from)} need can`);
  }
  return move.to;
}

/** The offer's status after `transition`, or a CONFLICT saying which statuses allow it. */
export function offerAfter(status: OfferStatus, transition: OfferTransition): OfferStatus {
  const move = OFFER_MOVES[transition];
  if (!move.from.includes(status)) {
    throw DomainError.conflict(`A ${status} offer cannot be ${move.verb}: only a ${list(move.from)} offer can`);
  }
  return move.to;
}

/** A need takes changes to its content only before it is decided. */
export function assertNeedEditable(status: NeedStatus): void {
  if (status !== 'DRAFT' && status !== 'PUBLISHED') {
    throw DomainError.conflict(`A ${status} need can no longer be changed: only a DRAFT or PUBLISHED need can`);
  }
}

/** The enterprise edits its offer only while it is a draft. */
export function assertOfferEditable(status: OfferStatus): void {
  if (status !== 'DRAFT') throw DomainError.conflict(`A ${status} offer can no longer be changed: only a DRAFT offer can`);
}
