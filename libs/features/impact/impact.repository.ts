import type { DataSource, EntityManager } from 'typeorm';
import { DomainError, impactCorrectionOpen, impactReportLocked, impactReportOverlap, type ImpactReportStatus, type ImpactTheme } from '@samverka/domain';
import { translating, type PostgresRefusal, type RefusalMap, updateIfVersion } from '@samverka/engine';
import { ImpactIndicatorEntity, ImpactReportEntity, ImpactReportValueEntity, PartnershipTargetEntity } from '@samverka/schema';

export type ImpactIndicatorFields = Pick<ImpactIndicatorEntity, 'theme' | 'nameSv' | 'nameEn' | 'unit' | 'sdgs' | 'methodSv' | 'methodEn' | 'active'>;
export type ImpactReportFields = Pick<ImpactReportEntity, 'periodStart' | 'periodEnd' | 'narrative'>;

export interface NewImpactReport extends ImpactReportFields {
  partnershipId: string;
  revision: number;
  correctsId: string | null;
  createdBy: string | null;
}

/** A confirmed total: the sum of one indicator's values over a partnership's confirmed reports. */
export interface ImpactTotal {
  partnershipId: string;
  indicatorCode: string;
  total: number;
  /** How many confirmed reports the total adds up. */
  reports: number;
}

/** A partnership whose next impact report is due (see `reportsDue`). */
export interface ReportDue {
  partnershipId: string;
  title: string;
  enterpriseOrganizationId: string;
  buyerOrganizationId: string;
  periodStart: string;
  periodEnd: string;
  dueOn: string;
}

/** Postgres date + n months clamps to the month's end, as addMonths in the domain does. */
const NEXT_PERIODS = `
  WITH candidates AS (
    SELECT p.id, p.title, p.enterprise_organization_id, p.buyer_organization_id, p.report_every_months, p.ends_on,
           COALESCE((SELECT max(r.period_end) + 1 FROM impact_report r WHERE r.partnership_id = p.id AND r.status <> 'SUPERSEDED'), p.starts_on) AS period_start
    FROM partnership p
    WHERE p.status = 'ACTIVE' AND p.targets_status = 'AGREED'
  ), periods AS (
    SELECT c.*, LEAST((c.period_start + make_interval(months => c.report_every_months::int))::date - 1, c.ends_on) AS period_end
    FROM candidates c
    WHERE c.ends_on IS NULL OR c.period_start <= c.ends_on
  )`;

/**
 * What the trigger impact_report_no_overlap puts in its DETAIL (migration ImpactOverlapDetail): the
 * refused period and the report it clashes with.
 */
function overlapRefusal(refusal: PostgresRefusal): DomainError {
  const detail = JSON.parse(refusal.detail ?? 'null') as {
    periodStart: string;
    periodEnd: string;
    clash: { periodStart: string; periodEnd: string; status: string };
  } | null;
  if (detail) return impactReportOverlap(detail, detail.clash);
  // Without the DETAIL, the period is still in the message; the clash is not.
  const [, periodStart = '', periodEnd = ''] = /period (\S+) – (\S+) overlaps/.exec(refusal.message) ?? [];
  return impactReportOverlap({ periodStart, periodEnd }, null);
}

/** The database's refusals of report writes, as the service's checks word them. */
export const IMPACT_REPORT_REFUSALS: RefusalMap = {
  impact_report_no_overlap: overlapRefusal,
  // Raised by the triggers on impact_report (a confirmed report) and impact_report_value (its values).
  impact_report_locked: () => impactReportLocked(),
  impact_report_corrects_id_key: () => impactCorrectionOpen(null),
};

/**
 * The impact indicator catalogue, partnerships' targets, impact reports with their values, and the
 * confirmed totals. Writes take the caller's transaction.
 */
export class ImpactRepository {
  constructor(private readonly dataSource: DataSource) {}

  private q(manager?: EntityManager) {
    return manager ?? this.dataSource.manager;
  }

  // ------------------------------------------------------------ catalogue

  /** The catalogue by theme and code; active indicators only unless `includeRetired`. */
  async indicators(filter: { theme?: ImpactTheme; sdg?: number; includeRetired?: boolean } = {}): Promise<ImpactIndicatorEntity[]> {
    const query = this.q().getRepository(ImpactIndicatorEntity).createQueryBuilder('i');
    if (!filter.includeRetired) query.andWhere('i.active');
    if (filter.theme) query.andWhere('i.theme = :theme', { theme: filter.theme });
    if (filter.sdg !== undefined) query.andWhere(':sdg = ANY(i.sdgs)', { sdg: filter.sdg });
    return query.orderBy('i.theme').addOrderBy('i.code').getMany();
  }

  /**
   * Indicators by code. With `share`, each row is key-share locked until the transaction ends, so an
   * administrator cannot change its unit while a value checked against it is being written.
   */
  async indicatorsByCodes(codes: readonly string[], manager?: EntityManager, options: { share?: boolean } = {}): Promise<ImpactIndicatorEntity[]> {
    if (codes.length === 0) return [];
    const query = this.q(manager)
      .getRepository(ImpactIndicatorEntity)
      .createQueryBuilder('i')
      .where('i.code IN (:...codes)', { codes: [...new Set(codes)] });
    if (options.share) query.setLock('for_key_share');
    return query.getMany();
  }

