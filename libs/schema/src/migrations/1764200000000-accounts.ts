import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Accounts1764200000000 implements MigrationInterface {
  name = 'Accounts1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL UNIQUE CHECK (email = lower(email)),
        password_hash text NOT NULL,
        display_name text NOT NULL,
        platform_role text NOT NULL DEFAULT 'USER' CHECK (platform_role IN ('USER', 'COORDINATOR', 'ADMIN')),
        password_changed_at timestamptz NOT NULL DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await q.query(`
      CREATE TABLE coordinator_region (
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        county_code char(2) NOT NULL REFERENCES county (code),
        PRIMARY KEY (user_id, county_code)
      )`);
    await q.query(`
      CREATE TABLE refresh_token (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        family_id uuid NOT NULL,
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        revoked_reason text
      )`);
    await q.query(`CREATE INDEX refresh_token_family_idx ON refresh_token (family_id)`);
    await q.query(`CREATE INDEX refresh_token_user_idx ON refresh_token (user_id)`);
    await q.query(`
      CREATE TABLE organization (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('MUNICIPALITY', 'REGION', 'SOCIAL_ENTERPRISE', 'SUPPORT_ORGANIZATION')),
        name text NOT NULL,
        org_number char(11) NOT NULL UNIQUE CHECK (org_number ~ '^[0-9]{6}-[0-9]{4}$'),
        municipality_code char(4) REFERENCES municipality (code),
        county_code char(2) NOT NULL REFERENCES county (code),
        website text,
        verified boolean NOT NULL DEFAULT false,
        verified_at timestamptz,
        verified_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CHECK (kind <> 'MUNICIPALITY' OR municipality_code IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX organization_county_idx ON organization (county_code, kind)`);
    await q.query(`CREATE INDEX organization_municipality_idx ON organization (municipality_code)`);
    await q.query(`CREATE INDEX organization_name_idx ON organization (lower(name), id)`);
    await q.query(`
      CREATE TABLE membership (
        organization_id uuid NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('OWNER', 'MEMBER')),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id, user_id)
      )`);
    await q.query(`CREATE INDEX membership_user_idx ON membership (user_id)`);
    await q.query(`
      CREATE TABLE invitation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
        email text NOT NULL CHECK (email = lower(email)),
        role text NOT NULL CHECK (role IN ('OWNER', 'MEMBER')),
        token_hash text NOT NULL UNIQUE,
        invited_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        accepted_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        revoked_at timestamptz
      )`);
    await q.query(`CREATE INDEX invitation_organization_idx ON invitation (organization_id)`);
    await q.query(`
      CREATE TABLE audit_event (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        actor_user_id uuid,
        actor_kind text NOT NULL CHECK (actor_kind IN ('anonymous', 'user', 'operator', 'system')),
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id text NOT NULL,
        data jsonb NOT NULL DEFAULT '{}'::jsonb
      )`);
    await q.query(`CREATE INDEX audit_event_entity_idx ON audit_event (entity_type, entity_id, id)`);
    await q.query(`CREATE INDEX audit_event_actor_idx ON audit_event (actor_user_id, id)`);
    // The audit trail is append-only: the database itself refuses changes and deletions.
    await q.query(`
      CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP;
      END
      $$`);
    await q.query(`
      CREATE TRIGGER audit_event_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_event
      FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()`);
    await q.query(`
      CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
      FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_event`);
    await q.query(`DROP FUNCTION audit_event_append_only()`);
    await q.query(`DROP TABLE invitation`);
    await q.query(`DROP TABLE membership`);
    await q.query(`DROP TABLE organization`);
    await q.query(`DROP TABLE refresh_token`);
    await q.query(`DROP TABLE coordinator_region`);
    await q.query(`DROP TABLE app_user`);
  }
}
