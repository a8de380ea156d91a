import type { DataSource, EntityManager } from 'typeorm';
import { PartnershipEntity } from '../entities/partnership.entity.js';

/** What a new partnership is given; the rest starts at its defaults. */
export type NewPartnership = Pick<
  PartnershipEntity,
  | 'needId'
  | 'offerId'
  | 'buyerOrganizationId'
  | 'enterpriseOrganizationId'
  | 'startedAt'
  | 'title'
  | 'description'
  | 'cpvCodes'
  | 'sdgs'
  | 'municipalityCode'
  | 'countyCode'
  | 'startsOn'
> &
  Partial<Pick<PartnershipEntity, 'endsOn' | 'introductionId' | 'brokeredBy' | 'createdBy' | 'reportEveryMonths'>>;

export class PartnershipRepository {
  constructor(private readonly dataSource: DataSource) {}

  private partnerships(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(PartnershipEntity);
  }

  async create(partnership: NewPartnership, manager?: EntityManager): Promise<PartnershipEntity> {
    const repo = this.partnerships(manager);
    const { id } = await repo.save(repo.create({ ...partnership, status: 'ACTIVE' }));
    return repo.findOneByOrFail({ id });
  }

  async findById(id: string): Promise<PartnershipEntity | null> {
    return this.partnerships().findOneBy({ id });
  }

  async ofNeeds(needIds: readonly string[]): Promise<PartnershipEntity[]> {
    if (needIds.length === 0) return [];
    return this.partnerships().createQueryBuilder('p').where('p.needId IN (:...needIds)', { needIds }).getMany();
  }

  /** The organisation's partnerships, as buyer or as enterprise, newest first. */
  async ofOrganization(organizationId: string): Promise<PartnershipEntity[]> {
    return this.partnerships()
      .createQueryBuilder('p')
      .where('p.buyerOrganizationId = :organizationId OR p.enterpriseOrganizationId = :organizationId', { organizationId })
      .orderBy('p.startedAt', 'DESC')
      .getMany();
  }

  async countsByStatus(organizationId: string): Promise<Record<string, number>> {
    const rows: { status: string; count: string }[] = await this.dataSource.query(
      `SELECT status, count(*) AS count FROM partnership WHERE buyer_organization_id = $1 OR enterprise_organization_id = $1 GROUP BY status`,
      [organizationId],
    );
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.count)]));
  }
}
