export { CodeLists, MAX_CODES, type ReferenceLookup, date, gather, kronor, text } from './code-lists.js';
export { ReferenceDataError, findReferenceDataDir, loadReferenceData, loadReferenceDataOnOpen } from './reference-data.loader.js';
export { ReferenceDataModule } from './reference-data.module.js';
export { type CpvSearch, ReferenceDataRepository } from './reference-data.repository.js';
export { County } from './graphql/county.model.js';
export { ReferenceDataGraphqlModule } from './graphql/reference-data-graphql.module.js';
export { searchPartsOf } from './search-parts.js';
export { compoundTsQuery, type SearchQuery } from './search-query.js';
