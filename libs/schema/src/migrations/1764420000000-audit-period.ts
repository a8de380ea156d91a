import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The administrator's audit trail is filtered by when (from/to days) and by what (action): without these
 * the filtered page reads the whole trail backwards by id, which grows with every change on the platform.
 */
export class AuditPeriod1764420000000 implements MigrationInterface {
  name = 'AuditPeriod1764420000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX audit_event_occurred_idx ON audit_event (occurred_at, id)`);
    await q.query(`CREATE INDEX audit_event_action_idx ON audit_event (action, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX audit_event_action_idx`);
    await q.query(`DROP INDEX audit_event_occurred_idx`);
  }
}
