import { DomainError } from '../domain-error.js';
import type { ImpactReportStatus, IntroductionStatus, PartnershipStatus } from './brokering-types.js';

export type IntroductionTransition = 'accept' | 'decline' | 'withdraw';
export type PartnershipTransition = 'complete' | 'terminate';
export type ImpactReportTransition = 'submit' | 'confirm' | 'return' | 'supersede';

interface Move<S> {
  from: readonly S[];
  to: S;
  verb: string;
}

const INTRODUCTION_MOVES: Record<IntroductionTransition, Move<IntroductionStatus>> = {
  accept: { from: ['PROPOSED'], to: 'ACCEPTED', verb: 'accepted' },
  decline: { from: ['PROPOSED'], to: 'DECLINED', verb: 'declined' },
  withdraw: { from: ['PROPOSED'], to: 'WITHDRAWN', verb: 'withdrawn' },
};

const PARTNERSHIP_MOVES: Record<PartnershipTransition, Move<PartnershipStatus>> = {
  complete: { from: ['ACTIVE'], to: 'COMPLETED', verb: 'completed' },
  terminate: { from: ['ACTIVE'], to: 'TERMINATED', verb: 'terminated' },
};

const REPORT_MOVES: Record<ImpactReportTransition, Move<ImpactReportStatus>> = {
  submit: { from: ['DRAFT', 'RETURNED'], to: 'SUBMITTED', verb: 'submitted' },
  confirm: { from: ['SUBMITTED'], to: 'CONFIRMED', verb: 'confirmed' },
  return: { from: ['SUBMITTED'], to: 'RETURNED', verb: 'returned' },
  supersede: { from: ['CONFIRMED'], to: 'SUPERSEDED', verb: 'superseded' },
};

const list = (statuses: readonly string[]) => (statuses.length === 1 ? statuses[0] : `${statuses.slice(0, -1).join(', ')} or ${statuses.at(-1)}`);

function after<S extends string>(moves: Record<string, Move<S>>, what: string, status: S, transition: string): S {
  const move = moves[transition];
  if (!move.from.includes(status)) throw DomainError.conflict(`A ${status} ${what} cannot be ${move.verb}: only a ${list(move.from)} ${what} can`);
  return move.to;
}

export const introductionAfter = (status: IntroductionStatus, transition: IntroductionTransition): IntroductionStatus =>
  after(INTRODUCTION_MOVES, 'introduction', status, transition);

export const partnershipAfter = (status: PartnershipStatus, transition: PartnershipTransition): PartnershipStatus => after(PARTNERSHIP_MOVES, 'partnership', status, transition);

export const impactReportAfter = (status: ImpactReportStatus, transition: ImpactReportTransition): ImpactReportStatus => after(REPORT_MOVES, 'impact report', status, transition);

/** The enterprise edits a report's content only while it holds it: a draft, or returned by the buyer. */
export function assertImpactReportEditable(status: ImpactReportStatus): void {
  if (status === 'CONFIRMED' || status === 'SUPERSEDED') throw impactReportLocked(status);
  if (status !== 'DRAFT' && status !== 'RETURNED') throw DomainError.conflict(`A ${status} impact report cannot be changed: only a DRAFT or RETURNED report can`);
}

/** A confirmed (or superseded) report is locked: the service's check, or the database's trigger behind it. */
export function impactReportLocked(status: Extract<ImpactReportStatus, 'CONFIRMED' | 'SUPERSEDED'> = 'CONFIRMED'): DomainError {
  return DomainError.conflict(`A ${status} impact report is locked: file a correction, which becomes a new version once the buyer confirms it`);
}

/** One open correction per report: the service's check, or the unique corrects_id behind it. */
export function impactCorrectionOpen(open: { status: ImpactReportStatus; revision: number } | null): DomainError {
  const which = open ? ` (revision ${open.revision}, ${open.status})` : '';
  return DomainError.conflict(`A correction of this report is already open${which}: change and submit that one, or delete it, first`);
}

/** One open introduction per need and enterprise: the service's check, or the partial unique index behind it. */
export function introductionAlreadyOpen(): DomainError {
  return DomainError.conflict('The enterprise already has an open introduction to this need: it must be declined or withdrawn before a new one');
}
