import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig, Database, type Transaction, Outbox } from '@samverka/engine';
import { MatchingRepository, type MatchRowInput } from './matching.repository.js';
import { MatchRepository } from './match.repository.js';
import { ALGORITHM_VERSION, type MatchResult, type NeedFeatures, type ProfileFeatures } from '@samverka/scoring';
import { FeatureCache } from './feature-cache.js';
import { needInput, profileInput } from './matching-inputs.js';
import { ScoringModelProvider } from './scoring-model.provider.js';
import { SavedSearchNotifier } from '@samverka/saved-searches';
import { StrongMatchNotifier } from './strong-match.notifier.js';

export type NeedMatchOutcome = 'matched' | 'cleared' | 'frozen' | 'nothing-pending';

/**
 * A need against every enterprise: its best enterprises replace its matches. Idempotent (running it
 * twice leaves the same rows), under the need's matching lock, so steps on one need run one after
 * another whatever process runs them.
 */
@Injectable()
export class NeedMatcher {
  constructor(
    private readonly database: Database,
    private readonly repository: MatchingRepository,
    private readonly matches: MatchRepository,
    private readonly cache: FeatureCache,
    private readonly models: ScoringModelProvider,
    private readonly outbox: Outbox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly strongMatches: StrongMatchNotifier,
    private readonly savedSearches: SavedSearchNotifier,
  ) {}

  /**
   * Matches a need whose change is pending in the outbox (or any published need with `force`), and clears
   * the change unless a newer one arrived meanwhile.
   */
  async matchNeed(needId: string, options: { force?: boolean } = {}): Promise<NeedMatchOutcome> {
    return this.database.transaction(async (tx) => {
      const { manager } = tx;
      await this.repository.lock('need', needId, manager);
      const revision = await this.outbox.revision('matching.need', { needId }, manager);
      if (revision === null && !options.force) return 'nothing-pending';
      const outcome = await this.computeNeed(needId, tx);
      if (revision !== null) await this.outbox.complete('matching.need', { needId }, revision, manager);
      return outcome;
    });
  }

  /**
   * The need's matches from scratch, under its lock (held by the caller's transaction). Enterprises that
   * became strong matches are told in the same transaction.
   */
  async computeNeed(needId: string, tx: Transaction): Promise<NeedMatchOutcome> {
    const { manager } = tx;
    const need = await this.repository.need(needId, manager);
    // A need of a buyer not verified is shown to nobody else: it has no matches until the buyer is verified.
    if (!need || need.status === 'DRAFT' || need.status === 'CANCELLED' || (need.status === 'PUBLISHED' && !need.buyerVerified)) {
      await this.matches.deleteMatchesOfNeed(needId, manager);
      return 'cleared';
    }
    // A closed or awarded need keeps the matches it had when it was open.
    if (need.status !== 'PUBLISHED') return 'frozen';
    const model = this.models.model;
    const block = await this.cache.enterprises(manager);
    const features = model.needFeatures(needInput(need));
    const ranked = model.rankProfiles(features, block, this.config.matching.topN, this.config.matching.minScore);
    const { rows, changed } = await this.explainRows(features, ranked, manager);
    // An enterprise changed between the ranking and the reasons: keep what was explained, and match the
    // need again (its outbox row gets a new revision, so this run does not clear it).
    if (changed) await this.outbox.publish(tx, 'matching.need', { needId });
    const full = rows.length >= this.config.matching.topN;
    const before = await this.matches.replaceMatches(
      needId,
      rows,
      { algorithmVersion: ALGORITHM_VERSION, candidates: block.size, minScore: full ? rows[rows.length - 1].score : null },
      manager,
    );
    const strong = rows.filter((r) => this.strongMatches.isNew(r.score, before.get(r.organizationId)));
    await this.strongMatches.notify(
      tx,
      strong.map((r) => ({ need: { id: need.id, title: need.title }, organizationId: r.organizationId, score: r.score })),
    );
    // Every pair, not only the new ones: a search saved since the last run hears of the need too (its
    // dedupe key makes it once per search and need).
    await this.savedSearches.notify(
      tx,
      { id: need.id, title: need.title },
      rows.map((r) => ({ organizationId: r.organizationId, score: r.score })),
    );
    return 'matched';
  }

  /**
   * Reasons for the kept pairs, from the enterprises' full profiles (the cache keeps no text). `changed`
   * says that a profile read now scores otherwise than the cached features it was ranked by.
   */
  private async explainRows(
    need: NeedFeatures,
    ranked: readonly { score: number; profile: ProfileFeatures }[],
    manager: EntityManager,
  ): Promise<{ rows: MatchRowInput[]; changed: boolean }> {
    const model = this.models.model;
    const ids = ranked.map((r) => r.profile.key);
    const profiles = new Map((await this.repository.profilesByIds(ids, manager)).map((p) => [p.organizationId, p]));
    const rows: MatchRowInput[] = [];
    let changed = false;
    for (const { score, profile: cached } of ranked) {
      const profile = profiles.get(cached.key);
      if (!profile || !profile.verified) {
        changed = true;
        continue;
      }
      const result = model.explain(need, model.profileFeatures(profileInput(profile)));
      if (result.score !== score) changed = true;
      if (result.score <= 0) continue;
      rows.push(matchRow(cached.key, result));
    }
    return { rows, changed };
  }
}

export function matchRow(organizationId: string, result: MatchResult): MatchRowInput {
  return { organizationId, score: result.score, components: result.components, reasons: result.reasons };
}
