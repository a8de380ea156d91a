import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { IntroductionRepository } from '../introduction.repository.js';
import { needVisibleTo, type Actor } from '@samverka/domain';
import type { IntroductionEntity } from '@samverka/schema';
import { User } from '@samverka/accounts';
import {
  AccessService,
  Authorize,
  CurrentActor,
  Loaded,
  NodeRegistry,
  Public,
  type RequestContext,
  keysetConnection,
  listComplexity,
  PageArgs,
  pagedComplexity,
  pageRequest,
  parseKeysetKey,
} from '@samverka/engine';
import { Need } from '@samverka/marketplace';
import { Organization } from '@samverka/organizations';
import { IntroductionStatusEnum } from './brokering.enums.js';
import { IntroduceEnterpriseInput } from './brokering.inputs.js';
import { Introduction, IntroductionConnection } from './introduction.model.js';
import { IntroductionService } from '../introduction.service.js';

const idArg = { type: () => ID };
const versionArg = { type: () => Int };

@Resolver(() => Introduction)
export class IntroductionResolver {
  constructor(
    private readonly introductions: IntroductionService,
    private readonly nodes: NodeRegistry,
  ) {}

  @Public()
  @Query(() => Introduction, { nullable: true, description: "An introduction: for the need's buyer, the enterprise, the region's coordinators and administrators; null otherwise" })
  async introduction(@Args('id', idArg) id: string, @Context() context: RequestContext): Promise<Introduction | null> {
    return this.nodes.loadOne<Introduction>('Introduction', id, context);
  }

  @Authorize('introduction.create', (args: { input: IntroduceEnterpriseInput }) => ({ needBuyer: args.input.needId }))
  @Mutation(() => Introduction, {
    description: "A coordinator of the buyer's region proposes a social enterprise for a published need; the enterprise and the buyer are told",
  })
  async introduceEnterprise(@Args('input') input: IntroduceEnterpriseInput, @CurrentActor() actor: Actor): Promise<Introduction> {
    return Introduction.from(await this.introductions.introduce(actor, input));
  }

  @Authorize('introduction.respond', (args: { id: string }) => ({ introductionEnterprise: args.id }))
  @Mutation(() => Introduction, { description: 'The enterprise accepts (it is invited to offer, with createOffer) or declines; the coordinator and the buyer are told' })
  async respondToIntroduction(
    @Args('id', idArg) id: string,
    @Args('version', versionArg) version: number,
    @Args('accept') accept: boolean,
    @CurrentActor() actor: Actor,
    @Args('note', { type: () => String, nullable: true, description: 'A word to the coordinator and the buyer (at most 2 000 characters)' }) note?: string,
    @Loaded('introduction') loaded?: IntroductionEntity,
  ): Promise<Introduction> {
    return Introduction.from(await this.introductions.respond(actor, id, version, accept, note, loaded));
  }

  @Authorize('introduction.withdraw', (args: { id: string }) => ({ introduction: args.id }))
  @Mutation(() => Introduction, { description: 'A coordinator of the region takes back an introduction the enterprise has not answered' })
  async withdrawIntroduction(
    @Args('id', idArg) id: string,
    @Args('version', versionArg) version: number,
    @CurrentActor() actor: Actor,
    @Loaded('introduction') loaded?: IntroductionEntity,
  ): Promise<Introduction> {
    return Introduction.from(await this.introductions.withdraw(actor, id, version, loaded));
  }

  @ResolveField(() => Need, { nullable: true, description: 'The need (null once it is cancelled, except for its buyer and administrators)' })
  async need(@Parent() introduction: Introduction, @CurrentActor() actor: Actor, @Context() context: RequestContext): Promise<Need | null> {
    const need = await context.loaders.need.load(introduction.needId);
    return need && needVisibleTo(actor, need) ? Need.from(need) : null;
  }

  @ResolveField(() => Organization, { description: 'The enterprise introduced' })
  async enterprise(@Parent() introduction: Introduction, @Context() context: RequestContext): Promise<Organization> {
    return Organization.from((await context.loaders.organization.load(introduction.enterpriseOrganizationId))!);
  }

  @ResolveField(() => User, { nullable: true, description: 'The coordinator who made it (null if their account is gone); contact details by their own rule' })
  async coordinator(@Parent() introduction: Introduction, @Context() context: RequestContext): Promise<User | null> {
    const user = introduction.coordinatorUserId ? await context.loaders.user.load(introduction.coordinatorUserId) : null;
    return user ? User.from(user) : null;
  }
}

/** A need's introductions, for its buyer, its region's coordinators and administrators. */
@Resolver(() => Need)
export class NeedIntroductionsResolver {
  constructor(private readonly access: AccessService) {}

  @ResolveField(() => [Introduction], {
    nullable: true,
    description:
      "The enterprises coordinators introduced to it, newest first; for the buyer, its region's coordinators and administrators (null with a FORBIDDEN error for others)",
    complexity: listComplexity(10),
  })
  async introductions(@Parent() need: Need, @CurrentActor() actor: Actor, @Context() context: RequestContext): Promise<Introduction[]> {
    const buyer = await context.loaders.organization.load(need.buyerOrganizationId);
    this.access.assert(actor, 'need.introductions.read', { organizationId: need.buyerOrganizationId, countyCode: buyer?.countyCode ?? null });
    return (await context.loaders.introductionsOfNeed.load(need.id)).map(Introduction.from);
  }
}

/** An enterprise's introductions, for its members, its region's coordinators and administrators. */
@Resolver(() => Organization)
export class OrganizationIntroductionsResolver {
  constructor(
    private readonly introductionRepository: IntroductionRepository,
    private readonly access: AccessService,
  ) {}

  @ResolveField(() => IntroductionConnection, {
    nullable: true,
    description:
      "The needs coordinators introduced the enterprise to, newest first; for its members, its region's coordinators and administrators (null with a FORBIDDEN error for others)",
    complexity: pagedComplexity,
  })
  async introductions(
    @Parent() organization: Organization,
    @CurrentActor() actor: Actor,
    @Args() page: PageArgs,
    @Args('status', { type: () => IntroductionStatusEnum, nullable: true }) status?: IntroductionStatusEnum,
  ) {
    this.access.assert(actor, 'organization.introductions.read', { organizationId: organization.id, countyCode: organization.countyCode });
    const request = pageRequest(page);
    const result = await this.introductionRepository.ofEnterprise(organization.id, status ? [status] : undefined, {
      limit: request.limit,
      after: parseKeysetKey(request.after, 'timestamptz'),
    });
    return keysetConnection(result, request, (i) => i.id, Introduction.from);
  }
}
