import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
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
import { IntroduceEnterpriseInput, RespondToIntroductionInput, WithdrawIntroductionInput } from './brokering.inputs.js';
import { IntroduceEnterprisePayload, RespondToIntroductionPayload, WithdrawIntroductionPayload } from './brokering.payloads.js';
import { Introduction, IntroductionConnection } from './introduction.model.js';
import { Partnership } from './partnership.model.js';
import { IntroductionService } from '../introduction.service.js';

const idArg = { type: () => ID };

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

  @Authorize('introduction.create', ({ input }: { input: IntroduceEnterpriseInput }) => ({ needBuyer: input.needId }))
  @Mutation(() => IntroduceEnterprisePayload, {
    description: "A coordinator of the buyer's region proposes a social enterprise for a published need; the enterprise and the buyer are told",
  })
  async introduceEnterprise(@Args('input') input: IntroduceEnterpriseInput, @CurrentActor() actor: Actor): Promise<IntroduceEnterprisePayload> {
    return IntroduceEnterprisePayload.of(await this.introductions.introduce(actor, input));
  }

  @Authorize('introduction.respond', ({ input }: { input: RespondToIntroductionInput }) => ({ introductionEnterprise: input.introductionId }))
  @Mutation(() => RespondToIntroductionPayload, {
    description: 'The enterprise accepts (it is invited to offer, with createOffer) or declines; the coordinator and the buyer are told',
  })
  async respondToIntroduction(
    @Args('input') { introductionId, version, accept, note }: RespondToIntroductionInput,
    @CurrentActor() actor: Actor,
    @Loaded('introduction') loaded?: IntroductionEntity,
  ): Promise<RespondToIntroductionPayload> {
    return RespondToIntroductionPayload.of(await this.introductions.respond(actor, introductionId, version, accept, note, loaded));
  }

  @Authorize('introduction.withdraw', ({ input }: { input: WithdrawIntroductionInput }) => ({ introduction: input.introductionId }))
  @Mutation(() => WithdrawIntroductionPayload, { description: 'A coordinator of the region takes back an introduction the enterprise has not answered' })
  async withdrawIntroduction(
    @Args('input') { introductionId, version }: WithdrawIntroductionInput,
    @CurrentActor() actor: Actor,
    @Loaded('introduction') loaded?: IntroductionEntity,
  ): Promise<WithdrawIntroductionPayload> {
    return WithdrawIntroductionPayload.of(await this.introductions.withdraw(actor, introductionId, version, loaded));
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

  @ResolveField(() => Partnership, {
    nullable: true,
    description: 'The partnership recorded from it (createPartnership with this introduction); its parties are the introduction’s buyer and enterprise',
  })
  async partnership(@Parent() introduction: Introduction, @Context() context: RequestContext): Promise<Partnership | null> {
    const partnership = await context.loaders.partnershipOfIntroduction.load(introduction.id);
    return partnership ? Partnership.from(partnership) : null;
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
