import type { DataSource, EntityManager } from 'typeorm';
import { introductionAlreadyOpen, type IntroductionStatus } from '@samverka/domain';
import { translating, type RefusalMap, orderWithKeyset, type KeysetPosition, updateIfVersion } from '@samverka/engine';
import { IntroductionEntity, NeedEntity } from '@samverka/schema';

export type NewIntroduction = Pick<IntroductionEntity, 'needId' | 'enterpriseOrganizationId' | 'coordinatorUserId' | 'countyCode' | 'note'>;

/** An introduction with the buyer of its need: what the access rules need to know about it. */
export interface IntroductionWithBuyer {
  introduction: IntroductionEntity;
  buyerOrganizationId: string;
}

/** Which introductions a person may read: all (administrators), or those of their organisations (either side) and regions. */
export type IntroductionVisibility = { all: true } | { all: false; organizationIds: readonly string[]; countyCodes: readonly string[] };

export interface IntroductionFilter {
  countyCode?: string;
  statuses?: readonly IntroductionStatus[];
  needId?: string;
  enterpriseOrganizationId?: string;
}

/** Introductions still open: proposed, or accepted (the enterprise is invited to offer). */
const OPEN: readonly IntroductionStatus[] = ['PROPOSED', 'ACCEPTED'];

const INTRODUCTION_REFUSALS: RefusalMap = {
  introduction_one_open: () => introductionAlreadyOpen(),
};

export class IntroductionRepository {
  constructor(private readonly dataSource: DataSource) {}

  private introductions(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(IntroductionEntity);
  }

  async create(introduction: NewIntroduction, manager?: EntityManager): Promise<IntroductionEntity> {
    const repo = this.introductions(manager);
    const { id } = await translating(INTRODUCTION_REFUSALS, () => repo.save(repo.create({ ...introduction, status: 'PROPOSED', responseNote: '' })));
    return repo.findOneByOrFail({ id });
  }

  async findById(id: string, manager?: EntityManager): Promise<IntroductionEntity | null> {
    return this.introductions(manager).findOneBy({ id });
  }

  async findByIds(ids: readonly string[]): Promise<IntroductionEntity[]> {
    if (ids.length === 0) return [];
    return this.introductions().createQueryBuilder('i').where('i.id IN (:...ids)', { ids }).getMany();
  }

  /** The introduction and the buyer of its need, in one statement. */
  async findWithBuyer(id: string): Promise<IntroductionWithBuyer | null> {
    const { entities, raw } = await this.introductions()
      .createQueryBuilder('i')
      .innerJoin(NeedEntity, 'n', 'n.id = i.needId')
      .addSelect('n.buyer_organization_id', 'buyer_organization_id')
      .where('i.id = :id', { id })
      .getRawAndEntities<{ buyer_organization_id: string }>();
    const [introduction] = entities;
    return introduction ? { introduction, buyerOrganizationId: raw[0].buyer_organization_id } : null;
  }

  /** The open introduction of the enterprise to the need, if any (there is at most one). */
  async findOpen(needId: string, enterpriseOrganizationId: string, manager?: EntityManager): Promise<IntroductionEntity | null> {
    return this.introductions(manager)
      .createQueryBuilder('i')
      .where('i.needId = :needId AND i.enterpriseOrganizationId = :enterpriseOrganizationId AND i.status IN (:...open)', { needId, enterpriseOrganizationId, open: OPEN })
      .getOne();
  }

  /**
   * The accepted introduction of the enterprise to the need that no partnership has come of yet,
   * locked until the transaction ends: an award and a brokered agreement linking it queue up here.
   */
  async lockAcceptedUnlinked(needId: string, enterpriseOrganizationId: string, manager: EntityManager): Promise<IntroductionEntity | null> {
    const introduction = await manager
      .getRepository(IntroductionEntity)
      .createQueryBuilder('i')
      .setLock('pessimistic_write')
      .where("i.needId = :needId AND i.enterpriseOrganizationId = :enterpriseOrganizationId AND i.status = 'ACCEPTED'", { needId, enterpriseOrganizationId })
      .getOne();
    if (!introduction) return null;
    // Asked only once the lock is held, in a statement of its own: a brokered agreement that linked the
    // introduction while this waited for the lock has committed, and this statement's snapshot sees it.
    const [linked] = await manager.query(`SELECT 1 FROM partnership WHERE introduction_id = $1 LIMIT 1`, [introduction.id]);
    return linked ? null : introduction;
  }

