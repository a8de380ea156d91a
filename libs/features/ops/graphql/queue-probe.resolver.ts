import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { QueueProbeService } from '../queue-probe.service.js';
import { Authorize, NodeRegistry, Public, type RequestContext } from '@samverka/engine';
import { QueueProbe, RequestQueueProbeInput, RequestQueueProbePayload } from './queue-probe.model.js';

@Resolver(() => QueueProbe)
export class QueueProbeResolver {
  constructor(
    private readonly probes: QueueProbeService,
    private readonly nodes: NodeRegistry,
  ) {}

  @Public()
  @Query(() => QueueProbe, { nullable: true, description: 'A queue probe, for operators and administrators; null otherwise' })
  async queueProbe(@Args('id', { type: () => ID }) id: string, @Context() context: RequestContext): Promise<QueueProbe | null> {
    return this.nodes.loadOne<QueueProbe>('QueueProbe', id, context);
  }

  @Authorize('ops.queueProbe')
  @Mutation(() => RequestQueueProbePayload, {
    description: 'Sends a diagnostic job through the queue, for operators (with the operations token) and administrators',
  })
  async requestQueueProbe(@Args('input') { holdMs }: RequestQueueProbeInput): Promise<RequestQueueProbePayload> {
    return { queueProbe: QueueProbe.from(await this.probes.request(holdMs)) };
  }
}
