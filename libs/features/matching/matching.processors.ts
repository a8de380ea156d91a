import { JobHandler, type JobProcessor, type JobPayload } from '@samverka/engine';
import { MatchingRebuilds } from './matching-rebuilds.js';
import { NeedMatcher } from './need-matcher.js';
import { ProfileMatcher } from './profile-matcher.js';

@JobHandler('matching.need')
export class MatchNeedProcessor implements JobProcessor<'matching.need'> {
  constructor(private readonly needs: NeedMatcher) {}

  async handle({ needId }: JobPayload<'matching.need'>): Promise<void> {
    await this.needs.matchNeed(needId);
  }
}

@JobHandler('matching.profile')
export class MatchProfileProcessor implements JobProcessor<'matching.profile'> {
  constructor(private readonly profiles: ProfileMatcher) {}

  async handle({ organizationId }: JobPayload<'matching.profile'>): Promise<void> {
    await this.profiles.matchProfile(organizationId);
  }
}

@JobHandler('matching.rebuildChunk')
export class RebuildChunkProcessor implements JobProcessor<'matching.rebuildChunk'> {
  constructor(private readonly rebuilds: MatchingRebuilds) {}

  async handle({ rebuildId, chunk }: JobPayload<'matching.rebuildChunk'>): Promise<void> {
    await this.rebuilds.runRebuildChunk(rebuildId, chunk);
  }
}

@JobHandler('matching.upkeep')
export class MatchingUpkeepProcessor implements JobProcessor<'matching.upkeep'> {
  constructor(private readonly rebuilds: MatchingRebuilds) {}

  async handle(): Promise<void> {
    await this.rebuilds.upkeep();
  }
}
