import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@samverka/config';
import { Database, MatchingRepository, type MatchingRebuild, type MatchRowInput } from '@samverka/database';
import { QUEUE_DRIVER, type QueueDriver } from '@samverka/queue';
import { ALGORITHM_VERSION, roundScore, type MatchResult, type NeedFeatures } from '@samverka/scoring';
import { FeatureCache } from './feature-cache.js';
import { needInput, profileInput } from './matching-inputs.js';
import { ScoringModelProvider } from './scoring-model.provider.js';

/** Needs updated per transaction when a profile's scores are applied. */
const PROFILE_BATCH = 200;

export type NeedMatchOutcome = 'matched' | 'cleared' | 'frozen' | 'nothing-pending';

/**
 * Computes matches: a need against every enterprise, a profile against every published need, and
 * rebuild chunks. Each step is idempotent (running it twice leaves the same rows) and takes the
 * need's matching lock, so steps on one need run one after another whatever process runs them.
 */
@Injectable()
export class MatchingService {
  private readonly logger = new Logger('Matching');

  constructor(
    private readonly database: Database,
    private readonly repository: MatchingRepository,
    private readonly cache: FeatureCache,
    private readonly models: ScoringModelProvider,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(QUEUE_DRIVER) private readonly queue: QueueDriver,
  ) {}

  /**
   * Matches a need whose change is pending in the outbox (or any published need with `force`): its best
   * enterprises replace its matches, and the change is cleared unless a newer one arrived meanwhile.
   */
  async matchNeed(needId: string, options: { force?: boolean } = {}): Promise<NeedMatchOutcome> {
    return this.database.transaction(async ({ manager }) => {
      await this.repository.lock('need', needId, manager);
      const revision = await this.repository.pendingRevision('need', needId, manager);
      if (revision === null && !options.force) return 'nothing-pending';
      const outcome = await this.computeNeed(needId, manager);
      if (revision !== null) await this.repository.complete('need', needId, revision, manager);
      return outcome;
    });
  }

  /** The need's matches from scratch, under its lock (held by the caller's transaction). */
  private async computeNeed(needId: string, manager: EntityManager): Promise<NeedMatchOutcome> {
    const need = await this.repository.need(needId, manager);
    if (!need || need.status === 'DRAFT' || need.status === 'CANCELLED') {
      await this.repository.deleteMatchesOfNeed(needId, manager);
      return 'cleared';
    }
    // A closed or awarded need keeps the matches it had when it was open.
    if (need.status !== 'PUBLISHED') return 'frozen';
    const model = this.models.model;
    const block = await this.cache.enterprises(manager);
    const features = model.needFeatures(needInput(need));
    const ranked = model.rankProfiles(features, block, this.config.matching.topN, this.config.matching.minScore);
    const rows = await this.explainRows(features, ranked.map((r) => r.profile.key), manager);
    const full = rows.length >= this.config.matching.topN;
    await this.repository.replaceMatches(
      needId,
      rows,
      { algorithmVersion: ALGORITHM_VERSION, candidates: block.size, minScore: full ? rows[rows.length - 1].score : null },
      manager,
    );
    return 'matched';
  }

  /** Reasons for the kept pairs, from the enterprises' full profiles (the cache keeps no text). */
  private async explainRows(need: NeedFeatures, organizationIds: string[], manager: EntityManager): Promise<MatchRowInput[]> {
    const model = this.models.model;
    const profiles = new Map((await this.repository.profilesByIds(organizationIds, manager)).map((p) => [p.organizationId, p]));
    const rows: MatchRowInput[] = [];
    for (const id of organizationIds) {
      const profile = profiles.get(id);
      if (!profile) continue;
      const result = model.explain(need, model.profileFeatures(profileInput(profile)));
      if (result.score <= 0) continue;
      rows.push(matchRow(id, result));
    }
    return rows;
  }

