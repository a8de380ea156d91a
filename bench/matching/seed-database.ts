import type { ScoringReference } from '@samverka/scoring';
import type pg from 'pg';
import { syntheticBuyers, type SyntheticNeed, type SyntheticProfile } from './synthetic.js';

const BATCH = 5_000;

/** An organisationsnummer-shaped number (the table checks the shape only), unique per prefix and index. */
function orgNumber(prefix: string, index: number): string {
  const digits = `${prefix}${String(index).padStart(8, '0')}`;
  return `${digits.slice(0, 6)}-${digits.slice(6, 10)}`;
}

/**
 * Writes synthetic buyers, enterprises (organisation, profile, partnerships) and published needs into
 * a migrated Samverka database, in bulk. With `triggers: false` the matching triggers stay quiet (the
 * outbox is not filled), so that a benchmark or test decides what is matched and when; the rows still
 * carry their transaction ids, so the workers' feature caches see them.
 */
export async function seedDatabase(
  client: pg.Client | pg.PoolClient,
  reference: ScoringReference,
  data: { enterprises: readonly SyntheticProfile[]; needs: readonly SyntheticNeed[] },
  options: { triggers: boolean } = { triggers: false },
): Promise<void> {
  const municipalityCounty = new Map(reference.municipalities.map((m) => [m.code, m.countyCode]));
  await client.query('BEGIN');
  try {
    if (!options.triggers) await client.query(`SET LOCAL session_replication_role = replica`);
    const buyers = syntheticBuyers(reference);
    const buyerIds = new Set(buyers.map((b) => b.id));
    await client.query(
      `INSERT INTO organization (id, kind, name, org_number, municipality_code, county_code, verified)
       SELECT u.id, u.kind, u.name, u.org_number, u.municipality_code, u.county_code, true
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS u(id, kind, name, org_number, municipality_code, county_code)
       ON CONFLICT DO NOTHING`,
      [
        buyers.map((b) => b.id),
        buyers.map((b) => (b.kind === 'municipality' ? 'MUNICIPALITY' : 'REGION')),
        buyers.map((b) => b.name),
        buyers.map((_, i) => orgNumber('21', i)),
        buyers.map((b) => (b.kind === 'municipality' ? b.code : null)),
        buyers.map((b) => (b.kind === 'municipality' ? municipalityCounty.get(b.code)! : b.code)),
      ],
    );
    for (let start = 0; start < data.enterprises.length; start += BATCH) {
      const slice = data.enterprises.slice(start, start + BATCH);
      await client.query(
        `INSERT INTO organization (id, kind, name, org_number, municipality_code, county_code, verified)
         SELECT u.id, 'SOCIAL_ENTERPRISE', u.name, u.org_number, u.municipality_code, u.county_code, true
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[]) AS u(id, name, org_number, municipality_code, county_code)`,
        [
          slice.map((p) => p.organizationId),
          slice.map((p) => p.name),
          slice.map((_, i) => orgNumber('55', start + i)),
          slice.map((p) => p.homeMunicipalityCode),
          slice.map((p) => municipalityCounty.get(p.homeMunicipalityCode)!),
        ],
      );
      await client.query(
        `INSERT INTO enterprise_profile (organization_id, description, services, cpv_codes, sdgs, nationwide, municipality_codes, county_codes,
           employees, annual_turnover_sek, max_contract_sek, legal_form, ideburen, work_integrating, far_from_labour_market_share)
         SELECT u.id, u.description, u.services, string_to_array(u.cpv, ','), string_to_array(u.sdgs, ',')::smallint[], u.nationwide,
           string_to_array(u.municipalities, ','), string_to_array(u.counties, ','), u.employees, u.turnover, u.max_contract,
           u.legal_form, u.ideburen, u.work_integrating, u.share
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::boolean[], $7::text[], $8::text[], $9::int[], $10::bigint[],
           $11::bigint[], $12::text[], $13::boolean[], $14::boolean[], $15::smallint[])
           AS u(id, description, services, cpv, sdgs, nationwide, municipalities, counties, employees, turnover, max_contract, legal_form, ideburen, work_integrating, share)`,
        [
          slice.map((p) => p.organizationId),
          slice.map((p) => p.description),
          slice.map((p) => p.services),
          slice.map((p) => p.cpvCodes.join(',')),
          slice.map((p) => p.sdgs.join(',')),
          slice.map((p) => p.nationwide),
          slice.map((p) => p.municipalityCodes.join(',')),
          slice.map((p) => p.countyCodes.join(',')),
          slice.map((p) => p.employees),
          slice.map((p) => p.turnoverSek),
          slice.map((p) => p.maxContractSek),
          slice.map((p) => (p.ideburen ? 'IDEELL_FORENING' : 'AKTIEBOLAG')),
          slice.map((p) => p.ideburen),
          slice.map((p) => p.workIntegrating),
          slice.map((p) => p.farFromLabourMarketShare),
        ],
      );
      // The track record as partnerships: completed ones (the first `completedWithImpact` with a confirmed
      // impact report), and ongoing ones with a confirmed report.
      const partnerships = slice.flatMap((p) => {
        const track = p.trackRecord;
        if (!track) return [];
        const partners = track.buyerOrganizationIds.filter((id) => buyerIds.has(id));
        if (partners.length === 0) return [];
        const buyer = (k: number) => partners[k % partners.length];
        return [
          ...Array.from({ length: track.completed }, (_, k) => ({ enterprise: p.organizationId, buyer: buyer(k), completed: true, impact: k < track.completedWithImpact })),
          ...Array.from({ length: track.ongoingWithImpact }, (_, k) => ({ enterprise: p.organizationId, buyer: buyer(k), completed: false, impact: true })),
        ];
      });
      for (const impact of [true, false]) {
        const rows = partnerships.filter((p) => p.impact === impact);
        if (rows.length === 0) continue;
        const inserted: { id: string }[] = (
          await client.query(
            `INSERT INTO partnership (buyer_organization_id, enterprise_organization_id, status, started_at, ended_at, title, county_code, starts_on, targets_status)
             SELECT u.buyer, u.enterprise, CASE WHEN u.completed THEN 'COMPLETED' ELSE 'ACTIVE' END, now() - interval '1 year',
                    CASE WHEN u.completed THEN now() - interval '1 month' END, CASE WHEN u.completed THEN 'Avslutat uppdrag' ELSE 'Pågående uppdrag' END,
                    o.county_code, (now() - interval '1 year')::date, CASE WHEN $4 THEN 'AGREED' ELSE 'NONE' END
             FROM unnest($1::uuid[], $2::uuid[], $3::boolean[]) AS u(buyer, enterprise, completed) JOIN organization o ON o.id = u.buyer
             RETURNING id`,
            [rows.map((p) => p.buyer), rows.map((p) => p.enterprise), rows.map((p) => p.completed), impact],
          )
        ).rows;
        if (!impact) continue;
        await client.query(
          `INSERT INTO impact_report (partnership_id, period_start, period_end, status, narrative, submitted_at, confirmed_at)
           SELECT id, (now() - interval '1 year')::date, (now() - interval '9 months')::date, 'CONFIRMED', 'Första kvartalet', now() - interval '8 months', now() - interval '8 months'
           FROM unnest($1::uuid[]) AS id`,
          [inserted.map((r) => r.id)],
        );
      }
    }
    for (let start = 0; start < data.needs.length; start += BATCH) {
      const slice = data.needs.slice(start, start + BATCH);
      await client.query(
        `INSERT INTO need (id, buyer_organization_id, title, description, cpv_codes, sdgs, municipality_code, county_code, budget_min_sek, budget_max_sek,
           form, wanted_impact, response_deadline, status, published_at, buyer_verified)
         SELECT u.id, u.buyer, u.title, u.description, string_to_array(u.cpv, ','), string_to_array(u.sdgs, ',')::smallint[], u.municipality, u.county,
           u.budget_min, u.budget_max, u.form, '', now() + interval '30 days', 'PUBLISHED', now(), true
         FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::bigint[], $10::bigint[], $11::text[])
           AS u(id, buyer, title, description, cpv, sdgs, municipality, county, budget_min, budget_max, form)`,
        [
          slice.map((n) => n.id),
          slice.map((n) => n.buyerOrganizationId),
          slice.map((n) => n.title),
          slice.map((n) => n.description),
          slice.map((n) => n.cpvCodes.join(',')),
          slice.map((n) => n.sdgs.join(',')),
          slice.map((n) => n.municipalityCode),
          slice.map((n) => n.countyCode ?? (n.municipalityCode ? municipalityCounty.get(n.municipalityCode)! : null)),
          slice.map((n) => n.budgetMinSek),
          slice.map((n) => n.budgetMaxSek),
          slice.map((n) => n.form),
        ],
      );
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

/** Every match row, in a fixed order, without the computation time: what two runs must agree on. */
export async function matchSnapshot(client: pg.Client | pg.PoolClient): Promise<string[]> {
  const { rows } = await client.query<{ row: string }>(
    `SELECT concat_ws('|', need_id, organization_id, score::text, components::text, reasons::text, algorithm_version) AS row
     FROM match ORDER BY need_id, organization_id`,
  );
  return rows.map((r) => r.row);
}
