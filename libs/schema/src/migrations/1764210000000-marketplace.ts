import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Marketplace1764210000000 implements MigrationInterface {
  name = 'Marketplace1764210000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE enterprise_profile (
        organization_id uuid PRIMARY KEY REFERENCES organization (id) ON DELETE CASCADE,
        description text NOT NULL DEFAULT '',
        services text NOT NULL DEFAULT '',
        cpv_codes text[] NOT NULL DEFAULT '{}',
        sdgs smallint[] NOT NULL DEFAULT '{}',
        nationwide boolean NOT NULL DEFAULT false,
        municipality_codes text[] NOT NULL DEFAULT '{}',
        county_codes text[] NOT NULL DEFAULT '{}',
        employees integer CHECK (employees >= 0),
        annual_turnover_sek bigint CHECK (annual_turnover_sek >= 0),
        max_contract_sek bigint CHECK (max_contract_sek >= 0),
        legal_form text CHECK (legal_form IN ('EKONOMISK_FORENING', 'IDEELL_FORENING', 'STIFTELSE', 'AKTIEBOLAG_SVB', 'AKTIEBOLAG', 'OTHER')),
        ideburen boolean NOT NULL DEFAULT false,
        work_integrating boolean NOT NULL DEFAULT false,
        far_from_labour_market_share smallint CHECK (far_from_labour_market_share BETWEEN 0 AND 100),
        certifications text[] NOT NULL DEFAULT '{}',
        search tsvector GENERATED ALWAYS AS (to_tsvector('swedish', description || ' ' || services)) STORED,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE INDEX enterprise_profile_search_idx ON enterprise_profile USING gin (search)`);
    await q.query(`CREATE INDEX enterprise_profile_cpv_idx ON enterprise_profile USING gin (cpv_codes)`);
    await q.query(`CREATE INDEX enterprise_profile_sdg_idx ON enterprise_profile USING gin (sdgs)`);
    await q.query(`CREATE INDEX enterprise_profile_municipality_idx ON enterprise_profile USING gin (municipality_codes)`);
    await q.query(`CREATE INDEX enterprise_profile_county_idx ON enterprise_profile USING gin (county_codes)`);

    await q.query(`
      CREATE TABLE need (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        buyer_organization_id uuid NOT NULL REFERENCES organization (id),
        title text NOT NULL,
        description text NOT NULL DEFAULT '',
        cpv_codes text[] NOT NULL DEFAULT '{}',
        sdgs smallint[] NOT NULL DEFAULT '{}',
        municipality_code char(4) REFERENCES municipality (code),
        county_code char(2) REFERENCES county (code),
        budget_min_sek bigint CHECK (budget_min_sek >= 0),
        budget_max_sek bigint CHECK (budget_max_sek >= 0),
        form text NOT NULL CHECK (form IN ('DIRECT_AWARD', 'RESERVED_CONTRACT', 'PUBLIC_PROCUREMENT', 'IOP', 'INNOVATION_PARTNERSHIP', 'FUNDING_CALL')),
        wanted_impact text NOT NULL DEFAULT '',
        response_deadline timestamptz,
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'PUBLISHED', 'CLOSED', 'AWARDED', 'CANCELLED')),
        published_at timestamptz,
        closed_at timestamptz,
        decided_at timestamptz,
        created_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        search tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('swedish', title), 'A') || setweight(to_tsvector('swedish', description || ' ' || wanted_impact), 'B')
        ) STORED,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CHECK (budget_min_sek IS NULL OR budget_max_sek IS NULL OR budget_min_sek <= budget_max_sek)
      )`);
    await q.query(`CREATE INDEX need_status_deadline_idx ON need (status, response_deadline)`);
    await q.query(`CREATE INDEX need_buyer_idx ON need (buyer_organization_id, status)`);
    await q.query(`CREATE INDEX need_county_idx ON need (county_code, status)`);
    await q.query(`CREATE INDEX need_published_idx ON need (published_at DESC, id)`);
    await q.query(`CREATE INDEX need_search_idx ON need USING gin (search)`);
    await q.query(`CREATE INDEX need_cpv_idx ON need USING gin (cpv_codes)`);
    await q.query(`CREATE INDEX need_sdg_idx ON need USING gin (sdgs)`);

    await q.query(`
      CREATE TABLE offer (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        need_id uuid NOT NULL REFERENCES need (id) ON DELETE CASCADE,
        enterprise_organization_id uuid NOT NULL REFERENCES organization (id),
        message text NOT NULL DEFAULT '',
        price_sek bigint CHECK (price_sek >= 0),
        proposed_outcomes text NOT NULL DEFAULT '',
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'SUBMITTED', 'SHORTLISTED', 'ACCEPTED', 'DECLINED', 'WITHDRAWN')),
        submitted_at timestamptz,
        decided_at timestamptz,
        created_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    // One live offer per enterprise and need; a withdrawn one may be followed by a new one.
    await q.query(`CREATE UNIQUE INDEX offer_one_live_per_enterprise ON offer (need_id, enterprise_organization_id) WHERE status <> 'WITHDRAWN'`);
    // At most one accepted offer per need, whatever the application does.
    await q.query(`CREATE UNIQUE INDEX offer_one_accepted_per_need ON offer (need_id) WHERE status = 'ACCEPTED'`);
    await q.query(`CREATE INDEX offer_enterprise_idx ON offer (enterprise_organization_id, status)`);
    await q.query(`CREATE INDEX offer_need_idx ON offer (need_id, status)`);

    await q.query(`
      CREATE TABLE partnership (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        need_id uuid UNIQUE REFERENCES need (id),
        offer_id uuid UNIQUE REFERENCES offer (id),
        buyer_organization_id uuid NOT NULL REFERENCES organization (id),
        enterprise_organization_id uuid NOT NULL REFERENCES organization (id),
        status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'COMPLETED', 'TERMINATED')),
        started_at timestamptz NOT NULL DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE INDEX partnership_buyer_idx ON partnership (buyer_organization_id)`);
    await q.query(`CREATE INDEX partnership_enterprise_idx ON partnership (enterprise_organization_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE partnership`);
    await q.query(`DROP TABLE offer`);
    await q.query(`DROP TABLE need`);
    await q.query(`DROP TABLE enterprise_profile`);
  }
}
