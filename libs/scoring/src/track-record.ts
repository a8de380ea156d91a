import type { TrackRecordInput } from './types.js';
import { TRACK_RECORD } from './weights.js';

/** A track record as the matcher counts it: whole, non-negative counts, and the points they are worth. */
export interface TrackRecordEvidence {
  completed: number;
  completedWithImpact: number;
  ongoingWithImpact: number;
  points: number;
}

const count = (value: number | undefined) => (Number.isFinite(value) ? Math.max(0, Math.floor(value!)) : 0);

/**
 * The evidence points of a track record: TRACK_RECORD.completedPoints per completed partnership, and
 * TRACK_RECORD.confirmedImpactPoints per partnership with confirmed impact, completed or ongoing.
 * Counts are taken as whole and non-negative; no more completed partnerships have impact than there are.
 */
export function trackRecordEvidence(track: TrackRecordInput | undefined): TrackRecordEvidence {
  const completed = count(track?.completed);
  const completedWithImpact = Math.min(completed, count(track?.completedWithImpact));
  const ongoingWithImpact = count(track?.ongoingWithImpact);
  const points = TRACK_RECORD.completedPoints * completed + TRACK_RECORD.confirmedImpactPoints * (completedWithImpact + ongoingWithImpact);
  return { completed, completedWithImpact, ongoingWithImpact, points };
}

/** The count part of the component before its share: log(1 + points) / log(1 + saturateAt), at most 1. */
export function trackRecordCountValue(points: number): number {
  return Math.min(1, Math.log1p(points) / Math.log1p(TRACK_RECORD.saturateAt));
}
