import type { DataSource, EntityManager } from 'typeorm';
import type { ImpactUnit, PartnershipStatus } from '@samverka/domain';

/** Which region, and what makes a need a supply gap. */
export interface SupplyGapCriteria {
  countyCode: string;
  /** Only match state of this algorithm version counts as matched (older state waits for the rebuild). */
  algorithmVersion: string;
  /** A need whose best match scores below this (0–100), or that has no match at all, is a supply gap. */
  weakMatchBelow: number;
}

/** Calendar buckets: the first day of the first and of the last, the step between them, and the SQL field. */
export interface BucketSeries {
  first: string;
  last: string;
  /** The day after the last bucket ends. */
  end: string;
  /** 'month', 'quarter' or 'year': date_trunc's field. */
  unit: 'month' | 'quarter' | 'year';
  /** The PostgreSQL interval between bucket starts, such as '3 months'. */
  step: string;
}

/** Needs, enterprises and active partnerships of the region (municipalityCode null) or one municipality. */
export interface AreaFigures {
  municipalityCode: string | null;
  municipalityName: string | null;
  openNeeds: number;
  needsWithoutOffers: number;
  supplyGapNeeds: number;
  needsAwaitingMatching: number;
  enterprises: number;
  activePartnerships: number;
}

export interface CpvDivisionGap {
  division: string;
  labelSv: string | null;
  labelEn: string | null;
  supplyGapNeeds: number;
  openNeeds: number;
}

export interface SdgGap {
  sdg: number;
  titleSv: string;
  titleEn: string;
  supplyGapNeeds: number;
  openNeeds: number;
}

export interface EnterpriseTotals {
  total: number;
  registeredInRegion: number;
  nationwide: number;
}

export interface SdgCount {
  sdg: number;
  titleSv: string;
  titleEn: string;
  enterprises: number;
}

export interface LegalFormCount {
  legalForm: string | null;
  enterprises: number;
}

export interface StatusCount {
  status: PartnershipStatus;
  partnerships: number;
}

export interface IndicatorTotal {
  indicatorCode: string;
  nameSv: string;
  nameEn: string;
  unit: ImpactUnit;
  total: number;
  reports: number;
  partnerships: number;
}

export interface BucketCounts {
  bucket: string;
  needsPublished: number;
  partnershipsStarted: number;
}

export interface BucketImpact {
  bucket: string;
  indicatorCode: string;
  nameSv: string;
  nameEn: string;
  unit: ImpactUnit;
  total: number;
}

const TIME_ZONE = 'Europe/Stockholm';

/** Offers that answer a need: sent and not turned down or taken back. */
const LIVE_OFFER_STATUSES = `('SUBMITTED', 'SHORTLISTED', 'ACCEPTED')`;

/**
 * Where in region `region` (an SQL expression, a länskod) something is: its own municipality, else its
 * buyer's, and only when that municipality lies in the region (a kommunkod begins with its länskod).
 */
function municipalityInRegion(own: string, buyers: string, region: string): string {
  return `CASE WHEN left(COALESCE(${own}, ${buyers}), 2) = ${region} THEN COALESCE(${own}, ${buyers}) END`;
}

/**
 * THE rule for the needs of a region, and where in it each one is: a need belongs to the region of its
 * own county_code, else (it names no place) to its buyer's county; its municipality is its own
 * municipality_code, else its buyer's, kept only when it lies in the region. The application stores a
 * need's county with its municipality, so the two agree. Two branches, so that each is an index scan:
 * need (county_code, status) for almost every need, and the buyer's organisation for the rest. Only
 * needs of verified buyers count (the others are shown to nobody outside their buyer).
 *
 * `region` is an SQL expression of type char(2); `where` a condition on `n` added to both branches.
 * Columns: id, status, published_at, cpv_codes, sdgs, municipality_code.
 */
