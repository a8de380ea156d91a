import { Injectable } from '@nestjs/common';
import { message } from '@samverka/domain';
import { Database } from '@samverka/engine';
import { ImpactRepository, type ReportDue } from './impact.repository.js';
import { NotificationService, type NotificationEvent } from '@samverka/notifications';

const CHUNK = 500;

/**
 * Reminds enterprises of the impact reports they owe: every ACTIVE partnership with agreed targets whose
 * next period has ended (see ImpactRepository.reportsDue) notifies the enterprise's members once per due
 * date, whatever the number of runs (the dedupe key names the partnership and the date).
 */
@Injectable()
export class ReportDueService {
  constructor(
    private readonly database: Database,
    private readonly impact: ImpactRepository,
    private readonly notifications: NotificationService,
  ) {}

  /** Notifies what is due on `today` (a date in Sweden, YYYY-MM-DD); returns the partnerships due and the notifications written. */
  async notifyDue(today: string): Promise<{ due: ReportDue[]; notified: number }> {
    const due = await this.impact.reportsDue(today);
    let notified = 0;
    // A few hundred reminders a statement: one transaction each chunk, not one per partnership.
    for (let start = 0; start < due.length; start += CHUNK) {
      const events = due.slice(start, start + CHUNK).map((item): NotificationEvent => ({
        kind: 'REPORT_DUE',
        subject: { type: 'partnership', id: item.partnershipId },
        organizations: [item.enterpriseOrganizationId],
        title: message('impact.reportDueTitle', { partnership: item.title }),
        body: [message('impact.reportDueBody', { from: item.periodStart, to: item.periodEnd, dueOn: item.dueOn })],
        data: { partnershipId: item.partnershipId, periodStart: item.periodStart, periodEnd: item.periodEnd, dueOn: item.dueOn },
        dedupeKey: `report-due:${item.partnershipId}:${item.dueOn}`,
      }));
      notified += (await this.database.transaction((tx) => this.notifications.notifyMany(tx, events))).length;
    }
    return { due, notified };
  }
}
