import { Injectable } from '@nestjs/common';
import { Database, Outbox } from '@samverka/engine';
import { QueueProbeRepository } from './queue-probe.repository.js';
import { type QueueProbeEntity } from '@samverka/schema';
import { DomainError } from '@samverka/domain';

export const MAX_PROBE_HOLD_MS = 600_000;

/** Round trips through the queue, so operators can see that jobs reach a consumer. */
@Injectable()
export class QueueProbeService {
  constructor(
    private readonly database: Database,
    private readonly probes: QueueProbeRepository,
    private readonly outbox: Outbox,
  ) {}

  async request(holdMs = 0): Promise<QueueProbeEntity> {
    if (!Number.isInteger(holdMs) || holdMs < 0 || holdMs > MAX_PROBE_HOLD_MS) {
      throw DomainError.badInput('holdMs', 'OUT_OF_RANGE', 'ops.holdMsRange', { max: MAX_PROBE_HOLD_MS });
    }
    return this.database.transaction(async (transaction) => {
      const probe = await this.probes.create(holdMs, transaction.manager);
      await this.outbox.publish(transaction, 'system.probe', { probeId: probe.id });
      return probe;
    });
  }
}
