import type { DataSource } from 'typeorm';
import { orderWithKeyset, type KeysetPosition } from '@samverka/engine';
import { NeedEntity } from '@samverka/schema';

/** A need of the work list, with what the coordinator needs to know to act on it. */
export interface WorkListRow {
  need: NeedEntity;
  /** The best match's score (0–100), null when nothing matches (yet). */
  bestMatchScore: number | null;
  matchCount: number;
  /** Introductions to it of any status. */
  introductionCount: number;
}

interface WorkListRaw {
  sort_value: string;
  best_match_score: string | null;
  match_count: string | number;
  introduction_count: string | number;
}

/**
 * The coordinators' work list: published needs of a region's buyers (the region an introduction is
 * brokered in) whose response deadline falls within the window and has not passed, and that no offer
 * has been submitted to (a draft or a withdrawn offer does not count). Only whether one exists is asked:
 * nothing of the offers leaves the statement.
 */
export class WorkListRepository {
  constructor(private readonly dataSource: DataSource) {}

  async needsWithoutOffers(
    countyCode: string,
    window: { from: Date; to: Date },
    page: { limit: number; after?: KeysetPosition },
  ): Promise<{ rows: WorkListRow[]; sortValues: string[]; total: number }> {
    const query = this.dataSource.manager
      .getRepository(NeedEntity)
      .createQueryBuilder('n')
      .innerJoin('organization', 'o', 'o.id = n.buyer_organization_id')
      .where('o.county_code = :countyCode', { countyCode })
      .andWhere("n.status = 'PUBLISHED' AND n.buyer_verified")
      .andWhere('n.response_deadline > :from AND n.response_deadline <= :to', { from: window.from, to: window.to })
      .andWhere("NOT EXISTS (SELECT 1 FROM offer f WHERE f.need_id = n.id AND f.status NOT IN ('DRAFT', 'WITHDRAWN'))");
    const total = await query.getCount();
    orderWithKeyset(query, 'n.response_deadline', 'timestamptz', 'n.id', 'ASC', page.after);
    query
      .addSelect('(n.response_deadline)::text', 'sort_value')
      .addSelect('(SELECT max(m.score) FROM match m WHERE m.need_id = n.id)', 'best_match_score')
      .addSelect('(SELECT count(*) FROM match m WHERE m.need_id = n.id)', 'match_count')
      .addSelect('(SELECT count(*) FROM introduction i WHERE i.need_id = n.id)', 'introduction_count')
      .limit(page.limit + 1);
    const { entities, raw } = await query.getRawAndEntities<WorkListRaw>();
    return {
      rows: entities.map((need, i) => ({
        need,
        bestMatchScore: raw[i].best_match_score === null ? null : Number(raw[i].best_match_score),
        matchCount: Number(raw[i].match_count),
        introductionCount: Number(raw[i].introduction_count),
      })),
      sortValues: raw.map((r) => r.sort_value),
      total,
    };
  }
}
