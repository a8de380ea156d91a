import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { QueueProbeService } from '../queue-probe.service.js';
import { Authorize } from '@samverka/engine';
import { QueueProbe, RequestQueueProbeInput, RequestQueueProbePayload } from './queue-probe.model.js';

@Resolver(() => QueueProbe)
export class QueueProbeResolver {
  constructor(private readonly probes: QueueProbeService) {}

  @Authorize('ops.queueProbe')
  @Query(() => QueueProbe, { description: 'A queue probe, for operators and administrators' })
  async queueProbe(@Args('id', { type: () => ID }) id: string): Promise<QueueProbe> {
    return QueueProbe.from(await this.probes.get(id));
  }

  @Authorize('ops.queueProbe')
  @Mutation(() => RequestQueueProbePayload, {
    description: 'Sends a diagnostic job through the queue, for operators (with the operations token) and administrators',
  })
  async requestQueueProbe(@Args('input') { holdMs }: RequestQueueProbeInput): Promise<RequestQueueProbePayload> {
    return { queueProbe: QueueProbe.from(await this.probes.request(holdMs)) };
  }
}
