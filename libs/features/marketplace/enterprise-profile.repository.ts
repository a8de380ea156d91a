import { escapeLike, cpvPrefixPatterns, orderWithKeyset, type KeysetPosition, updateIfVersion } from '@samverka/engine';
import { compoundTsQuery, searchPartsOf } from '@samverka/reference-data';
import type { DataSource, EntityManager } from 'typeorm';
import type { LegalForm } from '@samverka/domain';
import { EnterpriseProfileEntity, OrganizationEntity } from '@samverka/schema';

export type ProfileFields = Omit<EnterpriseProfileEntity, 'organizationId' | 'createdAt' | 'updatedAt' | 'version' | 'searchParts' | 'searchPartsVersion'>;

/** The search parts of a profile: of the texts its generated `search` column has. */
export function profileSearchParts(fields: Pick<ProfileFields, 'description' | 'services'>): Pick<EnterpriseProfileEntity, 'searchParts' | 'searchPartsVersion'> {
  return searchPartsOf(fields.description, fields.services);
}

export interface EnterpriseFilter {
  search?: string;
  /** CPV codes (8 digits); a profile matches with these codes or any code below them. */
  cpvCodes8?: string[];
  sdgs?: number[];
  /** Works in this municipality: named, its county named, or nationwide. */
  municipalityCode?: string;
  /** Works in this county: named, one of its municipalities named, or nationwide. */
  countyCode?: string;
  legalForms?: LegalForm[];
  ideburen?: boolean;
  workIntegrating?: boolean;
  minFarFromLabourMarketShare?: number;
  minCapacitySek?: number;
  verified?: boolean;
  /** Readiness score (0–100) at most this. */
  maxReadinessScore?: number;
}

export const ENTERPRISE_SORTS = ['NAME', 'RELEVANCE', 'CAPACITY', 'UPDATED', 'READINESS'] as const;
export type EnterpriseSort = (typeof ENTERPRISE_SORTS)[number];

/**
 * The readiness score of libs/domain/src/marketplace/readiness.ts, in SQL, so that a region's least ready
 * profiles can be filtered and sorted in the database rather than by loading every profile. The weights
 * and thresholds must follow the domain's checklist: enterprise-readiness.e2e-spec.ts compares the two on
 * profiles that sit on each threshold. (Lengths count characters, where JavaScript counts UTF-16 units:
 * they differ only for characters outside the BMP.)
 */
const TRIMMED = (column: string) => `length(regexp_replace(${column}, '^\\s+|\\s+$', '', 'g'))`;
export const READINESS_SQL = [
  `CASE WHEN ${TRIMMED('p.description')} >= 100 THEN 20 ELSE 0 END`,
  `CASE WHEN ${TRIMMED('p.services')} >= 20 THEN 15 ELSE 0 END`,
  `CASE WHEN cardinality(p.cpv_codes) > 0 THEN 20 ELSE 0 END`,
  `CASE WHEN cardinality(p.sdgs) > 0 THEN 5 ELSE 0 END`,
  `CASE WHEN p.nationwide OR cardinality(p.municipality_codes) > 0 OR cardinality(p.county_codes) > 0 THEN 15 ELSE 0 END`,
  `CASE WHEN p.max_contract_sek IS NOT NULL THEN 15 ELSE 0 END`,
  `CASE WHEN p.employees IS NOT NULL AND p.annual_turnover_sek IS NOT NULL THEN 5 ELSE 0 END`,
  `CASE WHEN p.legal_form IS NOT NULL THEN 5 ELSE 0 END`,
]
  .map((part) => `(${part})`)
  .join(' + ');

/** The sorts; RELEVANCE ranks by the search query (`tsQuery`, SQL), whole words above compound parts. */
const SORTS = (tsQuery: string): Record<EnterpriseSort, { expression: string; cast: string; direction: 'ASC' | 'DESC' }> => ({
  NAME: { expression: 'lower(o.name)', cast: 'text', direction: 'ASC' },
  RELEVANCE: { expression: `ts_rank(p.search, ${tsQuery})`, cast: 'real', direction: 'DESC' },
  CAPACITY: { expression: 'COALESCE(p.max_contract_sek, -1)', cast: 'bigint', direction: 'DESC' },
  UPDATED: { expression: 'p.updated_at', cast: 'timestamptz', direction: 'DESC' },
  READINESS: { expression: `(${READINESS_SQL})`, cast: 'bigint', direction: 'ASC' },
});

/** The sort actually used (relevance needs search words) and the SQL type of its cursor values. */
export function enterpriseSortUsed(sort: EnterpriseSort, search: string | undefined): { sort: EnterpriseSort; cast: string } {
  const used = sort === 'RELEVANCE' && !(search && compoundTsQuery(search)) ? 'NAME' : sort;
  return { sort: used, cast: SORTS('')[used].cast };
}

