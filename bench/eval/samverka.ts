import { ProfileBlock, roundScore, type NeedFeatures, type ProfileFeatures, type ScoringModel } from '@samverka/scoring';
import { procurementNeed, supplierProfile, type Procurement, type Supplier } from './dataset.js';
import { fullOrder, type CandidateScores } from './metrics.js';

export const SAMVERKA_TOP = 50;

/**
 * Samverka's matcher over all candidates: the profiles packed once into one block (in key order), each
 * test procurement scored against the whole block with `scoreAt`, rounded to two decimals as
 * `rankProfiles` ranks; a negative score (not a match) is not ranked at all. The top 50 of that order is
 * checked against `rankProfiles(need, block, 50)` itself for every procurement.
 */
export class SamverkaRanker {
  readonly profiles: ProfileFeatures[];
  readonly block: ProfileBlock;
  /** Procurements where rankProfiles disagreed with the full scan (should stay 0). */
  mismatches = 0;

  constructor(
    readonly model: ScoringModel,
    suppliers: readonly Supplier[],
  ) {
    this.profiles = suppliers.map((s) => model.profileFeatures(supplierProfile(s)));
    this.block = ProfileBlock.pack(this.profiles);
  }

  needFeatures(p: Procurement): NeedFeatures {
    return this.model.needFeatures(procurementNeed(p));
  }

  scores(p: Procurement): CandidateScores {
    const need = this.needFeatures(p);
    const primary = new Float64Array(this.block.size);
    const release = this.model.densify(need.text);
    try {
      for (let i = 0; i < this.block.size; i++) {
        const score = this.model.scoreAt(need, this.block, i);
        primary[i] = score < 0 ? -1 : roundScore(score);
      }
    } finally {
      release();
    }
    const scores: CandidateScores = { primary };
    this.check(need, scores);
    return scores;
  }

  private check(need: NeedFeatures, scores: CandidateScores): void {
    const top = this.model.rankProfiles(need, this.block, SAMVERKA_TOP);
    const ours = fullOrder(scores).slice(0, SAMVERKA_TOP);
    const same = top.length === ours.length && top.every((e, k) => e.profile.key === this.block.key(ours[k]) && e.score === scores.primary[ours[k]]);
    if (!same) this.mismatches++;
  }
}
