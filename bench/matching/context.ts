import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { ProfileBlock, ScoringModel, type ProfileFeatures, type ScoringReference } from '@samverka/scoring';
import { loadScoringReference } from '../../libs/features/matching/scoring-reference.js';
import { generateEnterprises, generateNeeds, type SyntheticNeed, type SyntheticProfile } from './synthetic.js';
import type { SectionResult } from './report.js';

/**
 * What every benchmark section shares: the sizes, the reference data and one ScoringModel, and the
 * synthetic enterprises, needs and packed features, each built once on first use (whichever section
 * asks first) and kept for the others.
 */
export interface BenchOptions {
  enterprises: number;
  needs: number;
  seed: number;
}

/** Seeds of the data sets, derived from the run's seed so that they differ from each other. */
export const SEEDS = {
  enterprises: (seed: number) => seed,
  needs: (seed: number) => seed + 1,
  /** Enterprises that "change their profile" against the open needs: not part of the block. */
  changedProfiles: (seed: number) => seed + 2,
  /** Needs the kernel is measured with (not the open needs): fresh, as if just published. */
  probeNeeds: (seed: number) => seed + 3,
  /** Needs the SQL baseline and the kernel are both ranked for. */
  baselineNeeds: (seed: number) => seed + 4,
  /** Needs published through the API by the end-to-end section. */
  e2eNeeds: (seed: number) => seed + 5,
} as const;

export interface FeatureBuild {
  features: ProfileFeatures[];
  block: ProfileBlock;
  /** Time of model.profileFeatures over all enterprises. */
  featuresMs: number;
  packMs: number;
  memoryBefore: NodeJS.MemoryUsage;
  memoryAfterInputs: NodeJS.MemoryUsage;
  memoryAfter: NodeJS.MemoryUsage;
}

export class BenchContext {
  readonly model: ScoringModel;
  readonly modelBuildMs: number;
  /** Results of the sections run so far, by name: a later section may read an earlier one's numbers. */
  readonly results = new Map<string, SectionResult>();
  private enterpriseCache?: SyntheticProfile[];
  private enterpriseMs = 0;
  private needCache?: SyntheticNeed[];
  private needMs = 0;
  private build?: FeatureBuild;

  constructor(
    readonly options: BenchOptions,
    readonly dataDir: string,
    readonly reference: ScoringReference,
  ) {
    const started = performance.now();
    this.model = new ScoringModel(reference);
    this.modelBuildMs = performance.now() - started;
  }

  static create(options: BenchOptions): BenchContext {
    const dataDir = findDataDir();
    return new BenchContext(options, dataDir, loadScoringReference(dataDir));
  }

  /** The N synthetic enterprises (seeded), generated on first use. */
  enterprises(): SyntheticProfile[] {
    if (!this.enterpriseCache) {
      const started = performance.now();
      this.enterpriseCache = generateEnterprises(this.options.enterprises, SEEDS.enterprises(this.options.seed), this.reference);
      this.enterpriseMs = performance.now() - started;
    }
    return this.enterpriseCache;
  }

  /** How long generating the enterprises took (0 before). */
  get enterpriseGenerationMs(): number {
    return this.enterpriseMs;
  }

  /** The M synthetic open needs (seeded), generated on first use. */
  needs(): SyntheticNeed[] {
    if (!this.needCache) {
      const started = performance.now();
      this.needCache = generateNeeds(this.options.needs, SEEDS.needs(this.options.seed), this.reference);
      this.needMs = performance.now() - started;
    }
    return this.needCache;
  }

  get needGenerationMs(): number {
    return this.needMs;
  }

  /** Features of the N enterprises and their ProfileBlock, built (and timed) on first use. */
  features(): FeatureBuild {
    if (this.build) return this.build;
    collectGarbage();
    const memoryBefore = process.memoryUsage();
    const enterprises = this.enterprises();
    collectGarbage();
    const memoryAfterInputs = process.memoryUsage();
    const model = this.model;
    let started = performance.now();
    const features = new Array<ProfileFeatures>(enterprises.length);
    for (let i = 0; i < enterprises.length; i++) features[i] = model.profileFeatures(enterprises[i]);
    const featuresMs = performance.now() - started;
    started = performance.now();
    const block = ProfileBlock.pack(features);
    const packMs = performance.now() - started;
    collectGarbage();
    const memoryAfter = process.memoryUsage();
    this.build = { features, block, featuresMs, packMs, memoryBefore, memoryAfterInputs, memoryAfter };
    return this.build;
  }
}

/** The repository's data/ folder: the first folder above this file that has data/cpv.csv. */
export function findDataDir(from: string = import.meta.dirname): string {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'data', 'cpv.csv'))) return path.join(dir, 'data');
    if (path.dirname(dir) === dir) throw new Error(`No folder above ${from} has data/cpv.csv`);
  }
}

/** The repository root (the folder holding data/). */
export function findRepoRoot(): string {
  return path.dirname(findDataDir());
}

let gc: (() => void) | null | undefined;

/** A full garbage collection when the runtime allows one (for steadier memory figures); else nothing. */
export function collectGarbage(): void {
  if (gc === undefined) {
    try {
      const exposed = (globalThis as { gc?: () => void }).gc;
      if (exposed) gc = exposed;
      else {
        v8.setFlagsFromString('--expose-gc');
        gc = vm.runInNewContext('gc') as () => void;
      }
    } catch {
      gc = null;
    }
  }
  gc?.();
}

// ------------------------------------------------------------------ statistics and formatting

/** The p-th percentile (0–100) of ascending samples, nearest-rank. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export interface Summary {
  count: number;
  p50: number;
  p95: number;
  max: number;
  min: number;
  mean: number;
}

export function summarise(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const sum = sorted.reduce((a, b) => a + b, 0);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted[sorted.length - 1] ?? Number.NaN,
    min: sorted[0] ?? Number.NaN,
    mean: sorted.length > 0 ? sum / sorted.length : Number.NaN,
  };
}

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** 1234567 → "1 234 567" (thin grouping that reads the same in Swedish and English). */
export function formatInt(x: number): string {
  return grouped.format(Math.round(x)).replace(/,/g, ' ');
}

export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return 'n/a';
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}

export function formatMillions(perSecond: number): string {
  return `${(perSecond / 1e6).toFixed(2)} M`;
}

export function formatMiB(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
}
