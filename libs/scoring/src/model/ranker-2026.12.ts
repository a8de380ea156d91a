// Written by `npm run train:matching` (bench/eval/train.ts); do not edit by hand.
import type { RankerFile } from '../ranker.js';

export const RANKER_2026_12: RankerFile = {
  version: 'samverka-match-2026.12.1',
  weights: {
    text: 0.4109,
    category: 0.1474,
    geography: 0.0557,
    sdg: 0.1,
    capacity: 0.1,
    trackCount: 0.1651,
    trackSameBuyer: 0.0209,
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
      recallAt10: 0.5664,
      mrr: 0.3492,
    },
    features: ['text', 'category', 'geography', 'trackCount', 'trackSameBuyer', 'trackBuyerArea'],
    objective: 'pairwise logistic loss, each winner against the 40 best-ranked other candidates (Samverka 2026.11) and 40 other matching candidates drawn at random',
    l2: 0.0003,
    trackRecordMaxShare: 0.25,
    rawCoefficients: {
      text: 3.1382,
      category: 1.1262,
      geography: 0.4255,
      trackCount: 1.2617,
      trackSameBuyer: 0.1597,
      trackBuyerArea: 0,
    },
  },
};
