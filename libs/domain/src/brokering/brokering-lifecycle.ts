import { DomainError } from '../domain-error.js';
import type { MessageKey } from '../messages/index.js';
import type { ImpactReportStatus, IntroductionStatus, PartnershipStatus } from './brokering-types.js';

export type IntroductionTransition = 'accept' | 'decline' | 'withdraw';
export type PartnershipTransition = 'complete' | 'terminate';
export type ImpactReportTransition = 'submit' | 'confirm' | 'return' | 'supersede';

/** A move: the statuses it starts from, where it leads, and the refusal (naming the status) from any other. */
interface Move<S> {
  from: readonly S[];
  to: S;
  refusal: MessageKey;
}

const INTRODUCTION_MOVES: Record<IntroductionTransition, Move<IntroductionStatus>> = {
  accept: { from: ['PROPOSED'], to: 'ACCEPTED', refusal: 'brokering.introductionCannotAccept' },
  decline: { from: ['PROPOSED'], to: 'DECLINED', refusal: 'brokering.introductionCannotDecline' },
  withdraw: { from: ['PROPOSED'], to: 'WITHDRAWN', refusal: 'brokering.introductionCannotWithdraw' },
};

const PARTNERSHIP_MOVES: Record<PartnershipTransition, Move<PartnershipStatus>> = {
  complete: { from: ['ACTIVE'], to: 'COMPLETED', refusal: 'brokering.partnershipCannotComplete' },
  terminate: { from: ['ACTIVE'], to: 'TERMINATED', refusal: 'brokering.partnershipCannotTerminate' },
};

const REPORT_MOVES: Record<ImpactReportTransition, Move<ImpactReportStatus>> = {
  submit: { from: ['DRAFT', 'RETURNED'], to: 'SUBMITTED', refusal: 'impact.reportCannotSubmit' },
  confirm: { from: ['SUBMITTED'], to: 'CONFIRMED', refusal: 'impact.reportCannotConfirm' },
  return: { from: ['SUBMITTED'], to: 'RETURNED', refusal: 'impact.reportCannotReturn' },
  supersede: { from: ['CONFIRMED'], to: 'SUPERSEDED', refusal: 'impact.reportCannotSupersede' },
};

function after<S extends string>(moves: Record<string, Move<S>>, status: S, transition: string): S {
  const move = moves[transition];
  if (!move.from.includes(status)) throw DomainError.conflict(move.refusal, { status });
  return move.to;
}

export const introductionAfter = (status: IntroductionStatus, transition: IntroductionTransition): IntroductionStatus => after(INTRODUCTION_MOVES, status, transition);

export const partnershipAfter = (status: PartnershipStatus, transition: PartnershipTransition): PartnershipStatus => after(PARTNERSHIP_MOVES, status, transition);

export const impactReportAfter = (status: ImpactReportStatus, transition: ImpactReportTransition): ImpactReportStatus => after(REPORT_MOVES, status, transition);

/** The enterprise edits a report's content only while it holds it: a draft, or returned by the buyer. */
export function assertImpactReportEditable(status: ImpactReportStatus): void {
  if (status === 'CONFIRMED' || status === 'SUPERSEDED') throw impactReportLocked(status);
  if (status !== 'DRAFT' && status !== 'RETURNED') throw DomainError.conflict('impact.reportNotEditable', { status });
}

/** A confirmed (or superseded) report is locked: the service's check, or the database's trigger behind it. */
export function impactReportLocked(status: Extract<ImpactReportStatus, 'CONFIRMED' | 'SUPERSEDED'> = 'CONFIRMED'): DomainError {
  return DomainError.conflict('impact.reportLocked', { status });
}

/** One open correction per report: the service's check, or the unique corrects_id behind it. */
export function impactCorrectionOpen(open: { status: ImpactReportStatus; revision: number } | null): DomainError {
  return open ? DomainError.conflict('impact.correctionOpen', { revision: open.revision, status: open.status }) : DomainError.conflict('impact.correctionOpenAlready');
}

/** One open introduction per need and enterprise: the service's check, or the partial unique index behind it. */
export function introductionAlreadyOpen(): DomainError {
  return DomainError.conflict('brokering.introductionOpen');
}
