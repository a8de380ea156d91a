import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Platform1764180000000 implements MigrationInterface {
  name = 'Platform1764180000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE queue_probe (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        hold_ms integer NOT NULL DEFAULT 0 CHECK (hold_ms BETWEEN 0 AND 600000),
        requested_at timestamptz NOT NULL DEFAULT now(),
        attempts integer NOT NULL DEFAULT 0,
        processed_at timestamptz,
        processed_by text
      )`);
    await q.query(`CREATE INDEX queue_probe_requested_at_idx ON queue_probe (requested_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE queue_probe`);
  }
}
