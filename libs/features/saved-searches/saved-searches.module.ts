import { Global, Module } from '@nestjs/common';
import { repositoryProviders } from '@samverka/engine';
import { SavedSearchNotifier } from './saved-search.notifier.js';
import { SavedSearchRepository } from './saved-search.repository.js';
import { SavedSearchService } from './saved-search.service.js';

/** An enterprise's saved needs searches, and telling their makers of needs that fit them. */
@Global()
@Module({
  providers: [...repositoryProviders(SavedSearchRepository), SavedSearchService, SavedSearchNotifier],
  exports: [SavedSearchService, SavedSearchNotifier],
})
export class SavedSearchesModule {}
