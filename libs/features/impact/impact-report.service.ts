import { Inject, Injectable } from '@nestjs/common';
import { Database, CLOCK, type Clock } from '@samverka/engine';
import { ImpactRepository } from './impact.repository.js';
import { PartnershipRepository } from '@samverka/brokering';
import { type ImpactIndicatorEntity, type ImpactReportEntity, type PartnershipEntity } from '@samverka/schema';
import {
  assertId,
  assertImpactReportEditable,
  assertReportPeriod,
  DomainError,
  impactCorrectionOpen,
  impactReportAfter,
  impactReportOverlap,
  message,
  reportingWindow,
  swedishDate,
  type Actor,
  actorUserId,
} from '@samverka/domain';
import { NotificationService } from '@samverka/notifications';
import { text } from '@samverka/reference-data';
import type { EntityManager } from 'typeorm';
import { AuditService } from '@samverka/audit';
import { checkValues } from './impact-checks.js';

export interface ReportContent {
  periodStart?: string | null;
  periodEnd?: string | null;
  narrative?: string | null;
  values?: readonly { indicatorCode: string; value: number }[] | null;
}

const MAX_NARRATIVE = 5_000;

/**
 * The enterprise's side of impact reports: drafts, changes, submission, corrections and deletion of
 * drafts. Every write locks the partnership first, so reports of one partnership are written one at a
 * time (the overlap trigger takes the same lock, and stays the last line of defence).
 */
