import type { DataSource, EntityManager } from 'typeorm';
import { DomainError, type PartnershipStatus } from '@samverka/domain';
import { translating, type RefusalMap, orderWithKeyset, type KeysetPosition, updateIfVersion } from '@samverka/engine';
import { compoundTsQuery, searchPartsOf } from '@samverka/reference-data';
import { CountyEntity, MunicipalityEntity, OrganizationEntity, type OrganizationKind, PartnershipEntity } from '@samverka/schema';

/** The constraints behind the services' checks, for two people acting at once or a check missed. */
const PARTNERSHIP_REFUSALS: RefusalMap = {
  partnership_introduction_key: () => DomainError.conflict('brokering.introductionAlreadyUsed'),
  partnership_need_id_key: () => DomainError.conflict('marketplace.needAwardedToOther'),
  partnership_offer_id_key: () => DomainError.conflict('brokering.offerAlreadyAccepted'),
  partnership_dates: () => DomainError.badInput('endsOn', 'OUT_OF_RANGE', 'brokering.endsBeforeStartDate'),
  partnership_parties: () => DomainError.badInput('enterpriseOrganizationId', 'NOT_ALLOWED', 'brokering.partnershipSameParties'),
};

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

/** What the parties change on a partnership: its end, and whether and how it is shown as a good example. */
export type PartnershipChanges = Partial<
  Pick<
    PartnershipEntity,
    'status' | 'endedAt' | 'endReason' | 'buyerPublic' | 'enterprisePublic' | 'publicSummary' | 'targetsStatus' | 'targetsProposedBy' | 'targetsAgreedAt' | 'reportEveryMonths'
  >
>;

/** Which partnerships a person may read: all (administrators), or those of their organisations and regions. */
export type PartnershipVisibility = { all: true } | { all: false; organizationIds: readonly string[]; countyCodes: readonly string[] };

export interface PartnershipFilter {
  organizationId?: string;
  countyCode?: string;
  statuses?: readonly PartnershipStatus[];
}

/** The library of good examples is searched by these; each is optional. */
export interface GoodExampleFilter {
  sdg?: number;
  /** The significant leading digits of a CPV code (2 to 8): a partnership matches with a code below it. */
  cpvPrefix?: string;
  countyCode?: string;
  municipalityCode?: string;
  indicatorCode?: string;
  text?: string;
  /** For its curators: the examples hidden from the library too. */
  includeHidden?: boolean;
  /** For a coordinator: only the examples of these counties. */
  countyCodes?: readonly string[];
  /** One example (a partnership's id). */
  partnershipId?: string;
}

/** What the region's coordinator wrote about an example (good_example_curation); version 0 before anything was. */
export interface GoodExampleCurationRow {
  noteSv: string | null;
  noteEn: string | null;
  featured: boolean;
  hiddenReason: string | null;
  version: number;
}

/** A partnership shown in the library, with the public facts around it (names and places, not people). */
export interface GoodExampleRow {
  partnership: PartnershipEntity;
  buyer: { id: string; name: string; kind: OrganizationKind };
  enterprise: { id: string; name: string; kind: OrganizationKind };
  municipalityName: string | null;
  countyName: string;
  curation: GoodExampleCurationRow;
}

interface GoodExampleRaw {
  buyer_name: string;
  buyer_kind: OrganizationKind;
  enterprise_name: string;
  enterprise_kind: OrganizationKind;
  municipality_name: string | null;
  curation_note_sv: string | null;
  curation_note_en: string | null;
  curation_featured: boolean | null;
  curation_hidden_reason: string | null;
  curation_version: number | null;
  county_name: string;
  sort_value: string;
}

/**
 * The search parts of a partnership: of the texts the library searches, the description only when it
 * came from a need (the library shows no other).
 */
function partnershipSearchParts(p: Pick<PartnershipEntity, 'title' | 'publicSummary' | 'description' | 'needId'>): Pick<PartnershipEntity, 'searchParts' | 'searchPartsVersion'> {
  return searchPartsOf(p.title, p.publicSummary, p.needId !== null ? p.description : null);
}

export class PartnershipRepository {
  constructor(private readonly dataSource: DataSource) {}

  private partnerships(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(PartnershipEntity);
  }

  async create(partnership: NewPartnership, manager?: EntityManager): Promise<PartnershipEntity> {
    const repo = this.partnerships(manager);
    const parts = partnershipSearchParts({ ...partnership, publicSummary: '' });
    const { id } = await translating(PARTNERSHIP_REFUSALS, () => repo.save(repo.create({ ...partnership, ...parts, status: 'ACTIVE' })));
    return repo.findOneByOrFail({ id });
  }

  async findById(id: string, manager?: EntityManager): Promise<PartnershipEntity | null> {
    return this.partnerships(manager).findOneBy({ id });
  }