function regionNeedsSql(region: string, where = 'true'): string {
  const columns = `n.id, n.status, n.published_at, n.cpv_codes, n.sdgs, ${municipalityInRegion('n.municipality_code', 'o.municipality_code', region)} AS municipality_code`;
  return `(
    SELECT ${columns} FROM need n JOIN organization o ON o.id = n.buyer_organization_id
    WHERE n.county_code = ${region} AND n.buyer_verified AND ${where}
    UNION ALL
    SELECT ${columns} FROM need n JOIN organization o ON o.id = n.buyer_organization_id
    WHERE n.county_code IS NULL AND o.county_code = ${region} AND n.buyer_verified AND ${where}
  )`;
}

/**
 * The region's open (published) needs with what the insights count about each: whether it has a live
 * offer, whether the current algorithm has matched it, and whether it is a supply gap (matched, and its
 * best match scores below the threshold or it has none). Parameters: $1 länskod, $2 algorithm
 * version, $3 threshold. Every match row of a need carries its state's version (the matcher writes
 * both in one transaction), so the best score is read from the (need_id, score DESC) index alone.
 */
const OPEN_NEEDS = `
  open_need AS MATERIALIZED (
    SELECT rn.id, rn.municipality_code, rn.cpv_codes, rn.sdgs,
      EXISTS (SELECT 1 FROM offer f WHERE f.need_id = rn.id AND f.status IN ${LIVE_OFFER_STATUSES}) AS has_offer,
      s.need_id IS NULL AS awaiting,
      s.need_id IS NOT NULL AND COALESCE(best.score < $3::numeric, true) AS gap
    FROM ${regionNeedsSql('$1::char(2)', `n.status = 'PUBLISHED'`)} rn
    LEFT JOIN need_match_state s ON s.need_id = rn.id AND s.algorithm_version = $2::text
    LEFT JOIN LATERAL (SELECT m.score FROM match m WHERE m.need_id = rn.id ORDER BY m.score DESC LIMIT 1) best ON true
  )`;

/**
 * THE rule for a region's enterprises: verified social enterprises registered in the region, and those
 * whose profile works there (nationwide, the whole county, or one of its municipalities). Each branch is an
 * index scan (organization (county_code, kind); the profile's partial nationwide index and its GIN
 * indexes). `everywhere`: it works across the whole region (nationwide or county-wide), so it counts
 * in every municipality. Parameter: $1 länskod.
 */
const REGION_ENTERPRISES = `
  region_municipalities AS (SELECT array_agg(code::text) AS codes FROM municipality WHERE county_code = $1::char(2)),
  region_enterprise AS MATERIALIZED (
    SELECT o.id, o.county_code = $1::char(2) AS registered_here, o.municipality_code AS home,
      COALESCE(p.nationwide, false) AS nationwide, COALESCE(p.nationwide OR p.county_codes @> ARRAY[$1::text], false) AS everywhere,
      COALESCE(p.municipality_codes, '{}') AS municipality_codes, COALESCE(p.sdgs, '{}') AS sdgs, p.legal_form
    FROM organization o LEFT JOIN enterprise_profile p ON p.organization_id = o.id
    WHERE o.kind = 'SOCIAL_ENTERPRISE' AND o.verified AND o.id IN (
      SELECT id FROM organization WHERE county_code = $1::char(2) AND kind = 'SOCIAL_ENTERPRISE'
      UNION SELECT organization_id FROM enterprise_profile WHERE nationwide
      UNION SELECT organization_id FROM enterprise_profile WHERE county_codes @> ARRAY[$1::text]
      UNION SELECT organization_id FROM enterprise_profile WHERE municipality_codes && (SELECT codes FROM region_municipalities)
    )
  )`;

/**
 * Regional insights for coordinators, each a set-based query over the region's needs, matches,
 * offers, enterprises, partnerships and confirmed impact (see docs/insights.md for the rules).
 */
