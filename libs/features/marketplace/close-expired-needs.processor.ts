import { Logger } from '@nestjs/common';
import { AuditRepository } from '@samverka/audit';
import { Database, JobHandler, type JobProcessor } from '@samverka/engine';
import { NeedRepository } from './need.repository.js';

/**
 * Closes published needs whose response deadline has passed. Scheduled every minute; a need also stops
 * taking offers at its deadline whether or not this has run yet.
 */
@JobHandler('needs.closeExpired')
export class CloseExpiredNeedsProcessor implements JobProcessor<'needs.closeExpired'> {
  private readonly logger = new Logger('Needs');

  constructor(
    private readonly database: Database,
    private readonly needs: NeedRepository,
    private readonly audit: AuditRepository,
  ) {}

  async handle(): Promise<void> {
    const closed = await this.database.transaction(async ({ manager }) => {
      const ids = await this.needs.closeExpired(manager);
      for (const id of ids) {
        await this.audit.append({ actorKind: 'system', actorUserId: null, action: 'need.closed', entityType: 'need', entityId: id, data: { reason: 'deadline passed' } }, manager);
      }
      return ids;
    });
    if (closed.length > 0) this.logger.log(`closed ${closed.length} needs whose deadline passed`);
  }
}
