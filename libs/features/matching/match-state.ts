/** The states of a need's matches, which its match status reports; derived when asked, never stored. */
export const MATCH_STATES = ['PENDING', 'UP_TO_DATE', 'NOT_MATCHED'] as const;
export type MatchState = (typeof MATCH_STATES)[number];
