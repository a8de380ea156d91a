import type { Actor } from '../access/actor.js';
import { addDays, impactReportVisibleTo, nextReportPeriod, REPORT_GRACE_DAYS, reportingWindow } from './impact-schedule.js';

describe('addDays', () => {
  it.each<[string, number, string]>([
    ['2026-01-31', 1, '2026-02-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-05-10', 0, '2026-05-10'],
  ])('%s + %d days = %s', (date, days, expected) => expect(addDays(date, days)).toBe(expected));
});

describe('nextReportPeriod', () => {
  const p = (startsOn: string, reportEveryMonths: number, endsOn: string | null = null) => ({ startsOn, endsOn, reportEveryMonths });
  it.each<[string, ReturnType<typeof p>, string | null, ReturnType<typeof nextReportPeriod>]>([
    ['the first quarter', p('2026-01-01', 3), null, { periodStart: '2026-01-01', periodEnd: '2026-03-31', dueOn: '2026-04-01' }],
    ['after the last report', p('2026-01-01', 3), '2026-03-31', { periodStart: '2026-04-01', periodEnd: '2026-06-30', dueOn: '2026-07-01' }],
    ['after a short report', p('2026-01-01', 3), '2026-01-31', { periodStart: '2026-02-01', periodEnd: '2026-04-30', dueOn: '2026-05-01' }],
    ['a month from the 31st', p('2026-01-31', 1), null, { periodStart: '2026-01-31', periodEnd: '2026-02-27', dueOn: '2026-02-28' }],
    ['a year', p('2026-07-01', 12), null, { periodStart: '2026-07-01', periodEnd: '2027-06-30', dueOn: '2027-07-01' }],
    ['cut at the agreed end', p('2026-01-01', 6, '2026-03-15'), null, { periodStart: '2026-01-01', periodEnd: '2026-03-15', dueOn: '2026-03-16' }],
    ['the agreed end reported', p('2026-01-01', 6, '2026-03-15'), '2026-03-15', null],
  ])('%s', (_what, partnership, lastPeriodEnd, expected) => expect(nextReportPeriod(partnership, lastPeriodEnd)).toEqual(expected));
});

describe('reportingWindow', () => {
  type Partnership = Parameters<typeof reportingWindow>[0];
  const base: Partnership = { status: 'ACTIVE', startsOn: '2026-01-01', endsOn: null, endedOn: null, targetsStatus: 'AGREED' };
  it.each<[string, Partial<Partnership>, string, ReturnType<typeof reportingWindow>]>([
    ['active: from the start to today', {}, '2026-06-10', { open: true, firstDay: '2026-01-01', lastDay: '2026-06-10' }],
    ['active with an agreed end passed: to the end', { endsOn: '2026-05-31' }, '2026-06-10', { open: true, firstDay: '2026-01-01', lastDay: '2026-05-31' }],
    ['completed: to the day it was completed', { status: 'COMPLETED', endedOn: '2026-06-01' }, '2026-06-10', { open: true, firstDay: '2026-01-01', lastDay: '2026-06-01' }],
    [
      'completed, on the grace period’s last day',
      { status: 'COMPLETED', endedOn: '2026-06-01' },
      addDays('2026-06-01', REPORT_GRACE_DAYS),
      { open: true, firstDay: '2026-01-01', lastDay: '2026-06-01' },
    ],
    [
      'completed, the day after the grace period',
      { status: 'COMPLETED', endedOn: '2026-06-01' },
      addDays('2026-06-01', REPORT_GRACE_DAYS + 1),
      { open: false, reason: { key: 'impact.reportingGraceOver', params: { endedOn: '2026-06-01', days: REPORT_GRACE_DAYS } } },
    ],
    ['terminated', { status: 'TERMINATED', endedOn: '2026-06-01' }, '2026-06-02', { open: false, reason: { key: 'impact.reportingTerminated' } }],
    ['targets proposed, not agreed', { targetsStatus: 'PROPOSED' }, '2026-06-10', { open: false, reason: { key: 'impact.reportingNoTargets' } }],
    ['no targets', { targetsStatus: 'NONE' }, '2026-06-10', { open: false, reason: { key: 'impact.reportingNoTargets' } }],
  ])('%s', (_what, overrides, today, expected) => {
    expect(reportingWindow({ ...base, ...overrides }, today)).toEqual(expected);
  });
});

describe('impactReportVisibleTo', () => {
  const user = (organizations: string[]): Actor => ({
    kind: 'user',
    userId: 'u',
    role: 'USER',
    coordinatorCounties: [],
    memberships: new Map(organizations.map((o) => [o, 'MEMBER'])),
  });
  const partnership = { enterpriseOrganizationId: 'enterprise' };
  it.each<[string, Actor, 'DRAFT' | 'SUBMITTED' | 'RETURNED' | 'CONFIRMED', boolean]>([
    ["a draft, for the enterprise's member", user(['enterprise']), 'DRAFT', true],
    ["a draft, for the buyer's member", user(['buyer']), 'DRAFT', false],
    ['a draft, for an administrator', { kind: 'user', userId: 'a', role: 'ADMIN', coordinatorCounties: [], memberships: new Map() }, 'DRAFT', false],
    ['a draft, for nobody signed in', { kind: 'anonymous' }, 'DRAFT', false],
    ["a submitted report, for the buyer's member", user(['buyer']), 'SUBMITTED', true],
    ["a returned report, for the buyer's member", user(['buyer']), 'RETURNED', true],
    ['a confirmed report', user([]), 'CONFIRMED', true],
  ])('%s', (_what, actor, status, visible) => expect(impactReportVisibleTo(actor, { status }, partnership)).toBe(visible));
});
