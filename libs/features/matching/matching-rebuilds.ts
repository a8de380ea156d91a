import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, Database, type Transaction, Outbox } from '@samverka/engine';
import { MatchingRebuildRepository } from './matching-rebuild.repository.js';
import { MatchingRepository, type MatchingRebuild } from './matching.repository.js';
import { ALGORITHM_VERSION } from '@samverka/scoring';
import { NeedMatcher } from './need-matcher.js';

/**
 * Rebuilds: every published need matched from scratch, in chunks that any number of workers share; and
 * the upkeep that starts one when needs were matched by another algorithm version.
 */
@Injectable()
export class MatchingRebuilds {
  private readonly logger = new Logger('Matching');

  constructor(
    private readonly database: Database,
    private readonly repository: MatchingRebuildRepository,
    private readonly matching: MatchingRepository,
    private readonly needs: NeedMatcher,
    private readonly outbox: Outbox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

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
        await this.matching.lock('need', needId, tx.manager);
        await this.needs.computeNeed(needId, tx);
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
   * Starts a rebuild of every published need (unless one is running) and publishes its chunks. `covers`
   * runs in the transaction that starts it, for changes the rebuild takes care of.
   */
  async startRebuild(reason: string, covers?: (tx: Transaction) => Promise<void>): Promise<MatchingRebuild | null> {
    const started = await this.database.transaction(async (tx) => {
      const result = await this.repository.startRebuild(ALGORITHM_VERSION, reason, this.config.matching.rebuildChunk, tx.manager);
      if (result) {
        await covers?.(tx);
        await this.outbox.publishMany(
          tx,
          'matching.rebuildChunk',
          result.chunks.map((chunk) => ({ rebuildId: result.rebuild.id, chunk })),
        );
      }
      return result;
    });
    if (started) this.logger.log(`rebuild ${started.rebuild.id} started (${reason}): ${started.rebuild.needsTotal} needs in ${started.rebuild.chunksTotal} chunks`);
    return started?.rebuild ?? null;
  }

  /**
   * On a schedule: finishes a rebuild whose chunks are all done, and matches again the needs matched by
   * an older algorithm version (or never): a few one by one, many (a new version) in a rebuild.
   */
  async upkeep(): Promise<{ rebuild: MatchingRebuild | null; outdated: number }> {
    await this.repository.finishCompleteRebuilds();
    const { rebuildChunk } = this.config.matching;
    // A worker older than the latest rebuild (a rolling deployment) does not pull the matches back to its version.
    const latest = await this.repository.latestRebuild();
    const superseded = latest !== null && latest.algorithmVersion.localeCompare(ALGORITHM_VERSION, 'en', { numeric: true }) > 0;
    if (superseded || (await this.repository.runningRebuild())) return { rebuild: null, outdated: 0 };
    const outdated = await this.repository.outdatedNeedIds(ALGORITHM_VERSION, rebuildChunk + 1);
    if (outdated.length > rebuildChunk) {
      const rebuild = await this.startRebuild(`published needs matched by another algorithm version than ${ALGORITHM_VERSION}, or never`);
      return { rebuild, outdated: outdated.length };
    }
    if (outdated.length > 0) {
      await this.database.transaction((tx) =>
        this.outbox.publishMany(
          tx,
          'matching.need',
          outdated.map((needId) => ({ needId })),
        ),
      );
    }
    return { rebuild: null, outdated: outdated.length };
  }
}
