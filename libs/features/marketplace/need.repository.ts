import type { DataSource, EntityManager } from 'typeorm';
import type { NeedForm, NeedStatus } from '@samverka/domain';
import { NeedEntity } from '@samverka/schema';
import { cpvPrefixPatterns, orderWithKeyset, type KeysetPosition, updateIfVersion } from '@samverka/engine';
import { compoundTsQuery, searchPartsOf } from '@samverka/reference-data';

export type NeedFields = Pick<
  NeedEntity,
  'title' | 'description' | 'cpvCodes' | 'sdgs' | 'municipalityCode' | 'countyCode' | 'budgetMinSek' | 'budgetMaxSek' | 'form' | 'wantedImpact' | 'responseDeadline'
>;

export interface NeedFilter {
  search?: string;
  cpvCodes8?: string[];
  sdgs?: number[];
  municipalityCode?: string;
  countyCode?: string;
  forms?: NeedForm[];
  statuses?: NeedStatus[];
  /** Needs whose budget range reaches into [budgetFromSek, budgetToSek]. */
  budgetFromSek?: number;
  budgetToSek?: number;
  deadlineFrom?: Date;
  deadlineTo?: Date;
  buyerOrganizationId?: string;
}

/**
 * Who may see which needs: everyone the public ones (a public status, and a verified buyer); members
 * their own organisations' other needs too.
 */
export type NeedVisibility = { all: true } | { all: false; publicStatuses: readonly NeedStatus[]; organizationIds: readonly string[] };

export const NEED_SORTS = ['PUBLISHED', 'DEADLINE', 'BUDGET', 'TITLE', 'RELEVANCE'] as const;
export type NeedSort = (typeof NEED_SORTS)[number];

/** The sorts; RELEVANCE ranks by the search query (`tsQuery`, SQL), whole words above compound parts. */
const SORTS = (tsQuery: string): Record<NeedSort, { expression: string; cast: string; direction: 'ASC' | 'DESC' }> => ({
  PUBLISHED: { expression: 'COALESCE(n.published_at, n.created_at)', cast: 'timestamptz', direction: 'DESC' },
  DEADLINE: { expression: "COALESCE(n.response_deadline, 'infinity'::timestamptz)", cast: 'timestamptz', direction: 'ASC' },
  BUDGET: { expression: 'COALESCE(n.budget_max_sek, -1)', cast: 'bigint', direction: 'DESC' },
  TITLE: { expression: 'lower(n.title)', cast: 'text', direction: 'ASC' },
  RELEVANCE: { expression: `ts_rank(n.search, ${tsQuery})`, cast: 'real', direction: 'DESC' },
});

/** The sort actually used (relevance needs search words) and the SQL type of its cursor values. */
export function needSortUsed(sort: NeedSort, search: string | undefined): { sort: NeedSort; cast: string } {
  const used = sort === 'RELEVANCE' && !(search && compoundTsQuery(search)) ? 'PUBLISHED' : sort;
  return { sort: used, cast: SORTS('')[used].cast };
}

/** The texts a need is found by (the generated `search` column has the same three). */
const SEARCHED: readonly (keyof NeedFields)[] = ['title', 'description', 'wantedImpact'];

export class NeedRepository {
  constructor(private readonly dataSource: DataSource) {}

  private needs(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(NeedEntity);
  }

  async create(need: NeedFields & { buyerOrganizationId: string; createdBy: string | null }, manager?: EntityManager): Promise<NeedEntity> {
    const repo = this.needs(manager);
    const { id } = await repo.save(repo.create({ ...need, ...searchPartsOf(need.title, need.description, need.wantedImpact), status: 'DRAFT' }));
    return repo.findOneByOrFail({ id });
  }

  async findById(id: string, manager?: EntityManager): Promise<NeedEntity | null> {
    return this.needs(manager).findOneBy({ id });
  }

  async findByIds(ids: readonly string[], manager?: EntityManager): Promise<NeedEntity[]> {
    if (ids.length === 0) return [];
    return this.needs(manager).createQueryBuilder('n').where('n.id IN (:...ids)', { ids }).getMany();
  }

  /** Reads the need and locks its row until the transaction ends: decisions on a need queue up here. */
  async lock(id: string, manager: EntityManager): Promise<NeedEntity | null> {
    // FOR NO KEY UPDATE: decisions on the need still queue up here, while rows that only refer to the
    // need (a match written by a job meanwhile) do not wait for it.
    return manager.getRepository(NeedEntity).createQueryBuilder('n').setLock('for_no_key_update').where('n.id = :id', { id }).getOne();
  }

  /** Reads the need and holds it against decisions until the transaction ends (offers queue behind an award). */
  async lockShared(id: string, manager: EntityManager): Promise<NeedEntity | null> {
    return manager.getRepository(NeedEntity).createQueryBuilder('n').setLock('pessimistic_read').where('n.id = :id', { id }).getOne();
  }

