import { JobHandler, type JobPayload, type JobProcessor } from '@samverka/queue';
import { MatchingService } from './matching.service.js';

@JobHandler('matching.need')
export class MatchNeedProcessor implements JobProcessor<'matching.need'> {
  constructor(private readonly matching: MatchingService) {}

  async handle({ needId }: JobPayload<'matching.need'>): Promise<void> {
    await this.matching.matchNeed(needId);
  }
}

@JobHandler('matching.profile')
export class MatchProfileProcessor implements JobProcessor<'matching.profile'> {
  constructor(private readonly matching: MatchingService) {}

  async handle({ organizationId }: JobPayload<'matching.profile'>): Promise<void> {
    await this.matching.matchProfile(organizationId);
  }
}

@JobHandler('matching.rebuildChunk')
export class RebuildChunkProcessor implements JobProcessor<'matching.rebuildChunk'> {
  constructor(private readonly matching: MatchingService) {}

  async handle({ rebuildId, chunk }: JobPayload<'matching.rebuildChunk'>): Promise<void> {
    await this.matching.runRebuildChunk(rebuildId, chunk);
  }
}

@JobHandler('matching.sweep')
export class MatchingSweepProcessor implements JobProcessor<'matching.sweep'> {
  constructor(private readonly matching: MatchingService) {}

  async handle(): Promise<void> {
    await this.matching.sweep();
  }
}
