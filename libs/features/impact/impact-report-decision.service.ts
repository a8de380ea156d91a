import { Outbox, Database, CLOCK, type Clock } from '@samverka/engine';
import { Inject, Injectable } from '@nestjs/common';
import { ImpactRepository } from './impact.repository.js';
import { PartnershipRepository } from '@samverka/brokering';
import { type ImpactReportEntity } from '@samverka/schema';
import { assertId, DomainError, impactReportAfter, message, type Actor, actorUserId } from '@samverka/domain';
import { NotificationService } from '@samverka/notifications';
import { text } from '@samverka/reference-data';
import type { EntityManager } from 'typeorm';
import { AuditService } from '@samverka/audit';

/**
 * The buyer's side of impact reports: confirming a submitted report (it is then locked, and a confirmed
 * correction supersedes the report it corrects in the same step) or returning it with a comment.
 */
@Injectable()
export class ImpactReportDecisionService {
  constructor(
    private readonly database: Database,
    private readonly impact: ImpactRepository,
    private readonly partnerships: PartnershipRepository,
    private readonly notifications: NotificationService,
    private readonly outbox: Outbox,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async confirm(actor: Actor, id: string, version: number): Promise<ImpactReportEntity> {
    const reportId = assertId(id, 'id');
    return this.database.transaction(async (tx) => {
      const { manager } = tx;
      const { partnership, report } = await this.locked(reportId, version, manager);
      const status = impactReportAfter(report.status, 'confirm');
      const now = this.clock();
      let superseded: ImpactReportEntity | null = null;
      if (report.correctsId) {
        const original = (await this.impact.findReport(report.correctsId, manager))!;
        const replaced = impactReportAfter(original.status, 'supersede');
        superseded = await this.impact.updateReportIfVersion(original.id, original.version, { status: replaced, supersededAt: now }, manager);
        if (!superseded) throw DomainError.conflict('The corrected report changed meanwhile: reload it and try again');
      }
      const confirmed = await this.impact.updateReportIfVersion(reportId, version, { status, confirmedAt: now, confirmedBy: actorUserId(actor) }, manager);
      if (!confirmed) throw DomainError.stale('impact report', version);
      await this.audit.record(
        actor,
        { action: 'impactReport.confirmed', entityType: 'impactReport', entityId: reportId, data: { partnershipId: partnership.id, supersedes: superseded?.id ?? null } },
        manager,
      );
      if (superseded) {
        await this.audit.record(actor, { action: 'impactReport.superseded', entityType: 'impactReport', entityId: superseded.id, data: { by: reportId } }, manager);
      }
      await this.notifications.notify(tx, {
        kind: 'REPORT_CONFIRMED',
        subject: { type: 'impactReport', id: reportId },
        organizations: [partnership.enterpriseOrganizationId],
        exceptUserId: actorUserId(actor),
        title: message('impact.reportConfirmedTitle', { partnership: partnership.title }),
        body: [message(report.correctsId ? 'impact.correctionConfirmedBody' : 'impact.reportConfirmedBody', { from: report.periodStart, to: report.periodEnd })],
        data: { partnershipId: partnership.id, reportId, periodStart: report.periodStart, periodEnd: report.periodEnd, supersedes: superseded?.id ?? null },
        dedupeKey: `report-confirmed:${reportId}`,
      });
      // Confirmed impact is track record: the trigger marked the enterprise's profile, this starts its job.
      await this.outbox.publish(tx, 'matching.profile', { organizationId: partnership.enterpriseOrganizationId });
      return confirmed;
    });
  }

  async return(actor: Actor, id: string, version: number, comment: string): Promise<ImpactReportEntity> {
    const reportId = assertId(id, 'id');
    const why = text(comment, 'comment', 2_000, 1);
    return this.database.transaction(async (tx) => {
      const { manager } = tx;
      const { partnership, report } = await this.locked(reportId, version, manager);
      const status = impactReportAfter(report.status, 'return');
      const returned = await this.impact.updateReportIfVersion(reportId, version, { status, returnComment: why }, manager);
      if (!returned) throw DomainError.stale('impact report', version);
      await this.audit.record(
        actor,
        { action: 'impactReport.returned', entityType: 'impactReport', entityId: reportId, data: { partnershipId: partnership.id, comment: why } },
        manager,
      );
      await this.notifications.notify(tx, {
        kind: 'REPORT_RETURNED',
        subject: { type: 'impactReport', id: reportId },
        organizations: [partnership.enterpriseOrganizationId],
        exceptUserId: actorUserId(actor),
        title: message('impact.reportReturnedTitle', { partnership: partnership.title }),
        body: [message('impact.reportReturnedBody', { from: report.periodStart, to: report.periodEnd }), message('impact.buyerComment', { comment: why })],
        data: { partnershipId: partnership.id, reportId, periodStart: report.periodStart, periodEnd: report.periodEnd, comment: why },
        dedupeKey: `report-returned:${reportId}:${returned.version}`,
      });
      return returned;
    });
  }

  /** The report under its partnership's lock, at the version the decision is based on. */
  private async locked(reportId: string, version: number, manager: EntityManager) {
    const seen = await this.impact.findReport(reportId, manager);
    if (!seen) throw DomainError.notFound('Impact report', reportId);
    const partnership = (await this.partnerships.lock(seen.partnershipId, manager))!;
    const report = await this.impact.findReport(reportId, manager);
    if (!report) throw DomainError.notFound('Impact report', reportId);
    if (report.version !== version) throw DomainError.stale('impact report', version);
    return { partnership, report };
  }
}
