import { addDays, addMonths, nextReportPeriod, type ReportPeriod } from '@samverka/domain';
import type { DemoAgreement } from './demo-scenario.types.js';

/** A partnership's agreed dates (YYYY-MM-DD). */
export interface DemoTerm {
  startsOn: string;
  endsOn: string | null;
}

/**
 * The dates of an agreement seeded on `today` (YYYY-MM-DD, Swedish): it started on the first day of the
 * month `startsMonthsAgo` months back, and runs `termMonths` whole months. Whole months keep every
 * reporting period a whole month, quarter or year, whatever day the demo is seeded on.
 */
export function agreementTerm(agreement: Pick<DemoAgreement, 'startsMonthsAgo' | 'termMonths'>, today: string): DemoTerm {
  const startsOn = addMonths(`${today.slice(0, 7)}-01`, -agreement.startsMonthsAgo);
  return { startsOn, endsOn: agreement.termMonths === undefined ? null : addDays(addMonths(startsOn, agreement.termMonths), -1) };
}

/**
 * The `index`-th reporting period (0 = the first) of a partnership: the periods the application itself
 * asks for (`nextReportPeriod`), one after another from the start, each `reportEveryMonths` long and cut
 * at the agreed end. Null past the agreed end.
 */
export function reportPeriod(term: DemoTerm, reportEveryMonths: number, index: number): ReportPeriod | null {
  let period: ReportPeriod | null = null;
  for (let i = 0; i <= index; i++) {
    period = nextReportPeriod({ ...term, reportEveryMonths }, period?.periodEnd ?? null);
    if (!period) return null;
  }
  return period;
}
