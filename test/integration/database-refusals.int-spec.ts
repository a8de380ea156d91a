import { loadConfig, type DatabaseConfig, Database } from '@samverka/engine';
import { ImpactRepository } from '@samverka/impact';
import { loadReferenceData } from '@samverka/reference-data';
import { OfferRepository } from '@samverka/marketplace';
import { UserRepository } from '@samverka/accounts';
import { DomainError } from '@samverka/domain';
import { QueryFailedError } from 'typeorm';
import { createTestDatabase, describeWith, tempDir } from '../support/services.js';

/** The database's refusals reach the services as the DomainErrors the repositories map them to, on both databases. */
function refusalSuite(open: () => Promise<{ config: DatabaseConfig; cleanup(): Promise<void> | void }>) {
  let database: Database;
  let cleanup: () => Promise<void> | void;
  let serial = 0;

  const organization = async (kind: 'MUNICIPALITY' | 'SOCIAL_ENTERPRISE') => {
    serial += 1;
    const [{ id }] = await database.dataSource.query(
      `INSERT INTO organization (kind, name, org_number, municipality_code, county_code) VALUES ($1, $2, $3, '1281', '12') RETURNING id`,
      [kind, `Organisation ${serial}`, `55${String(serial).padStart(4, '0')}-0000`],
    );
    return id as string;
  };
  const partnership = async () => {
    const [{ id }] = await database.dataSource.query(
      `INSERT INTO partnership (buyer_organization_id, enterprise_organization_id, status, started_at, title, county_code, starts_on, targets_status)
       VALUES ($1, $2, 'ACTIVE', now(), 'Uppdrag', '12', '2025-01-01', 'AGREED') RETURNING id`,
      [await organization('MUNICIPALITY'), await organization('SOCIAL_ENTERPRISE')],
    );
    return id as string;
  };
  const newReport = (partnershipId: string, periodStart: string, periodEnd: string) => ({
    partnershipId,
    periodStart,
    periodEnd,
    narrative: '',
    revision: 1,
    correctsId: null,
    createdBy: null,
  });
  const refusalOf = (work: Promise<unknown>) =>
    work.then(
      () => {
        throw new Error('the database accepted what it should refuse');
      },
      (error: unknown) => error,
    );

  beforeAll(async () => {
    const opened = await open();
    cleanup = opened.cleanup;
    database = await Database.open(opened.config);
    await loadReferenceData(database.dataSource);
  });
  afterAll(async () => {
    await database?.close();
    await cleanup?.();
  });

  it('turns a unique violation into the CONFLICT the service gives, naming the field', async () => {
    const users = new UserRepository(database.dataSource);
    await users.create({ email: 'anna@lund.se', passwordHash: 'x', displayName: 'Anna' }, new Date());
    const refusal = await refusalOf(users.create({ email: 'anna@lund.se', passwordHash: 'y', displayName: 'Anna igen' }, new Date()));
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({
      code: 'CONFLICT',
      detail: { key: 'accounts.emailTaken' },
      fields: [{ path: ['email'], code: 'TAKEN', message: { key: 'accounts.emailTaken' } }],
    });
  });

  it('turns a partial unique index refusal into its CONFLICT', async () => {
    const needBuyer = await organization('MUNICIPALITY');
    const enterprise = await organization('SOCIAL_ENTERPRISE');
    const [{ id: needId }] = await database.dataSource.query(
      `INSERT INTO need (buyer_organization_id, title, description, form, status) VALUES ($1, 'Städning', 'Lokalvård', 'DIRECT_AWARD', 'PUBLISHED') RETURNING id`,
      [needBuyer],
    );
    const offers = new OfferRepository(database.dataSource);
    const offer = { needId, enterpriseOrganizationId: enterprise, createdBy: null, message: 'Vi städar', priceSek: null, proposedOutcomes: '' };
    await offers.create(offer);
    expect(await refusalOf(offers.create(offer))).toMatchObject({ code: 'CONFLICT', message: 'The enterprise already has an offer on this need' });
  });

  it("turns the overlap trigger's refusal into the service's BAD_USER_INPUT, naming the report it clashes with", async () => {
    const impact = new ImpactRepository(database.dataSource);
    const id = await partnership();
    const first = await database.transaction(({ manager }) => impact.createReport(newReport(id, '2025-01-01', '2025-03-31'), manager));
    const refusal = await refusalOf(database.transaction(({ manager }) => impact.createReport(newReport(id, '2025-03-01', '2025-05-31'), manager)));
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'periodStart',
      message: `periodStart and periodEnd (2025-03-01 – 2025-05-31) overlap the ${first.status} report for 2025-01-01 – 2025-03-31: a partnership's reports cover periods that do not overlap (correct a confirmed report instead of reporting its period again)`,
    });
    expect(await impact.reportsOf([id])).toHaveLength(1);
  });

  it("turns the lock trigger's refusal into the CONFLICT of a locked report, for the report and for its values", async () => {
    const impact = new ImpactRepository(database.dataSource);
    const id = await partnership();
    const report = await database.transaction(({ manager }) => impact.createReport(newReport(id, '2025-01-01', '2025-03-31'), manager));
    await database.dataSource.query(`UPDATE impact_report SET status = 'CONFIRMED', confirmed_at = now() WHERE id = $1`, [report.id]);
    const locked = { code: 'CONFLICT', message: 'A CONFIRMED impact report is locked: file a correction, which becomes a new version once the buyer confirms it' };
    const [{ version }] = await database.dataSource.query(`SELECT version FROM impact_report WHERE id = $1`, [report.id]);
    expect(await refusalOf(database.transaction(({ manager }) => impact.updateReportIfVersion(report.id, version, { narrative: 'Ändrad' }, manager)))).toMatchObject(locked);
    expect(await refusalOf(database.transaction(({ manager }) => impact.deleteReportIfVersion(report.id, version, manager)))).toMatchObject(locked);
    expect(await refusalOf(database.transaction(({ manager }) => impact.replaceValues(report.id, [{ indicatorCode: 'MATERIAL_REUSED', value: 1 }], manager)))).toMatchObject(
      locked,
    );
  });

  it('passes on a refusal the repository has no answer for, as the database gave it', async () => {
    const impact = new ImpactRepository(database.dataSource);
    const refusal = await refusalOf(
      database.transaction(({ manager }) => impact.createReport(newReport('00000000-0000-4000-8000-000000000000', '2025-01-01', '2025-03-31'), manager)),
    );
    expect(refusal).toBeInstanceOf(QueryFailedError);
    expect(refusal).toMatchObject({ driverError: expect.objectContaining({ code: '23503' }) });
  });
}

describe('database refusals on embedded PGlite', () => {
  refusalSuite(async () => {
    const folder = tempDir('refusals');
    return { config: loadConfig({ DATA_DIR: folder.dir }).database, cleanup: folder.remove };
  });
});

describeWith(['PostgreSQL'])('database refusals on PostgreSQL', () => {
  refusalSuite(async () => {
    const target = await createTestDatabase();
    return { config: loadConfig({ DATABASE_URL: target.url, REDIS_URL: 'redis://127.0.0.1:6379' }).database, cleanup: () => target.drop() };
  });
});
