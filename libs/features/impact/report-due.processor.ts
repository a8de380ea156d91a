import { Inject, Logger } from '@nestjs/common';
import { swedishDate } from '@samverka/domain';
import { CLOCK, type Clock, JobHandler, type JobProcessor } from '@samverka/engine';
import { ReportDueService } from './report-due.service.js';

/** Hourly: reminds enterprises of impact reports that fell due today or earlier (today as the date in Sweden). */
@JobHandler('impact.reportDue')
export class ReportDueProcessor implements JobProcessor<'impact.reportDue'> {
  private readonly logger = new Logger('Impact');

  constructor(
    private readonly reports: ReportDueService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async handle(): Promise<void> {
    const { due, notified } = await this.reports.notifyDue(swedishDate(this.clock()));
    if (notified > 0) this.logger.log(`reminded ${notified} people of ${due.length} impact reports due`);
  }
}
