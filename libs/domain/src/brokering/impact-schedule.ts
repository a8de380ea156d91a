import type { Actor } from '../access/actor.js';
import type { ImpactReportStatus, PartnershipStatus, TargetsStatus } from './brokering-types.js';
import { message, type Message } from '../messages/index.js';
import { addMonths } from './impact-rules.js';

/**
 * How long after a partnership is completed its enterprise may still report (and correct) impact: the
 * last period usually ends on the day the work ends, and its figures take a while to gather.
 */
export const REPORT_GRACE_DAYS = 90;

/** The date `days` after `date` (YYYY-MM-DD); negative goes back. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export interface ReportPeriod {
  periodStart: string;
  periodEnd: string;
  /** The first day the report is due: the day after the period ends. */
  dueOn: string;
}

/**
 * The period an enterprise reports next: from the day after its last current report (or from the
 * partnership's start) for `reportEveryMonths` months, cut at the agreed end; none once the agreed end
 * is reported. The same rule as ImpactRepository.reportsDue, which finds the due ones in SQL.
 */
export function nextReportPeriod(partnership: { startsOn: string; endsOn: string | null; reportEveryMonths: number }, lastPeriodEnd: string | null): ReportPeriod | null {
  const periodStart = lastPeriodEnd === null ? partnership.startsOn : addDays(lastPeriodEnd, 1);
  if (partnership.endsOn !== null && periodStart > partnership.endsOn) return null;
  let periodEnd = addDays(addMonths(periodStart, partnership.reportEveryMonths), -1);
  if (partnership.endsOn !== null && periodEnd > partnership.endsOn) periodEnd = partnership.endsOn;
  return { periodStart, periodEnd, dueOn: addDays(periodEnd, 1) };
}

/**
 * Whether the enterprise may report impact on the partnership today, and up to which day a period may
 * run: while it is ACTIVE, and for REPORT_GRACE_DAYS after it was COMPLETED; never once TERMINATED.
 * Returns the reason when it may not.
 */
export function reportingWindow(
  partnership: { status: PartnershipStatus; startsOn: string; endsOn: string | null; endedOn: string | null; targetsStatus: TargetsStatus },
  today: string,
): { open: true; firstDay: string; lastDay: string } | { open: false; reason: Message } {
  if (partnership.status === 'TERMINATED') return { open: false, reason: message('impact.reportingTerminated') };
  if (partnership.status === 'COMPLETED') {
    const endedOn = partnership.endedOn ?? today;
    if (today > addDays(endedOn, REPORT_GRACE_DAYS)) return { open: false, reason: message('impact.reportingGraceOver', { endedOn, days: REPORT_GRACE_DAYS }) };
  }
  if (partnership.targetsStatus !== 'AGREED') return { open: false, reason: message('impact.reportingNoTargets') };
  let lastDay = today;
  if (partnership.endsOn !== null && partnership.endsOn < lastDay) lastDay = partnership.endsOn;
  if (partnership.endedOn !== null && partnership.endedOn < lastDay) lastDay = partnership.endedOn;
  return { open: true, firstDay: partnership.startsOn, lastDay };
}

/** A draft is the enterprise's own; once submitted, whoever sees the partnership sees the report. */
export function impactReportVisibleTo(actor: Actor, report: { status: ImpactReportStatus }, partnership: { enterpriseOrganizationId: string }): boolean {
  if (report.status !== 'DRAFT') return true;
  return actor.kind === 'user' && actor.memberships.has(partnership.enterpriseOrganizationId);
}
