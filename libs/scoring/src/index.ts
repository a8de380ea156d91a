export * from './weights.js';
export * from './types.js';
export { ScoringModel, roundScore, NOT_A_MATCH, SLOT, TRACK_SLOT } from './scoring-model.js';
export type { NeedFeatures, ProfileFeatures, TextVector } from './features.js';
export { haversineKm } from './geography.js';
export { TopN } from './top-n.js';
export { trackRecordEvidence, trackRecordCountValue, type TrackRecordEvidence } from './track-record.js';
export { ProfileBlock } from './profile-block.js';
export {
  tokenize,
  stem,
  analyse,
  buildLexicon,
  compoundRules,
  Decompounder,
  derivationalRoot,
  domainDecompounder,
  MEETS,
  meetingWords,
  rolesMeet,
  type AnalysedTerm,
  type CompoundRules,
  type TermRole,
} from './text/swedish-analyzer.js';
export { hunspellEntries, hunspellWords, type DictionaryEntry } from './text/hunspell-words.js';
export * from './ranker.js';
export { RANKER_2026_12 } from './model/ranker-2026.12.js';
export { SEARCH_PARTS_VERSION, searchParts, queryParts } from './text/search-parts.js';
