// Written by `npm run train:matching` (bench/eval/train.ts); do not edit by hand.
import type { RankerFile } from '../ranker.js';

export const RANKER_2026_12: RankerFile = {
  version: 'samverka-match-2026.12.2',
  weights: {
    text: 0.3549,
    category: 0.1902,
    geography: 0.0732,
    sdg: 0.1,
    capacity: 0.1,
    trackCount: 0.169,
    trackSameBuyer: 0.0127,
    trackBuyerArea: 0,
    sameBuyerSaturateAt: 1,
  },
  training: {
    command: 'npm run train:matching',
    trainedOn: {
      from: '2021-03-01',
      to: '2021-04-30',
      historyBefore: 'the first of each month',
      procurements: 1010,
      pairs: 141809,
    },
    validation: {
      from: '2021-04-01',
      to: '2021-04-30',
      recallAt10Before: 0.5365,
      mrrBefore: 0.3231,
      recallAt10: 0.5532,
      mrr: 0.3398,
    },
    features: ['text', 'category', 'geography', 'trackCount', 'trackSameBuyer', 'trackBuyerArea'],
    objective: 'pairwise logistic loss, each winner against the 40 best-ranked other candidates (Samverka 2026.11) and 40 other matching candidates drawn at random',
    l2: 0.003,
    trackRecordMaxShare: 0.25,
    rawCoefficients: {
      text: 2.0496,
      category: 1.0982,
      geography: 0.4228,
      trackCount: 0.9758,
      trackSameBuyer: 0.0734,
      trackBuyerArea: 0,
    },
  },
};
