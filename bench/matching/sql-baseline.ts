import pg from 'pg';
import { generateNeeds, type SyntheticNeed, type SyntheticProfile } from './synthetic.js';
import { BenchContext, SEEDS, formatInt, formatMs, summarise } from './context.js';
import type { ResultRow, SectionResult } from './report.js';

/**
 * The naive baseline: the same enterprises in a PostgreSQL table (a Swedish tsvector of services and
 * description with a GIN index, CPV codes and divisions as text[] with GIN indexes, SDGs, places), and
 * one ranking query per need: ts_rank against the need's words plus CPV, SDG and place overlap, weighted
 * like the matcher's components, ORDER BY score DESC LIMIT 50. Run in a schema of its own
 * (bench_naive_<pid>), dropped at the end.
 *
 * The connection defaults to postgres://postgres@127.0.0.1:5432/test; BENCH_PG_URL overrides it.
 */
export const BASELINE_DEFAULTS = {
  needs: 100,
  warmup: 5,
  limit: 50,
  batchSize: 5_000,
};

const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/test';

/**
 * The ranking query. plainto_tsquery ANDs every word of the need, and almost no enterprise has all the
 * words of a need's title and description, so the lexemes are ORed (the "any word" reading a naive
 * implementation ends up with); ts_rank then scores how many and how often. Enterprises that share
 * neither a word nor a CPV division with the need are left out, as the matcher leaves them out, which
 * lets PostgreSQL use the GIN indexes.
 */
function rankingSql(schema: string): string {
  return `
WITH q AS (SELECT replace(plainto_tsquery('swedish', $1)::text, ' & ', ' | ')::tsquery AS q)
SELECT e.id::text AS id,
       0.30 * ts_rank(e.doc, q.q)
     + 0.25 * CASE WHEN e.cpv && $2::text[] THEN 1 WHEN e.cpv_div && $3::text[] THEN 0.25 ELSE 0 END
     + 0.15 * CASE WHEN $4::text IS NOT NULL AND e.municipality @> ARRAY[$4::text] THEN 1
                   WHEN e.county @> ARRAY[$5::text] THEN 0.8
                   WHEN e.nationwide THEN 0.35 ELSE 0 END
     + 0.10 * CASE WHEN e.sdgs && $6::smallint[] THEN 1 ELSE 0 END AS score
  FROM ${schema}.enterprise e, q
 WHERE (e.doc @@ q.q OR e.cpv_div && $3::text[])
   AND (NOT $7::boolean OR e.reserved_ok)
   AND (NOT $8::boolean OR e.ideburen)
 ORDER BY score DESC, e.id
 LIMIT ${BASELINE_DEFAULTS.limit}`;
}

function queryParams(need: SyntheticNeed): unknown[] {
  const cpv = [...new Set(need.cpvCodes.map((c) => c.slice(0, 8)))];
  return [
    `${need.title} ${need.description}`,
    cpv,
    [...new Set(cpv.map((c) => c.slice(0, 2)))],
    need.municipalityCode,
    need.countyCode ?? need.municipalityCode?.slice(0, 2) ?? null,
    need.sdgs,
    need.form === 'RESERVED_CONTRACT',
    need.form === 'IOP',
  ];
}

