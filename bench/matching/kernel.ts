import { generateEnterprises, generateNeeds } from './synthetic.js';
import { BenchContext, SEEDS, formatInt, formatMiB, formatMillions, formatMs, percentile, summarise } from './context.js';
import type { ResultRow, SectionResult } from './report.js';
import type { NeedFeatures } from '@samverka/scoring';

/**
 * The kernel alone, in this process on one core: pairs per second, one need against all enterprises,
 * one changed profile against all open needs, and the cost of building features. Every need and
 * profile measured is fresh (its own seed), not one of the data sets it is scored against.
 */
export const KERNEL_DEFAULTS = {
  /** Needs whose pairs/s is measured (after the warm-up ones). */
  throughputNeeds: 100,
  throughputWarmup: 10,
  /** Needs ranked against the block for the latency percentiles. */
  latencyNeeds: 200,
  latencyWarmup: 20,
  /** Profile changes ranked against the open needs. */
  profileChanges: 200,
  profileWarmup: 20,
  limit: 50,
};

export const PAIRS_PER_SECOND_TARGET = 5_000_000;
export const NEED_VS_ALL_TARGET_MS = 50;
/** The latency target is stated at this many enterprises. */
export const TARGET_ENTERPRISES = 100_000;

export async function kernelSection(ctx: BenchContext, settings = KERNEL_DEFAULTS): Promise<SectionResult> {
  const { model } = ctx;
  const rows: ResultRow[] = [];
  const notes: string[] = [];
  const n = ctx.options.enterprises;

  // ---------------------------------------------------------------- building features
  const build = ctx.features();
  const { block } = build;
  rows.push({ measurement: `Generate ${formatInt(n)} synthetic enterprises`, value: formatMs(ctx.enterpriseGenerationMs) });
  rows.push({ measurement: 'ScoringModel construction (lexicon, IDF)', value: formatMs(ctx.modelBuildMs) });
  rows.push({
    measurement: 'Profile features (model.profileFeatures)',
    value: `${formatInt((n / build.featuresMs) * 1000)} enterprises/s`,
    note: `${formatMs(build.featuresMs)} for ${formatInt(n)}`,
  });
  rows.push({ measurement: `ProfileBlock.pack of ${formatInt(n)}`, value: formatMs(build.packMs) });
  const mem = build.memoryAfter;
  rows.push({
    measurement: `Heap used / RSS after building ${formatInt(n)} enterprises`,
    value: `${formatMiB(mem.heapUsed)} / ${formatMiB(mem.rss)}`,
    note:
      `inputs ${formatMiB(build.memoryAfterInputs.heapUsed - build.memoryBefore.heapUsed)} and features ${formatMiB(mem.heapUsed - build.memoryAfterInputs.heapUsed)} of heap; ` +
      `typed arrays ${formatMiB(mem.arrayBuffers)} outside the heap, of which the block ${formatMiB(blockBytes(block))}`,
  });

  // Fresh needs to score: as if just published.
  const probeCount = Math.max(settings.throughputNeeds + settings.throughputWarmup, settings.latencyNeeds + settings.latencyWarmup);
  const probes = generateNeeds(probeCount, SEEDS.probeNeeds(ctx.options.seed), ctx.reference);

  // ---------------------------------------------------------------- pairs per second
  const perNeed: number[] = [];
  let totalPairs = 0;
  let totalMs = 0;
  let matches = 0;
  let checksum = 0;
  for (let k = 0; k < settings.throughputWarmup + settings.throughputNeeds; k++) {
    const need = model.needFeatures(probes[k]);
    const release = model.densify(need.text);
    const started = performance.now();
    let found = 0;
    let sum = 0;
    for (let i = 0; i < block.size; i++) {
      const score = model.scoreAt(need, block, i);
      if (score >= 0) {
        found++;
        sum += score;
      }
    }
    const ms = performance.now() - started;
    release();
    checksum += sum;
    if (k < settings.throughputWarmup) continue;
    perNeed.push((block.size / ms) * 1000);
    totalPairs += block.size;
    totalMs += ms;
    matches += found;
  }
  const throughput = summarise(perNeed);
  rows.push({
    measurement: 'Pairs scored per second per core (scoreAt loop, median over needs)',
    value: `${formatMillions(throughput.p50)} pairs/s`,
    target: '≥ 5 M pairs/s',
    pass: throughput.p50 >= PAIRS_PER_SECOND_TARGET,
    targetId: 'kernel.pairsPerSecond',
    note: `${settings.throughputNeeds} needs × ${formatInt(block.size)}`,
  });
  rows.push({
    measurement: 'Pairs scored per second per core (total)',
    value: `${formatMillions((totalPairs / totalMs) * 1000)} pairs/s`,
    note: `${formatInt(totalPairs)} pairs in ${formatMs(totalMs)}; p5–p95 over needs ${formatMillions(
      percentile(
        [...perNeed].sort((a, b) => a - b),
        5,
      ),
    )}–${formatMillions(throughput.p95)}`,
  });
  rows.push({ measurement: 'Share of pairs that are a match (score ≥ 0)', value: `${((100 * matches) / totalPairs).toFixed(1)} %` });

  // ---------------------------------------------------------------- one need vs all enterprises
  const latency: number[] = [];
  const featureMs: number[] = [];
  let topScore = 0;
  for (let k = 0; k < settings.latencyWarmup + settings.latencyNeeds; k++) {
    const started = performance.now();
    const need = model.needFeatures(probes[k]);
    const featured = performance.now();
    const top = model.rankProfiles(need, block, settings.limit);
    const ms = performance.now() - started;
    if (k < settings.latencyWarmup) continue;
    latency.push(ms);
    featureMs.push(featured - started);
    topScore += top[0]?.score ?? 0;
  }
  const rank = summarise(latency);
  const atTargetSize = n >= TARGET_ENTERPRISES;
  rows.push({
    measurement: `One need vs ${formatInt(n)} enterprises (needFeatures + rankProfiles top ${settings.limit}), p50`,
    value: formatMs(rank.p50),
    target: '≤ 50 ms p50 at 100 000',
    pass: atTargetSize ? rank.p50 <= NEED_VS_ALL_TARGET_MS : undefined,
    targetId: 'kernel.needVsAll',
    note: atTargetSize ? (n > TARGET_ENTERPRISES ? `at ${formatInt(n)}` : undefined) : `not comparable: ${formatInt(n)} < 100 000 enterprises`,
  });
  rows.push({
    measurement: `One need vs ${formatInt(n)} enterprises, p95 / max`,
    value: `${formatMs(rank.p95)} / ${formatMs(rank.max)}`,
    note: `${settings.latencyNeeds} needs; needFeatures alone p50 ${formatMs(summarise(featureMs).p50)}`,
  });

  // ---------------------------------------------------------------- one profile change vs open needs
  const open = ctx.needs();
  let started = performance.now();
  const openFeatures: NeedFeatures[] = open.map((need) => model.needFeatures(need));
  const openMs = performance.now() - started;
  rows.push({
    measurement: `Need features (model.needFeatures) for ${formatInt(open.length)} open needs`,
    value: `${formatInt((open.length / openMs) * 1000)} needs/s`,
    note: formatMs(openMs),
  });
  const enterprises = ctx.enterprises();
  const changes = generateEnterprises(settings.profileChanges + settings.profileWarmup, SEEDS.changedProfiles(ctx.options.seed), ctx.reference);
  const changeLatency: number[] = [];
  for (let k = 0; k < changes.length; k++) {
    // An existing enterprise rewrites what it does, where and for whom.
    const before = enterprises[(k * 7919) % enterprises.length];
    const profile = { ...changes[k], organizationId: before.organizationId };
    started = performance.now();
    const features = model.profileFeatures(profile);
    const top = model.rankNeeds(features, openFeatures, settings.limit);
    const ms = performance.now() - started;
    topScore += top[0]?.score ?? 0;
    if (k >= settings.profileWarmup) changeLatency.push(ms);
  }
  const change = summarise(changeLatency);
  rows.push({
    measurement: `One profile change vs ${formatInt(open.length)} open needs (profileFeatures + rankNeeds top ${settings.limit}), p50`,
    value: formatMs(change.p50),
  });
  rows.push({
    measurement: `One profile change vs ${formatInt(open.length)} open needs, p95 / max`,
    value: `${formatMs(change.p95)} / ${formatMs(change.max)}`,
    note: `${settings.profileChanges} profiles`,
  });

  notes.push(
    `Single-threaded, in-process; timings with performance.now(), percentiles nearest-rank over sorted samples, after ${settings.throughputWarmup}/${settings.latencyWarmup}/${settings.profileWarmup} warm-up iterations.`,
    `Pairs/s times only the scoreAt loop over the packed block (the need's text densified first, outside the timing); the latency rows include computing the need's or profile's features.`,
  );
  if (!Number.isFinite(checksum + topScore)) notes.push('Warning: a score was not finite.');
  return { rows, notes };
}

/** Bytes held by the block's typed arrays. */
function blockBytes(block: object): number {
  let bytes = 0;
  for (const value of Object.values(block)) if (ArrayBuffer.isView(value)) bytes += value.byteLength;
  return bytes;
}
