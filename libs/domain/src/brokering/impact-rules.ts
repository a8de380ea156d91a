import { DomainError, FieldProblems, type FieldPath } from '../domain-error.js';
import { REPORT_INTERVALS, type ImpactUnit } from './brokering-types.js';

interface UnitRule {
  /** Decimals a value may have: 0 for things counted whole. */
  decimals: number;
  sv: string;
  en: string;
}

/** What each unit admits. Every value is at least 0 and below a billion. */
export const UNIT_RULES: Record<ImpactUnit, UnitRule> = {
  PERSONS: { decimals: 0, sv: 'personer', en: 'persons' },
  HOURS: { decimals: 1, sv: 'timmar', en: 'hours' },
  TONNES: { decimals: 3, sv: 'ton', en: 'tonnes' },
  TONNES_CO2E: { decimals: 3, sv: 'ton CO2e', en: 'tonnes CO2e' },
  MEALS: { decimals: 0, sv: 'måltider', en: 'meals' },
  COUNT: { decimals: 0, sv: 'st', en: 'count' },
};

export const MAX_IMPACT_VALUE = 999_999_999;

/**
 * A reported value or a target checked against its indicator's unit: a number, not negative, within
 * range, whole for what is counted whole, and with no more decimals than the unit has. Returns it
 * rounded to those decimals (a float's noise removed).
 */
export function assertImpactValue(value: number, unit: ImpactUnit, field: FieldPath): number {
  const rule = UNIT_RULES[unit];
  if (typeof value !== 'number' || !Number.isFinite(value)) throw DomainError.badInput(field, 'INVALID_TYPE', 'impact.valueNotNumber', { unit });
  if (value < 0) throw DomainError.badInput(field, 'OUT_OF_RANGE', 'impact.valueNegative');
  if (value > MAX_IMPACT_VALUE) throw DomainError.badInput(field, 'OUT_OF_RANGE', 'impact.valueTooLarge', { max: MAX_IMPACT_VALUE, unit });
  const scale = 10 ** rule.decimals;
  const rounded = Math.round(value * scale) / scale;
  if (Math.abs(rounded - value) > 1e-9 * Math.max(1, Math.abs(value))) {
    throw rule.decimals === 0
      ? DomainError.badInput(field, 'INVALID_FORMAT', 'impact.valueNotWhole', { unit })
      : DomainError.badInput(field, 'INVALID_FORMAT', 'impact.valueTooManyDecimals', { count: rule.decimals, unit });
  }
  return rounded;
}

/** A date-only value 'YYYY-MM-DD' that exists in the calendar. */
export function assertDate(value: string, field: FieldPath): string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) throw DomainError.badInput(field, 'INVALID_FORMAT', 'impact.dateFormat');
  const date = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) throw DomainError.badInput(field, 'INVALID', 'impact.dateNotInCalendar', { date: value });
  return value;
}

/** A report's period: real dates, the end not before the start, at most a year, not in the future; every problem at once. */
export function assertReportPeriod(periodStart: string, periodEnd: string, today: string): void {
  const problems = new FieldProblems();
  problems.absorb(() => assertDate(periodStart, 'periodStart'));
  problems.absorb(() => assertDate(periodEnd, 'periodEnd'));
  problems.throwIfAny();
  if (periodEnd < periodStart) problems.add('periodEnd', 'OUT_OF_RANGE', 'impact.periodEndBeforeStart', { periodStart });
  if (periodStart > today) problems.add('periodStart', 'OUT_OF_RANGE', 'impact.periodStartInFuture', { today });
  const start = new Date(`${periodStart}T00:00:00Z`);
  const yearLater = new Date(Date.UTC(start.getUTCFullYear() + 1, start.getUTCMonth(), start.getUTCDate()));
  if (!problems.has('periodEnd') && new Date(`${periodEnd}T00:00:00Z`) >= yearLater) {
    problems.add('periodEnd', 'OUT_OF_RANGE', 'impact.periodTooLong', { limit: yearLater.toISOString().slice(0, 10) });
  }
  problems.throwIfAny();
}

/** Two closed date ranges share a day. */
export function periodsOverlap(a: { periodStart: string; periodEnd: string }, b: { periodStart: string; periodEnd: string }): boolean {
  return a.periodStart <= b.periodEnd && b.periodStart <= a.periodEnd;
}

/** The date `months` after `date` (YYYY-MM-DD), clamped to the month's end (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** The calendar date in Sweden (YYYY-MM-DD) at an instant: what "today" means for periods and due dates. */
export function swedishDate(at: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** How often impact is reported: every 1, 3, 6 or 12 months. */
export function assertReportInterval(months: number, field: FieldPath = 'reportEveryMonths'): number {
  if (!(REPORT_INTERVALS as readonly number[]).includes(months))
    throw DomainError.badInput(field, 'UNKNOWN_VALUE', 'impact.reportInterval', { values: REPORT_INTERVALS.join(', ') });
  return months;
}

/** The message a clash of periods gets, whether the service finds it or the database's trigger does. */
export function impactReportOverlap(period: { periodStart: string; periodEnd: string }, clash: { periodStart: string; periodEnd: string; status: string } | null): DomainError {
  const { periodStart, periodEnd } = period;
  return clash
    ? DomainError.badInput('periodStart', 'TAKEN', 'impact.periodOverlap', {
        periodStart,
        periodEnd,
        clashStart: clash.periodStart,
        clashEnd: clash.periodEnd,
        clashStatus: clash.status,
      })
    : DomainError.badInput('periodStart', 'TAKEN', 'impact.periodOverlapAnother', { periodStart, periodEnd });
}
