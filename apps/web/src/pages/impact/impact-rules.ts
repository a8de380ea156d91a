/**
 * The API's rules for impact values and report periods (libs/domain/src/brokering/impact-rules.ts), checked
 * in the browser before anything is sent, so a mistake is named on its field at once.
 */
export const MAX_IMPACT_VALUE = 999_999_999;
export const MAX_NARRATIVE = 5_000;
export const MAX_COMMENT = 2_000;
export const MAX_TARGETS = 20;
export const REPORT_EVERY = [1, 3, 6, 12] as const;

export type ValueProblem = { key: 'notNumber' | 'negative' | 'tooLarge' | 'notWhole' } | { key: 'decimals'; count: number };

/**
 * A value as typed ("12", "12,5", "1 200") in an indicator's unit: a number, not negative, at most
 * 999 999 999, with no more decimals than the unit has (0 for what is counted whole); empty is null.
 */
export function readValue(text: string, decimals: number): { ok: true; value: number | null } | { ok: false; problem: ValueProblem } {
  const plain = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (!plain) return { ok: true, value: null };
  if (!/^-?\d+(\.\d+)?$/.test(plain)) return { ok: false, problem: { key: 'notNumber' } };
  const value = Number(plain);
  if (value < 0) return { ok: false, problem: { key: 'negative' } };
  if (value > MAX_IMPACT_VALUE) return { ok: false, problem: { key: 'tooLarge' } };
  const given = plain.includes('.') ? plain.split('.')[1].replace(/0+$/, '').length : 0;
  if (given > decimals) return { ok: false, problem: decimals === 0 ? { key: 'notWhole' } : { key: 'decimals', count: decimals } };
  return { ok: true, value };
}

/** A number as the form shows it again: Swedish decimal comma, no grouping (it is read back as typed). */
export function writeValue(value: number, language: string): string {
  const text = String(value);
  return language === 'sv' ? text.replace('.', ',') : text;
}

export type PeriodProblem = 'dateRequired' | 'endBeforeStart' | 'startInFuture' | 'beforeStart' | 'afterLast' | 'tooLong';

function realDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The day after `date` plus whole years: the first day a period beginning on `date` may not reach. */
function yearAfter(date: string): string {
  const start = new Date(`${date}T00:00:00Z`);
  return new Date(Date.UTC(start.getUTCFullYear() + 1, start.getUTCMonth(), start.getUTCDate())).toISOString().slice(0, 10);
}

/**
 * A report's period: real dates, the end not before the start, less than a year, not beginning in the
 * future, within the partnership (from its start to today or its agreed end). Overlaps are the API's to find.
 */
export function checkPeriod(
  periodStart: string,
  periodEnd: string,
  window: { firstDay: string; lastDay: string; today: string },
): { periodStart?: PeriodProblem; periodEnd?: PeriodProblem } {
  const problems: { periodStart?: PeriodProblem; periodEnd?: PeriodProblem } = {};
  if (!realDate(periodStart)) problems.periodStart = 'dateRequired';
  if (!realDate(periodEnd)) problems.periodEnd = 'dateRequired';
  if (problems.periodStart || problems.periodEnd) return problems;
  if (periodStart > window.today) problems.periodStart = 'startInFuture';
  else if (periodStart < window.firstDay) problems.periodStart = 'beforeStart';
  if (periodEnd < periodStart) problems.periodEnd = 'endBeforeStart';
  else if (periodEnd >= yearAfter(periodStart)) problems.periodEnd = 'tooLong';
  else if (periodEnd > window.lastDay) problems.periodEnd = 'afterLast';
  return problems;
}

/** `date` plus whole months, clamped to the month's end (as the API counts periods). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

/** Today in Swedish time, YYYY-MM-DD. */
export function swedishToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm' }).format(now);
}

/**
 * The period a new report most likely covers: from the day after the latest reported period (or the
 * partnership's start) for the agreed number of months, ending today at the latest.
 */
export function suggestedPeriod(startsOn: string, reported: readonly { periodEnd: string }[], everyMonths: number, lastDay: string): { periodStart: string; periodEnd: string } {
  const latest = reported.reduce<string | null>((at, r) => (at === null || r.periodEnd > at ? r.periodEnd : at), null);
  const periodStart = latest ? addDays(latest, 1) : startsOn;
  const end = addDays(addMonths(periodStart, everyMonths), -1);
  return { periodStart, periodEnd: end < lastDay ? end : lastDay < periodStart ? periodStart : lastDay };
}