  /** Applies the changes if the need still has `expectedVersion`; null when someone changed it first. */
  async updateIfVersion(
    id: string,
    expectedVersion: number,
    changes: Partial<NeedFields & Pick<NeedEntity, 'status' | 'publishedAt' | 'closedAt' | 'decidedAt'>>,
    manager?: EntityManager,
  ): Promise<NeedEntity | null> {
    const db = manager ?? this.dataSource.manager;
    let withParts: typeof changes & Partial<Pick<NeedEntity, 'searchParts' | 'searchPartsVersion'>> = changes;
    if (SEARCHED.some((field) => changes[field] !== undefined)) {
      // The parts are of all three texts: those not changed are read (in the same transaction).
      const current = SEARCHED.every((field) => changes[field] !== undefined) ? undefined : await this.findById(id, db);
      const text = (field: 'title' | 'description' | 'wantedImpact') => changes[field] ?? current?.[field];
      withParts = { ...changes, ...searchPartsOf(text('title'), text('description'), text('wantedImpact')) };
    }
    return updateIfVersion(db, NeedEntity, { column: 'id', value: id }, expectedVersion, withParts);
  }

  /** Closes every published need whose deadline has passed; returns their ids. */
  /** Closes every published need whose deadline has passed by the database's clock; returns their ids. */
  async closeExpired(manager?: EntityManager): Promise<string[]> {
    const [rows]: [{ id: string }[], number] = await (manager ?? this.dataSource.manager).query(
      `UPDATE need SET status = 'CLOSED', closed_at = now(), updated_at = now(), version = version + 1
       WHERE status = 'PUBLISHED' AND response_deadline <= now() RETURNING id`,
    );
    return rows.map((r) => r.id);
  }

  async search(
    filter: NeedFilter,
    visibility: NeedVisibility,
    sort: NeedSort,
    page: { limit: number; after?: KeysetPosition },
  ): Promise<{ rows: NeedEntity[]; sortValues: string[]; total: number }> {
    const query = this.needs().createQueryBuilder('n');
    if (!visibility.all) {
      query.andWhere(
        visibility.organizationIds.length > 0
          ? '((n.status IN (:...publicStatuses) AND n.buyer_verified) OR n.buyer_organization_id IN (:...visibleOrganizations))'
          : '(n.status IN (:...publicStatuses) AND n.buyer_verified)',
        { publicStatuses: visibility.publicStatuses, visibleOrganizations: visibility.organizationIds },
      );
    }
    const tsQuery = filter.search ? compoundTsQuery(filter.search) : undefined;
    if (filter.search) query.andWhere(tsQuery ? `n.search @@ ${tsQuery.expression}` : 'false', tsQuery?.parameters ?? {});
    if (filter.cpvCodes8?.length) {
      query.andWhere('EXISTS (SELECT 1 FROM unnest(n.cpv_codes) AS c(code) WHERE c.code LIKE ANY (:cpvPatterns))', { cpvPatterns: cpvPrefixPatterns(filter.cpvCodes8) });
    }
    if (filter.sdgs?.length) query.andWhere('n.sdgs && CAST(:sdgs AS smallint[])', { sdgs: filter.sdgs });
    if (filter.municipalityCode) query.andWhere('n.municipality_code = :municipalityCode', { municipalityCode: filter.municipalityCode });
    if (filter.countyCode) query.andWhere('n.county_code = :countyCode', { countyCode: filter.countyCode });
    if (filter.forms?.length) query.andWhere('n.form IN (:...forms)', { forms: filter.forms });
    if (filter.statuses?.length) query.andWhere('n.status IN (:...statuses)', { statuses: filter.statuses });
    if (filter.budgetFromSek !== undefined) query.andWhere('(n.budget_max_sek IS NULL OR n.budget_max_sek >= :budgetFromSek)', { budgetFromSek: filter.budgetFromSek });
    if (filter.budgetToSek !== undefined) query.andWhere('(n.budget_min_sek IS NULL OR n.budget_min_sek <= :budgetToSek)', { budgetToSek: filter.budgetToSek });
    if (filter.deadlineFrom) query.andWhere('n.response_deadline >= :deadlineFrom', { deadlineFrom: filter.deadlineFrom });
    if (filter.deadlineTo) query.andWhere('n.response_deadline <= :deadlineTo', { deadlineTo: filter.deadlineTo });
    if (filter.buyerOrganizationId) query.andWhere('n.buyer_organization_id = :buyer', { buyer: filter.buyerOrganizationId });

    const total = await query.getCount();
    const chosen = SORTS(tsQuery?.expression ?? '')[needSortUsed(sort, filter.search).sort];
    orderWithKeyset(query, chosen.expression, chosen.cast, 'n.id', chosen.direction, page.after);
    query.addSelect(`(${chosen.expression})::text`, 'sort_value').limit(page.limit + 1);
    const { entities, raw } = await query.getRawAndEntities<{ sort_value: string }>();
    return { rows: entities, sortValues: raw.map((r) => r.sort_value), total };
  }

  /** The buyer's published needs (to be matched again when its verification changes). */
  async publishedIdsOf(buyerOrganizationId: string, manager?: EntityManager): Promise<string[]> {
    const rows: { id: string }[] = await (manager ?? this.dataSource.manager).query(`SELECT id FROM need WHERE buyer_organization_id = $1 AND status = 'PUBLISHED' ORDER BY id`, [
      buyerOrganizationId,
    ]);
    return rows.map((r) => r.id);
  }

  /** Needs of these buyer organisations by status. */
  async countsByStatus(organizationId: string): Promise<Record<string, number>> {
    const rows: { status: string; count: string }[] = await this.dataSource.query(`SELECT status, count(*) AS count FROM need WHERE buyer_organization_id = $1 GROUP BY status`, [
      organizationId,
    ]);
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.count)]));
  }
}
