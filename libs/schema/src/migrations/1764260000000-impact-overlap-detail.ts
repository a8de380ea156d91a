import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The overlap trigger as it was created, for down(). */
const WITHOUT_DETAIL = `
  CREATE OR REPLACE FUNCTION impact_report_no_overlap() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    clash uuid;
  BEGIN
    IF NEW.status = 'SUPERSEDED' THEN
      RETURN NEW;
    END IF;
    PERFORM 1 FROM partnership WHERE id = NEW.partnership_id FOR NO KEY UPDATE;
    SELECT r.id INTO clash FROM impact_report r
    WHERE r.partnership_id = NEW.partnership_id AND r.id <> NEW.id AND r.status <> 'SUPERSEDED'
      AND r.id IS DISTINCT FROM NEW.corrects_id AND r.corrects_id IS DISTINCT FROM NEW.id
      AND daterange(r.period_start, r.period_end, '[]') && daterange(NEW.period_start, NEW.period_end, '[]')
    LIMIT 1;
    IF clash IS NOT NULL THEN
      RAISE EXCEPTION 'impact report period % – % overlaps report %', NEW.period_start, NEW.period_end, clash
        USING ERRCODE = 'exclusion_violation', CONSTRAINT = 'impact_report_no_overlap';
    END IF;
    RETURN NEW;
  END $$`;

/**
 * The overlap trigger's refusal also carries, as JSON in its DETAIL, the refused period and the report it
 * clashes with: the transaction is aborted by then, so the repository cannot look the clash up to answer
 * with the same message as the service's check. The message and the rule stay the same.
 */
export class ImpactOverlapDetail1764260000000 implements MigrationInterface {
  name = 'ImpactOverlapDetail1764260000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION impact_report_no_overlap() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        clash impact_report%ROWTYPE;
      BEGIN
        IF NEW.status = 'SUPERSEDED' THEN
          RETURN NEW;
        END IF;
        PERFORM 1 FROM partnership WHERE id = NEW.partnership_id FOR NO KEY UPDATE;
        SELECT r.* INTO clash FROM impact_report r
        WHERE r.partnership_id = NEW.partnership_id AND r.id <> NEW.id AND r.status <> 'SUPERSEDED'
          AND r.id IS DISTINCT FROM NEW.corrects_id AND r.corrects_id IS DISTINCT FROM NEW.id
          AND daterange(r.period_start, r.period_end, '[]') && daterange(NEW.period_start, NEW.period_end, '[]')
        LIMIT 1;
        IF clash.id IS NOT NULL THEN
          RAISE EXCEPTION 'impact report period % – % overlaps report %', NEW.period_start, NEW.period_end, clash.id
            USING ERRCODE = 'exclusion_violation', CONSTRAINT = 'impact_report_no_overlap',
              DETAIL = json_build_object(
                'periodStart', NEW.period_start, 'periodEnd', NEW.period_end,
                'clash', json_build_object('id', clash.id, 'status', clash.status, 'periodStart', clash.period_start, 'periodEnd', clash.period_end)
              )::text;
        END IF;
        RETURN NEW;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(WITHOUT_DETAIL);
  }
}
