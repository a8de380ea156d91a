import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, Database, Outbox } from '@samverka/engine';
import { MatchingRepository } from './matching.repository.js';
import { MatchRepository } from './match.repository.js';
import { ALGORITHM_VERSION, roundScore, type MatchResult, type NeedFeatures, type ProfileFeatures } from '@samverka/scoring';
import { FeatureCache } from './feature-cache.js';
import { needInput, profileInput } from './matching-inputs.js';
import { matchRow } from './need-matcher.js';
import { ScoringModelProvider } from './scoring-model.provider.js';
import { StrongMatchNotifier, type StrongMatch } from './strong-match.notifier.js';

/** Needs updated per transaction when a profile's scores are applied. */
const PROFILE_BATCH = 200;

/**
 * A profile's change applied to every published need: where its new score enters a need's best N it is
 * written (the lowest one drops out); where it leaves, its row goes. When it drops from a full list,
 * someone else may now belong in it, so that need is matched again from scratch.
 */
@Injectable()
export class ProfileMatcher {
  constructor(
    private readonly database: Database,
    private readonly repository: MatchingRepository,
    private readonly matches: MatchRepository,
    private readonly cache: FeatureCache,
    private readonly models: ScoringModelProvider,
    private readonly outbox: Outbox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly strongMatches: StrongMatchNotifier,
  ) {}

  /**
   * Needs are updated in batches, each under the needs' locks; a newer change of the profile stops this
   * one (its job follows).
   */
  async matchProfile(organizationId: string): Promise<'applied' | 'superseded' | 'nothing-pending'> {
    const change = { organizationId };
    const revision = await this.outbox.revision('matching.profile', change);
    if (revision === null) return 'nothing-pending';
    const model = this.models.model;
    const { topN, minScore } = this.config.matching;

    const prepared = await this.database.transaction(async ({ manager }) => {
      const row = await this.repository.profile(organizationId, manager);
      const needs = await this.cache.openNeeds(manager);
      const current = new Set(await this.matches.matchedNeedIds(organizationId, manager));
      return { row, needs, current };
    });
    const refill: string[] = [];
    // The cached needs only choose the candidates; each batch scores them again as they are under their locks.
    // An enterprise not verified (any more) is no match: it leaves every list it is in.
    const profile = prepared.row?.verified ? model.profileFeatures(profileInput(prepared.row)) : null;
    let candidates: string[];
    if (!profile) {
      this.cache.forgetProfile(organizationId);
      candidates = prepared.needs.filter((n) => prepared.current.has(n.input.id)).map((n) => n.input.id);
    } else {
      const block = model.blockOf(profile);
      const release = model.densifyBlock(block);
      candidates = [];
      try {
        for (const need of prepared.needs) {
          const score = model.scoreAt(need, block, 0);
          if ((score >= 0 && roundScore(score) >= minScore) || prepared.current.has(need.input.id)) candidates.push(need.input.id);
        }
      } finally {
        release();
      }
    }

    let superseded = false;
    for (let start = 0; start < candidates.length && !superseded; start += PROFILE_BATCH) {
      const ids = candidates.slice(start, start + PROFILE_BATCH);
      superseded = await this.database.transaction(async (tx) => {
        const { manager } = tx;
        await this.repository.lockNeeds(ids, manager);
        // Shared-locks the profile's outbox row: a newer change of the profile waits for this batch to
        // commit, so the job that follows it reads what this batch wrote.
        if ((await this.outbox.revision('matching.profile', change, manager, { lock: true })) !== revision) return true;
        const needs = await this.repository.needsByIds(ids, manager);
        const standings = await this.matches.standings(ids, organizationId, manager);
        const strong: StrongMatch[] = [];
        for (const row of needs) {
          // Closed and awarded needs keep their matches; drafts, cancelled ones and those of buyers not verified have none.
          if (row.status !== 'PUBLISHED' || !row.buyerVerified) continue;
          const id = row.id;
          const result = profile ? this.profileResult(model.needFeatures(needInput(row)), profile, minScore) : null;
          const standing = standings.get(id)!;
          // Never matched yet: its own job is on the way and will include this enterprise.
          if (!standing.computed) continue;
          const full = standing.matched >= topN;
          if (result) {
            const enters = !full || standing.mine !== null || result.score >= standing.minScore!;
            if (!enters) continue;
            await this.matches.applyProfileScore(id, organizationId, matchRow(organizationId, result), topN, ALGORITHM_VERSION, manager);
            if (full && standing.mine !== null && result.score < standing.mine) refill.push(id);
            // A tie with the lowest of a full list may be trimmed again: only a certain place is told.
            const kept = !full || standing.mine !== null || result.score > standing.minScore!;
            if (kept && this.strongMatches.isNew(result.score, standing.mine)) strong.push({ need: { id, title: row.title }, organizationId, score: result.score });
          } else if (standing.mine !== null) {
            await this.matches.applyProfileScore(id, organizationId, null, topN, ALGORITHM_VERSION, manager);
            if (full) refill.push(id);
          }
        }
        await this.strongMatches.notify(tx, strong);
        return false;
      });
    }

    // Needs this job took the enterprise out of are matched again, even when a newer change stops it.
    await this.database.transaction(async (tx) => {
      await this.outbox.publishMany(
        tx,
        'matching.need',
        refill.map((needId) => ({ needId })),
      );
      if (!superseded) await this.outbox.complete('matching.profile', change, revision, tx.manager);
    });
    return superseded ? 'superseded' : 'applied';
  }

  /** The enterprise's match with a need, or null when it is none (ineligible, unrelated or below the minimum). */
  private profileResult(need: NeedFeatures, profile: ProfileFeatures, minScore: number): MatchResult | null {
    const result = this.models.model.explain(need, profile);
    return result.eligible && result.relevant && result.score >= minScore ? result : null;
  }
}
