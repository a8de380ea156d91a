import { Injectable, Logger } from '@nestjs/common';
import type { Transaction } from '@samverka/database';
import { MatchingService } from './matching.service.js';

/** How long a request waits for the queue before leaving the change to the sweep. */
const ENQUEUE_TIMEOUT_MS = 2_000;

/**
 * What services call when they change a need, a profile or a partnership. The change itself is already
 * in the matching outbox (database triggers put it there in the same transaction); this only starts its
 * job once the transaction commits. If the queue cannot be reached the request still succeeds: the
 * sweep enqueues the change again when the queue is back.
 */
@Injectable()
export class MatchingNotifier {
  private readonly logger = new Logger('Matching');

  constructor(private readonly matching: MatchingService) {}

  needChanged(tx: Transaction, needId: string): void {
    tx.afterCommit(() => this.safely(`need ${needId}`, () => this.matching.enqueueNeed(needId)));
  }

  profileChanged(tx: Transaction, organizationId: string): void {
    tx.afterCommit(() => this.safely(`profile ${organizationId}`, () => this.matching.enqueueProfile(organizationId)));
  }

  /** Many profiles at once (an import's batch): one look at the outbox, the jobs enqueued together. */
  profilesChanged(tx: Transaction, organizationIds: readonly string[]): void {
    tx.afterCommit(() => this.safely(`${organizationIds.length} profiles`, () => this.matching.enqueueMany('profile', organizationIds), ENQUEUE_TIMEOUT_MS * 5));
  }

  needsChanged(tx: Transaction, needIds: readonly string[]): void {
    tx.afterCommit(() => this.safely(`${needIds.length} needs`, () => this.matching.enqueueMany('need', needIds), ENQUEUE_TIMEOUT_MS * 5));
  }

  /** An import that changed many profiles has finished: see MatchingService.afterImport. */
  async importFinished(runId: string, profilesChanged: number): Promise<void> {
    await this.safely(`the ${profilesChanged} profiles of import ${runId}`, () => this.matching.afterImport(runId, profilesChanged).then(() => undefined), ENQUEUE_TIMEOUT_MS * 30);
  }

  private async safely(what: string, enqueue: () => Promise<void>, timeoutMs = ENQUEUE_TIMEOUT_MS): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        enqueue(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
        }),
      ]);
    } catch (error) {
      this.logger.warn(`could not enqueue matching of ${what} (${error instanceof Error ? error.message : String(error)}); the sweep will`);
    } finally {
      clearTimeout(timer);
    }
  }
}
