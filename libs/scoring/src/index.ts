export * from './weights.js';
export * from './types.js';
export { ScoringModel, roundScore, haversineKm, NOT_A_MATCH, type NeedFeatures, type ProfileFeatures, type TextVector } from './scoring-model.js';
export { TopN } from './top-n.js';
export { trackRecordEvidence, trackRecordCountValue, type TrackRecordEvidence } from './track-record.js';
export { ProfileBlock } from './profile-block.js';
export { tokenize, stem, analyse, buildLexicon, Decompounder, derivationalRoot, domainDecompounder } from './text/swedish-analyzer.js';
export { hunspellWords } from './text/hunspell-words.js';
