export { CodeLists, MAX_CODES, type ReferenceLookup, date, gather, kronor, text } from './code-lists.js';
export { ReferenceDataError, findReferenceDataDir, loadReferenceData, loadReferenceDataOnOpen } from './reference-data.loader.js';
export { ReferenceDataModule } from './reference-data.module.js';
export { type CpvSearch, ReferenceDataRepository } from './reference-data.repository.js';
export { County } from './graphql/county.model.js';
export { ReferenceDataGraphqlModule } from './graphql/reference-data-graphql.module.js';
export { CpvSearchIndex, type CpvIndexCode, type CpvRanked, type CpvSynonym } from './cpv-search-index.js';
export { readCpvIndexCodes, readCpvSearchIndex, readCpvSynonyms, swedishDictionary } from './cpv-search-data.js';
