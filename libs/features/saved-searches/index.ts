export { SavedSearchesModule } from './saved-searches.module.js';
export { SavedSearchNotifier } from './saved-search.notifier.js';
export { SavedSearchService, SAVED_SEARCH_DEFAULT_MIN_SCORE, SAVED_SEARCH_NAME_MAX, SAVED_SEARCHES_MAX } from './saved-search.service.js';
export { SavedSearchesGraphqlModule } from './graphql/saved-searches-graphql.module.js';
