import { UseGuards } from '@nestjs/common';
import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { QueueProbeService } from '@samverka/platform';
import { OpsGuard } from '../ops/ops.guard.js';
import { QueueProbe } from './queue-probe.model.js';

@Resolver(() => QueueProbe)
@UseGuards(OpsGuard)
export class QueueProbeResolver {
  constructor(private readonly probes: QueueProbeService) {}

  @Query(() => QueueProbe, { description: 'A queue probe, for operators (needs the operations token)' })
  async queueProbe(@Args('id', { type: () => ID }) id: string): Promise<QueueProbe> {
    return QueueProbe.from(await this.probes.get(id));
  }

  @Mutation(() => QueueProbe, {
    description: 'Sends a diagnostic job through the queue, for operators (needs the operations token)',
  })
  async requestQueueProbe(
    @Args('holdMs', { type: () => Int, defaultValue: 0, description: 'Milliseconds the consumer holds the job, 0 to 600000' })
    holdMs: number,
  ): Promise<QueueProbe> {
    return QueueProbe.from(await this.probes.request(holdMs));
  }
}