  async findByIds(ids: readonly string[]): Promise<PartnershipEntity[]> {
    if (ids.length === 0) return [];
    return this.partnerships().createQueryBuilder('p').where('p.id IN (:...ids)', { ids }).getMany();
  }

  /** Reads the partnership and locks it until the transaction ends: changes to one partnership queue up here. */
  async lock(id: string, manager: EntityManager): Promise<PartnershipEntity | null> {
    // FOR NO KEY UPDATE, as the impact reports' overlap trigger takes it: targets, reports and the end
    // of a partnership are decided one at a time.
    return manager.getRepository(PartnershipEntity).createQueryBuilder('p').setLock('for_no_key_update').where('p.id = :id', { id }).getOne();
  }

  /** Applies the changes if the partnership still has `expectedVersion`; null when someone changed it first. */
  async updateIfVersion(id: string, expectedVersion: number, changes: PartnershipChanges, manager: EntityManager): Promise<PartnershipEntity | null> {
    let withParts: PartnershipChanges & Partial<Pick<PartnershipEntity, 'searchParts' | 'searchPartsVersion'>> = changes;
    if (changes.publicSummary !== undefined) {
      const current = await this.findById(id, manager);
      if (current) withParts = { ...changes, ...partnershipSearchParts({ ...current, publicSummary: changes.publicSummary }) };
    }
    return translating(PARTNERSHIP_REFUSALS, () => updateIfVersion(manager, PartnershipEntity, { column: 'id', value: id }, expectedVersion, withParts));
  }

  /** The partnership an introduction led to, if any (at most one: partnership_introduction_key). */
  async ofIntroduction(introductionId: string, manager?: EntityManager): Promise<PartnershipEntity | null> {
    return this.partnerships(manager).findOneBy({ introductionId });
  }

  async ofNeeds(needIds: readonly string[]): Promise<PartnershipEntity[]> {
    if (needIds.length === 0) return [];
    return this.partnerships().createQueryBuilder('p').where('p.needId IN (:...needIds)', { needIds }).getMany();
  }