  /**
   * Applies a profile's change to every published need: where its new score enters a need's best N it
   * is written (the lowest one drops out); where it leaves, its row goes. When it drops from a full list,
   * someone else may now belong in it, so that need is matched again from scratch. Needs are updated in
   * batches, each under the needs' locks; a newer change of the profile stops this one (its job follows).
   */
  async matchProfile(organizationId: string): Promise<'applied' | 'superseded' | 'nothing-pending'> {
    const revision = await this.repository.pendingRevision('profile', organizationId);
    if (revision === null) return 'nothing-pending';
    const model = this.models.model;
    const { topN, minScore } = this.config.matching;

    const prepared = await this.database.transaction(async ({ manager }) => {
      const row = await this.repository.profile(organizationId, manager);
      const needs = await this.cache.openNeeds(manager);
      const current = new Set(await this.repository.matchedNeedIds(organizationId, manager));
      return { row, needs, current };
    });
    const refill: string[] = [];
    let candidates: { need: NeedFeatures; result: MatchResult | null }[];
    if (!prepared.row) {
      this.cache.forgetProfile(organizationId);
      candidates = prepared.needs.filter((n) => prepared.current.has(n.input.id)).map((need) => ({ need, result: null }));
    } else {
      const profile = model.profileFeatures(profileInput(prepared.row));
      const block = model.blockOf(profile);
      const release = model.densifyBlock(block);
      candidates = [];
      try {
        for (const need of prepared.needs) {
          const score = model.scoreAt(need, block, 0);
          const matches = score >= 0 && roundScore(score) >= minScore;
          if (matches || prepared.current.has(need.input.id)) candidates.push({ need, result: matches ? model.explain(need, profile) : null });
        }
      } finally {
        release();
      }
    }

    for (let start = 0; start < candidates.length; start += PROFILE_BATCH) {
      const batch = candidates.slice(start, start + PROFILE_BATCH);
      const superseded = await this.database.transaction(async ({ manager }) => {
        const ids = batch.map((c) => c.need.input.id);
        await this.repository.lockNeeds(ids, manager);
        if ((await this.repository.pendingRevision('profile', organizationId, manager)) !== revision) return true;
        const standings = await this.repository.standings(ids, organizationId, manager);
        for (const { need, result } of batch) {
          const id = need.input.id;
          const standing = standings.get(id)!;
          // Never matched yet: its own job is on the way and will include this enterprise.
          if (!standing.computed) continue;
          const full = standing.matched >= topN;
          if (result) {
            const enters = !full || standing.mine !== null || result.score >= standing.minScore!;
            if (!enters) continue;
            await this.repository.applyProfileScore(id, organizationId, matchRow(organizationId, result), topN, ALGORITHM_VERSION, manager);
            if (full && standing.mine !== null && result.score < standing.mine) refill.push(id);
          } else if (standing.mine !== null) {
            await this.repository.applyProfileScore(id, organizationId, null, topN, ALGORITHM_VERSION, manager);
            if (full) refill.push(id);
          }
        }
        return false;
      });
      if (superseded) return 'superseded';
    }

    await this.database.transaction(async ({ manager, afterCommit }) => {
      for (const needId of refill) await this.repository.mark('need', needId, manager);
      await this.repository.complete('profile', organizationId, revision, manager);
      afterCommit(() => Promise.all(refill.map((needId) => this.enqueueNeed(needId))));
    });
    return 'applied';
  }

  /** One chunk of a rebuild: each of its needs from scratch, one transaction each. */
  async runRebuildChunk(rebuildId: string, chunk: number): Promise<MatchingRebuild | null> {
    const needIds = await this.database.transaction(({ manager }) => this.repository.chunkNeeds(rebuildId, chunk, manager));
    if (needIds === null) return null;
    for (const needId of needIds) {
      await this.database.transaction(async ({ manager }) => {
        await this.repository.lock('need', needId, manager);
        await this.computeNeed(needId, manager);
      });
    }
    const rebuild = await this.database.transaction(({ manager }) => this.repository.completeChunk(rebuildId, chunk, manager));
    if (rebuild.status === 'DONE') {
      const seconds = ((rebuild.finishedAt!.getTime() - new Date(rebuild.startedAt).getTime()) / 1000).toFixed(1);
      this.logger.log(`rebuild ${rebuild.id} done: ${rebuild.needsTotal} needs in ${rebuild.chunksTotal} chunks, ${seconds} s`);
    }
    return rebuild;
  }