export class InsightsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private q(manager?: EntityManager) {
    return manager ?? this.dataSource.manager;
  }

  /** The region (first, municipalityCode null) and each of its municipalities, by kommunkod. */
  async areas(criteria: SupplyGapCriteria, manager?: EntityManager): Promise<AreaFigures[]> {
    const rows: AreaFigures[] = await this.q(manager).query(
      `WITH ${OPEN_NEEDS}, ${REGION_ENTERPRISES},
       need_area AS (
         SELECT municipality_code, count(*) AS open, count(*) FILTER (WHERE NOT has_offer) AS without_offers,
           count(*) FILTER (WHERE gap) AS gap, count(*) FILTER (WHERE awaiting) AS awaiting
         FROM open_need GROUP BY municipality_code
       ),
       enterprise_area AS (
         SELECT x.code, count(*) AS enterprises
         FROM region_enterprise e
         CROSS JOIN LATERAL (SELECT DISTINCT code FROM unnest(e.municipality_codes || ARRAY[e.home::text]) AS code) x
         WHERE NOT e.everywhere AND left(x.code, 2) = $1::text
         GROUP BY x.code
       ),
       partnership_area AS (
         SELECT ${municipalityInRegion('p.municipality_code', 'b.municipality_code', '$1::text')} AS municipality_code, count(*) AS active
         FROM partnership p JOIN organization b ON b.id = p.buyer_organization_id
         WHERE p.county_code = $1::char(2) AND p.status = 'ACTIVE'
         GROUP BY 1
       )
       SELECT * FROM (
       SELECT NULL::text AS "municipalityCode", NULL::text AS "municipalityName",
         COALESCE((SELECT sum(open) FROM need_area), 0)::int AS "openNeeds",
         COALESCE((SELECT sum(without_offers) FROM need_area), 0)::int AS "needsWithoutOffers",
         COALESCE((SELECT sum(gap) FROM need_area), 0)::int AS "supplyGapNeeds",
         COALESCE((SELECT sum(awaiting) FROM need_area), 0)::int AS "needsAwaitingMatching",
         (SELECT count(*) FROM region_enterprise)::int AS enterprises,
         COALESCE((SELECT sum(active) FROM partnership_area), 0)::int AS "activePartnerships"
       UNION ALL
       (SELECT a.code::text, a.name,
         COALESCE(n.open, 0)::int, COALESCE(n.without_offers, 0)::int, COALESCE(n.gap, 0)::int, COALESCE(n.awaiting, 0)::int,
         ((SELECT count(*) FROM region_enterprise WHERE everywhere) + COALESCE(e.enterprises, 0))::int,
         COALESCE(p.active, 0)::int
        FROM municipality a
        LEFT JOIN need_area n ON n.municipality_code = a.code
        LEFT JOIN enterprise_area e ON e.code = a.code::text
        LEFT JOIN partnership_area p ON p.municipality_code = a.code
        WHERE a.county_code = $1::char(2))
       ) area ORDER BY "municipalityCode" NULLS FIRST`,
      [criteria.countyCode, criteria.algorithmVersion, criteria.weakMatchBelow],
    );
    return rows;
  }

  /**
   * The supply gap by CPV division (the first two digits of each of a need's codes, a need counted once
   * per division), with the division's labels; divisions with at least one gap, most gaps first.
   */
  async supplyGapByCpvDivision(criteria: SupplyGapCriteria, manager?: EntityManager): Promise<CpvDivisionGap[]> {
    return this.q(manager).query(
      `WITH ${OPEN_NEEDS}
       SELECT d.division, c.label_sv AS "labelSv", c.label_en AS "labelEn",
         count(*) FILTER (WHERE o.gap)::int AS "supplyGapNeeds", count(*)::int AS "openNeeds"
       FROM open_need o
       CROSS JOIN LATERAL (SELECT DISTINCT left(code, 2) AS division FROM unnest(o.cpv_codes) AS code) d
       LEFT JOIN cpv_code c ON c.level = 1 AND c.division = d.division
       GROUP BY d.division, c.label_sv, c.label_en
       HAVING count(*) FILTER (WHERE o.gap) > 0
       ORDER BY "supplyGapNeeds" DESC, "openNeeds" DESC, d.division`,
      [criteria.countyCode, criteria.algorithmVersion, criteria.weakMatchBelow],
    );
  }

  /** The supply gap by global goal (a need counted once per goal it names); most gaps first. */
  async supplyGapBySdg(criteria: SupplyGapCriteria, manager?: EntityManager): Promise<SdgGap[]> {
    return this.q(manager).query(
      `WITH ${OPEN_NEEDS}
       SELECT g.number AS sdg, g.title_sv AS "titleSv", g.title_en AS "titleEn",
         count(*) FILTER (WHERE o.gap)::int AS "supplyGapNeeds", count(*)::int AS "openNeeds"
       FROM open_need o
       CROSS JOIN LATERAL (SELECT DISTINCT s FROM unnest(o.sdgs) AS s) x
       JOIN sdg g ON g.number = x.s
       GROUP BY g.number, g.title_sv, g.title_en
       HAVING count(*) FILTER (WHERE o.gap) > 0
       ORDER BY "supplyGapNeeds" DESC, "openNeeds" DESC, g.number`,
      [criteria.countyCode, criteria.algorithmVersion, criteria.weakMatchBelow],
    );
  }

  async enterpriseTotals(countyCode: string, manager?: EntityManager): Promise<EnterpriseTotals> {
    const [row]: EnterpriseTotals[] = await this.q(manager).query(
      `WITH ${REGION_ENTERPRISES}
       SELECT count(*)::int AS total, count(*) FILTER (WHERE registered_here)::int AS "registeredInRegion",
         count(*) FILTER (WHERE nationwide)::int AS nationwide
       FROM region_enterprise`,
      [countyCode],
    );
    return row;
  }

  /** The region's enterprises by the global goals their profiles name; most enterprises first. */
  async enterprisesBySdg(countyCode: string, manager?: EntityManager): Promise<SdgCount[]> {
    return this.q(manager).query(
      `WITH ${REGION_ENTERPRISES}
       SELECT g.number AS sdg, g.title_sv AS "titleSv", g.title_en AS "titleEn", count(*)::int AS enterprises
       FROM region_enterprise e CROSS JOIN LATERAL (SELECT DISTINCT s FROM unnest(e.sdgs) AS s) x JOIN sdg g ON g.number = x.s
       GROUP BY g.number, g.title_sv, g.title_en
       ORDER BY enterprises DESC, g.number`,
      [countyCode],
    );
  }

  /** The region's enterprises by legal form (null: not stated, or no profile yet); most first. */
  async enterprisesByLegalForm(countyCode: string, manager?: EntityManager): Promise<LegalFormCount[]> {
    return this.q(manager).query(
      `WITH ${REGION_ENTERPRISES}
       SELECT legal_form AS "legalForm", count(*)::int AS enterprises
       FROM region_enterprise GROUP BY legal_form
       ORDER BY enterprises DESC, legal_form NULLS LAST`,
      [countyCode],
    );
  }

  /** Partnerships of the region (their county_code) for each status in `statuses`, zeros included. */
  async partnershipsByStatus(countyCode: string, statuses: readonly string[], manager?: EntityManager): Promise<StatusCount[]> {
    return this.q(manager).query(
      `SELECT s.status, count(p.id)::int AS partnerships
       FROM unnest($2::text[]) WITH ORDINALITY AS s(status, position)
       LEFT JOIN partnership p ON p.county_code = $1::char(2) AND p.status = s.status
       GROUP BY s.status, s.position ORDER BY s.position`,
      [countyCode, statuses],
    );
  }

  /**
   * Confirmed impact of the region's partnerships, per indicator: the values of current confirmed
   * reports (a superseded report is replaced by its confirmed correction, so it is left out).
   */
  async impactTotals(countyCode: string, manager?: EntityManager): Promise<IndicatorTotal[]> {
    // Summed per partnership first, so that both steps are hash aggregates (no DISTINCT, no sort).
    return this.q(manager).query(
      `WITH per_partnership AS (
         SELECT v.indicator_code, sum(v.value) AS total, count(*) AS reports
         FROM partnership p
         JOIN impact_report r ON r.partnership_id = p.id AND r.status = 'CONFIRMED'
         JOIN impact_report_value v ON v.report_id = r.id
         WHERE p.county_code = $1::char(2)
         GROUP BY v.indicator_code, p.id
       )
       SELECT i.code AS "indicatorCode", i.name_sv AS "nameSv", i.name_en AS "nameEn", i.unit,
         t.total::float8 AS total, t.reports::int AS reports, t.partnerships::int AS partnerships
       FROM (SELECT indicator_code, sum(total) AS total, sum(reports) AS reports, count(*) AS partnerships FROM per_partnership GROUP BY indicator_code) t
       JOIN impact_indicator i ON i.code = t.indicator_code
       ORDER BY i.code`,
      [countyCode],
    );
  }

  /**
   * Per bucket (every one between the first and the last, empty ones included): the region's needs
   * published (by the Swedish date of publication, whatever their status now) and its partnerships
   * started (by their agreed start date).
   */
  async timeline(countyCode: string, series: BucketSeries, manager?: EntityManager): Promise<BucketCounts[]> {
    return this.q(manager).query(
      `WITH bucket AS (
         SELECT b::date AS start FROM generate_series($2::timestamp, $3::timestamp, $5::interval) AS b
       ),
       published AS (
         SELECT date_trunc($6::text, rn.published_at AT TIME ZONE '${TIME_ZONE}')::date AS start, count(*) AS needs
         FROM ${regionNeedsSql('$1::char(2)', `n.published_at >= ($2::timestamp AT TIME ZONE '${TIME_ZONE}') AND n.published_at < ($4::timestamp AT TIME ZONE '${TIME_ZONE}')`)} rn
         GROUP BY 1
       ),
       started AS (
         SELECT date_trunc($6::text, p.starts_on::timestamp)::date AS start, count(*) AS partnerships
         FROM partnership p
         WHERE p.county_code = $1::char(2) AND p.starts_on >= $2::date AND p.starts_on < $4::date
         GROUP BY 1
       )
       SELECT b.start::text AS bucket, COALESCE(n.needs, 0)::int AS "needsPublished", COALESCE(s.partnerships, 0)::int AS "partnershipsStarted"
       FROM bucket b LEFT JOIN published n ON n.start = b.start LEFT JOIN started s ON s.start = b.start
       ORDER BY b.start`,
      [countyCode, series.first, series.last, series.end, series.step, series.unit],
    );
  }

  /**
   * Confirmed impact per bucket and indicator, a report counted in the bucket of its period's end:
   * every bucket, for every indicator with confirmed impact anywhere in the span (zeros included).
   */
  async impactTimeline(countyCode: string, series: BucketSeries, manager?: EntityManager): Promise<BucketImpact[]> {
    return this.q(manager).query(
      `WITH bucket AS (
         SELECT b::date AS start FROM generate_series($2::timestamp, $3::timestamp, $5::interval) AS b
       ),
       reported AS (
         SELECT date_trunc($6::text, r.period_end::timestamp)::date AS start, v.indicator_code, sum(v.value) AS total
         FROM partnership p
         JOIN impact_report r ON r.partnership_id = p.id AND r.status = 'CONFIRMED'
         JOIN impact_report_value v ON v.report_id = r.id
         WHERE p.county_code = $1::char(2) AND r.period_end >= $2::date AND r.period_end < $4::date
         GROUP BY 1, 2
       )
       SELECT b.start::text AS bucket, i.code AS "indicatorCode", i.name_sv AS "nameSv", i.name_en AS "nameEn", i.unit,
         COALESCE(x.total, 0)::float8 AS total
       FROM bucket b
       CROSS JOIN impact_indicator i
       LEFT JOIN reported x ON x.start = b.start AND x.indicator_code = i.code
       WHERE i.code IN (SELECT indicator_code FROM reported)
       ORDER BY b.start, i.code`,
      [countyCode, series.first, series.last, series.end, series.step, series.unit],
    );
  }
}
