import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { PartnershipEntity } from '@samverka/schema';
import { needVisibleTo, type Actor } from '@samverka/domain';
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
  PageArgs,
  pagedComplexity,
  pageRequest,
  parseKeysetKey,
} from '@samverka/engine';
import { Need } from '@samverka/marketplace';
import { Organization } from '@samverka/organizations';
import { TargetsStatusEnum } from './brokering.enums.js';
import { CompletePartnershipInput, CreatePartnershipInput, PartnershipFilterInput, SetPartnershipPublicInput, TerminatePartnershipInput } from './brokering.inputs.js';
import { CompletePartnershipPayload, CreatePartnershipPayload, SetPartnershipPublicPayload, TerminatePartnershipPayload } from './brokering.payloads.js';
import { Introduction } from './introduction.model.js';
import { Partnership, PartnershipConnection } from './partnership.model.js';
import { PartnershipService } from '../partnership.service.js';

const idArg = { type: () => ID };
const byPartnership = ({ input }: { input: { partnershipId: string } }) => ({ partnership: input.partnershipId });
const READERS_ONLY = "for the parties, the region's coordinators and administrators (null with a FORBIDDEN error for others)";

@Resolver(() => Partnership)
export class PartnershipResolver {
  constructor(
    private readonly service: PartnershipService,
    private readonly access: AccessService,
    private readonly nodes: NodeRegistry,
  ) {}

  @Public()
  @Query(() => Partnership, { nullable: true, description: "A partnership: for its parties, its region's coordinators and administrators; null otherwise" })
  async partnership(@Args('id', idArg) id: string, @Context() context: RequestContext): Promise<Partnership | null> {
    return this.nodes.loadOne<Partnership>('Partnership', id, context);
  }

  @Authorize('partnership.list')
  @Query(() => PartnershipConnection, {
    description: "Partnerships, newest first: those of the person's organisations, of the regions they coordinate, or all for administrators; narrowed by the filter",
    complexity: pagedComplexity,
  })
  async partnerships(@Args() page: PageArgs, @CurrentActor() actor: Actor, @Args('filter', { nullable: true }) filter?: PartnershipFilterInput) {
    const request = pageRequest(page);
    const result = await this.service.list(actor, filter ?? {}, { limit: request.limit, after: parseKeysetKey(request.after, 'timestamptz') });
    return keysetConnection(result, request, (p) => p.id, Partnership.from);
  }

  @Authorize('partnership.create', ({ input }: { input: CreatePartnershipInput }) => ({ organizationId: input.buyerOrganizationId }))
  @Mutation(() => CreatePartnershipPayload, {
    description: 'A coordinator records an agreement they brokered between a buyer of their region and a social enterprise; both are told',
  })
  async createPartnership(@Args('input') input: CreatePartnershipInput, @CurrentActor() actor: Actor): Promise<CreatePartnershipPayload> {
    return CreatePartnershipPayload.of(await this.service.create(actor, input));
  }

  @Authorize('partnership.complete', byPartnership)
  @Mutation(() => CompletePartnershipPayload, { description: 'The buyer marks an ACTIVE partnership COMPLETED; the enterprise and the coordinator are told' })
  async completePartnership(
    @Args('input') { partnershipId, version, note }: CompletePartnershipInput,
    @CurrentActor() actor: Actor,
    @Loaded('partnership') partnership?: PartnershipEntity,
  ): Promise<CompletePartnershipPayload> {
    return CompletePartnershipPayload.of(await this.service.complete(actor, partnershipId, version, note, partnership));
  }

  @Authorize('partnership.manage', byPartnership)
  @Mutation(() => TerminatePartnershipPayload, {
    description: 'Either party ends an ACTIVE partnership early (TERMINATED), saying why; the other party and the coordinator are told',
  })
  async terminatePartnership(
    @Args('input') { partnershipId, version, reason }: TerminatePartnershipInput,
    @CurrentActor() actor: Actor,
    @Loaded('partnership') partnership?: PartnershipEntity,
  ): Promise<TerminatePartnershipPayload> {
    return TerminatePartnershipPayload.of(await this.service.terminate(actor, partnershipId, version, reason, partnership));
  }

  @Authorize('partnership.manage', byPartnership)
  @Mutation(() => SetPartnershipPublicPayload, {
    description:
      "A party shows (or hides) the partnership as a good example; it is public once both show it. Changing the summary takes back the other party's consent, which it gives again for the new text",
  })
  async setPartnershipPublic(
    @Args('input') { partnershipId, ...change }: SetPartnershipPublicInput,
    @CurrentActor() actor: Actor,
    @Loaded('partnership') partnership?: PartnershipEntity,
  ): Promise<SetPartnershipPublicPayload> {
    return SetPartnershipPublicPayload.of(await this.service.setPublic(actor, partnershipId, change, partnership));
  }