async function load(client: pg.Client, schema: string, enterprises: readonly SyntheticProfile[], batchSize: number): Promise<void> {
  const sql = `
INSERT INTO ${schema}.enterprise (id, doc, cpv, cpv_div, sdgs, municipality, county, nationwide, reserved_ok, ideburen)
SELECT u.id, to_tsvector('swedish', u.services || ' ' || u.description),
       string_to_array(u.cpv, ','), string_to_array(u.div, ','), string_to_array(u.sdgs, ',')::smallint[],
       string_to_array(u.muni, ','), string_to_array(u.county, ','), u.nationwide, u.reserved_ok, u.ideburen
  FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::boolean[], $10::boolean[], $11::boolean[])
    AS u(id, services, description, cpv, div, sdgs, muni, county, nationwide, reserved_ok, ideburen)`;
  for (let from = 0; from < enterprises.length; from += batchSize) {
    const batch = enterprises.slice(from, from + batchSize);
    const columns: unknown[][] = Array.from({ length: 11 }, () => []);
    for (const e of batch) {
      const cpv = [...new Set(e.cpvCodes.map((c) => c.slice(0, 8)))];
      const counties = new Set([...e.countyCodes, ...e.municipalityCodes.map((m) => m.slice(0, 2))]);
      columns[0].push(e.organizationId);
      columns[1].push(e.services);
      columns[2].push(e.description);
      columns[3].push(cpv.join(','));
      columns[4].push([...new Set(cpv.map((c) => c.slice(0, 2)))].join(','));
      columns[5].push(e.sdgs.join(','));
      columns[6].push(e.municipalityCodes.join(','));
      columns[7].push([...counties].join(','));
      columns[8].push(e.nationwide);
      columns[9].push(e.workIntegrating && (e.farFromLabourMarketShare ?? 0) >= 30);
      columns[10].push(e.ideburen);
    }
    await client.query(sql, columns);
  }
}

