// Written by `npm run train:matching` (bench/eval/train.ts); do not edit by hand.
import type { RankerFile } from '../ranker.js';

export const RANKER_2026_12: RankerFile = {
  version: 'samverka-match-2026.12.3',
  weights: {
    text: 0.3667,
    category: 0.1661,
    geography: 0.0897,
    sdg: 0.1,
    capacity: 0.1,
    trackCount: 0.0839,
    trackSameBuyer: 0.0105,
    trackBuyerArea: 0,
    trackSameField: 0.0831,
    sameBuyerSaturateAt: 1,
    sameFieldSaturateAt: 5,
  },
  training: {
    command: 'npm run train:matching',
    trainedOn: {
      from: '2021-03-01',
      to: '2021-04-30',
      historyBefore: 'the first of each month',
      procurements: 1010,
      pairs: 141806,
    },
    validation: {
      from: '2021-04-01',
      to: '2021-04-30',
      recallAt10Before: 0.5365,
      mrrBefore: 0.3231,
      recallAt10: 0.5498,
      mrr: 0.3455,
    },
    features: ['text', 'category', 'geography', 'trackCount', 'trackSameBuyer', 'trackBuyerArea', 'trackSameField'],
    objective: 'pairwise logistic loss, each winner against the 40 best-ranked other candidates (Samverka 2026.11) and 40 other matching candidates drawn at random',
    l2: 0.003,
    trackRecordMaxShare: 0.25,
    rawCoefficients: {
      text: 2.032,
      category: 0.9209,
      geography: 0.4973,
      trackCount: 0.4656,
      trackSameBuyer: 0.0581,
      trackBuyerArea: 0,
      trackSameField: 0.4606,
    },
  },
};
