import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { AuditEventEntity } from '@samverka/schema';
import { DateTimeScalar } from '@samverka/engine';

@ObjectType({ description: 'One entry of the audit trail: who did what to which record, and when' })
export class AuditEvent {
  @Field(() => ID)
  id: string;

  @Field(() => DateTimeScalar)
  occurredAt: Date;

  @Field({ description: 'user, operator, anonymous or system' })
  actorKind: string;

  @Field(() => ID, { nullable: true })
  actorUserId: string | null;

  @Field({ description: 'e.g. organization.verified, membership.removed' })
  action: string;

  @Field()
  entityType: string;

  @Field()
  entityId: string;

  @Field({ description: 'Details of the change, as JSON' })
  data: string;

  static from(entity: AuditEventEntity): AuditEvent {
    return Object.assign(new AuditEvent(), { ...entity, data: JSON.stringify(entity.data) });
  }
}
