import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import type { MatchingRebuild as RebuildRecord, StoredMatch } from '../matching.repository.js';
import type { MatchComponent as ScoringComponent } from '@samverka/scoring';
import type { StoredReason } from '../match-reason-text.js';
import { ConnectionType, enumFromList, DateTimeScalar } from '@samverka/engine';
import { MATCH_STATES, type MatchState } from '../match-state.js';

export const MatchStateEnum = enumFromList(MATCH_STATES, {
  name: 'MatchState',
  description:
    'PENDING: a change is waiting to be matched; UP_TO_DATE: the matches reflect the need; NOT_MATCHED: drafts, cancelled needs and published needs of a buyer not yet verified have no matches',
});

@ObjectType({ description: 'One part of a match score' })
export class MatchComponent {
  @Field({ description: 'text, category, geography, sdg, capacity or trackRecord' })
  name: string;

  @Field(() => Float, { description: '0–1' })
  value: number;

  @Field(() => Float, { description: 'Its weight in the score' })
  weight: number;

  @Field({ description: 'False when it does not apply to the pair (a need without SDGs, without a budget…)' })
  applicable: boolean;

  static from(c: ScoringComponent): MatchComponent {
    return Object.assign(new MatchComponent(), c);
  }
}

@ObjectType({ description: 'Why an enterprise fits a need, in words a procurement officer can check' })
export class MatchReason {
  @Field({ description: 'Language-neutral and stable, e.g. category.sameCode, geography.sameCounty, eligibility.reserved' })
  code: string;

  @Field({ description: 'The component it explains, or eligibility' })
  component: string;

  /** Worded (`text`, `sv`, `en`) by MatchReasonResolver. */
  stored: StoredReason;

  static from(stored: StoredReason): MatchReason {
    return Object.assign(new MatchReason(), { code: stored.code, component: stored.component, stored });
  }
}

@ObjectType({ description: 'An enterprise that fits a need: its score, the parts of it and the reasons' })
export class Match {
  needId: string;
  organizationId: string;

  @Field(() => Float, { description: '0–100' })
  score: number;

  @Field(() => [MatchComponent])
  components: MatchComponent[];

  @Field(() => [MatchReason], { description: 'Most important first' })
  reasons: MatchReason[];

  @Field({ description: 'The matching algorithm that computed it' })
  algorithmVersion: string;

  @Field(() => DateTimeScalar)
  computedAt: Date;

  static from(row: StoredMatch): Match {
    return Object.assign(new Match(), {
      needId: row.needId,
      organizationId: row.organizationId,
      score: row.score,
      components: (row.components as ScoringComponent[]).map(MatchComponent.from),
      reasons: (row.reasons as StoredReason[]).map(MatchReason.from),
      algorithmVersion: row.algorithmVersion,
      computedAt: new Date(row.computedAt),
    });
  }
}

@ObjectType()
export class MatchConnection extends ConnectionType(Match) {}

@ObjectType({ description: "Whether a need's matches are up to date, and when they were computed" })
export class MatchStatus {
  @Field(() => MatchStateEnum)
  state: MatchState;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the matches were last computed' })
  computedAt: Date | null;

  @Field(() => String, { nullable: true })
  algorithmVersion: string | null;

  @Field(() => Int, { nullable: true, description: 'Enterprises scored the last time' })
  candidates: number | null;

  @Field(() => Int, { nullable: true, description: 'Matches kept' })
  matched: number | null;
}

@ObjectType({ description: 'A full recomputation of every published need’s matches, split into chunks that workers share' })
export class MatchingRebuild {
  @Field(() => ID)
  id: string;

  @Field()
  algorithmVersion: string;

  @Field({ description: 'RUNNING or DONE' })
  status: string;

  @Field()
  reason: string;

  @Field(() => Int)
  chunksTotal: number;

  @Field(() => Int)
  chunksDone: number;

  @Field(() => Int)
  needsTotal: number;

  @Field(() => DateTimeScalar)
  startedAt: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  finishedAt: Date | null;

  static from(r: RebuildRecord): MatchingRebuild {
    return Object.assign(new MatchingRebuild(), { ...r, startedAt: new Date(r.startedAt), finishedAt: r.finishedAt ? new Date(r.finishedAt) : null });
  }
}

@ObjectType()
export class RebuildMatchesPayload {
  @Field(() => MatchingRebuild, { description: 'The rebuild begun: follow it with the matchingRebuild query' })
  matchingRebuild: MatchingRebuild;
}
