// Written by `npm run train:matching` (bench/eval/train.ts); do not edit by hand.
import type { RankerFile } from '../ranker.js';

export const RANKER_2026_12: RankerFile = {
  version: 'samverka-match-2026.12.1',
  weights: {
    text: 0.3558,
    category: 0.1587,
    geography: 0.0462,
    sdg: 0.1,
    capacity: 0.1,
    trackCount: 0.2116,
    trackSameBuyer: 0.0277,
    trackBuyerArea: 0,
    sameBuyerSaturateAt: 3,
  },
  training: {
    command: 'npm run train:matching',
    trainedOn: {
      from: '2021-03-01',
      to: '2021-04-30',
      historyBefore: 'the first of each month',
      procurements: 1043,
      pairs: 149105,
    },
    validation: {
      from: '2021-04-01',
      to: '2021-04-30',
      recallAt10Before: 0.5382,
      mrrBefore: 0.3256,
      recallAt10: 0.5714,
      mrr: 0.353,
    },
    features: ['text', 'category', 'geography', 'trackCount', 'trackSameBuyer', 'trackBuyerArea'],
    objective: 'pairwise logistic loss, each winner against the 40 best-ranked other candidates (Samverka 2026.11) and 40 other matching candidates drawn at random',
    l2: 0.003,
    trackRecordMaxShare: 0.4,
    rawCoefficients: {
      text: 2.2661,
      category: 1.011,
      geography: 0.2943,
      trackCount: 1.3477,
      trackSameBuyer: 0.1766,
      trackBuyerArea: 0,
    },
  },
};
