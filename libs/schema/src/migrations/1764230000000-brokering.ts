import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Brokering and impact: coordinators' introductions, partnerships with their terms and agreed impact
 * targets, the shared catalogue of impact indicators, impact reports, and the notification inbox.
 *
 * Rules the database keeps whatever the application does:
 * - one open introduction per need and enterprise;
 * - the current reports of a partnership cover periods that do not overlap (a trigger, under the
 *   partnership's row lock, so two reports filed at the same moment cannot both pass);
 * - a confirmed report and its values are locked: only its replacement by a confirmed correction
 *   (CONFIRMED → SUPERSEDED) may touch it;
 * - a report confirmed or superseded, like a partnership that starts or ends, changes the enterprise's
 *   track record, so its profile is marked for matching.
 */
export class Brokering1764230000000 implements MigrationInterface {
  name = 'Brokering1764230000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE introduction (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        need_id uuid NOT NULL REFERENCES need (id) ON DELETE CASCADE,
        enterprise_organization_id uuid NOT NULL REFERENCES organization (id),
        coordinator_user_id uuid REFERENCES app_user (id) ON DELETE SET NULL,
        county_code char(2) NOT NULL REFERENCES county (code),
        note text NOT NULL DEFAULT '',
        status text NOT NULL DEFAULT 'PROPOSED' CHECK (status IN ('PROPOSED', 'ACCEPTED', 'DECLINED', 'WITHDRAWN')),
        response_note text NOT NULL DEFAULT '',
        responded_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        responded_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    // A declined or withdrawn introduction may be followed by a new one; two open ones may not coexist.
    await q.query(`CREATE UNIQUE INDEX introduction_one_open ON introduction (need_id, enterprise_organization_id) WHERE status IN ('PROPOSED', 'ACCEPTED')`);
    await q.query(`CREATE INDEX introduction_need_idx ON introduction (need_id, created_at)`);
    await q.query(`CREATE INDEX introduction_enterprise_idx ON introduction (enterprise_organization_id, status, created_at)`);
    await q.query(`CREATE INDEX introduction_county_idx ON introduction (county_code, created_at)`);

    // A partnership carries what it is about (copied from the need, or given by the coordinator who
    // brokered it), so the library of good examples and the regional insights read one table.
    await q.query(`
      ALTER TABLE partnership
        ADD COLUMN title text,
        ADD COLUMN description text NOT NULL DEFAULT '',
        ADD COLUMN cpv_codes text[] NOT NULL DEFAULT '{}',
        ADD COLUMN sdgs smallint[] NOT NULL DEFAULT '{}',
        ADD COLUMN municipality_code char(4) REFERENCES municipality (code),
        ADD COLUMN county_code char(2) REFERENCES county (code),
        ADD COLUMN starts_on date,
        ADD COLUMN ends_on date,
        ADD COLUMN ended_at timestamptz,
        ADD COLUMN end_reason text NOT NULL DEFAULT '',
        ADD COLUMN introduction_id uuid REFERENCES introduction (id) ON DELETE SET NULL,
        ADD COLUMN brokered_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        ADD COLUMN created_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        ADD COLUMN report_every_months smallint NOT NULL DEFAULT 3 CHECK (report_every_months IN (1, 3, 6, 12)),
        ADD COLUMN targets_status text NOT NULL DEFAULT 'NONE' CHECK (targets_status IN ('NONE', 'PROPOSED', 'AGREED')),
        ADD COLUMN targets_proposed_by uuid REFERENCES organization (id),
        ADD COLUMN targets_agreed_at timestamptz,
        ADD COLUMN buyer_public boolean NOT NULL DEFAULT false,
        ADD COLUMN enterprise_public boolean NOT NULL DEFAULT false,
        ADD COLUMN public_summary text NOT NULL DEFAULT '',
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`);
    await q.query(`
      UPDATE partnership p
      SET title = n.title, description = n.description, cpv_codes = n.cpv_codes, sdgs = n.sdgs,
          municipality_code = n.municipality_code, county_code = COALESCE(n.county_code, o.county_code)
      FROM need n, organization o
      WHERE n.id = p.need_id AND o.id = p.buyer_organization_id`);
    await q.query(`UPDATE partnership p SET title = 'Partnerskap', county_code = o.county_code FROM organization o WHERE p.title IS NULL AND o.id = p.buyer_organization_id`);
    await q.query(`UPDATE partnership SET starts_on = (started_at AT TIME ZONE 'Europe/Stockholm')::date`);
    await q.query(`UPDATE partnership SET ended_at = started_at WHERE status <> 'ACTIVE'`);
    await q.query(`
      ALTER TABLE partnership
        ALTER COLUMN title SET NOT NULL,
        ALTER COLUMN county_code SET NOT NULL,
        ALTER COLUMN starts_on SET NOT NULL,
        ADD CONSTRAINT partnership_dates CHECK (ends_on IS NULL OR ends_on >= starts_on),
        ADD CONSTRAINT partnership_parties CHECK (buyer_organization_id <> enterprise_organization_id),
        ADD CONSTRAINT partnership_ended CHECK ((status = 'ACTIVE') = (ended_at IS NULL))`);
    await q.query(`CREATE INDEX partnership_county_idx ON partnership (county_code, status, starts_on)`);
    // The library of good examples pages newest first by (starts_on, id), both descending.
    await q.query(`CREATE INDEX partnership_public_idx ON partnership (starts_on DESC, id DESC) WHERE buyer_public AND enterprise_public`);
    // An introduction leads to at most one partnership (an award, or an agreement the coordinator records).
    await q.query(`CREATE UNIQUE INDEX partnership_introduction_key ON partnership (introduction_id) WHERE introduction_id IS NOT NULL`);
    await q.query(`CREATE INDEX partnership_cpv_idx ON partnership USING gin (cpv_codes)`);
    await q.query(`CREATE INDEX partnership_sdg_idx ON partnership USING gin (sdgs)`);
    // A region's enterprises include the nationwide ones (regional insights): an index scan, not a scan of every profile.
    await q.query(`CREATE INDEX enterprise_profile_nationwide_idx ON enterprise_profile (organization_id) WHERE nationwide`);

    await q.query(`
      CREATE TABLE impact_indicator (
        code text PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
        theme text NOT NULL CHECK (theme IN ('WORK_INTEGRATION', 'ENVIRONMENT', 'INCLUSION', 'WELFARE')),
        name_sv text NOT NULL CHECK (length(name_sv) BETWEEN 1 AND 200),
        name_en text NOT NULL CHECK (length(name_en) BETWEEN 1 AND 200),
        unit text NOT NULL CHECK (unit IN ('PERSONS', 'HOURS', 'TONNES', 'TONNES_CO2E', 'MEALS', 'COUNT')),
        sdgs smallint[] NOT NULL DEFAULT '{}',
        method_sv text NOT NULL,
        method_en text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await q.query(
      `
      INSERT INTO impact_indicator (code, theme, unit, sdgs, name_sv, name_en, method_sv, method_en) VALUES ${STARTER_INDICATORS.map(
        (_, i) => `($${i * 8 + 1}, $${i * 8 + 2}, $${i * 8 + 3}, $${i * 8 + 4}::smallint[], $${i * 8 + 5}, $${i * 8 + 6}, $${i * 8 + 7}, $${i * 8 + 8})`,
      ).join(', ')}`,
      STARTER_INDICATORS.flatMap((i) => [i.code, i.theme, i.unit, `{${i.sdgs.join(',')}}`, i.nameSv, i.nameEn, i.methodSv, i.methodEn]),
    );

    await q.query(`
      CREATE TABLE partnership_target (
        partnership_id uuid NOT NULL REFERENCES partnership (id) ON DELETE CASCADE,
        indicator_code text NOT NULL REFERENCES impact_indicator (code),
        target numeric(14, 3) NOT NULL CHECK (target >= 0),
        note text NOT NULL DEFAULT '',
        PRIMARY KEY (partnership_id, indicator_code)
      )`);

    await q.query(`
      CREATE TABLE impact_report (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        partnership_id uuid NOT NULL REFERENCES partnership (id) ON DELETE CASCADE,
        period_start date NOT NULL,
        period_end date NOT NULL,
        revision integer NOT NULL DEFAULT 1 CHECK (revision >= 1),
        corrects_id uuid UNIQUE REFERENCES impact_report (id),
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'SUBMITTED', 'RETURNED', 'CONFIRMED', 'SUPERSEDED')),
        narrative text NOT NULL DEFAULT '',
        return_comment text NOT NULL DEFAULT '',
        created_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        submitted_at timestamptz,
        submitted_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        confirmed_at timestamptz,
        confirmed_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        superseded_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CHECK (period_end >= period_start),
        CHECK ((corrects_id IS NULL) = (revision = 1)),
        CHECK ((status IN ('CONFIRMED', 'SUPERSEDED')) = (confirmed_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX impact_report_partnership_idx ON impact_report (partnership_id, period_start)`);
    await q.query(`CREATE INDEX impact_report_confirmed_idx ON impact_report (confirmed_at) WHERE status = 'CONFIRMED'`);
    // A region's confirmed impact, in total and by period end (regional insights), read per partnership.
    await q.query(`CREATE INDEX impact_report_confirmed_partnership_idx ON impact_report (partnership_id, period_end) WHERE status = 'CONFIRMED'`);
    await q.query(`
      CREATE TABLE impact_report_value (
        report_id uuid NOT NULL REFERENCES impact_report (id) ON DELETE CASCADE,
        indicator_code text NOT NULL REFERENCES impact_indicator (code),
        value numeric(14, 3) NOT NULL CHECK (value >= 0),
        PRIMARY KEY (report_id, indicator_code)
      )`);

    // Current reports (everything but a superseded one) cover periods that do not overlap; a correction
    // may overlap only the report it corrects. The partnership's row lock orders concurrent writers.
    await q.query(`
      CREATE FUNCTION impact_report_no_overlap() RETURNS trigger LANGUAGE plpgsql AS $$
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
      END $$`);
    await q.query(`
      CREATE TRIGGER impact_report_no_overlap BEFORE INSERT OR UPDATE OF period_start, period_end, status ON impact_report
      FOR EACH ROW EXECUTE FUNCTION impact_report_no_overlap()`);

    await q.query(`
      CREATE FUNCTION impact_report_locked() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          IF OLD.status IN ('CONFIRMED', 'SUPERSEDED') THEN
            RAISE EXCEPTION 'a confirmed impact report is locked: it cannot be deleted' USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'impact_report_locked';
          END IF;
          RETURN OLD;
        END IF;
        IF OLD.status = 'SUPERSEDED'
           OR (OLD.status = 'CONFIRMED' AND (NEW.status <> 'SUPERSEDED'
               OR (NEW.period_start, NEW.period_end, NEW.narrative, NEW.confirmed_at, NEW.partnership_id, NEW.revision)
                  IS DISTINCT FROM (OLD.period_start, OLD.period_end, OLD.narrative, OLD.confirmed_at, OLD.partnership_id, OLD.revision))) THEN
          RAISE EXCEPTION 'a confirmed impact report is locked: corrections are filed as a new version' USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'impact_report_locked';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER impact_report_locked BEFORE UPDATE OR DELETE ON impact_report FOR EACH ROW EXECUTE FUNCTION impact_report_locked()`);
    // Values change only while the report is with the enterprise (a draft, or returned by the buyer).
    await q.query(`
      CREATE FUNCTION impact_report_value_locked() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        report_status text;
      BEGIN
        SELECT status INTO report_status FROM impact_report WHERE id = COALESCE(NEW.report_id, OLD.report_id);
        IF report_status IS NOT NULL AND report_status NOT IN ('DRAFT', 'RETURNED') THEN
          RAISE EXCEPTION 'the values of a % impact report are locked', report_status USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'impact_report_locked';
        END IF;
        RETURN COALESCE(NEW, OLD);
      END $$`);
    await q.query(`
      CREATE TRIGGER impact_report_value_locked BEFORE INSERT OR UPDATE OR DELETE ON impact_report_value
      FOR EACH ROW EXECUTE FUNCTION impact_report_value_locked()`);

    // Confirmed impact is track record: the enterprise's features change, and its profile is matched again.
    await q.query(`
      CREATE FUNCTION matching_impact_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.status IS DISTINCT FROM OLD.status AND (NEW.status IN ('CONFIRMED', 'SUPERSEDED') OR OLD.status IN ('CONFIRMED', 'SUPERSEDED')) THEN
          UPDATE enterprise_profile SET feature_xid = pg_current_xact_id()
          WHERE organization_id = (SELECT enterprise_organization_id FROM partnership WHERE id = NEW.partnership_id);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER impact_report_matching AFTER UPDATE OF status ON impact_report FOR EACH ROW EXECUTE FUNCTION matching_impact_changed()`);

    await q.query(`
      CREATE TABLE notification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN (${NOTIFICATION_KINDS.map((k) => `'${k}'`).join(', ')})),
        organization_id uuid REFERENCES organization (id) ON DELETE CASCADE,
        subject_type text NOT NULL,
        subject_id uuid NOT NULL,
        title_sv text NOT NULL,
        title_en text NOT NULL,
        body_sv text NOT NULL DEFAULT '',
        body_en text NOT NULL DEFAULT '',
        data jsonb NOT NULL DEFAULT '{}'::jsonb,
        dedupe_key text NOT NULL,
        -- false: the person turned the inbox off for this kind and is only e-mailed.
        in_app boolean NOT NULL DEFAULT true,
        read_at timestamptz,
        email_status text NOT NULL DEFAULT 'NONE' CHECK (email_status IN ('NONE', 'PENDING', 'SENT', 'LOGGED', 'FAILED')),
        email_attempts integer NOT NULL DEFAULT 0,
        -- No delivery attempt before this: while one runs, its lease; after a failure, its backoff.
        email_next_attempt_at timestamptz,
        emailed_at timestamptz,
        email_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (user_id, dedupe_key)
      )`);
    await q.query(`CREATE INDEX notification_inbox_idx ON notification (user_id, created_at DESC, id DESC) WHERE in_app`);
    await q.query(`CREATE INDEX notification_unread_idx ON notification (user_id) WHERE in_app AND read_at IS NULL`);
    await q.query(`CREATE INDEX notification_email_pending_idx ON notification (created_at) WHERE email_status = 'PENDING'`);
    await q.query(`
      CREATE TABLE notification_preference (
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN (${NOTIFICATION_KINDS.map((k) => `'${k}'`).join(', ')})),
        in_app boolean NOT NULL,
        email boolean NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, kind)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notification_preference`);
    await q.query(`DROP TABLE notification`);
    await q.query(`DROP TRIGGER impact_report_matching ON impact_report`);
    await q.query(`DROP FUNCTION matching_impact_changed()`);
    await q.query(`DROP TABLE impact_report_value`);
    await q.query(`DROP FUNCTION impact_report_value_locked()`);
    await q.query(`DROP TABLE impact_report`);
    await q.query(`DROP FUNCTION impact_report_locked()`);
    await q.query(`DROP FUNCTION impact_report_no_overlap()`);
    await q.query(`DROP TABLE partnership_target`);
    await q.query(`DROP TABLE impact_indicator`);
    await q.query(`DROP INDEX enterprise_profile_nationwide_idx`);
    await q.query(`DROP INDEX partnership_sdg_idx`);
    await q.query(`DROP INDEX partnership_cpv_idx`);
    await q.query(`DROP INDEX partnership_introduction_key`);
    await q.query(`DROP INDEX partnership_public_idx`);
    await q.query(`DROP INDEX partnership_county_idx`);
    await q.query(`
      ALTER TABLE partnership
        DROP CONSTRAINT partnership_ended, DROP CONSTRAINT partnership_parties, DROP CONSTRAINT partnership_dates,
        DROP COLUMN updated_at, DROP COLUMN public_summary, DROP COLUMN enterprise_public, DROP COLUMN buyer_public,
        DROP COLUMN targets_agreed_at, DROP COLUMN targets_proposed_by, DROP COLUMN targets_status, DROP COLUMN report_every_months,
        DROP COLUMN created_by, DROP COLUMN brokered_by, DROP COLUMN introduction_id, DROP COLUMN end_reason, DROP COLUMN ended_at,
        DROP COLUMN ends_on, DROP COLUMN starts_on, DROP COLUMN county_code, DROP COLUMN municipality_code, DROP COLUMN sdgs,
        DROP COLUMN cpv_codes, DROP COLUMN description, DROP COLUMN title`);
    await q.query(`DROP TABLE introduction`);
  }
}

/** Every kind of notification (the same list as the domain's, fixed here as the migration saw it). */
const NOTIFICATION_KINDS = [
  'MATCH_STRONG',
  'OFFER_RECEIVED',
  'OFFER_STATUS_CHANGED',
  'INTRODUCTION_RECEIVED',
  'INTRODUCTION_MADE',
  'INTRODUCTION_ANSWERED',
  'PARTNERSHIP_STARTED',
  'PARTNERSHIP_TARGETS',
  'PARTNERSHIP_ENDED',
  'REPORT_DUE',
  'REPORT_SUBMITTED',
  'REPORT_CONFIRMED',
  'REPORT_RETURNED',
] as const;

export interface StarterIndicator {
  code: string;
  theme: 'WORK_INTEGRATION' | 'ENVIRONMENT' | 'INCLUSION' | 'WELFARE';
  unit: 'PERSONS' | 'HOURS' | 'TONNES' | 'TONNES_CO2E' | 'MEALS' | 'COUNT';
  sdgs: number[];
  nameSv: string;
  nameEn: string;
  methodSv: string;
  methodEn: string;
}

/**
 * The starter catalogue. Every indicator counts what happened within the report's period (people who
 * started, hours given, tonnes handled), never a stock, so values add up across periods, partnerships
 * and regions. A share is read from two counts, not reported as a percentage. Exported (through
 * @samverka/database) for checks of data that names indicators, such as the demo scenario's.
 */
export const STARTER_INDICATORS: StarterIndicator[] = [
  {
    code: 'WORK_TRAINING_PARTICIPANTS',
    theme: 'WORK_INTEGRATION',
    unit: 'PERSONS',
    sdgs: [8, 10],
    nameSv: 'Personer som påbörjat arbetsträning',
    nameEn: 'People who started work training',
    methodSv: 'Räkna varje person som påbörjat arbetsträning, praktik eller lönebidragsanställning inom uppdraget under perioden, en gång.',
    methodEn: 'Count each person who started work training, a placement or subsidised employment within the assignment during the period, once.',
  },
  {
    code: 'WORK_TRAINING_HOURS',
    theme: 'WORK_INTEGRATION',
    unit: 'HOURS',
    sdgs: [4, 8],
    nameSv: 'Timmar arbetsträning',
    nameEn: 'Hours of work training',
    methodSv: 'Summera de timmar deltagarna arbetstränat inom uppdraget under perioden, enligt tidrapport eller närvarolista.',
    methodEn: 'Add up the hours participants spent in work training within the assignment during the period, from time sheets or attendance lists.',
  },
  {
    code: 'MOVED_TO_EMPLOYMENT',
    theme: 'WORK_INTEGRATION',
    unit: 'PERSONS',
    sdgs: [8],
    nameSv: 'Personer som gått vidare till anställning',
    nameEn: 'People who moved on to employment',
    methodSv: 'Räkna deltagare som under perioden fått en anställning utan eller med lönestöd hos annan arbetsgivare, eller egen försörjning.',
    methodEn: 'Count participants who during the period took up employment, with or without wage support, with another employer, or became self-supporting.',
  },
  {
    code: 'MOVED_TO_STUDIES',
    theme: 'WORK_INTEGRATION',
    unit: 'PERSONS',
    sdgs: [4],
    nameSv: 'Personer som gått vidare till studier',
    nameEn: 'People who moved on to studies',
    methodSv: 'Räkna deltagare som under perioden börjat studera (komvux, folkhögskola, yrkeshögskola, högskola).',
    methodEn: 'Count participants who during the period started studies (adult education, folk high school, vocational or higher education).',
  },
  {
    code: 'EMPLOYEES_FAR_FROM_LABOUR_MARKET',
    theme: 'WORK_INTEGRATION',
    unit: 'PERSONS',
    sdgs: [8, 10],
    nameSv: 'Anställda som stått långt från arbetsmarknaden',
    nameEn: 'People hired who were far from the labour market',
    methodSv:
      'Räkna personer som anställts för uppdraget under perioden och som innan dess stått långt från arbetsmarknaden (enligt Arbetsförmedlingens bedömning eller motsvarande).',
    methodEn: 'Count people hired for the assignment during the period who were far from the labour market before (as assessed by the Public Employment Service or equivalent).',
  },
  {
    code: 'MATERIAL_REUSED',
    theme: 'ENVIRONMENT',
    unit: 'TONNES',
    sdgs: [12],
    nameSv: 'Återbrukat material',
    nameEn: 'Material reused',
    methodSv: 'Väg det material (möbler, textil, byggmaterial, elektronik) som under perioden tagits tillvara för återbruk, i ton.',
    methodEn: 'Weigh the material (furniture, textiles, building material, electronics) recovered for reuse during the period, in tonnes.',
  },
  {
    code: 'MATERIAL_RECYCLED',
    theme: 'ENVIRONMENT',
    unit: 'TONNES',
    sdgs: [12],
    nameSv: 'Material till materialåtervinning',
    nameEn: 'Material sent to recycling',
    methodSv: 'Väg det material som under perioden sorterats och lämnats till materialåtervinning, i ton.',
    methodEn: 'Weigh the material sorted and delivered to recycling during the period, in tonnes.',
  },
  {
    code: 'EMISSIONS_AVOIDED',
    theme: 'ENVIRONMENT',
    unit: 'TONNES_CO2E',
    sdgs: [13],
    nameSv: 'Undvikna utsläpp av växthusgaser',
    nameEn: 'Greenhouse gas emissions avoided',
    methodSv: 'Beräkna undvikna utsläpp i ton koldioxidekvivalenter med en redovisad schablon (t.ex. per ton återbrukat material eller per mil ersatt bilkörning).',
    methodEn: 'Estimate the emissions avoided in tonnes of CO2 equivalent with a stated factor (e.g. per tonne of material reused or per kilometre of car travel replaced).',
  },
  {
    code: 'FOOD_WASTE_PREVENTED',
    theme: 'ENVIRONMENT',
    unit: 'TONNES',
    sdgs: [2, 12],
    nameSv: 'Livsmedel räddade från svinn',
    nameEn: 'Food saved from waste',
    methodSv: 'Väg de livsmedel som under perioden tagits emot och använts i stället för att kasseras, i ton.',
    methodEn: 'Weigh the food received and used during the period instead of being thrown away, in tonnes.',
  },
  {
    code: 'MEALS_LOCAL_PRODUCE',
    theme: 'WELFARE',
    unit: 'MEALS',
    sdgs: [2, 12],
    nameSv: 'Måltider lagade på lokala råvaror',
    nameEn: 'Meals made from local produce',
    methodSv: 'Räkna de portioner som serverats under perioden där huvudråvarorna producerats inom länet.',
    methodEn: 'Count the portions served during the period whose main ingredients were produced within the county.',
  },
  {
    code: 'CARE_VISITS',
    theme: 'WELFARE',
    unit: 'COUNT',
    sdgs: [3],
    nameSv: 'Besök och insatser hos äldre eller personer med funktionsnedsättning',
    nameEn: 'Visits and services to older or disabled people',
    methodSv: 'Räkna genomförda besök eller insatser (t.ex. ledsagning, hemhjälp, sociala besök) under perioden.',
    methodEn: 'Count the visits or services carried out (e.g. escort, help at home, social visits) during the period.',
  },
  {
    code: 'HEALTH_ACTIVITY_PARTICIPANTS',
    theme: 'WELFARE',
    unit: 'PERSONS',
    sdgs: [3],
    nameSv: 'Deltagare i hälsofrämjande aktiviteter',
    nameEn: 'Participants in health-promoting activities',
    methodSv: 'Räkna de personer som under perioden för första gången deltagit i en hälsofrämjande aktivitet inom uppdraget.',
    methodEn: 'Count the people who during the period took part for the first time in a health-promoting activity within the assignment.',
  },
  {
    code: 'INCLUSION_PARTICIPANTS',
    theme: 'INCLUSION',
    unit: 'PERSONS',
    sdgs: [10, 16],
    nameSv: 'Deltagare i inkluderande verksamhet',
    nameEn: 'Participants in inclusive activities',
    methodSv: 'Räkna de personer (t.ex. nyanlända, unga, personer med funktionsnedsättning) som under perioden för första gången deltagit i verksamheten.',
    methodEn: 'Count the people (e.g. newly arrived, young people, disabled people) who took part in the activity for the first time during the period.',
  },
  {
    code: 'LANGUAGE_TRAINING_HOURS',
    theme: 'INCLUSION',
    unit: 'HOURS',
    sdgs: [4, 10],
    nameSv: 'Timmar språkträning',
    nameEn: 'Hours of language training',
    methodSv: 'Summera deltagartimmar i språkträning eller språkstöd inom uppdraget under perioden.',
    methodEn: 'Add up participant hours of language training or language support within the assignment during the period.',
  },
  {
    code: 'VOLUNTEER_HOURS',
    theme: 'INCLUSION',
    unit: 'HOURS',
    sdgs: [11, 17],
    nameSv: 'Ideella timmar',
    nameEn: 'Volunteer hours',
    methodSv: 'Summera de timmar ideella lagt inom uppdraget under perioden.',
    methodEn: 'Add up the hours volunteers gave within the assignment during the period.',
  },
  {
    code: 'YOUTH_SUMMER_JOBS',
    theme: 'INCLUSION',
    unit: 'PERSONS',
    sdgs: [8, 4],
    nameSv: 'Unga i sommar- eller feriejobb',
    nameEn: 'Young people in summer jobs',
    methodSv: 'Räkna unga (16–24 år) som under perioden haft sommar- eller feriejobb inom uppdraget.',
    methodEn: 'Count young people (16–24) who had a summer job within the assignment during the period.',
  },
];
