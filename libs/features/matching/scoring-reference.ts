import { findReferenceDataDir, swedishDecompounder } from '@samverka/reference-data';
import { RANKER, ScoringModel, type ScoringReference } from '@samverka/scoring';
import { readScoringReference } from './read-scoring-reference.js';

/** The matcher's reference data from the project's data/ folder (see readScoringReference). */
export function loadScoringReference(dataDir: string = findReferenceDataDir()): ScoringReference {
  return readScoringReference(dataDir);
}

let shared: ScoringModel | undefined;

/** One model per process: building it takes about a second and it only grows its term table. */
export function sharedScoringModel(): ScoringModel {
  shared ??= new ScoringModel(loadScoringReference(), RANKER, swedishDecompounder());
  return shared;
}