  /** The partnerships recorded from these introductions. */
  async ofIntroductions(introductionIds: readonly string[]): Promise<PartnershipEntity[]> {
    if (introductionIds.length === 0) return [];
    return this.partnerships().createQueryBuilder('p').where('p.introductionId IN (:...introductionIds)', { introductionIds }).getMany();
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

  /** Partnerships the person may read, filtered, newest first, paged by (created_at, id). */
  async list(
    visibility: PartnershipVisibility,
    filter: PartnershipFilter,
    page: { limit: number; after?: KeysetPosition },
  ): Promise<{ rows: PartnershipEntity[]; sortValues: string[]; total: number }> {
    const query = this.partnerships().createQueryBuilder('p');
    if (!visibility.all) {
      const { organizationIds, countyCodes } = visibility;
      if (organizationIds.length === 0 && countyCodes.length === 0) query.andWhere('false');
      else {
        const parts = [
          ...(organizationIds.length > 0 ? ['p.buyer_organization_id IN (:...visibleOrganizations)', 'p.enterprise_organization_id IN (:...visibleOrganizations)'] : []),
          ...(countyCodes.length > 0 ? ['p.county_code IN (:...visibleCounties)'] : []),
        ];
        query.andWhere(`(${parts.join(' OR ')})`, { visibleOrganizations: organizationIds, visibleCounties: countyCodes });
      }
    }
    if (filter.organizationId)
      query.andWhere('(p.buyer_organization_id = :organizationId OR p.enterprise_organization_id = :organizationId)', { organizationId: filter.organizationId });
    if (filter.countyCode) query.andWhere('p.county_code = :countyCode', { countyCode: filter.countyCode });
    if (filter.statuses?.length) query.andWhere('p.status IN (:...statuses)', { statuses: filter.statuses });
    const total = await query.getCount();
    orderWithKeyset(query, 'p.created_at', 'timestamptz', 'p.id', 'DESC', page.after);
    query.addSelect('(p.created_at)::text', 'sort_value').limit(page.limit + 1);
    const { entities, raw } = await query.getRawAndEntities<{ sort_value: string }>();
    return { rows: entities, sortValues: raw.map((r) => r.sort_value), total };
  }

  /**
   * The library of good examples: partnerships both parties show, not terminated, newest start first,
   * paged by (starts_on, id). SDG and CPV filters use the GIN indexes (a CPV prefix is widened to the
   * codes below it first); the order follows partnership_public_idx.
   */
  async goodExamples(filter: GoodExampleFilter, page: { limit: number; after?: KeysetPosition }): Promise<{ rows: GoodExampleRow[]; sortValues: string[]; total: number }> {
    const query = this.partnerships()
      .createQueryBuilder('p')
      .innerJoin(OrganizationEntity, 'b', 'b.id = p.buyer_organization_id')
      .innerJoin(OrganizationEntity, 'e', 'e.id = p.enterprise_organization_id')
      .innerJoin(CountyEntity, 'c', 'c.code = p.county_code')
      .leftJoin(MunicipalityEntity, 'm', 'm.code = p.municipality_code')
      .leftJoin('good_example_curation', 'gc', 'gc.partnership_id = p.id')
      .where('p.buyer_public AND p.enterprise_public')
      .andWhere("p.status <> 'TERMINATED'");
    if (!filter.includeHidden) query.andWhere('gc.hidden_reason IS NULL');
    if (filter.partnershipId) query.andWhere('p.id = :partnershipId', { partnershipId: filter.partnershipId });
    if (filter.countyCodes) query.andWhere('p.county_code IN (:...countyCodes)', { countyCodes: filter.countyCodes.length ? filter.countyCodes : [''] });
    if (filter.sdg !== undefined) query.andWhere('p.sdgs @> CAST(:sdgs AS smallint[])', { sdgs: [filter.sdg] });
    if (filter.cpvPrefix) {
      query.andWhere('p.cpv_codes && ARRAY(SELECT cpv.code FROM cpv_code cpv WHERE cpv.code LIKE :cpvPattern)', { cpvPattern: `${filter.cpvPrefix}%` });
    }
    if (filter.countyCode) query.andWhere('p.county_code = :countyCode', { countyCode: filter.countyCode });
    if (filter.municipalityCode) query.andWhere('p.municipality_code = :municipalityCode', { municipalityCode: filter.municipalityCode });
    if (filter.indicatorCode) {
      query.andWhere(
        `(EXISTS (SELECT 1 FROM partnership_target t WHERE t.partnership_id = p.id AND t.indicator_code = :indicatorCode AND p.targets_status = 'AGREED')
          OR EXISTS (SELECT 1 FROM impact_report r JOIN impact_report_value v ON v.report_id = r.id
                     WHERE r.partnership_id = p.id AND r.status = 'CONFIRMED' AND v.indicator_code = :indicatorCode))`,
        { indicatorCode: filter.indicatorCode },
      );
    }
    if (filter.text !== undefined) {
      const tsQuery = compoundTsQuery(filter.text);
      // The parts (compounds split, see partnershipSearchParts) are matched beside the Swedish stems.
      query.andWhere(
        tsQuery
          ? `(to_tsvector('swedish', concat_ws(' ', p.title, p.public_summary, CASE WHEN p.need_id IS NOT NULL THEN p.description END, b.name, e.name))
              || to_tsvector('simple', p.search_parts)) @@ ${tsQuery.expression}`
          : 'false',
        tsQuery?.parameters ?? {},
      );
    }
    const total = await query.getCount();
    // Featured examples first, then the newest start: one text key ('1' or '0', then the date), in byte order.
    const sortKey = `((CASE WHEN gc.featured THEN '1' ELSE '0' END || (p.starts_on)::text) COLLATE "C")`;
    orderWithKeyset(query, sortKey, 'text', 'p.id', 'DESC', page.after);
    query
      .addSelect('gc.note_sv', 'curation_note_sv')
      .addSelect('gc.note_en', 'curation_note_en')
      .addSelect('gc.featured', 'curation_featured')
      .addSelect('gc.hidden_reason', 'curation_hidden_reason')
      .addSelect('gc.version', 'curation_version')
      .addSelect('b.name', 'buyer_name')
      .addSelect('b.kind', 'buyer_kind')
      .addSelect('e.name', 'enterprise_name')
      .addSelect('e.kind', 'enterprise_kind')
      .addSelect('m.name', 'municipality_name')
      .addSelect('c.name', 'county_name')
      .addSelect(sortKey, 'sort_value')
      .limit(page.limit + 1);
    const { entities, raw } = await query.getRawAndEntities<GoodExampleRaw>();
    const rows = entities.map((partnership, i) => ({
      partnership,
      buyer: { id: partnership.buyerOrganizationId, name: raw[i].buyer_name, kind: raw[i].buyer_kind },
      enterprise: { id: partnership.enterpriseOrganizationId, name: raw[i].enterprise_name, kind: raw[i].enterprise_kind },
      municipalityName: raw[i].municipality_name,
      countyName: raw[i].county_name,
      curation: {
        noteSv: raw[i].curation_note_sv,
        noteEn: raw[i].curation_note_en,
        featured: raw[i].curation_featured ?? false,
        hiddenReason: raw[i].curation_hidden_reason,
        version: raw[i].curation_version ?? 0,
      },
    }));
    return { rows, sortValues: raw.map((r) => r.sort_value), total };
  }
}