  /** Reads the introduction and locks its row until the transaction ends. */
  async lock(id: string, manager: EntityManager): Promise<IntroductionEntity | null> {
    return manager.getRepository(IntroductionEntity).createQueryBuilder('i').setLock('pessimistic_write').where('i.id = :id', { id }).getOne();
  }

  /** Applies the changes if the introduction still has `expectedVersion`; null when someone changed it first. */
  async updateIfVersion(
    id: string,
    expectedVersion: number,
    changes: Partial<Pick<IntroductionEntity, 'status' | 'responseNote' | 'respondedBy' | 'respondedAt'>>,
    manager?: EntityManager,
  ): Promise<IntroductionEntity | null> {
    return updateIfVersion(manager ?? this.dataSource.manager, IntroductionEntity, { column: 'id', value: id }, expectedVersion, changes);
  }

  /** The introductions to these needs, newest first. */
  async ofNeeds(needIds: readonly string[]): Promise<IntroductionEntity[]> {
    if (needIds.length === 0) return [];
    return this.introductions().createQueryBuilder('i').where('i.needId IN (:...needIds)', { needIds }).orderBy('i.createdAt', 'DESC').addOrderBy('i.id', 'DESC').getMany();
  }

  /** The enterprise's introductions, newest first, paged by (created_at, id). */
  async ofEnterprise(
    organizationId: string,
    statuses: readonly IntroductionStatus[] | undefined,
    page: { limit: number; after?: KeysetPosition },
  ): Promise<{ rows: IntroductionEntity[]; sortValues: string[]; total: number }> {
    const query = this.introductions().createQueryBuilder('i').where('i.enterpriseOrganizationId = :organizationId', { organizationId });
    if (statuses?.length) query.andWhere('i.status IN (:...statuses)', { statuses });
    const total = await query.getCount();
    orderWithKeyset(query, 'i.created_at', 'timestamptz', 'i.id', 'DESC', page.after);
    query.addSelect('(i.created_at)::text', 'sort_value').limit(page.limit + 1);
    const { entities, raw } = await query.getRawAndEntities<{ sort_value: string }>();
    return { rows: entities, sortValues: raw.map((r) => r.sort_value), total };
  }

  /** Introductions the person may read, filtered, newest first, paged by (created_at, id). */
  async list(
    visibility: IntroductionVisibility,
    filter: IntroductionFilter,
    page: { limit: number; after?: KeysetPosition },
  ): Promise<{ rows: IntroductionEntity[]; sortValues: string[]; total: number }> {
    const query = this.introductions().createQueryBuilder('i');
    if (!visibility.all) {
      const { organizationIds, countyCodes } = visibility;
      if (organizationIds.length === 0 && countyCodes.length === 0) query.andWhere('false');
      else {
        const parts = [
          ...(organizationIds.length > 0
            ? ['i.enterprise_organization_id IN (:...visibleOrganizations)', 'i.need_id IN (SELECT n.id FROM need n WHERE n.buyer_organization_id IN (:...visibleOrganizations))']
            : []),
          ...(countyCodes.length > 0 ? ['i.county_code IN (:...visibleCounties)'] : []),
        ];
        query.andWhere(`(${parts.join(' OR ')})`, { visibleOrganizations: organizationIds, visibleCounties: countyCodes });
      }
    }
    if (filter.countyCode) query.andWhere('i.county_code = :countyCode', { countyCode: filter.countyCode });
    if (filter.statuses?.length) query.andWhere('i.status IN (:...statuses)', { statuses: filter.statuses });
    if (filter.needId) query.andWhere('i.need_id = :needId', { needId: filter.needId });
    if (filter.enterpriseOrganizationId) query.andWhere('i.enterprise_organization_id = :enterpriseOrganizationId', { enterpriseOrganizationId: filter.enterpriseOrganizationId });
    const total = await query.getCount();
    orderWithKeyset(query, 'i.created_at', 'timestamptz', 'i.id', 'DESC', page.after);
    query.addSelect('(i.created_at)::text', 'sort_value').limit(page.limit + 1);
    const { entities, raw } = await query.getRawAndEntities<{ sort_value: string }>();
    return { rows: entities, sortValues: raw.map((r) => r.sort_value), total };
  }
}
