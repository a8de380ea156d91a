import { escapeLike, translating, updateIfVersion } from '@samverka/engine';
import type { DataSource, EntityManager } from 'typeorm';
import { orgNumberTaken } from '@samverka/domain';
import { MembershipEntity, OrganizationEntity, type OrganizationKind } from '@samverka/schema';

export interface OrganizationFilter {
  search?: string;
  kinds?: readonly OrganizationKind[];
  countyCode?: string;
  municipalityCode?: string;
  verified?: boolean;
}

export type NewOrganization = Pick<OrganizationEntity, 'kind' | 'name' | 'orgNumber' | 'municipalityCode' | 'countyCode' | 'website'>;

export class OrganizationRepository {
  constructor(private readonly dataSource: DataSource) {}

  private orgs(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(OrganizationEntity);
  }

  async create(organization: NewOrganization, manager?: EntityManager): Promise<OrganizationEntity> {
    const repo = this.orgs(manager);
    const { id } = await translating({ organization_org_number_key: () => orgNumberTaken(organization.orgNumber) }, () => repo.save(repo.create(organization)));
    return repo.findOneByOrFail({ id });
  }

  async findById(id: string, manager?: EntityManager): Promise<OrganizationEntity | null> {
    return this.orgs(manager).findOneBy({ id });
  }

  async findByIds(ids: readonly string[], manager?: EntityManager): Promise<OrganizationEntity[]> {
    if (ids.length === 0) return [];
    return this.orgs(manager).createQueryBuilder('o').where('o.id IN (:...ids)', { ids }).getMany();
  }

  async findByOrgNumbers(orgNumbers: readonly string[], manager?: EntityManager): Promise<OrganizationEntity[]> {
    if (orgNumbers.length === 0) return [];
    return this.orgs(manager).createQueryBuilder('o').where('o.orgNumber IN (:...orgNumbers)', { orgNumbers }).getMany();
  }

  async findByOrgNumber(orgNumber: string, manager?: EntityManager): Promise<OrganizationEntity | null> {
    return this.orgs(manager).findOneBy({ orgNumber });
  }

  /**
   * Applies `changes` only if the row still has `expectedVersion`; returns the updated row, or null when
   * someone else changed it first (optimistic concurrency).
   */
  async updateIfVersion(
    id: string,
    expectedVersion: number,
    changes: Partial<Pick<OrganizationEntity, 'name' | 'municipalityCode' | 'countyCode' | 'website' | 'verified' | 'verifiedAt' | 'verifiedBy'>>,
    manager?: EntityManager,
  ): Promise<OrganizationEntity | null> {
    return updateIfVersion(manager ?? this.dataSource.manager, OrganizationEntity, { column: 'id', value: id }, expectedVersion, changes);
  }

  /** A page ordered by name (then id), with the total for the filter. */
  async list(filter: OrganizationFilter, page: { limit: number; after?: { name: string; id: string } }): Promise<{ rows: OrganizationEntity[]; total: number }> {
    const query = this.orgs().createQueryBuilder('o');
    if (filter.search) query.andWhere('(o.name ILIKE :pattern OR o.orgNumber LIKE :pattern)', { pattern: `%${escapeLike(filter.search)}%` });
    if (filter.kinds?.length) query.andWhere('o.kind IN (:...kinds)', { kinds: filter.kinds });
    if (filter.countyCode) query.andWhere('o.countyCode = :countyCode', { countyCode: filter.countyCode });
    if (filter.municipalityCode) query.andWhere('o.municipalityCode = :municipalityCode', { municipalityCode: filter.municipalityCode });
    if (filter.verified !== undefined) query.andWhere('o.verified = :verified', { verified: filter.verified });
    const total = await query.getCount();
    if (page.after) {
      query.andWhere('(lower(o.name), o.id) > (:name, :id)', { name: page.after.name.toLowerCase(), id: page.after.id });
    }
    const rows = await query
      .orderBy('lower(o.name)')
      .addOrderBy('o.id')
      .limit(page.limit + 1)
      .getMany();
    return { rows, total };
  }

  /** The organisations each user belongs to, for contact-detail decisions. */
  async organizationsOfUsers(userIds: readonly string[]): Promise<Map<string, { organizationId: string; countyCode: string }[]>> {
    const result = new Map<string, { organizationId: string; countyCode: string }[]>(userIds.map((id) => [id, []]));
    if (userIds.length === 0) return result;
    const rows: { user_id: string; organization_id: string; county_code: string }[] = await this.dataSource
      .getRepository(MembershipEntity)
      .createQueryBuilder('m')
      .innerJoin(OrganizationEntity, 'o', 'o.id = m.organizationId')
      .select(['m.userId AS user_id', 'm.organizationId AS organization_id', 'o.countyCode AS county_code'])
      .where('m.userId IN (:...userIds)', { userIds })
      .getRawMany();
    for (const row of rows) result.get(row.user_id)!.push({ organizationId: row.organization_id, countyCode: row.county_code });
    return result;
  }
}
