import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { ScoringModel } from '@samverka/scoring';
import { sharedScoringModel } from './scoring-reference.js';

/**
 * The process's scoring model. Built when the module starts (about a second: the dictionary, the word
 * lexicon and the IDF table), before any job is taken: built inside the first job, it would hold the
 * event loop long enough for the queue to take the job's lock away.
 */
@Injectable()
export class ScoringModelProvider implements OnModuleInit {
  onModuleInit(): void {
    sharedScoringModel();
  }

  get model(): ScoringModel {
    return sharedScoringModel();
  }
}
