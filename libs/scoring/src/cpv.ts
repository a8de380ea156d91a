import { CPV_SIMILARITY } from './weights.js';

/** CPV codes as digit prefixes: for code i, prefixes[7i + k] holds its first k + 2 digits. */
export interface CpvFeatures {
  count: number;
  prefixes: Int32Array;
  /** Significant digits of each code (its level in the hierarchy): 45000000 has 2, 45210000 has 4. */
  significant: Uint8Array;
}

/** How many leading digits two codes share (2 to 8), or 0 when their divisions differ; codes as `cpvFeatures` stores them. */
export function sharedDigits(a: Int32Array, ai: number, b: Int32Array, bi: number): number {
  if (a[ai] !== b[bi]) return 0;
  let depth = 2;
  while (depth < 8 && a[ai + depth - 1] === b[bi + depth - 1]) depth++;
  return depth;
}

export type CpvLevel = keyof typeof CPV_SIMILARITY;

/**
 * Two codes sharing their first `depth` digits, with `sigA` and `sigB` significant digits: the same
 * code; one containing the other (valued by the broader code's level); or the deepest shared level.
 */
export function cpvPairLevel(depth: number, sigA: number, sigB: number): CpvLevel {
  if (depth === 8) return 'sameCode';
  const broader = sigA < sigB ? sigA : sigB;
  const level = depth >= broader ? broader : depth;
  if (depth >= broader && broader >= 5) return 'ancestor';
  if (level >= 5) return 'category';
  if (level === 4) return 'class';
  if (level === 3) return 'group';
  return 'division';
}

export function cpvPairValue(depth: number, sigA: number, sigB: number): number {
  return CPV_SIMILARITY[cpvPairLevel(depth, sigA, sigB)];
}

const POWERS = [1e6, 1e5, 1e4, 1e3, 1e2, 1e1, 1];

export function cpvFeatures(codes: readonly string[]): CpvFeatures {
  const unique = [...new Set(codes.map((c) => c.trim().slice(0, 8)).filter((c) => /^\d{8}$/.test(c)))].sort();
  const prefixes = new Int32Array(unique.length * 7);
  const significant = new Uint8Array(unique.length);
  unique.forEach((code8, i) => {
    const value = Number(code8);
    for (let k = 0; k < 7; k++) prefixes[i * 7 + k] = Math.floor(value / POWERS[k]);
    significant[i] = Math.max(2, code8.replace(/0+$/, '').length);
  });
  return { count: unique.length, prefixes, significant };
}
