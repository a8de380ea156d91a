import type { DataSource, EntityManager } from 'typeorm';
import { DomainError, type OfferStatus } from '@samverka/domain';
import { translating, type RefusalMap, orderWithKeyset, type KeysetPosition, updateIfVersion } from '@samverka/engine';
import { OfferEntity } from '@samverka/schema';

export type OfferFields = Pick<OfferEntity, 'message' | 'priceSek' | 'proposedOutcomes'>;

/** The partial unique indexes that back the marketplace's rules when two people act at once. */
const OFFER_REFUSALS: RefusalMap = {
  offer_one_live_per_enterprise: () => DomainError.conflict('marketplace.offerExists'),
  offer_one_accepted_per_need: () => DomainError.conflict('marketplace.needAwardedToOther'),
};

export class OfferRepository {
  constructor(private readonly dataSource: DataSource) {}

  private offers(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(OfferEntity);
  }

  async create(offer: OfferFields & { needId: string; enterpriseOrganizationId: string; createdBy: string | null }, manager?: EntityManager): Promise<OfferEntity> {
    const repo = this.offers(manager);
    const { id } = await translating(OFFER_REFUSALS, () => repo.save(repo.create({ ...offer, status: 'DRAFT' })));
    return repo.findOneByOrFail({ id });
  }

  async findById(id: string, manager?: EntityManager): Promise<OfferEntity | null> {
    return this.offers(manager).findOneBy({ id });
  }

  /** The enterprise's live (not withdrawn) offer on the need, if any. */
  async findLive(needId: string, enterpriseOrganizationId: string, manager?: EntityManager): Promise<OfferEntity | null> {
    return this.offers(manager)
      .createQueryBuilder('o')
      .where('o.needId = :needId AND o.enterpriseOrganizationId = :enterpriseOrganizationId AND o.status <> :withdrawn', {
        needId,
        enterpriseOrganizationId,
        withdrawn: 'WITHDRAWN',
      })
      .getOne();
  }

  /** Applies the changes if the offer still has `expectedVersion`; null when someone changed it first. */
  async updateIfVersion(
    id: string,
    expectedVersion: number,
    changes: Partial<OfferFields & Pick<OfferEntity, 'status' | 'submittedAt' | 'decidedAt' | 'declineReason'>>,
    manager?: EntityManager,
  ): Promise<OfferEntity | null> {
    return translating(OFFER_REFUSALS, () => updateIfVersion(manager ?? this.dataSource.manager, OfferEntity, { column: 'id', value: id }, expectedVersion, changes));
  }

  /** Declines every open offer on the need (but `exceptId`, if given); returns the ids declined. */
  async declineOpenOffers(needId: string, exceptId: string | null, decidedAt: Date, manager: EntityManager): Promise<string[]> {
    const rows: [{ id: string }[], number] = await manager.query(
      `UPDATE offer SET status = 'DECLINED', decided_at = $3, updated_at = now(), version = version + 1
       WHERE need_id = $1 AND ($2::uuid IS NULL OR id <> $2::uuid) AND status IN ('SUBMITTED', 'SHORTLISTED') RETURNING id`,
      [needId, exceptId, decidedAt],
    );
    return rows[0].map((r) => r.id);
  }

  /** These offers (in the transaction, when given), in no particular order. */
  async findByIds(ids: readonly string[], manager?: EntityManager): Promise<OfferEntity[]> {
    if (ids.length === 0) return [];
    return (manager ?? this.dataSource.manager).getRepository(OfferEntity).createQueryBuilder('o').where('o.id IN (:...ids)', { ids }).getMany();
  }

  /** Offers on these needs, oldest first, in the given statuses. */
  async ofNeeds(needIds: readonly string[], statuses: readonly OfferStatus[]): Promise<OfferEntity[]> {
    if (needIds.length === 0) return [];
    return this.offers().createQueryBuilder('o').where('o.needId IN (:...needIds) AND o.status IN (:...statuses)', { needIds, statuses }).orderBy('o.createdAt').getMany();
  }

  /** An enterprise's offers, newest first, paged by (created_at, id); drafts only when `withDrafts`. */
  async ofEnterprise(
    organizationId: string,
    filter: { statuses?: readonly OfferStatus[]; withDrafts: boolean },
    page: { limit: number; after?: KeysetPosition },
  ): Promise<{ rows: OfferEntity[]; sortValues: string[]; total: number }> {
    const query = this.offers().createQueryBuilder('o').where('o.enterpriseOrganizationId = :organizationId', { organizationId });
    if (filter.statuses?.length) query.andWhere('o.status IN (:...statuses)', { statuses: filter.statuses });
    if (!filter.withDrafts) query.andWhere("o.status <> 'DRAFT'");
    const total = await query.getCount();
    orderWithKeyset(query, 'o.created_at', 'timestamptz', 'o.id', 'DESC', page.after);
    query.addSelect('(o.created_at)::text', 'sort_value').limit(page.limit + 1);
    const { entities, raw } = await query.getRawAndEntities<{ sort_value: string }>();
    return { rows: entities, sortValues: raw.map((r) => r.sort_value), total };
  }

  async countsForEnterprise(organizationId: string): Promise<Record<string, number>> {
    const rows: { status: string; count: string }[] = await this.dataSource.query(
      `SELECT status, count(*) AS count FROM offer WHERE enterprise_organization_id = $1 GROUP BY status`,
      [organizationId],
    );
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.count)]));
  }

  /** Offers received on a buyer's needs, by status (drafts are the enterprises' own and not counted). */
  async countsForBuyer(organizationId: string): Promise<Record<string, number>> {
    const rows: { status: string; count: string }[] = await this.dataSource.query(
      `SELECT o.status, count(*) AS count FROM offer o JOIN need n ON n.id = o.need_id
       WHERE n.buyer_organization_id = $1 AND o.status <> 'DRAFT' GROUP BY o.status`,
      [organizationId],
    );
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.count)]));
  }
}
