import { DomainError } from '../domain-error.js';
import { addMonths, assertDate, assertImpactValue, assertReportInterval, assertReportPeriod, periodsOverlap } from './impact-rules.js';

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return { field: (error as DomainError).field, message: (error as DomainError).message };
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
    expect(assertImpactValue(value, unit, 'values[0].value')).toBe(expected);
  });

  it.each([
    [2.5, 'PERSONS', 'whole number of persons'],
    [1.25, 'HOURS', 'at most 1 decimal for hours'],
    [0.0005, 'TONNES', 'at most 3 decimals for tonnes'],
    [-1, 'COUNT', 'must not be negative'],
    [Number.NaN, 'MEALS', 'must be a number of meals'],
    [1e12, 'PERSONS', 'at most 999999999'],
  ] as const)('refuses %p %s, naming the field and the rule', (value, unit, rule) => {
    const refused = refusal(() => assertImpactValue(value, unit, 'values[1].value'));
    expect(refused.field).toBe('values[1].value');
    expect(refused.message).toContain(rule);
  });
});

describe('report periods and intervals', () => {
  it('checks dates against the calendar', () => {
    expect(assertDate('2024-02-29', 'periodEnd')).toBe('2024-02-29');
    expect(refusal(() => assertDate('2025-02-29', 'periodEnd'))).toMatchObject({ field: 'periodEnd' });
    expect(refusal(() => assertDate('29/02/2024', 'periodStart'))).toMatchObject({ field: 'periodStart' });
  });

  it('takes a period of up to a year, ending after it starts and not starting in the future', () => {
    expect(() => assertReportPeriod('2026-01-01', '2026-03-31', '2026-11-26')).not.toThrow();
    expect(refusal(() => assertReportPeriod('2026-04-01', '2026-03-31', '2026-11-26')).field).toBe('periodEnd');
    expect(refusal(() => assertReportPeriod('2025-01-01', '2026-01-01', '2026-11-26')).field).toBe('periodEnd');
    expect(refusal(() => assertReportPeriod('2026-12-01', '2026-12-31', '2026-11-26')).field).toBe('periodStart');
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
  it.each([0, 2, 4, 24])('refuses every %d months', (months) => expect(refusal(() => assertReportInterval(months))).toMatchObject({ field: 'reportEveryMonths' }));
});
