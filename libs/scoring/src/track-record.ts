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

/** A CPV class's key among the track record's fields: its 4 digits plus this, apart from the groups' 3 digits. */
export const FIELD_CLASS_OFFSET = 100_000;

/**
 * The fields of a track record's partnerships, from each partnership's CPV code (once per partnership):
 * the keys of their groups (3 digits) and classes (4 digits, plus FIELD_CLASS_OFFSET) ascending, with how
 * many partnerships are in each. Codes that are not CPV codes are left out.
 */
export function trackRecordFields(codes: readonly string[]): { trackFields: Int32Array; trackFieldCounts: Int32Array } {
  const counts = new Map<number, number>();
  for (const raw of codes) {
    const code = raw.trim().slice(0, 8);
    if (!/^\d{8}$/.test(code)) continue;
    const group = Number(code.slice(0, 3));
    const cls = FIELD_CLASS_OFFSET + Number(code.slice(0, 4));
    counts.set(group, (counts.get(group) ?? 0) + 1);
    counts.set(cls, (counts.get(cls) ?? 0) + 1);
  }
  const trackFields = Int32Array.from(counts.keys()).sort();
  return { trackFields, trackFieldCounts: Int32Array.from(trackFields, (key) => counts.get(key)!) };
}

/**
 * The same-field part: partnerships in the need's CPV class count whole, those only in its group half,
 * on a logarithmic scale that is whole at `saturateAt` partnerships in the class.
 */
export function sameFieldValue(inClass: number, inGroup: number, saturateAt: number): number {
  const n = inClass + 0.5 * (inGroup - inClass);
  return Math.min(1, Math.log1p(n) / Math.log1p(Math.max(1, saturateAt)));
}