export async function baselineSection(ctx: BenchContext, settings = BASELINE_DEFAULTS): Promise<SectionResult> {
  const rows: ResultRow[] = [];
  const notes: string[] = [];
  const enterprises = ctx.enterprises();
  const n = enterprises.length;
  const schema = `bench_naive_${process.pid}`;
  const client = new pg.Client({ connectionString: process.env.BENCH_PG_URL ?? DEFAULT_URL, application_name: 'samverka-bench-matching' });
  await client.connect();
  try {
    const settingsRow = (
      await client.query<{ version: string; workers: string }>("SELECT current_setting('server_version') AS version, current_setting('max_parallel_workers_per_gather') AS workers")
    ).rows[0];
    const version = settingsRow?.version;
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.query(`CREATE SCHEMA ${schema}`);
    await client.query(`
CREATE TABLE ${schema}.enterprise (
  id uuid PRIMARY KEY,
  doc tsvector NOT NULL,
  cpv text[] NOT NULL,
  cpv_div text[] NOT NULL,
  sdgs smallint[] NOT NULL,
  municipality text[] NOT NULL,
  county text[] NOT NULL,
  nationwide boolean NOT NULL,
  reserved_ok boolean NOT NULL,
  ideburen boolean NOT NULL
)`);

    let started = performance.now();
    await load(client, schema, enterprises, settings.batchSize);
    const loadMs = performance.now() - started;
    rows.push({
      measurement: `Bulk load of ${formatInt(n)} enterprises (batched INSERT … SELECT FROM unnest, to_tsvector('swedish'))`,
      value: formatMs(loadMs),
      note: `${formatInt((n / loadMs) * 1000)} rows/s, batches of ${formatInt(settings.batchSize)}`,
    });

    started = performance.now();
    await client.query(`CREATE INDEX ON ${schema}.enterprise USING gin (doc)`);
    await client.query(`CREATE INDEX ON ${schema}.enterprise USING gin (cpv)`);
    await client.query(`CREATE INDEX ON ${schema}.enterprise USING gin (cpv_div)`);
    await client.query(`ANALYZE ${schema}.enterprise`);
    const indexMs = performance.now() - started;
    const size = (await client.query<{ size: string }>(`SELECT pg_size_pretty(pg_total_relation_size('${schema}.enterprise')) AS size`)).rows[0]?.size;
    rows.push({ measurement: 'GIN indexes (tsvector, cpv, cpv divisions) + ANALYZE', value: formatMs(indexMs), note: `table with indexes ${size}` });

    // The same needs for both sides.
    const needs = generateNeeds(settings.warmup + settings.needs, SEEDS.baselineNeeds(ctx.options.seed), ctx.reference);
    const sql = rankingSql(schema);
    const plan = (await client.query<{ 'QUERY PLAN': unknown }>(`EXPLAIN (FORMAT JSON) ${sql}`, queryParams(needs[0]))).rows[0]?.['QUERY PLAN'];
    const naive: number[] = [];
    const naiveIds: string[][] = [];
    for (let k = 0; k < needs.length; k++) {
      const params = queryParams(needs[k]);
      started = performance.now();
      const result = await client.query<{ id: string; score: number }>(sql, params);
      const ms = performance.now() - started;
      if (k < settings.warmup) continue;
      naive.push(ms);
      naiveIds.push(result.rows.map((r) => r.id));
    }
    const naiveSummary = summarise(naive);

    // Samverka on the same needs, in process.
    const { model } = ctx;
    const { block } = ctx.features();
    const samverka: number[] = [];
    let overlap = 0;
    for (let k = 0; k < needs.length; k++) {
      started = performance.now();
      const top = model.rankProfiles(model.needFeatures(needs[k]), block, settings.limit);
      const ms = performance.now() - started;
      if (k < settings.warmup) continue;
      samverka.push(ms);
      const ours = new Set(top.map((t) => t.profile.key));
      const theirs = naiveIds[k - settings.warmup];
      if (theirs.length > 0) overlap += theirs.filter((id) => ours.has(id)).length / Math.max(theirs.length, top.length);
    }
    const samverkaSummary = summarise(samverka);
    const ratio = samverkaSummary.p50 / naiveSummary.p50;

    rows.push({
      measurement: `Naive SQL ranking, one need vs ${formatInt(n)} enterprises (LIMIT ${settings.limit}), p50`,
      value: formatMs(naiveSummary.p50),
      note: `${settings.needs} needs, round trip from Node included`,
    });
    rows.push({ measurement: 'Naive SQL ranking, p95 / max', value: `${formatMs(naiveSummary.p95)} / ${formatMs(naiveSummary.max)}` });
    rows.push({
      measurement: 'Samverka kernel on the same needs (needFeatures + rankProfiles), p50 / p95',
      value: `${formatMs(samverkaSummary.p50)} / ${formatMs(samverkaSummary.p95)}`,
    });
    rows.push({
      measurement: 'Ratio Samverka p50 / naive SQL p50',
      value: ratio.toFixed(3),
      note: ratio < 1 ? `Samverka ${(1 / ratio).toFixed(1)}× faster` : `Samverka ${ratio.toFixed(1)}× slower`,
    });
    rows.push({
      measurement: `Top-${settings.limit} overlap, naive SQL vs Samverka (mean)`,
      value: `${(100 * (overlap / Math.max(1, naiveIds.length))).toFixed(1)} %`,
      note: 'informational: the two rank differently',
    });
    const planText = describePlan(plan);
    notes.push(
      `PostgreSQL ${version ?? '?'} on ${process.env.BENCH_PG_URL ? 'BENCH_PG_URL' : '127.0.0.1:5432'}, schema ${schema} (dropped afterwards). Plan of the ranking query: ${planText}.`,
      "Query: ts_rank of the enterprise's tsvector against the need's title + description (plainto_tsquery('swedish'), lexemes ORed), + CPV code / division overlap + same municipality / county / nationwide + any shared SDG, weighted 0.30 / 0.25 / 0.15 / 0.10; enterprises sharing neither a word nor a CPV division left out; reserved contracts and IOP filtered by eligibility; ORDER BY score DESC LIMIT 50.",
    );
    if (planText.includes('Gather')) {
      notes.push(
        `PostgreSQL ran the ranking query in parallel (max_parallel_workers_per_gather = ${settingsRow?.workers ?? '?'}): the naive baseline used more than one core, the Samverka kernel one.`,
      );
    }
  } finally {
    try {
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    } finally {
      await client.end();
    }
  }
  return { rows, notes };
}

/** The plan's node types, outermost first ("Limit → Sort → Bitmap Heap Scan → BitmapOr …"). */
function describePlan(plan: unknown): string {
  const types: string[] = [];
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    const record = node as { 'Node Type'?: string; Plans?: unknown[] };
    if (record['Node Type']) types.push(record['Node Type']);
    for (const child of record.Plans ?? []) walk(child);
  };
  const root = Array.isArray(plan) ? (plan[0] as { Plan?: unknown })?.Plan : undefined;
  walk(root);
  return types.length > 0 ? types.join(' → ') : 'unknown';
}
