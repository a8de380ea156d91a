import { Injectable } from '@nestjs/common';
import type { Transaction } from '@samverka/database';
import { Outbox } from '@samverka/queue';

/**
 * What services call, inside their transaction, when they change what the matcher reads: a need, a
 * profile, or a partnership or impact report (the enterprise's track record). Each change is a row in
 * the outbox, written in that transaction; its job is enqueued after the commit, and if the queue
 * cannot be reached the request still succeeds: the outbox sweep enqueues it once the queue is back.
 */
@Injectable()
export class MatchingNotifier {
  constructor(private readonly outbox: Outbox) {}

  async needChanged(tx: Transaction, needId: string): Promise<void> {
    await this.outbox.publish(tx, 'matching.need', { needId });
  }

  async profileChanged(tx: Transaction, organizationId: string): Promise<void> {
    await this.outbox.publish(tx, 'matching.profile', { organizationId });
  }

  /**
   * Many profiles at once (an import's batch). With `enqueue: false` only the changes are recorded: the
   * import's end decides between their jobs and a rebuild (ImportMatching.afterImport).
   */
  async profilesChanged(tx: Transaction, organizationIds: readonly string[], options: { enqueue?: boolean } = {}): Promise<void> {
    await this.outbox.publishMany(tx, 'matching.profile', organizationIds.map((organizationId) => ({ organizationId })), options);
  }

  async needsChanged(tx: Transaction, needIds: readonly string[], options: { enqueue?: boolean } = {}): Promise<void> {
    await this.outbox.publishMany(tx, 'matching.need', needIds.map((needId) => ({ needId })), options);
  }
}
