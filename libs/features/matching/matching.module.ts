import { Global, Module } from '@nestjs/common';
import { repositoryProviders } from '@samverka/engine';
import { FeatureCache } from './feature-cache.js';
import { ImportMatching } from './import-matching.js';
import { MatchRepository } from './match.repository.js';
import { MatchingRebuildRepository } from './matching-rebuild.repository.js';
import { MatchingRebuilds } from './matching-rebuilds.js';
import { MatchingLoaders } from './matching.loaders.js';
import { MatchNeedProcessor, MatchProfileProcessor, MatchingUpkeepProcessor, RebuildChunkProcessor } from './matching.processors.js';
import { MatchingRepository } from './matching.repository.js';
import { NeedMatcher } from './need-matcher.js';
import { ProfileMatcher } from './profile-matcher.js';
import { ScoringModelProvider } from './scoring-model.provider.js';
import { StrongMatchNotifier } from './strong-match.notifier.js';

/** Match scores with reasons: the feature cache, the matcher and its jobs, rebuilds, strong-match notifications. */
@Global()
@Module({
  providers: [
    ...repositoryProviders(MatchRepository, MatchingRebuildRepository, MatchingRepository),
    FeatureCache,
    ImportMatching,
    MatchingRebuilds,
    MatchingLoaders,
    NeedMatcher,
    ProfileMatcher,
    ScoringModelProvider,
    StrongMatchNotifier,
    MatchNeedProcessor,
    MatchProfileProcessor,
    RebuildChunkProcessor,
    MatchingUpkeepProcessor,
  ],
  exports: [
    MatchRepository,
    MatchingRebuildRepository,
    MatchingRepository,
    FeatureCache,
    ImportMatching,
    MatchingRebuilds,
    MatchingLoaders,
    NeedMatcher,
    ProfileMatcher,
    ScoringModelProvider,
    StrongMatchNotifier,
  ],
})
export class MatchingModule {}
