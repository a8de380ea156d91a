import { Inject, Injectable } from '@nestjs/common';
import type { Transaction } from '@samverka/database';
import type { JobName, JobPayload } from './jobs.js';
import { QUEUE_DRIVER, type EnqueueOptions, type QueueDriver } from './queue-driver.js';

export interface PublishOptions extends EnqueueOptions {
  /** Enqueue only once this transaction commits; nothing is enqueued when it rolls back. */
  transaction?: Transaction;
}

/** What services use to start jobs: never from inside an uncommitted transaction. */
@Injectable()
export class JobPublisher {
  constructor(@Inject(QUEUE_DRIVER) private readonly driver: QueueDriver) {}

  async publish<N extends JobName>(name: N, payload: JobPayload<N>, options: PublishOptions = {}): Promise<void> {
    const { transaction, ...enqueueOptions } = options;
    if (transaction) {
      transaction.afterCommit(() => this.driver.enqueue(name, payload, enqueueOptions));
    } else {
      await this.driver.enqueue(name, payload, enqueueOptions);
    }
  }
}