@Injectable()
export class ImpactReportService {
  constructor(
    private readonly database: Database,
    private readonly impact: ImpactRepository,
    private readonly partnerships: PartnershipRepository,
    private readonly notifications: NotificationService,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** A new draft for a period of an ACTIVE partnership (or one completed within the grace period) with agreed targets. */
  async create(actor: Actor, input: ReportContent & { partnershipId: string }): Promise<ImpactReportEntity> {
    const partnershipId = assertId(input.partnershipId, 'partnershipId');
    const period = { periodStart: input.periodStart ?? '', periodEnd: input.periodEnd ?? '' };
    return this.database.transaction(async ({ manager }) => {
      const partnership = await this.lockPartnership(partnershipId, manager);
      this.checkPeriod(partnership, period);
      const values = checkValues(input.values ?? [], await this.allowedIndicators(partnership, null, manager));
      await this.assertNoOverlap(partnership.id, period, [], null, manager);
      const report = await this.impact.createReport(
        { partnershipId, ...period, narrative: text(input.narrative, 'narrative', MAX_NARRATIVE), revision: 1, correctsId: null, createdBy: actorUserId(actor) },
        manager,
      );
      await this.impact.replaceValues(report.id, values, manager);
      await this.audit.record(actor, { action: 'impactReport.created', entityType: 'impactReport', entityId: report.id, data: { partnershipId, ...period, values } }, manager);
      return report;
    });
  }

  /** Changes a DRAFT or RETURNED report; a confirmed one is locked (file a correction). */
  async update(actor: Actor, id: string, version: number, changes: ReportContent, loaded?: ImpactReportEntity): Promise<ImpactReportEntity> {
    const reportId = assertId(id, 'id');
    const seen = await this.seen(reportId, loaded);
    assertImpactReportEditable(seen.status);
    const period = { periodStart: changes.periodStart ?? seen.periodStart, periodEnd: changes.periodEnd ?? seen.periodEnd };
    return this.database.transaction(async ({ manager }) => {
      const partnership = await this.lockPartnership(seen.partnershipId, manager);
      const current = await this.find(reportId, manager);
      if (current.version !== version) throw DomainError.stale('impact report', version);
      assertImpactReportEditable(current.status);
      this.checkPeriod(partnership, period);
      const corrected = current.correctsId ? await this.find(current.correctsId, manager) : null;
      const values = changes.values ? checkValues(changes.values, await this.allowedIndicators(partnership, corrected, manager)) : null;
      await this.assertNoOverlap(partnership.id, period, [current.id, ...(corrected ? [corrected.id] : [])], current.id, manager);
      const updated = await this.impact.updateReportIfVersion(
        reportId,
        version,
        { ...period, narrative: changes.narrative === undefined || changes.narrative === null ? current.narrative : text(changes.narrative, 'narrative', MAX_NARRATIVE) },
        manager,
      );
      if (!updated) throw DomainError.stale('impact report', version);
      if (values) await this.impact.replaceValues(reportId, values, manager);
      await this.audit.record(
        actor,
        { action: 'impactReport.updated', entityType: 'impactReport', entityId: reportId, data: { ...period, ...(values ? { values } : {}) } },
        manager,
      );
      return updated;
    });
  }

  /** Sends the report to the buyer: it needs a narrative and at least one value, for indicators still agreed. */
  async submit(actor: Actor, id: string, version: number, loaded?: ImpactReportEntity): Promise<ImpactReportEntity> {
    const reportId = assertId(id, 'id');
    const seen = await this.seen(reportId, loaded);
    return this.database.transaction(async (tx) => {
      const { manager } = tx;
      const partnership = await this.lockPartnership(seen.partnershipId, manager);
      const current = await this.find(reportId, manager);
      if (current.version !== version) throw DomainError.stale('impact report', version);
      const status = impactReportAfter(current.status, 'submit');
      this.checkPeriod(partnership, current);
      if (!current.narrative.trim()) throw DomainError.badInput('narrative', 'is needed before the report is submitted: tell the buyer what the figures mean');
      const values = await this.impact.valuesOf([reportId], manager);
      if (values.length === 0) throw DomainError.badInput('values', 'must hold at least one value before the report is submitted');
      const corrected = current.correctsId ? await this.find(current.correctsId, manager) : null;
      const allowed = await this.allowedIndicators(partnership, corrected, manager);
      const dropped = values.filter((v) => !allowed.has(v.indicatorCode)).map((v) => v.indicatorCode);
      if (dropped.length > 0) {
        throw DomainError.conflict(`The agreed targets no longer include ${dropped.join(', ')}: change the report's values before submitting it`);
      }
      const updated = await this.impact.updateReportIfVersion(
        reportId,
        version,
        { status, submittedAt: this.clock(), submittedBy: actorUserId(actor), returnComment: '' },
        manager,
      );
      if (!updated) throw DomainError.stale('impact report', version);
      await this.audit.record(actor, { action: 'impactReport.submitted', entityType: 'impactReport', entityId: reportId, data: { from: current.status, to: status } }, manager);
      await this.notifications.notify(tx, {
        kind: 'REPORT_SUBMITTED',
        subject: { type: 'impactReport', id: reportId },
        organizations: [partnership.buyerOrganizationId],
        exceptUserId: actorUserId(actor),
        title: message('impact.reportSubmittedTitle', { partnership: partnership.title }),
        body: [message(current.correctsId ? 'impact.correctionSubmittedBody' : 'impact.reportSubmittedBody', { from: current.periodStart, to: current.periodEnd })],
        data: { partnershipId: partnership.id, reportId, periodStart: current.periodStart, periodEnd: current.periodEnd, revision: current.revision },
        dedupeKey: `report-submitted:${reportId}:${updated.version}`,
      });
      return updated;
    });
  }

  /**
   * A correction of a CONFIRMED report: a new DRAFT, the next revision, with the same content unless
   * changed. The corrected report stays as it is until the buyer confirms the correction, which then
   * supersedes it. One open correction per report.
   */
  async correct(actor: Actor, id: string, changes: ReportContent, loaded?: ImpactReportEntity): Promise<ImpactReportEntity> {
    const reportId = assertId(id, 'id');
    const seen = await this.seen(reportId, loaded);
    const period = { periodStart: changes.periodStart ?? seen.periodStart, periodEnd: changes.periodEnd ?? seen.periodEnd };
    return this.database.transaction(async ({ manager }) => {
      const partnership = await this.lockPartnership(seen.partnershipId, manager);
      const original = await this.find(reportId, manager);
      if (original.status !== 'CONFIRMED') {
        throw DomainError.conflict(
          original.status === 'SUPERSEDED'
            ? 'This report has been replaced by a confirmed correction: correct that one'
            : `A ${original.status} report is changed, not corrected: only a CONFIRMED report is corrected`,
        );
      }
      const open = await this.impact.correctionOf(original.id, manager);
      if (open) throw impactCorrectionOpen(open);
      this.checkPeriod(partnership, period);
      const values = changes.values
        ? checkValues(changes.values, await this.allowedIndicators(partnership, original, manager))
        : (await this.impact.valuesOf([original.id], manager)).map((v) => ({ indicatorCode: v.indicatorCode, value: v.value }));
      await this.assertNoOverlap(partnership.id, period, [original.id], null, manager);
      const narrative = changes.narrative === undefined || changes.narrative === null ? original.narrative : text(changes.narrative, 'narrative', MAX_NARRATIVE);
      const correction = await this.impact.createReport(
        { partnershipId: partnership.id, ...period, narrative, revision: original.revision + 1, correctsId: original.id, createdBy: actorUserId(actor) },
        manager,
      );
      await this.impact.replaceValues(correction.id, values, manager);
      await this.audit.record(
        actor,
        {
          action: 'impactReport.correctionStarted',
          entityType: 'impactReport',
          entityId: correction.id,
          data: { corrects: original.id, revision: correction.revision, ...period, values },
        },
        manager,
      );
      return correction;
    });
  }

  /** Deletes a report the enterprise holds (a DRAFT, or one the buyer RETURNED); a confirmed one is locked. Returns it as it was. */
  async delete(actor: Actor, id: string, version: number, loaded?: ImpactReportEntity): Promise<ImpactReportEntity> {
    const reportId = assertId(id, 'id');
    const seen = await this.seen(reportId, loaded);
    return this.database.transaction(async ({ manager }) => {
      await this.lockPartnership(seen.partnershipId, manager);
      const current = await this.find(reportId, manager);
      if (current.version !== version) throw DomainError.stale('impact report', version);
      assertImpactReportEditable(current.status);
      if (!(await this.impact.deleteReportIfVersion(reportId, version, manager))) throw DomainError.stale('impact report', version);
      await this.audit.record(
        actor,
        {
          action: 'impactReport.deleted',
          entityType: 'impactReport',
          entityId: reportId,
          data: { partnershipId: current.partnershipId, periodStart: current.periodStart, periodEnd: current.periodEnd, status: current.status },
        },
        manager,
      );
      return current;
    });
  }

  // ------------------------------------------------------------ shared

  async find(id: string, manager?: EntityManager): Promise<ImpactReportEntity> {
    const report = await this.impact.findReport(id, manager);
    if (!report) throw DomainError.notFound('Impact report', id);
    return report;
  }

  /**
   * The report as first seen, before its partnership is locked: it only says which partnership to lock
   * (the report is read again under the lock). `loaded` is the report as the caller already read it (the
   * API's access guard), used when it is the one asked for.
   */
  private async seen(reportId: string, loaded: ImpactReportEntity | undefined): Promise<ImpactReportEntity> {
    return loaded?.id === reportId ? loaded : this.find(reportId);
  }

  private async lockPartnership(id: string, manager: EntityManager): Promise<PartnershipEntity> {
    const partnership = await this.partnerships.lock(id, manager);
    if (!partnership) throw DomainError.notFound('Partnership', id);
    return partnership;
  }

  /** The partnership takes reports now, and the period is a real one within its term, up to today. */
  private checkPeriod(partnership: PartnershipEntity, period: { periodStart: string; periodEnd: string }): void {
    const today = swedishDate(this.clock());
    const window = reportingWindow({ ...partnership, endedOn: partnership.endedAt ? swedishDate(partnership.endedAt) : null }, today);
    if (!window.open) throw DomainError.conflict(window.reason);
    assertReportPeriod(period.periodStart, period.periodEnd, today);
    if (period.periodStart < window.firstDay) throw DomainError.badInput('periodStart', `must not be before the partnership started on ${window.firstDay}: ${period.periodStart}`);
    if (period.periodEnd > window.lastDay) {
      throw DomainError.badInput(
        'periodEnd',
        `must not be after ${window.lastDay} (a period is reported once it has happened, within the partnership's term): ${period.periodEnd}`,
      );
    }
  }

  /** What a report's values may count: the agreed targets' indicators, and for a correction also those of the report it corrects. */
  private async allowedIndicators(partnership: PartnershipEntity, corrected: ImpactReportEntity | null, manager: EntityManager): Promise<Map<string, ImpactIndicatorEntity>> {
    const codes = (await this.impact.targetsOf([partnership.id], manager)).map((t) => t.indicatorCode);
    if (corrected) codes.push(...(await this.impact.valuesOf([corrected.id], manager)).map((v) => v.indicatorCode));
    // Key-share locked: an indicator's unit cannot change while a value is checked against it.
    return new Map((await this.impact.indicatorsByCodes(codes, manager, { share: true })).map((i) => [i.code, i]));
  }

  private async assertNoOverlap(
    partnershipId: string,
    period: { periodStart: string; periodEnd: string },
    exceptIds: string[],
    reportId: string | null,
    manager: EntityManager,
  ): Promise<void> {
    const [clash] = await this.impact.overlappingReports(partnershipId, period, exceptIds, reportId, manager);
    if (clash) throw impactReportOverlap(period, clash);
  }
}
