import { DomainError, type Message } from '@samverka/domain';
import { textOf } from '@samverka/engine';
import { bucketAt, bucketSpan, bucketStart, bucketStartBefore, MAX_BUCKETS, nextBucketStart, type InsightInterval } from './insight-period.js';

describe('insight buckets', () => {
  it.each<[string, InsightInterval, string]>([
    ['2025-01-01', 'MONTH', '2025-01-01'],
    ['2025-02-28', 'MONTH', '2025-02-01'],
    ['2025-12-31', 'MONTH', '2025-12-01'],
    ['2025-03-31', 'QUARTER', '2025-01-01'],
    ['2025-04-01', 'QUARTER', '2025-04-01'],
    ['2025-08-15', 'QUARTER', '2025-07-01'],
    ['2025-12-31', 'QUARTER', '2025-10-01'],
    ['2024-02-29', 'YEAR', '2024-01-01'],
    ['2025-12-31', 'YEAR', '2025-01-01'],
  ])('%s falls in the %s starting %s', (date, interval, start) => {
    expect(bucketStart(date, interval)).toBe(start);
  });

  it.each<[string, InsightInterval, string]>([
    ['2025-12-01', 'MONTH', '2026-01-01'],
    ['2025-01-01', 'MONTH', '2025-02-01'],
    ['2025-10-01', 'QUARTER', '2026-01-01'],
    ['2025-04-01', 'QUARTER', '2025-07-01'],
    ['2025-01-01', 'YEAR', '2026-01-01'],
  ])('after the %s %s comes %s', (start, interval, next) => {
    expect(nextBucketStart(start, interval)).toBe(next);
  });

  it.each<[string, InsightInterval, { start: string; end: string; label: string }]>([
    ['2024-02-01', 'MONTH', { start: '2024-02-01', end: '2024-02-29', label: '2024-02' }],
    ['2025-02-01', 'MONTH', { start: '2025-02-01', end: '2025-02-28', label: '2025-02' }],
    ['2025-12-01', 'MONTH', { start: '2025-12-01', end: '2025-12-31', label: '2025-12' }],
    ['2025-01-01', 'QUARTER', { start: '2025-01-01', end: '2025-03-31', label: '2025-Q1' }],
    ['2025-10-01', 'QUARTER', { start: '2025-10-01', end: '2025-12-31', label: '2025-Q4' }],
    ['2025-01-01', 'YEAR', { start: '2025-01-01', end: '2025-12-31', label: '2025' }],
  ])('the %s %s bucket', (start, interval, bucket) => {
    expect(bucketAt(start, interval)).toEqual(bucket);
  });

  it.each<[string, InsightInterval, number, string]>([
    ['2025-03-15', 'MONTH', 11, '2024-04-01'],
    ['2025-01-31', 'MONTH', 1, '2024-12-01'],
    ['2025-05-05', 'QUARTER', 11, '2022-07-01'],
    ['2025-12-31', 'YEAR', 11, '2014-01-01'],
    ['2025-12-31', 'MONTH', 0, '2025-12-01'],
  ])('%s by %s: %i buckets back starts %s', (date, interval, count, start) => {
    expect(bucketStartBefore(date, interval, count)).toBe(start);
  });

  it('widens a range to whole buckets, the last one included', () => {
    expect(bucketSpan('2025-02-15', '2025-05-03', 'MONTH')).toEqual({
      interval: 'MONTH',
      first: '2025-02-01',
      last: '2025-05-01',
      end: '2025-06-01',
      unit: 'month',
      step: '1 month',
      count: 4,
    });
    expect(bucketSpan('2024-11-30', '2025-01-01', 'QUARTER')).toEqual({
      interval: 'QUARTER',
      first: '2024-10-01',
      last: '2025-01-01',
      end: '2025-04-01',
      unit: 'quarter',
      step: '3 months',
      count: 2,
    });
    expect(bucketSpan('2025-06-01', '2025-06-01', 'YEAR')).toEqual({
      interval: 'YEAR',
      first: '2025-01-01',
      last: '2025-01-01',
      end: '2026-01-01',
      unit: 'year',
      step: '1 year',
      count: 1,
    });
  });

  it('without from, spans the twelve buckets that end with the one of to', () => {
    expect(bucketSpan(null, '2025-03-15', 'MONTH')).toMatchObject({ first: '2024-04-01', last: '2025-03-01', count: 12 });
    expect(bucketSpan(null, '2025-03-15', 'QUARTER')).toMatchObject({ first: '2022-04-01', last: '2025-01-01', count: 12 });
    expect(bucketSpan(null, '2025-03-15', 'YEAR')).toMatchObject({ first: '2014-01-01', last: '2025-01-01', count: 12 });
  });

  it('counts as many buckets as stepping from the first to the last gives', () => {
    for (const interval of ['MONTH', 'QUARTER', 'YEAR'] as const) {
      for (const [from, to] of [
        ['2019-07-19', '2025-03-02'],
        ['2020-01-01', '2020-12-31'],
        ['2023-12-31', '2024-01-01'],
      ]) {
        const span = bucketSpan(from, to, interval);
        let steps = 1;
        for (let start = span.first; start !== span.last; start = nextBucketStart(start, interval)) steps += 1;
        expect(span.count).toBe(steps);
        expect(nextBucketStart(span.last, interval)).toBe(span.end);
      }
    }
  });

  it.each<[string, string, InsightInterval, string, string, string]>([
    ['2025-13-01', '2025-12-31', 'MONTH', 'from', 'impact.dateNotInCalendar', 'Datumet 2025-13-01 finns inte i kalendern.'],
    ['2025-02-30', '2025-12-31', 'MONTH', 'from', 'impact.dateNotInCalendar', 'Datumet 2025-02-30 finns inte i kalendern.'],
    ['2025-01-01', '31/12/2025', 'MONTH', 'to', 'impact.dateFormat', 'Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-03-31.'],
    ['2025-03-01', '2025-02-28', 'MONTH', 'to', 'insights.toBeforeFrom', 'Slutdatumet får inte vara före startdatumet (2025-03-01).'],
    [
      '2000-01-01',
      '2020-01-01',
      'MONTH',
      'to',
      'insights.spanTooLong_MONTH',
      'Välj en period på högst 240 månader. 2000-01-01 till 2020-01-01 omfattar 241 månader. Välj en kortare period eller ett längre intervall.',
    ],
    ['1900-01-01', '2200-01-01', 'YEAR', 'to', 'insights.spanTooLong_YEAR', 'Välj en period på högst 240 år. 1900-01-01 till 2200-01-01 omfattar 301 år.'],
    ['0050-01-01', '2020-01-01', 'YEAR', 'from', 'insights.dateOutOfRange', 'Välj ett datum från 1900-01-01 till 2999-12-31.'],
  ])('refuses %s – %s by %s: %s', (from, to, interval, field, key, swedish) => {
    let error: unknown;
    try {
      bucketSpan(from, to, interval);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DomainError);
    const { code, fields } = error as DomainError;
    expect({ code, fields: fields.map((f) => ({ path: f.path, key: (f.message as Message).key })) }).toEqual({ code: 'BAD_USER_INPUT', fields: [{ path: [field], key }] });
    expect(textOf(fields[0].message)).toBe(swedish);
  });

  it(`allows exactly ${MAX_BUCKETS} buckets`, () => {
    expect(bucketSpan('2000-01-01', '2019-12-31', 'MONTH').count).toBe(MAX_BUCKETS);
  });
});
