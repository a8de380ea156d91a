import { Column, Entity, PrimaryColumn } from 'typeorm';

export type AuditActorKind = 'anonymous' | 'user' | 'operator' | 'system';

/** Who did what to which record, and when. Append-only: the database refuses updates and deletes. */
@Entity({ name: 'audit_event' })
export class AuditEventEntity {
  @PrimaryColumn({ type: 'bigint', insert: false, update: false })
  id: string;

  @Column({ name: 'occurred_at', type: 'timestamptz', insert: false, update: false })
  occurredAt: Date;

  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId: string | null;

  @Column({ name: 'actor_kind', type: 'text' })
  actorKind: AuditActorKind;

  @Column({ type: 'text' })
  action: string;

  @Column({ name: 'entity_type', type: 'text' })
  entityType: string;

  @Column({ name: 'entity_id', type: 'text' })
  entityId: string;

  @Column({ type: 'jsonb' })
  data: Record<string, unknown>;
}
