import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@samverka/config';
import { Database, MatchingRepository, type MatchingRebuild, type MatchRowInput, type Transaction } from '@samverka/database';
import { QUEUE_DRIVER, type QueueDriver } from '@samverka/queue';
import { ALGORITHM_VERSION, roundScore, type MatchResult, type NeedFeatures, type ProfileFeatures } from '@samverka/scoring';
import { FeatureCache } from './feature-cache.js';
import { needInput, profileInput } from './matching-inputs.js';
import { ScoringModelProvider } from './scoring-model.provider.js';
import { StrongMatchNotifier, type StrongMatch } from '../notifications/strong-match.notifier.js';

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
    private readonly strongMatches: StrongMatchNotifier,
  ) {}

  /**
   * Matches a need whose change is pending in the outbox (or any published need with `force`): its best
   * enterprises replace its matches, and the change is cleared unless a newer one arrived meanwhile.
   */
  async matchNeed(needId: string, options: { force?: boolean } = {}): Promise<NeedMatchOutcome> {
    return this.database.transaction(async (tx) => {
      const { manager } = tx;
      await this.repository.lock('need', needId, manager);
      const revision = await this.repository.pendingRevision('need', needId, manager);
      if (revision === null && !options.force) return 'nothing-pending';
      const outcome = await this.computeNeed(needId, tx);
      if (revision !== null) await this.repository.complete('need', needId, revision, manager);
      return outcome;
    });
  }

  /**
   * The need's matches from scratch, under its lock (held by the caller's transaction). Enterprises that
   * became strong matches are told in the same transaction.
   */
  private async computeNeed(needId: string, tx: Transaction): Promise<NeedMatchOutcome> {
    const { manager } = tx;
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
    const { rows, changed } = await this.explainRows(features, ranked, manager);
    // An enterprise changed between the ranking and the reasons: keep what was explained, and match the
    // need again (its outbox entry gets a new revision, so this run does not clear it).
    if (changed) await this.repository.mark('need', needId, manager);
    const full = rows.length >= this.config.matching.topN;
    const before = await this.repository.replaceMatches(
      needId,
      rows,
      { algorithmVersion: ALGORITHM_VERSION, candidates: block.size, minScore: full ? rows[rows.length - 1].score : null },
      manager,
    );
    const strong = rows.filter((r) => this.strongMatches.isNew(r.score, before.get(r.organizationId)));
    await this.strongMatches.notify(tx, strong.map((r) => ({ need: { id: need.id, title: need.title }, organizationId: r.organizationId, score: r.score })));
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
      if (!profile) {
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
    // The cached needs only choose the candidates; each batch scores them again as they are under their locks.
    const profile = prepared.row ? model.profileFeatures(profileInput(prepared.row)) : null;
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
        // Shared-locks the profile's outbox entry: a newer change of the profile waits for this batch to
        // commit, so the job that follows it reads what this batch wrote.
        if ((await this.repository.pendingRevision('profile', organizationId, manager, { lock: true })) !== revision) return true;
        const needs = await this.repository.needsByIds(ids, manager);
        const standings = await this.repository.standings(ids, organizationId, manager);
        const strong: StrongMatch[] = [];
        for (const row of needs) {
          // Closed and awarded needs keep their matches; drafts and cancelled ones have none.
          if (row.status !== 'PUBLISHED') continue;
          const id = row.id;
          const result = profile ? this.profileResult(model.needFeatures(needInput(row)), profile, minScore) : null;
          const standing = standings.get(id)!;
          // Never matched yet: its own job is on the way and will include this enterprise.
          if (!standing.computed) continue;
          const full = standing.matched >= topN;
          if (result) {
            const enters = !full || standing.mine !== null || result.score >= standing.minScore!;
            if (!enters) continue;
            await this.repository.applyProfileScore(id, organizationId, matchRow(organizationId, result), topN, ALGORITHM_VERSION, manager);
            if (full && standing.mine !== null && result.score < standing.mine) refill.push(id);
            // A tie with the lowest of a full list may be trimmed again: only a certain place is told.
            const kept = !full || standing.mine !== null || result.score > standing.minScore!;
            if (kept && this.strongMatches.isNew(result.score, standing.mine)) strong.push({ need: { id, title: row.title }, organizationId, score: result.score });
          } else if (standing.mine !== null) {
            await this.repository.applyProfileScore(id, organizationId, null, topN, ALGORITHM_VERSION, manager);
            if (full) refill.push(id);
          }
        }
        await this.strongMatches.notify(tx, strong);
        return false;
      });
    }

    // Needs this job took the enterprise out of are matched again, even when a newer change stops it.
    await this.database.transaction(async ({ manager, afterCommit }) => {
      for (const needId of refill) await this.repository.mark('need', needId, manager);
      if (!superseded) await this.repository.complete('profile', organizationId, revision, manager);
      afterCommit(() => Promise.all(refill.map((needId) => this.enqueueNeed(needId))));
    });
    return superseded ? 'superseded' : 'applied';
  }

  /** The enterprise's match with a need, or null when it is none (ineligible, unrelated or below the minimum). */
  private profileResult(need: NeedFeatures, profile: ProfileFeatures, minScore: number): MatchResult | null {
    const result = this.models.model.explain(need, profile);
    return result.eligible && result.relevant && result.score >= minScore ? result : null;
  }

  /** One chunk of a rebuild: each of its needs from scratch, one transaction each. */
  async runRebuildChunk(rebuildId: string, chunk: number): Promise<MatchingRebuild | null> {
    const planned = await this.repository.rebuild(rebuildId);
    if (!planned) return null;
    if (planned.algorithmVersion !== ALGORITHM_VERSION) {
      // During a rolling deployment: a worker of another version leaves the chunk to one of the rebuild's own.
      throw new Error(`rebuild ${rebuildId} is for ${planned.algorithmVersion}; this worker computes ${ALGORITHM_VERSION}`);
    }
    const needIds = await this.database.transaction(({ manager }) => this.repository.chunkNeeds(rebuildId, chunk, manager));
    if (needIds === null) return null;
    for (const needId of needIds) {
      await this.database.transaction(async (tx) => {
        await this.repository.lock('need', needId, tx.manager);
        await this.computeNeed(needId, tx);
      });
    }
    const rebuild = await this.database.transaction(({ manager }) => this.repository.completeChunk(rebuildId, chunk, manager));
    if (rebuild.status === 'DONE') {
      const seconds = ((rebuild.finishedAt!.getTime() - new Date(rebuild.startedAt).getTime()) / 1000).toFixed(1);
      this.logger.log(`rebuild ${rebuild.id} done: ${rebuild.needsTotal} needs in ${rebuild.chunksTotal} chunks, ${seconds} s`);
    }
    return rebuild;
  }

  /**
   * Starts a rebuild of every published need (unless one is running) and enqueues its chunks. `covers`
   * runs in the transaction that starts it, for changes the rebuild takes care of.
   */
  async startRebuild(reason: string, covers?: (manager: EntityManager) => Promise<void>): Promise<MatchingRebuild | null> {
    const started = await this.database.transaction(async ({ manager, afterCommit }) => {
      const result = await this.repository.startRebuild(ALGORITHM_VERSION, reason, this.config.matching.rebuildChunk, manager);
      if (result) {
        await covers?.(manager);
        afterCommit(() =>
          this.enqueueChunks(result.chunks.map((chunk) => ({ rebuildId: result.rebuild.id, chunk }))).catch((error: Error) =>
            // The rebuild is recorded: the sweep enqueues its chunks again once the queue answers.
            this.logger.warn(`could not enqueue the chunks of rebuild ${result.rebuild.id} (${error.message}); the sweep will`),
          ),
        );
      }
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
    // Under a new key: the first job may be lost with Redis, or have failed for good (BullMQ keeps failed
    // jobs, and a key it still has adds nothing). A chunk that is merely slow is computed twice, the same.
    const lost = await this.repository.staleChunks(Math.max(sweepAfterMs, 60_000) * 6);
    for (const c of lost) {
      await this.queue.enqueue('matching.rebuildChunk', { rebuildId: c.rebuildId, chunk: c.chunk }, { dedupeKey: `rebuild-${c.rebuildId}-${c.chunk}-${c.attempt}` });
    }
    await this.repository.finishCompleteRebuilds();
    // A few outdated needs are matched one by one; many (a new algorithm version) get a rebuild.
    let rebuild: MatchingRebuild | null = null;
    const { rebuildChunk } = this.config.matching;
    // A worker older than the latest rebuild (a rolling deployment) does not pull the matches back to its version.
    const latest = await this.repository.latestRebuild();
    const superseded = latest !== null && latest.algorithmVersion.localeCompare(ALGORITHM_VERSION, "en", { numeric: true }) > 0;
    if (!superseded && !(await this.repository.runningRebuild())) {
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

  /**
   * After an import changed many profiles: when they outnumber the published needs, one rebuild (each
   * need ranked against every enterprise once) is cheaper than a job per profile, and covers them all, so
   * their pending changes are cleared as it starts. Otherwise, or when a rebuild is running already (it
   * may have passed some needs before the import), each profile gets its job.
   */
  async afterImport(runId: string, profilesChanged: number): Promise<'rebuild' | 'jobs'> {
    if (profilesChanged > (await this.repository.publishedNeedCount())) {
      const rebuild = await this.startRebuild(`import ${runId} changed ${profilesChanged} profiles`, (manager) => this.repository.completeProfilesOfImport(runId, manager));
      if (rebuild) return 'rebuild';
    }
    for (let after: string | null = null; ; ) {
      const ids = await this.repository.pendingProfilesOfImport(runId, after, 1_000);
      if (ids.length === 0) return 'jobs';
      await this.enqueueMany('profile', ids);
      after = ids.at(-1)!;
    }
  }

  /** The jobs of many pending changes at once: one query for their revisions, the enqueues side by side. */
  async enqueueMany(kind: 'need' | 'profile', ids: readonly string[]): Promise<void> {
    const revisions = await this.repository.pendingRevisions(kind, ids);
    await Promise.all(
      [...revisions].map(([id, revision]) =>
        kind === 'need'
          ? this.queue.enqueue('matching.need', { needId: id }, { dedupeKey: `need-${id}-${revision}` })
          : this.queue.enqueue('matching.profile', { organizationId: id }, { dedupeKey: `profile-${id}-${revision}` }),
      ),
    );
  }

  private async enqueueChunks(chunks: readonly { rebuildId: string; chunk: number }[]): Promise<void> {
    for (const c of chunks) await this.queue.enqueue('matching.rebuildChunk', c, { dedupeKey: `rebuild-${c.rebuildId}-${c.chunk}` });
  }
}

function matchRow(organizationId: string, result: MatchResult): MatchRowInput {
  return { organizationId, score: result.score, components: result.components, reasons: result.reasons };
}