  @ResolveField(() => Organization)
  async buyer(@Parent() partnership: Partnership, @Context() context: RequestContext): Promise<Organization> {
    return Organization.from((await context.loaders.organization.load(partnership.buyerOrganizationId))!);
  }

  @ResolveField(() => Organization)
  async enterprise(@Parent() partnership: Partnership, @Context() context: RequestContext): Promise<Organization> {
    return Organization.from((await context.loaders.organization.load(partnership.enterpriseOrganizationId))!);
  }

  @ResolveField(() => Need, { nullable: true, description: 'The need it answers: from the accepted offer, or the introduction it came of' })
  async need(@Parent() partnership: Partnership, @CurrentActor() actor: Actor, @Context() context: RequestContext): Promise<Need | null> {
    const introduction = !partnership.needId && partnership.record.introductionId ? await context.loaders.introduction.load(partnership.record.introductionId) : null;
    const needId = partnership.needId ?? introduction?.needId;
    const need = needId ? await context.loaders.need.load(needId) : null;
    return need && needVisibleTo(actor, need) ? Need.from(need) : null;
  }

  @ResolveField(() => String, { nullable: true, description: `Why it ended, or the buyer's note on completion; ${READERS_ONLY}` })
  endReason(@Parent() partnership: Partnership, @CurrentActor() actor: Actor): string {
    this.assertReads(actor, partnership);
    return partnership.record.endReason;
  }

  @ResolveField(() => User, { nullable: true, description: `The coordinator who brokered it; ${READERS_ONLY}` })
  async brokeredBy(@Parent() partnership: Partnership, @CurrentActor() actor: Actor, @Context() context: RequestContext): Promise<User | null> {
    this.assertReads(actor, partnership);
    const user = partnership.record.brokeredBy ? await context.loaders.user.load(partnership.record.brokeredBy) : null;
    return user ? User.from(user) : null;
  }

  @ResolveField(() => Introduction, { nullable: true, description: `The introduction it came of; ${READERS_ONLY}` })
  async introduction(@Parent() partnership: Partnership, @CurrentActor() actor: Actor, @Context() context: RequestContext): Promise<Introduction | null> {
    this.assertReads(actor, partnership);
    const introduction = partnership.record.introductionId ? await context.loaders.introduction.load(partnership.record.introductionId) : null;
    return introduction ? Introduction.from(introduction) : null;
  }

  @ResolveField(() => Int, { nullable: true, description: `How often the enterprise reports impact, in months; ${READERS_ONLY}` })
  reportEveryMonths(@Parent() partnership: Partnership, @CurrentActor() actor: Actor): number {
    this.assertReads(actor, partnership);
    return partnership.record.reportEveryMonths;
  }

  @ResolveField(() => TargetsStatusEnum, { nullable: true, description: `Whether impact targets are agreed; ${READERS_ONLY}` })
  targetsStatus(@Parent() partnership: Partnership, @CurrentActor() actor: Actor): TargetsStatusEnum {
    this.assertReads(actor, partnership);
    return partnership.record.targetsStatus;
  }

  @ResolveField(() => Boolean, { nullable: true, description: `The buyer shows it as a good example; ${READERS_ONLY}` })
  buyerPublic(@Parent() partnership: Partnership, @CurrentActor() actor: Actor): boolean {
    this.assertReads(actor, partnership);
    return partnership.record.buyerPublic;
  }

  @ResolveField(() => Boolean, { nullable: true, description: `The enterprise shows it as a good example; ${READERS_ONLY}` })
  enterprisePublic(@Parent() partnership: Partnership, @CurrentActor() actor: Actor): boolean {
    this.assertReads(actor, partnership);
    return partnership.record.enterprisePublic;
  }

  @ResolveField(() => String, { nullable: true, description: `The public summary the parties write for the library; ${READERS_ONLY}` })
  publicSummary(@Parent() partnership: Partnership, @CurrentActor() actor: Actor): string {
    this.assertReads(actor, partnership);
    return partnership.record.publicSummary;
  }

  private assertReads(actor: Actor, partnership: Partnership): void {
    const { buyerOrganizationId, enterpriseOrganizationId, countyCode } = partnership;
    this.access.assert(actor, 'partnership.read', { buyerOrganizationId, enterpriseOrganizationId, countyCode });
  }
}
