import { Injectable } from '@nestjs/common';
import type { ScoringModel } from '@samverka/scoring';
import { sharedScoringModel } from './scoring-reference.js';

/** The process's scoring model, built on first use (about half a second: the word lexicon and IDF table). */
@Injectable()
export class ScoringModelProvider {
  get model(): ScoringModel {
    return sharedScoringModel();
  }
}
