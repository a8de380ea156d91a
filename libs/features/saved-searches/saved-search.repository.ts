import type { DataSource, EntityManager } from 'typeorm';
import type { NeedForm } from '@samverka/domain';

/** The needs filter a search keeps, as the public needs search takes it (checked and normalised). */
export interface SavedNeedFilter {
  search?: string;
  cpvCodes?: string[];
  sdgs?: number[];
  municipalityCode?: string;
  countyCode?: string;
  forms?: NeedForm[];
  budgetFromSek?: number;
  budgetToSek?: number;
}

/** The filter as SQL tests it against one need: the prefix tsquery and the CPV LIKE patterns. */
export interface SavedSearchCriteria {
  tsQuery?: string;
  cpvPatterns?: string[];
  sdgs?: number[];
  municipalityCode?: string;
  countyCode?: string;
  forms?: NeedForm[];
  budgetFromSek?: number;
  budgetToSek?: number;
}

export interface SavedSearchRow {
  id: string;
  organizationId: string;
  createdBy: string;
  name: string;
  filter: SavedNeedFilter;
  minScore: number;
  email: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface SavedSearchValues {
  name: string;
  filter: SavedNeedFilter;
  criteria: SavedSearchCriteria;
  minScore: number;
  email: boolean;
}

/** A saved search that a need fits, with the score its enterprise has for the need. */
export interface FittingSearch {
  id: string;
  name: string;
  organizationId: string;
  createdBy: string;
  email: boolean;
  score: number;
}

const COLUMNS = `id, organization_id AS "organizationId", created_by AS "createdBy", name, filter, min_score AS "minScore", email,
  created_at AS "createdAt", updated_at AS "updatedAt"`;

export class SavedSearchRepository {
  constructor(private readonly dataSource: DataSource) {}

  private q(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  /** The organisation's searches, oldest first. */
  async list(organizationId: string, manager?: EntityManager): Promise<SavedSearchRow[]> {
    return this.q(manager).query(`SELECT ${COLUMNS} FROM saved_search WHERE organization_id = $1 ORDER BY created_at, id`, [organizationId]);
  }

  async findInOrganization(id: string, organizationId: string, manager?: EntityManager): Promise<SavedSearchRow | null> {
    const rows: SavedSearchRow[] = await this.q(manager).query(`SELECT ${COLUMNS} FROM saved_search WHERE id = $1 AND organization_id = $2`, [id, organizationId]);
    return rows[0] ?? null;
  }

  /** The organisation's kind, locked against a second search saved at the same moment (the limit). */
  async lockOrganization(organizationId: string, manager: EntityManager): Promise<{ kind: string } | null> {
    const rows: { kind: string }[] = await manager.query(`SELECT kind FROM organization WHERE id = $1 FOR NO KEY UPDATE`, [organizationId]);
    return rows[0] ?? null;
  }

  async count(organizationId: string, manager: EntityManager): Promise<number> {
    const [{ count }] = (await manager.query(`SELECT count(*)::int AS count FROM saved_search WHERE organization_id = $1`, [organizationId])) as { count: number }[];
    return count;
  }

  async insert(organizationId: string, createdBy: string, values: SavedSearchValues, manager: EntityManager): Promise<SavedSearchRow> {
    const rows: SavedSearchRow[] = await manager.query(
      `INSERT INTO saved_search (organization_id, created_by, name, filter, criteria, min_score, email)
       VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6, $7) RETURNING ${COLUMNS}`,
      [organizationId, createdBy, values.name, JSON.stringify(values.filter), JSON.stringify(values.criteria), values.minScore, values.email],
    );
    return rows[0];
  }

  async update(id: string, values: SavedSearchValues, manager: EntityManager): Promise<SavedSearchRow> {
    const [rows] = (await manager.query(
      `UPDATE saved_search SET name = $2, filter = $3::jsonb, criteria = $4::jsonb, min_score = $5, email = $6, version = version + 1, updated_at = now()
       WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, values.name, JSON.stringify(values.filter), JSON.stringify(values.criteria), values.minScore, values.email],
    )) as [SavedSearchRow[], number];
    return rows[0];
  }

  async delete(id: string, manager: EntityManager): Promise<void> {
    await manager.query(`DELETE FROM saved_search WHERE id = $1`, [id]);
  }

  /**
   * The searches this need fits, of the enterprises scored for it at or above each search's minimum. Only
   * searches whose maker still belongs to the organisation count.
   */
  async fitting(needId: string, scores: readonly { organizationId: string; score: number }[], manager: EntityManager): Promise<FittingSearch[]> {
    if (scores.length === 0) return [];
    return manager.query(
      `WITH score AS (SELECT * FROM jsonb_to_recordset($2::jsonb) AS r(organization_id uuid, score real))
       SELECT s.id, s.name, s.organization_id AS "organizationId", s.created_by AS "createdBy", s.email, r.score
       FROM saved_search s
       JOIN score r ON r.organization_id = s.organization_id AND r.score >= s.min_score
       JOIN membership m ON m.organization_id = s.organization_id AND m.user_id = s.created_by
       JOIN need n ON n.id = $1
       WHERE (s.criteria->>'tsQuery' IS NULL OR n.search @@ to_tsquery('swedish', s.criteria->>'tsQuery'))
         AND (s.criteria->'cpvPatterns' IS NULL OR EXISTS (
               SELECT 1 FROM unnest(n.cpv_codes) AS c(code), jsonb_array_elements_text(s.criteria->'cpvPatterns') AS p(pattern) WHERE c.code LIKE p.pattern))
         AND (s.criteria->'sdgs' IS NULL OR EXISTS (
               SELECT 1 FROM jsonb_array_elements_text(s.criteria->'sdgs') AS g(goal) WHERE g.goal::smallint = ANY (n.sdgs)))
         AND (s.criteria->>'municipalityCode' IS NULL OR n.municipality_code = s.criteria->>'municipalityCode')
         AND (s.criteria->>'countyCode' IS NULL OR n.county_code = s.criteria->>'countyCode')
         AND (s.criteria->'forms' IS NULL OR n.form IN (SELECT jsonb_array_elements_text(s.criteria->'forms')))
         AND (s.criteria->>'budgetFromSek' IS NULL OR n.budget_max_sek IS NULL OR n.budget_max_sek >= (s.criteria->>'budgetFromSek')::bigint)
         AND (s.criteria->>'budgetToSek' IS NULL OR n.budget_min_sek IS NULL OR n.budget_min_sek <= (s.criteria->>'budgetToSek')::bigint)
       ORDER BY s.created_at, s.id`,
      [needId, JSON.stringify(scores.map((s) => ({ organization_id: s.organizationId, score: s.score })))],
    );
  }
}
