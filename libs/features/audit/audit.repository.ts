import type { DataSource, EntityManager } from 'typeorm';
import { AuditEventEntity, type AuditActorKind } from '@samverka/schema';

export interface NewAuditEvent {
  actorKind: AuditActorKind;
  actorUserId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  data?: Record<string, unknown>;
}

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  actorUserId?: string;
  action?: string;
  /** Swedish calendar days (YYYY-MM-DD), both included: the day starts and ends in Sweden's time. */
  from?: string;
  to?: string;
}

export class AuditRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Appends an event, in the caller's transaction so that it is kept exactly when the change is. */
  async append(event: NewAuditEvent, manager?: EntityManager): Promise<void> {
    await (manager ?? this.dataSource.manager).getRepository(AuditEventEntity).insert({ ...event, data: (event.data ?? {}) as never });
  }

  /** Newest first, paged by id. */
  async list(filter: AuditFilter, page: { limit: number; before?: string }): Promise<{ rows: AuditEventEntity[]; total: number }> {
    const query = this.dataSource.getRepository(AuditEventEntity).createQueryBuilder('a');
    if (filter.entityType) query.andWhere('a.entityType = :entityType', { entityType: filter.entityType });
    if (filter.entityId) query.andWhere('a.entityId = :entityId', { entityId: filter.entityId });
    if (filter.actorUserId) query.andWhere('a.actorUserId = :actorUserId', { actorUserId: filter.actorUserId });
    if (filter.action) query.andWhere('a.action = :action', { action: filter.action });
    if (filter.from) query.andWhere("a.occurredAt >= (CAST(:from AS date)::timestamp AT TIME ZONE 'Europe/Stockholm')", { from: filter.from });
    if (filter.to) query.andWhere("a.occurredAt < ((CAST(:to AS date) + 1)::timestamp AT TIME ZONE 'Europe/Stockholm')", { to: filter.to });
    const total = await query.getCount();
    if (page.before) query.andWhere('a.id < :before', { before: page.before });
    const rows = await query
      .orderBy('a.id', 'DESC')
      .limit(page.limit + 1)
      .getMany();
    return { rows, total };
  }
}
