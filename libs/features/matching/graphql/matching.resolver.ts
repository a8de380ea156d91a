import { Args, Context, Float, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { MatchingRebuildRepository } from '../matching-rebuild.repository.js';
import { MatchRepository } from '../match.repository.js';
import { type StoredMatch } from '../matching.repository.js';
import { DomainError, type Actor } from '@samverka/domain';
import { ALGORITHM_VERSION } from '@samverka/scoring';
import { MatchingRebuilds } from '../matching-rebuilds.js';
import {
  AccessService,
  Authorize,
  CurrentActor,
  type RequestContext,
  keysetConnection,
  PageArgs,
  pagedComplexity,
  pageRequest,
  parseKeysetKey,
  type PageRequest,
} from '@samverka/engine';
import { EnterpriseProfile, Need } from '@samverka/marketplace';
import { Organization } from '@samverka/organizations';
import { Match, MatchConnection, MatchingRebuild, MatchStateEnum, MatchStatus, RebuildMatchesPayload } from './matching.models.js';

const MIN_SCORE_DESCRIPTION = 'Only matches scoring at least this, 0–100 (default 0)';

function minScoreOf(value: number | undefined): number {
  const minScore = value ?? 0;
  if (!Number.isFinite(minScore) || minScore < 0 || minScore > 100) throw DomainError.badInput('minScore', 'OUT_OF_RANGE', 'validation.range', { min: 0, max: 100 });
  return minScore;
}

function matchPage(result: { rows: StoredMatch[]; total: number }, request: PageRequest, idOf: (m: StoredMatch) => string) {
  return keysetConnection({ rows: result.rows, sortValues: result.rows.map((m) => m.score.toFixed(2)), total: result.total }, request, idOf, Match.from);
}

function after(request: PageRequest): { score: number; id: string } | undefined {
  const key = parseKeysetKey(request.after, 'real');
  return key ? { score: Number(key.value), id: key.id } : undefined;
}

/** A need's matches and its match status, for its buyer, the region's coordinators and administrators. */
@Resolver(() => Need)
export class NeedMatchesResolver {
  constructor(
    private readonly matching: MatchRepository,
    private readonly access: AccessService,
  ) {}

  @ResolveField(() => MatchConnection, {
    nullable: true,
    description: 'The enterprises that fit best, with scores and reasons; for the buyer, its region’s coordinators and administrators (null with a FORBIDDEN error for others)',
    complexity: pagedComplexity,
  })
  async matches(
    @Parent() need: Need,
    @Args() page: PageArgs,
    @CurrentActor() actor: Actor,
    @Context() context: RequestContext,
    @Args('minScore', { type: () => Float, nullable: true, description: MIN_SCORE_DESCRIPTION }) minScore?: number,
  ) {
    await this.assertMayRead(need, actor, context);
    const request = pageRequest(page);
    const result = await this.matching.matchesOfNeed(need.id, { minScore: minScoreOf(minScore), limit: request.limit, after: after(request) });
    return matchPage(result, request, (m) => m.organizationId);
  }

  @ResolveField(() => MatchStatus, { nullable: true, description: 'Whether the matches are up to date; for those who may see them (null with a FORBIDDEN error for others)' })
  async matchStatus(@Parent() need: Need, @CurrentActor() actor: Actor, @Context() context: RequestContext): Promise<MatchStatus> {
    await this.assertMayRead(need, actor, context);
    const { state, pending } = await context.loaders.needMatchState.load(need.id);
    // A published need of a buyer not verified is matched once the buyer is.
    const open = need.status === 'PUBLISHED' && !need.awaitingVerification;
    const matchable = need.status !== 'DRAFT' && need.status !== 'CANCELLED' && (need.status !== 'PUBLISHED' || open);
    // A published need matched by an older algorithm version waits for the rebuild that follows it.
    const outdated = open && state !== null && state.algorithmVersion !== ALGORITHM_VERSION;
    return {
      state: (pending || outdated) && open ? MatchStateEnum.PENDING : !matchable ? MatchStateEnum.NOT_MATCHED : state ? MatchStateEnum.UP_TO_DATE : MatchStateEnum.PENDING,
      computedAt: state ? new Date(state.computedAt) : null,
      algorithmVersion: state?.algorithmVersion ?? null,
      candidates: state?.candidates ?? null,
      matched: state?.matched ?? null,
    };
  }

  private async assertMayRead(need: Need, actor: Actor, context: RequestContext): Promise<void> {
    const buyer = await context.loaders.organization.load(need.buyerOrganizationId);
    this.access.assert(actor, 'need.matches.read', { organizationId: need.buyerOrganizationId, countyCode: buyer?.countyCode ?? null });
  }
}

@Resolver(() => Match)
export class MatchResolver {
  constructor(
    private readonly matching: MatchRepository,
    private readonly rebuildRecords: MatchingRebuildRepository,
    private readonly rebuilds: MatchingRebuilds,
  ) {}

  @Authorize('organization.recommendations.read', (args: { organizationId: string }) => ({ organizationId: args.organizationId }))
  @Query(() => MatchConnection, {
    description: 'Published needs the enterprise should answer, best first, with scores and reasons',
    complexity: pagedComplexity,
  })
  async recommendedNeeds(
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @Args() page: PageArgs,
    @Args('minScore', { type: () => Float, nullable: true, description: MIN_SCORE_DESCRIPTION }) minScore?: number,
  ) {
    const request = pageRequest(page);
    const result = await this.matching.matchesOfOrganization(organizationId, { minScore: minScoreOf(minScore), limit: request.limit, after: after(request) });
    return matchPage(result, request, (m) => m.needId);
  }

  @Authorize('matching.rebuild')
  @Query(() => MatchingRebuild, { nullable: true, description: 'The latest rebuild of all matches (administrators)' })
  async matchingRebuild(): Promise<MatchingRebuild | null> {
    const latest = await this.rebuildRecords.latestRebuild();
    return latest ? MatchingRebuild.from(latest) : null;
  }

  @Authorize('matching.rebuild')
  @Mutation(() => RebuildMatchesPayload, { description: 'Recomputes every published need’s matches, in chunks that the workers share (administrators)' })
  async rebuildMatches(): Promise<RebuildMatchesPayload> {
    const started = await this.rebuilds.startRebuild('requested by an administrator');
    if (!started) throw DomainError.conflict('matching.rebuildRunning');
    return { matchingRebuild: MatchingRebuild.from(started) };
  }

  @ResolveField(() => Need)
  async need(@Parent() match: Match, @Context() context: RequestContext): Promise<Need> {
    return Need.from((await context.loaders.need.load(match.needId))!);
  }

  @ResolveField(() => Organization, { description: 'The social enterprise' })
  async enterprise(@Parent() match: Match, @Context() context: RequestContext): Promise<Organization> {
    return Organization.from((await context.loaders.organization.load(match.organizationId))!);
  }

  @ResolveField(() => EnterpriseProfile, { nullable: true, description: "The enterprise's profile" })
  async profile(@Parent() match: Match, @Context() context: RequestContext): Promise<EnterpriseProfile | null> {
    const profile = await context.loaders.profile.load(match.organizationId);
    return profile ? EnterpriseProfile.from(profile) : null;
  }
}
