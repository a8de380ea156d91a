import os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { QueueProbeRepository } from './queue-probe.repository.js';
import { JobHandler, type JobProcessor, type JobPayload } from '@samverka/engine';

@JobHandler('system.probe')
export class QueueProbeProcessor implements JobProcessor<'system.probe'> {
  private readonly consumer = `${os.hostname()}:${process.pid}`;

  constructor(private readonly probes: QueueProbeRepository) {}

  async handle({ probeId }: JobPayload<'system.probe'>): Promise<void> {
    const probe = await this.probes.recordAttempt(probeId);
    if (!probe || probe.processedAt) return;
    if (probe.holdMs > 0) await sleep(probe.holdMs);
    await this.probes.markProcessed(probeId, this.consumer);
  }
}
