import { Injectable, Logger } from '@nestjs/common';
import { MatchingRepository } from './matching.repository.js';
import { Outbox } from '@samverka/engine';
import { MatchingRebuilds } from './matching-rebuilds.js';

/** Profiles whose jobs are enqueued per look at the outbox. */
const PAGE = 1_000;

/** The matching of what an import changed in bulk. */
@Injectable()
export class ImportMatching {
  private readonly logger = new Logger('Matching');

  constructor(
    private readonly repository: MatchingRepository,
    private readonly rebuilds: MatchingRebuilds,
    private readonly outbox: Outbox,
  ) {}

  /**
   * After an import changed many profiles: when they outnumber the published needs, one rebuild (each
   * need ranked against every enterprise once) is cheaper than a job per profile, and covers them all, so
   * their pending changes are cleared as it starts. Otherwise, or when a rebuild is running already (it
   * may have passed some needs before the import), each profile gets its job. Never throws: what it
   * could not enqueue, the outbox sweep does.
   */
  async afterImport(runId: string, profilesChanged: number): Promise<'rebuild' | 'jobs' | 'left to the sweep'> {
    try {
      if (profilesChanged > (await this.repository.publishedNeedCount())) {
        const rebuild = await this.rebuilds.startRebuild(`import ${runId} changed ${profilesChanged} profiles`, (tx) =>
          this.repository.completeProfilesOfImport(runId, tx.manager),
        );
        if (rebuild) return 'rebuild';
      }
      for (let after: string | null = null; ;) {
        const ids = await this.repository.pendingProfilesOfImport(runId, after, PAGE);
        if (ids.length === 0) return 'jobs';
        await this.outbox.enqueuePending(
          'matching.profile',
          ids.map((organizationId) => ({ organizationId })),
        );
        after = ids.at(-1)!;
      }
    } catch (error) {
      this.logger.warn(
        `could not start the matching of the ${profilesChanged} profiles of import ${runId} (${error instanceof Error ? error.message : String(error)}); the sweep will`,
      );
      return 'left to the sweep';
    }
  }
}