  /** Starts a rebuild of every published need (unless one is running) and enqueues its chunks. */
  async startRebuild(reason: string): Promise<MatchingRebuild | null> {
    const started = await this.database.transaction(async ({ manager, afterCommit }) => {
      const result = await this.repository.startRebuild(ALGORITHM_VERSION, reason, this.config.matching.rebuildChunk, manager);
      if (result) afterCommit(() => this.enqueueChunks(result.chunks.map((chunk) => ({ rebuildId: result.rebuild.id, chunk }))));
      return result;
    });
    if (started) this.logger.log(`rebuild ${started.rebuild.id} started (${reason}): ${started.rebuild.needsTotal} needs in ${started.rebuild.chunksTotal} chunks`);
    return started?.rebuild ?? null;
  }

  /**
   * The safety net, on a schedule: changes whose job never ran (Redis was away, or the job failed for
   * good) get a job again, rebuild chunks whose job was lost too, and needs matched by an older
   * algorithm version get a rebuild.
   */
  async sweep(): Promise<{ requeued: number; chunks: number; rebuild: MatchingRebuild | null }> {
    const { sweepAfterMs } = this.config.matching;
    const stale = await this.repository.stale(sweepAfterMs, 1_000);
    // A new key per sweep period: a job that ran and failed for good is not in the way.
    const period = Math.floor(Date.now() / sweepAfterMs);
    for (const item of stale) {
      const key = `${item.kind}-${item.subjectId}-${item.revision}-sweep${period}`;
      if (item.kind === 'need') await this.queue.enqueue('matching.need', { needId: item.subjectId }, { dedupeKey: key });
      else await this.queue.enqueue('matching.profile', { organizationId: item.subjectId }, { dedupeKey: key });
    }
    // Under the chunk's first key: a job still waiting or running keeps it, so only a lost job is added again.
    const lost = await this.repository.staleChunks(Math.max(sweepAfterMs, 60_000) * 6);
    await this.enqueueChunks(lost);
    await this.repository.finishCompleteRebuilds();
    // A few outdated needs are matched one by one; many (a new algorithm version) get a rebuild.
    let rebuild: MatchingRebuild | null = null;
    const { rebuildChunk } = this.config.matching;
    if (!(await this.repository.runningRebuild())) {
      const outdated = await this.repository.outdatedNeedIds(ALGORITHM_VERSION, rebuildChunk + 1);
      if (outdated.length > rebuildChunk) {
        rebuild = await this.startRebuild(`published needs matched by another algorithm version than ${ALGORITHM_VERSION}, or never`);
      } else if (outdated.length > 0) {
        await this.database.transaction(async ({ manager }) => {
          for (const needId of outdated) await this.repository.mark('need', needId, manager);
        });
        for (const needId of outdated) await this.enqueueNeed(needId);
      }
    }
    if (stale.length > 0 || lost.length > 0) this.logger.log(`sweep: ${stale.length} changes and ${lost.length} rebuild chunks enqueued again`);
    return { requeued: stale.length, chunks: lost.length, rebuild };
  }

  async enqueueNeed(needId: string): Promise<void> {
    const revision = await this.repository.pendingRevision('need', needId);
    if (revision !== null) await this.queue.enqueue('matching.need', { needId }, { dedupeKey: `need-${needId}-${revision}` });
  }

  async enqueueProfile(organizationId: string): Promise<void> {
    const revision = await this.repository.pendingRevision('profile', organizationId);
    if (revision !== null) await this.queue.enqueue('matching.profile', { organizationId }, { dedupeKey: `profile-${organizationId}-${revision}` });
  }

  private async enqueueChunks(chunks: readonly { rebuildId: string; chunk: number }[]): Promise<void> {
    for (const c of chunks) await this.queue.enqueue('matching.rebuildChunk', c, { dedupeKey: `rebuild-${c.rebuildId}-${c.chunk}` });
  }
}

function matchRow(organizationId: string, result: MatchResult): MatchRowInput {
  return { organizationId, score: result.score, components: result.components, reasons: result.reasons };
}
