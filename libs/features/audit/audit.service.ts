import { Injectable } from '@nestjs/common';
import { AuditRepository } from './audit.repository.js';
import type { Actor } from '@samverka/domain';
import type { EntityManager } from 'typeorm';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  data?: Record<string, unknown>;
}

/** Records who did what to which record, in the same transaction as the change. */
@Injectable()
export class AuditService {
  constructor(private readonly audit: AuditRepository) {}

  async record(actor: Actor | 'system', entry: AuditEntry, manager?: EntityManager): Promise<void> {
    const who =
      actor === 'system'
        ? { actorKind: 'system' as const, actorUserId: null }
        : actor.kind === 'user'
          ? { actorKind: 'user' as const, actorUserId: actor.userId }
          : { actorKind: actor.kind, actorUserId: null };
    await this.audit.append({ ...who, ...entry }, manager);
  }
}