  /** Reads the indicator and locks it against targets and values written meanwhile. */
  async lockIndicator(code: string, manager: EntityManager): Promise<ImpactIndicatorEntity | null> {
    return manager.getRepository(ImpactIndicatorEntity).createQueryBuilder('i').setLock('pessimistic_write').where('i.code = :code', { code }).getOne();
  }

  async createIndicator(indicator: ImpactIndicatorFields & { code: string }, manager: EntityManager): Promise<ImpactIndicatorEntity> {
    const repo = manager.getRepository(ImpactIndicatorEntity);
    await translating({ impact_indicator_pkey: () => new DomainError('CONFLICT', `An indicator with code ${indicator.code} already exists`, 'code') }, () =>
      repo.insert(repo.create(indicator)),
    );
    return repo.findOneByOrFail({ code: indicator.code });
  }

  async updateIndicatorIfVersion(code: string, expectedVersion: number, changes: Partial<ImpactIndicatorFields>, manager: EntityManager): Promise<ImpactIndicatorEntity | null> {
    return updateIfVersion(manager, ImpactIndicatorEntity, { column: 'code', value: code }, expectedVersion, changes);
  }

  /** Whether a target or a reported value uses the indicator (its unit is then fixed). */
  async indicatorInUse(code: string, manager?: EntityManager): Promise<boolean> {
    const [{ used }] = await this.q(manager).query(
      `SELECT EXISTS (SELECT 1 FROM partnership_target WHERE indicator_code = $1) OR EXISTS (SELECT 1 FROM impact_report_value WHERE indicator_code = $1) AS used`,
      [code],
    );
    return used;
  }

  // ------------------------------------------------------------ partnerships and targets

  /**
   * Reads the partnership and locks its row until the transaction ends: targets and reports of one
   * partnership are decided one at a time (the overlap trigger takes the same lock).
   */
  async replaceTargets(partnershipId: string, targets: readonly Omit<PartnershipTargetEntity, 'partnershipId'>[], manager: EntityManager): Promise<void> {
    await manager.query(`DELETE FROM partnership_target WHERE partnership_id = $1`, [partnershipId]);
    if (targets.length === 0) return;
    await manager.getRepository(PartnershipTargetEntity).insert(targets.map((t) => ({ ...t, partnershipId })));
  }

  /** The targets of these partnerships, by indicator code. */
  async targetsOf(partnershipIds: readonly string[], manager?: EntityManager): Promise<PartnershipTargetEntity[]> {
    if (partnershipIds.length === 0) return [];
    return this.q(manager)
      .getRepository(PartnershipTargetEntity)
      .createQueryBuilder('t')
      .where('t.partnershipId IN (:...partnershipIds)', { partnershipIds })
      .orderBy('t.indicatorCode')
      .getMany();
  }

  // ------------------------------------------------------------ reports

  async findReport(id: string, manager?: EntityManager): Promise<ImpactReportEntity | null> {
    return this.q(manager).getRepository(ImpactReportEntity).findOneBy({ id });
  }

  async findReports(ids: readonly string[]): Promise<ImpactReportEntity[]> {
    if (ids.length === 0) return [];
    return this.q().getRepository(ImpactReportEntity).createQueryBuilder('r').where('r.id IN (:...ids)', { ids }).getMany();
  }

  /** The reports of these partnerships, latest period first (a correction before what it corrects). */
  async reportsOf(partnershipIds: readonly string[], manager?: EntityManager, options: { statuses?: readonly ImpactReportStatus[] } = {}): Promise<ImpactReportEntity[]> {
    if (partnershipIds.length === 0) return [];
    const query = this.q(manager).getRepository(ImpactReportEntity).createQueryBuilder('r').where('r.partnershipId IN (:...partnershipIds)', { partnershipIds });
    if (options.statuses?.length) query.andWhere('r.status IN (:...statuses)', { statuses: options.statuses });
    return query.orderBy('r.periodStart', 'DESC').addOrderBy('r.revision', 'DESC').addOrderBy('r.id').getMany();
  }

  /**
   * The partnership's current reports (all but superseded ones) whose period shares a day with the
   * given one, leaving out `exceptIds` (the report itself, the report a correction corrects) and any
   * correction of `reportId`: the rule the overlap trigger keeps.
   */
  async overlappingReports(
    partnershipId: string,
    period: { periodStart: string; periodEnd: string },
    exceptIds: readonly string[],
    reportId: string | null,
    manager: EntityManager,
  ): Promise<ImpactReportEntity[]> {
    const query = manager
      .getRepository(ImpactReportEntity)
      .createQueryBuilder('r')
      .where("r.partnershipId = :partnershipId AND r.status <> 'SUPERSEDED'", { partnershipId })
      .andWhere('r.periodStart <= :periodEnd AND :periodStart <= r.periodEnd', period);
    if (exceptIds.length > 0) query.andWhere('r.id NOT IN (:...exceptIds)', { exceptIds });
    if (reportId !== null) query.andWhere('r.correctsId IS DISTINCT FROM :reportId', { reportId });
    return query.orderBy('r.periodStart').getMany();
  }

