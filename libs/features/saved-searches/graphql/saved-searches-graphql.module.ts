import { Module } from '@nestjs/common';
import { SavedSearchResolver } from './saved-search.resolver.js';

/** Saved needs searches: the transport (GraphQL). */
@Module({
  providers: [SavedSearchResolver],
})
export class SavedSearchesGraphqlModule {}
