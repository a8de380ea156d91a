import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ANONYMOUS, authorize } from '@samverka/domain';
import { byId, NodeRegistry } from '@samverka/engine';
import { QueueProbeRepository } from '../queue-probe.repository.js';
import { QueueProbe } from './queue-probe.model.js';

/** Queue probes as nodes: for operators and administrators ('ops.queueProbe'). */
@Injectable()
export class QueueProbeNodes implements OnModuleInit {
  constructor(
    private readonly nodes: NodeRegistry,
    private readonly probes: QueueProbeRepository,
  ) {}

  onModuleInit(): void {
    this.nodes.register({
      name: 'QueueProbe',
      table: 'queue_probe',
      load: async (ids, { req }) => {
        if (!authorize(req.actor ?? ANONYMOUS, 'ops.queueProbe', undefined).allowed) return ids.map(() => null);
        return byId(ids, await this.probes.findByIds(ids)).map((probe) => (probe ? QueueProbe.from(probe) : null));
      },
    });
  }
}
