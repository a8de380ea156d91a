import { assertDate, DomainError, FieldProblems } from '@samverka/domain';
import type { BucketSeries } from './insights.repository.js';

export const INSIGHT_INTERVALS = ['MONTH', 'QUARTER', 'YEAR'] as const;
export type InsightInterval = (typeof INSIGHT_INTERVALS)[number];

/** The most buckets one request may ask for (20 years of months). */
export const MAX_BUCKETS = 240;
const EARLIEST = '1900-01-01';
const LATEST = '2999-12-31';

const MONTHS: Record<InsightInterval, number> = { MONTH: 1, QUARTER: 3, YEAR: 12 };
const SQL_UNIT: Record<InsightInterval, BucketSeries['unit']> = { MONTH: 'month', QUARTER: 'quarter', YEAR: 'year' };
const SQL_STEP: Record<InsightInterval, string> = { MONTH: '1 month', QUARTER: '3 months', YEAR: '1 year' };

/** A calendar bucket: its first and last day (YYYY-MM-DD) and a label such as 2025-03, 2025-Q1 or 2025. */
export interface Bucket {
  start: string;
  end: string;
  label: string;
}

/** The timeline of a request: calendar buckets from the one containing `from` to the one containing `to`. */
export interface BucketSpan extends BucketSeries {
  interval: InsightInterval;
  count: number;
}

const iso = (year: number, monthIndex: number, day = 1) => new Date(Date.UTC(year, monthIndex, day)).toISOString().slice(0, 10);
const parts = (date: string) => date.split('-').map(Number) as [number, number, number];

/** The first day of the bucket that contains `date`. */
export function bucketStart(date: string, interval: InsightInterval): string {
  const [year, month] = parts(date);
  const size = MONTHS[interval];
  return iso(year, Math.floor((month - 1) / size) * size);
}

/** The first day of the bucket after the one starting on `start`. */
export function nextBucketStart(start: string, interval: InsightInterval): string {
  const [year, month] = parts(start);
  return iso(year, month - 1 + MONTHS[interval]);
}

/** The bucket starting on `start` (a bucket's first day), with its last day and label. */
export function bucketAt(start: string, interval: InsightInterval): Bucket {
  const [year, month] = parts(start);
  const end = iso(year, month - 1 + MONTHS[interval], 0);
  const label = interval === 'YEAR' ? String(year) : interval === 'QUARTER' ? `${year}-Q${Math.floor((month - 1) / 3) + 1}` : start.slice(0, 7);
  return { start, end, label };
}

/** How many buckets a timeline has when the request names no `from`. */
export const DEFAULT_BUCKETS = 12;

/** The first day of the bucket `count` buckets before the one containing `date`. */
export function bucketStartBefore(date: string, interval: InsightInterval, count: number): string {
  const [year, month] = parts(bucketStart(date, interval));
  return iso(year, month - 1 - count * MONTHS[interval]);
}

/**
 * Checks a requested range and widens it to whole calendar buckets: every bucket counts its whole month,
 * quarter or year, so the first and the last are not cut short. `from` and `to` are dates (YYYY-MM-DD),
 * `to` included; without `from` the span is the DEFAULT_BUCKETS buckets that end with the one of `to`.
 */
export function bucketSpan(requestedFrom: string | null, to: string, interval: InsightInterval): BucketSpan {
  const problems = new FieldProblems();
  const check = (field: 'from' | 'to', date: string) => {
    problems.absorb(() => assertDate(date, field));
    if (!problems.has(field) && (date < EARLIEST || date > LATEST)) problems.add(field, 'OUT_OF_RANGE', 'insights.dateOutOfRange', { earliest: EARLIEST, latest: LATEST });
  };
  check('to', to);
  problems.throwIfAny();
  const from = requestedFrom ?? bucketStartBefore(to, interval, DEFAULT_BUCKETS - 1);
  check('from', from);
  problems.throwIfAny();
  if (to < from) throw DomainError.badInput('to', 'OUT_OF_RANGE', 'insights.toBeforeFrom', { from });
  const first = bucketStart(from, interval);
  const last = bucketStart(to, interval);
  const [fy, fm] = parts(first);
  const [ly, lm] = parts(last);
  const count = ((ly - fy) * 12 + (lm - fm)) / MONTHS[interval] + 1;
  if (count > MAX_BUCKETS) throw DomainError.badInput('to', 'OUT_OF_RANGE', `insights.spanTooLong_${interval}`, { max: MAX_BUCKETS, from, to, count });
  return { interval, first, last, end: nextBucketStart(last, interval), unit: SQL_UNIT[interval], step: SQL_STEP[interval], count };
}
