import type { DomainError } from '../domain-error.js';
import type { Message } from '../messages/index.js';
import { addMonths, assertDate, assertImpactValue, assertReportInterval, assertReportPeriod, periodsOverlap } from './impact-rules.js';

/** The refusal's problems: each field's path, rule and message key with its parameters. */
const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as DomainError).fields.map((f) => ({ path: f.path, code: f.code, ...(f.message as Message) }));
  }
  throw new Error('expected a refusal');
};

describe('assertImpactValue', () => {
  it.each([
    [3, 'PERSONS', 3],
    [0, 'MEALS', 0],
    [12.5, 'HOURS', 12.5],
    [1.25, 'TONNES', 1.25],
    [0.1 + 0.2, 'TONNES_CO2E', 0.3],
  ] as const)('takes %p %s as %p', (value, unit, expected) => {
    expect(assertImpactValue(value, unit, ['values', 0, 'value'])).toBe(expected);
  });

  it.each([
    [2.5, 'PERSONS', 'INVALID_FORMAT', 'impact.valueNotWhole', { unit: 'PERSONS' }],
    [1.25, 'HOURS', 'INVALID_FORMAT', 'impact.valueTooManyDecimals', { count: 1, unit: 'HOURS' }],
    [0.0005, 'TONNES', 'INVALID_FORMAT', 'impact.valueTooManyDecimals', { count: 3, unit: 'TONNES' }],
    [-1, 'COUNT', 'OUT_OF_RANGE', 'impact.valueNegative', undefined],
    [Number.NaN, 'MEALS', 'INVALID_TYPE', 'impact.valueNotNumber', { unit: 'MEALS' }],
    [1e12, 'PERSONS', 'OUT_OF_RANGE', 'impact.valueTooLarge', { max: 999_999_999, unit: 'PERSONS' }],
  ] as const)('refuses %p %s, naming the field and the rule', (value, unit, code, key, params) => {
    expect(refusal(() => assertImpactValue(value, unit, ['values', 1, 'value']))).toEqual([{ path: ['values', 1, 'value'], code, key, ...(params ? { params } : {}) }]);
  });
});

describe('report periods and intervals', () => {
  it('checks dates against the calendar', () => {
    expect(assertDate('2024-02-29', 'periodEnd')).toBe('2024-02-29');
    expect(refusal(() => assertDate('2025-02-29', 'periodEnd'))).toEqual([
      { path: ['periodEnd'], code: 'INVALID', key: 'impact.dateNotInCalendar', params: { date: '2025-02-29' } },
    ]);
    expect(refusal(() => assertDate('29/02/2024', 'periodStart'))).toEqual([{ path: ['periodStart'], code: 'INVALID_FORMAT', key: 'impact.dateFormat' }]);
  });

  it('takes a period of up to a year, ending after it starts and not starting in the future', () => {
    expect(() => assertReportPeriod('2026-01-01', '2026-03-31', '2026-11-26')).not.toThrow();
    const paths = (periodStart: string, periodEnd: string) => refusal(() => assertReportPeriod(periodStart, periodEnd, '2026-11-26')).map((p) => [p.path[0], p.key]);
    expect(paths('2026-04-01', '2026-03-31')).toEqual([['periodEnd', 'impact.periodEndBeforeStart']]);
    expect(paths('2025-01-01', '2026-01-01')).toEqual([['periodEnd', 'impact.periodTooLong']]);
    expect(paths('2026-12-01', '2026-12-31')).toEqual([['periodStart', 'impact.periodStartInFuture']]);
    // Every problem at once.
    expect(paths('2027-02-01', '2027-01-31')).toEqual([
      ['periodEnd', 'impact.periodEndBeforeStart'],
      ['periodStart', 'impact.periodStartInFuture'],
    ]);
    expect(paths('2026-02-30', 'soon')).toEqual([
      ['periodStart', 'impact.dateNotInCalendar'],
      ['periodEnd', 'impact.dateFormat'],
    ]);
  });

  it('sees overlap when two periods share a day', () => {
    expect(periodsOverlap({ periodStart: '2026-01-01', periodEnd: '2026-03-31' }, { periodStart: '2026-03-31', periodEnd: '2026-06-30' })).toBe(true);
    expect(periodsOverlap({ periodStart: '2026-01-01', periodEnd: '2026-03-31' }, { periodStart: '2026-04-01', periodEnd: '2026-06-30' })).toBe(false);
  });

  it('adds months, clamped to the month end', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2026-03-15', -3)).toBe('2025-12-15');
  });

  it.each([1, 3, 6, 12])('reports every %d months', (months) => expect(assertReportInterval(months)).toBe(months));
  it.each([0, 2, 4, 24])('refuses every %d months', (months) =>
    expect(refusal(() => assertReportInterval(months))).toEqual([
      { path: ['reportEveryMonths'], code: 'UNKNOWN_VALUE', key: 'impact.reportInterval', params: { values: '1, 3, 6, 12' } },
    ]),
  );
});