export class EnterpriseProfileRepository {
  constructor(private readonly dataSource: DataSource) {}

  private profiles(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(EnterpriseProfileEntity);
  }

  async find(organizationId: string, manager?: EntityManager): Promise<EnterpriseProfileEntity | null> {
    return this.profiles(manager).findOneBy({ organizationId });
  }

  async findMany(organizationIds: readonly string[], manager?: EntityManager): Promise<EnterpriseProfileEntity[]> {
    if (organizationIds.length === 0) return [];
    return this.profiles(manager).createQueryBuilder('p').where('p.organizationId IN (:...ids)', { ids: organizationIds }).getMany();
  }

  async create(organizationId: string, fields: ProfileFields, manager?: EntityManager): Promise<EnterpriseProfileEntity> {
    await this.profiles(manager).insert({ organizationId, ...fields, ...profileSearchParts(fields) });
    return (await this.find(organizationId, manager))!;
  }

  /** Replaces the fields if the profile still has `expectedVersion`; null when someone changed it first. */
  async updateIfVersion(organizationId: string, expectedVersion: number, fields: ProfileFields, manager?: EntityManager): Promise<EnterpriseProfileEntity | null> {
    return updateIfVersion(manager ?? this.dataSource.manager, EnterpriseProfileEntity, { column: 'organization_id', value: organizationId }, expectedVersion, {
      ...fields,
      ...profileSearchParts(fields),
    });
  }

  async search(
    filter: EnterpriseFilter,
    sort: EnterpriseSort,
    page: { limit: number; after?: KeysetPosition },
  ): Promise<{ rows: EnterpriseProfileEntity[]; sortValues: string[]; total: number }> {
    const query = this.profiles().createQueryBuilder('p').innerJoin(OrganizationEntity, 'o', 'o.id = p.organization_id');
    const tsQuery = filter.search ? compoundTsQuery(filter.search) : undefined;
    if (filter.search) {
      query.andWhere(`(${tsQuery ? `p.search @@ ${tsQuery.expression} OR ` : ''}o.name ILIKE :namePattern)`, {
        ...tsQuery?.parameters,
        namePattern: `%${escapeLike(filter.search.trim())}%`,
      });
    }
    if (filter.cpvCodes8?.length) {
      query.andWhere('EXISTS (SELECT 1 FROM unnest(p.cpv_codes) AS c(code) WHERE c.code LIKE ANY (:cpvPatterns))', { cpvPatterns: cpvPrefixPatterns(filter.cpvCodes8) });
    }
    if (filter.sdgs?.length) query.andWhere('p.sdgs && CAST(:sdgs AS smallint[])', { sdgs: filter.sdgs });
    if (filter.municipalityCode) {
      query.andWhere(
        '(p.nationwide OR :municipality = ANY (p.municipality_codes) OR (SELECT m.county_code FROM municipality m WHERE m.code = :municipality) = ANY (p.county_codes))',
        { municipality: filter.municipalityCode },
      );
    }
    if (filter.countyCode) {
      query.andWhere(
        '(p.nationwide OR :county = ANY (p.county_codes) OR EXISTS (SELECT 1 FROM municipality m WHERE m.code = ANY (p.municipality_codes) AND m.county_code = :county))',
        { county: filter.countyCode },
      );
    }
    if (filter.legalForms?.length) query.andWhere('p.legal_form IN (:...legalForms)', { legalForms: filter.legalForms });
    if (filter.ideburen !== undefined) query.andWhere('p.ideburen = :ideburen', { ideburen: filter.ideburen });
    if (filter.workIntegrating !== undefined) query.andWhere('p.work_integrating = :workIntegrating', { workIntegrating: filter.workIntegrating });
    if (filter.minFarFromLabourMarketShare !== undefined) {
      query.andWhere('p.far_from_labour_market_share >= :minShare', { minShare: filter.minFarFromLabourMarketShare });
    }
    if (filter.minCapacitySek !== undefined) query.andWhere('p.max_contract_sek >= :minCapacity', { minCapacity: filter.minCapacitySek });
    if (filter.verified !== undefined) query.andWhere('o.verified = :verified', { verified: filter.verified });
    if (filter.maxReadinessScore !== undefined) query.andWhere(`(${READINESS_SQL}) <= :maxReadiness`, { maxReadiness: filter.maxReadinessScore });

    const total = await query.getCount();
    const chosen = SORTS(tsQuery?.expression ?? '')[enterpriseSortUsed(sort, filter.search).sort];
    orderWithKeyset(query, chosen.expression, chosen.cast, 'p.organization_id', chosen.direction, page.after);
    query.addSelect(`(${chosen.expression})::text`, 'sort_value').limit(page.limit + 1);
    const { entities, raw } = await query.getRawAndEntities<{ sort_value: string }>();
    return { rows: entities, sortValues: raw.map((r) => r.sort_value), total };
  }
}
