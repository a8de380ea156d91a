import { setTimeout as sleep } from 'node:timers/promises';
import { loadConfig, Database } from '@samverka/engine';
import { ImpactRepository } from '@samverka/impact';
import { loadReferenceData } from '@samverka/reference-data';
import { MatchingRepository } from '@samverka/matching';
import { addDays, nextReportPeriod } from '@samverka/domain';
import { createTestDatabase, describeWith, type TestDatabase } from '../support/services.js';

describeWith(['PostgreSQL'])('impact repository on PostgreSQL', () => {
  let target: TestDatabase;
  let database: Database;
  let impact: ImpactRepository;
  let buyer: string;
  let orgSerial = 0;

  const enterprise = async () => {
    orgSerial += 1;
    const [{ id }] = await database.dataSource.query(
      `INSERT INTO organization (kind, name, org_number, municipality_code, county_code) VALUES ('SOCIAL_ENTERPRISE', $1, $2, '1281', '12') RETURNING id`,
      [`Företag ${orgSerial}`, `55${String(orgSerial).padStart(4, '0')}-0000`],
    );
    await database.dataSource.query(`INSERT INTO enterprise_profile (organization_id) VALUES ($1)`, [id]);
    return id as string;
  };
  const partnership = async (enterpriseId: string, fields: { startsOn: string; endsOn?: string | null; every?: number; status?: string; targets?: string }) => {
    const [{ id }] = await database.dataSource.query(
      `INSERT INTO partnership (buyer_organization_id, enterprise_organization_id, status, started_at, ended_at, title, county_code, starts_on, ends_on, report_every_months, targets_status)
       VALUES ($1, $2, $3, now(), CASE WHEN $3 = 'ACTIVE' THEN NULL ELSE now() END, 'Uppdrag', '12', $4, $5, $6, $7) RETURNING id`,
      [buyer, enterpriseId, fields.status ?? 'ACTIVE', fields.startsOn, fields.endsOn ?? null, fields.every ?? 3, fields.targets ?? 'AGREED'],
    );
    return id as string;
  };
  const report = async (partnershipId: string, periodStart: string, periodEnd: string, status = 'DRAFT') => {
    const [{ id }] = await database.dataSource.query(
      `INSERT INTO impact_report (partnership_id, period_start, period_end, status, confirmed_at) VALUES ($1, $2, $3, $4, CASE WHEN $4 IN ('CONFIRMED', 'SUPERSEDED') THEN now() END) RETURNING id`,
      [partnershipId, periodStart, periodEnd, status],
    );
    return id as string;
  };

  beforeAll(async () => {
    target = await createTestDatabase();
    database = await Database.open(loadConfig({ DATABASE_URL: target.url, REDIS_URL: 'redis://127.0.0.1:6379' }).database);
    await loadReferenceData(database.dataSource);
    impact = new ImpactRepository(database.dataSource);
    [{ id: buyer }] = await database.dataSource.query(
      `INSERT INTO organization (kind, name, org_number, municipality_code, county_code) VALUES ('MUNICIPALITY', 'Lunds kommun', '212000-1132', '1281', '12') RETURNING id`,
    );
  });
  afterAll(async () => {
    await database?.close();
    await target?.drop();
  });

  // The SQL of reportsDue and the domain's nextReportPeriod state one rule twice: they must agree, month
  // ends and leap days included.
  it.each<[string, { startsOn: string; endsOn?: string; every: number; last?: [string, string] }]>([
    ['a quarter from the first of a month', { startsOn: '2025-01-01', every: 3 }],
    ['a month from the 31st (clamped to February’s end)', { startsOn: '2025-01-31', every: 1 }],
    ['a month from the 31st in a leap year', { startsOn: '2024-01-31', every: 1 }],
    ['a year from a leap day', { startsOn: '2024-02-29', every: 12 }],
    ['half a year after a report that ended on the 30th', { startsOn: '2025-01-01', every: 6, last: ['2025-01-01', '2025-04-30'] }],
    ['a quarter cut short by the agreed end', { startsOn: '2025-03-15', endsOn: '2025-05-01', every: 3 }],
  ])('finds the next report due as the domain does: %s', async (_what, c) => {
    const id = await partnership(await enterprise(), { startsOn: c.startsOn, endsOn: c.endsOn ?? null, every: c.every });
    if (c.last) await report(id, c.last[0], c.last[1]);
    const expected = nextReportPeriod({ startsOn: c.startsOn, endsOn: c.endsOn ?? null, reportEveryMonths: c.every }, c.last?.[1] ?? null)!;
    const due = async (on: string) => (await impact.reportsDue(on)).find((d) => d.partnershipId === id);
    expect(await due(addDays(expected.dueOn, -1))).toBeUndefined();
    expect(await due(expected.dueOn)).toMatchObject({ periodStart: expected.periodStart, periodEnd: expected.periodEnd, dueOn: expected.dueOn });
  });

  it('finds nothing due once the agreed end is reported, without agreed targets, or for a partnership that is not ACTIVE', async () => {
    const done = await partnership(await enterprise(), { startsOn: '2025-01-01', endsOn: '2025-02-15', every: 1 });
    await report(done, '2025-01-01', '2025-01-31');
    await report(done, '2025-02-01', '2025-02-15');
    const proposed = await partnership(await enterprise(), { startsOn: '2025-01-01', targets: 'PROPOSED' });
    const completed = await partnership(await enterprise(), { startsOn: '2025-01-01', status: 'COMPLETED' });
    const ids = (await impact.reportsDue('2026-01-01')).map((d) => d.partnershipId);
    expect(ids).not.toContain(done);
    expect(ids).not.toContain(proposed);
    expect(ids).not.toContain(completed);
  });

  it('counts the track record: completed partnerships and those with confirmed impact, never a terminated one', async () => {
    const id = await enterprise();
    const otherBuyer: string = (
      await database.dataSource.query(
        `INSERT INTO organization (kind, name, org_number, municipality_code, county_code) VALUES ('MUNICIPALITY', 'Lomma kommun', '212000-1140', '1262', '12') RETURNING id`,
      )
    )[0].id;
    await partnership(id, { startsOn: '2025-01-01' }); // ACTIVE, nothing confirmed: not counted
    const ongoing = await partnership(id, { startsOn: '2025-01-01' });
    await report(ongoing, '2025-01-01', '2025-03-31', 'CONFIRMED');
    await report(await partnership(id, { startsOn: '2024-01-01', status: 'COMPLETED' }), '2024-01-01', '2024-03-31', 'SUBMITTED'); // completed, not confirmed
    const completed = await partnership(id, { startsOn: '2024-01-01', status: 'COMPLETED' });
    await report(completed, '2024-01-01', '2024-03-31', 'SUPERSEDED');
    await report(completed, '2024-04-01', '2024-06-30', 'CONFIRMED');
    const terminated = await partnership(id, { startsOn: '2024-01-01', status: 'TERMINATED' });
    await report(terminated, '2024-01-01', '2024-03-31', 'CONFIRMED');
    await database.dataSource.query(`UPDATE partnership SET buyer_organization_id = $2 WHERE id = $1`, [terminated, otherBuyer]);
    expect(await new MatchingRepository(database.dataSource).profile(id)).toMatchObject({
      completedPartnerships: 2,
      completedWithImpact: 1,
      ongoingWithImpact: 1,
      // Once per counted partnership: the two completed and the ongoing one with confirmed impact.
      partnerBuyerIds: [buyer, buyer, buyer],
    });
  });

  it('lets only one of two reports filed at the same moment for overlapping periods in: the trigger waits on the partnership', async () => {
    const id = await partnership(await enterprise(), { startsOn: '2025-01-01' });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const first = database.transaction(async ({ manager }) => {
      await manager.query(`INSERT INTO impact_report (partnership_id, period_start, period_end) VALUES ($1, '2025-01-01', '2025-03-31')`, [id]);
      await held;
    });
    await sleep(100);
    const second = database.transaction(({ manager }) =>
      manager.query(`INSERT INTO impact_report (partnership_id, period_start, period_end) VALUES ($1, '2025-03-01', '2025-05-31')`, [id]),
    );
    await sleep(200);
    release();
    await first;
    await expect(second).rejects.toMatchObject({ driverError: expect.objectContaining({ code: '23P01', constraint: 'impact_report_no_overlap' }) });
    expect(await impact.reportsOf([id])).toHaveLength(1);
  });

  it('sums only confirmed reports into the totals', async () => {
    const id = await partnership(await enterprise(), { startsOn: '2025-01-01' });
    const values = async (reportId: string, value: number) =>
      database.dataSource.query(`INSERT INTO impact_report_value (report_id, indicator_code, value) VALUES ($1, 'MATERIAL_REUSED', $2)`, [reportId, value]);
    const confirmedLater = await report(id, '2025-01-01', '2025-01-31');
    await values(confirmedLater, 1.25);
    await database.dataSource.query(`UPDATE impact_report SET status = 'CONFIRMED', confirmed_at = now() WHERE id = $1`, [confirmedLater]);
    const draft = await report(id, '2025-02-01', '2025-02-28');
    await values(draft, 7);
    const second = await report(id, '2025-03-01', '2025-03-31');
    await values(second, 0.5);
    await database.dataSource.query(`UPDATE impact_report SET status = 'CONFIRMED', confirmed_at = now() WHERE id = $1`, [second]);
    expect(await impact.confirmedTotals([id])).toEqual([{ partnershipId: id, indicatorCode: 'MATERIAL_REUSED', total: 1.75, reports: 2 }]);
  });
});
