import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import type { QueueProbeEntity } from '@samverka/schema';
import { Node, DateTimeScalar } from '@samverka/engine';
import { MAX_PROBE_HOLD_MS } from '../queue-probe.service.js';

@ObjectType({ description: 'A diagnostic job sent through the queue to show that a consumer takes jobs', implements: () => [Node] })
export class QueueProbe {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'How long the consumer holds the job before it finishes it' })
  holdMs: number;

  @Field(() => DateTimeScalar)
  requestedAt: Date;

  @Field(() => Int, { description: 'How many times a consumer started the job (more than 1 after a retry)' })
  attempts: number;

  @Field(() => DateTimeScalar, { nullable: true })
  processedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'The consumer that finished it: host:pid' })
  processedBy: string | null;

  static from(entity: QueueProbeEntity): QueueProbe {
    return Object.assign(new QueueProbe(), {
      id: entity.id,
      holdMs: entity.holdMs,
      requestedAt: entity.requestedAt,
      attempts: entity.attempts,
      processedAt: entity.processedAt,
      processedBy: entity.processedBy,
    });
  }
}

@InputType()
export class RequestQueueProbeInput {
  @Field(() => Int, { defaultValue: 0, description: `Milliseconds the consumer holds the job, 0 to ${MAX_PROBE_HOLD_MS}` })
  holdMs: number;
}

@ObjectType()
export class RequestQueueProbePayload {
  @Field(() => QueueProbe, { description: 'The probe: follow it with the queueProbe query until processedAt is set' })
  queueProbe: QueueProbe;
}