  /** The correction of this report, if one was filed (there is at most one: corrects_id is unique). */
  async correctionOf(reportId: string, manager?: EntityManager): Promise<ImpactReportEntity | null> {
    return this.q(manager).getRepository(ImpactReportEntity).findOneBy({ correctsId: reportId });
  }

  async createReport(report: NewImpactReport, manager: EntityManager): Promise<ImpactReportEntity> {
    const repo = manager.getRepository(ImpactReportEntity);
    const { id } = await translating(IMPACT_REPORT_REFUSALS, () => repo.save(repo.create({ ...report, status: 'DRAFT', returnComment: '' })));
    return repo.findOneByOrFail({ id });
  }

  async updateReportIfVersion(
    id: string,
    expectedVersion: number,
    changes: Partial<ImpactReportFields & Pick<ImpactReportEntity, 'status' | 'returnComment' | 'submittedAt' | 'submittedBy' | 'confirmedAt' | 'confirmedBy' | 'supersededAt'>>,
    manager: EntityManager,
  ): Promise<ImpactReportEntity | null> {
    return translating(IMPACT_REPORT_REFUSALS, () => updateIfVersion(manager, ImpactReportEntity, { column: 'id', value: id }, expectedVersion, changes));
  }

  /** Deletes the report if it still has `expectedVersion`; false when someone changed it first. */
  async deleteReportIfVersion(id: string, expectedVersion: number, manager: EntityManager): Promise<boolean> {
    const result = await translating(IMPACT_REPORT_REFUSALS, () =>
      manager.getRepository(ImpactReportEntity).createQueryBuilder().delete().where('id = :id AND version = :expectedVersion', { id, expectedVersion }).execute(),
    );
    return (result.affected ?? 0) === 1;
  }

  async replaceValues(reportId: string, values: readonly { indicatorCode: string; value: number }[], manager: EntityManager): Promise<void> {
    await translating(IMPACT_REPORT_REFUSALS, async () => {
      await manager.query(`DELETE FROM impact_report_value WHERE report_id = $1`, [reportId]);
      if (values.length === 0) return;
      await manager.getRepository(ImpactReportValueEntity).insert(values.map((v) => ({ reportId, indicatorCode: v.indicatorCode, value: v.value })));
    });
  }

  /** The values of these reports, by indicator code. */
  async valuesOf(reportIds: readonly string[], manager?: EntityManager): Promise<ImpactReportValueEntity[]> {
    if (reportIds.length === 0) return [];
    return this.q(manager)
      .getRepository(ImpactReportValueEntity)
      .createQueryBuilder('v')
      .where('v.reportId IN (:...reportIds)', { reportIds })
      .orderBy('v.indicatorCode')
      .getMany();
  }

  /** Per partnership and indicator, the sum over its CONFIRMED reports (superseded ones are replaced by their corrections). */
  async confirmedTotals(partnershipIds: readonly string[], manager?: EntityManager): Promise<ImpactTotal[]> {
    if (partnershipIds.length === 0) return [];
    const rows: { partnershipId: string; indicatorCode: string; total: string; reports: number }[] = await this.q(manager).query(
      `SELECT r.partnership_id AS "partnershipId", v.indicator_code AS "indicatorCode", sum(v.value)::text AS total, count(*)::int AS reports
       FROM impact_report r JOIN impact_report_value v ON v.report_id = r.id
       WHERE r.partnership_id = ANY($1::uuid[]) AND r.status = 'CONFIRMED'
       GROUP BY r.partnership_id, v.indicator_code
       ORDER BY r.partnership_id, v.indicator_code`,
      [partnershipIds],
    );
    return rows.map((r) => ({ ...r, total: Number(r.total) }));
  }

  // ------------------------------------------------------------ reports due

  /**
   * ACTIVE partnerships with agreed targets whose next report is due on `today` (a date, YYYY-MM-DD, in
   * Sweden) or earlier: the next period runs from the day after the last current report (or from the
   * start) for report_every_months months, cut at the agreed end, and is due the day after it ends.
   * The same rule as nextReportPeriod in the domain.
   */
  async reportsDue(today: string, manager?: EntityManager): Promise<ReportDue[]> {
    return this.q(manager).query(
      `${NEXT_PERIODS}
       SELECT id AS "partnershipId", title, enterprise_organization_id AS "enterpriseOrganizationId", buyer_organization_id AS "buyerOrganizationId",
              period_start::text AS "periodStart", period_end::text AS "periodEnd", (period_end + 1)::text AS "dueOn"
       FROM periods
       WHERE period_end + 1 <= $1::date
       ORDER BY period_end, id`,
      [today],
    );
  }
}
