import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { PartnershipEntity } from '@samverka/schema';
import { DomainError, impactReportVisibleTo, nextReportPeriod, type Actor } from '@samverka/domain';
import { AccessService, Authorize, CurrentActor, type RequestContext, listComplexity, DateTimeScalar, DateScalar } from '@samverka/engine';
import { partnershipScope, Partnership } from '@samverka/brokering';
import { Organization } from '@samverka/organizations';
import { AgreePartnershipTargetsInput, ProposePartnershipTargetsInput } from './impact.inputs.js';
import { AgreePartnershipTargetsPayload, ProposePartnershipTargetsPayload } from './impact.payloads.js';
import { ImpactIndicator, ImpactReport, ImpactTotal, PartnershipTarget } from './impact.models.js';
import { PartnershipTargetsService } from '../partnership-targets.service.js';

const byPartnership = ({ input }: { input: { partnershipId: string } }) => ({ partnership: input.partnershipId });
const FORBIDDEN_NOTE = "for the partnership's parties, its region's coordinators and administrators (null with a FORBIDDEN error for others)";

/**
 * A partnership's impact: its agreed targets, its reports, the confirmed totals and when the next report
 * is due. Each field is for those who may read the partnership (policy 'partnership.read'). Its targets'
 * status and reporting interval are resolved with the partnership's other fields (brokering).
 */
@Resolver(() => Partnership)
export class PartnershipImpactResolver {
  constructor(
    private readonly targetsService: PartnershipTargetsService,
    private readonly access: AccessService,
  ) {}

  @Authorize('partnership.manage', byPartnership)
  @Mutation(() => ProposePartnershipTargetsPayload, {
    description:
      'A party of an ACTIVE partnership proposes its impact targets (1–20 indicators with a value for the whole term) and how often the enterprise reports; the other party agrees',
  })
  async proposePartnershipTargets(
    @Args('input') { partnershipId, version, targets, reportEveryMonths }: ProposePartnershipTargetsInput,
    @CurrentActor() actor: Actor,
  ): Promise<ProposePartnershipTargetsPayload> {
    return ProposePartnershipTargetsPayload.of(await this.targetsService.propose(actor, partnershipId, version, targets, reportEveryMonths));
  }

  @Authorize('partnership.manage', byPartnership)
  @Mutation(() => AgreePartnershipTargetsPayload, { description: 'A member of the other party agrees the proposed targets; the enterprise then reports against them' })
  async agreePartnershipTargets(@Args('input') { partnershipId, version }: AgreePartnershipTargetsInput, @CurrentActor() actor: Actor): Promise<AgreePartnershipTargetsPayload> {
    return AgreePartnershipTargetsPayload.of(await this.targetsService.agree(actor, partnershipId, version));
  }

  @ResolveField(() => Organization, { nullable: true, description: `The party whose proposal of targets awaits the other's agreement (or was agreed); ${FORBIDDEN_NOTE}` })
  async targetsProposedBy(@Parent() parent: Partnership, @CurrentActor() actor: Actor, @Context() context: RequestContext): Promise<Organization | null> {
    const { targetsProposedBy } = await this.readable(parent, actor, context);
    return targetsProposedBy ? Organization.from((await context.loaders.organization.load(targetsProposedBy))!) : null;
  }

  @ResolveField(() => DateTimeScalar, { nullable: true, description: 'When the other party agreed the targets' })
  async targetsAgreedAt(@Parent() parent: Partnership, @CurrentActor() actor: Actor, @Context() context: RequestContext): Promise<Date | null> {
    return (await this.readable(parent, actor, context)).targetsAgreedAt;
  }

  @ResolveField(() => [PartnershipTarget], {
    nullable: true,
    description: `The indicators measured, each with its target and the confirmed total so far; ${FORBIDDEN_NOTE}`,
    complexity: listComplexity(20),
  })
  async targets(@Parent() parent: Partnership, @CurrentActor() actor: Actor, @Context() context: RequestContext): Promise<PartnershipTarget[]> {
    const partnership = await this.readable(parent, actor, context);
    const [targets, totals] = await Promise.all([context.loaders.targetsOfPartnership.load(partnership.id), context.loaders.impactTotalsOfPartnership.load(partnership.id)]);
    const confirmed = new Map(totals.map((t) => [t.indicatorCode, t.total]));
    return Promise.all(
      targets.map(async (t) => {
        const confirmedTotal = confirmed.get(t.indicatorCode) ?? 0;
        return Object.assign(new PartnershipTarget(), {
          indicatorCode: t.indicatorCode,
          indicator: ImpactIndicator.from((await context.loaders.impactIndicator.load(t.indicatorCode))!),
          target: t.target,
          note: t.note,
          confirmedTotal,
          progress: t.target > 0 ? Math.round((confirmedTotal / t.target) * 10_000) / 10_000 : null,
        });
      }),
    );
  }

  @ResolveField(() => [ImpactReport], {
    nullable: true,
    description: `Its impact reports, latest period first, superseded ones included (drafts only for the enterprise's members); ${FORBIDDEN_NOTE}`,
    complexity: listComplexity(20),
  })
  async impactReports(@Parent() parent: Partnership, @CurrentActor() actor: Actor, @Context() context: RequestContext): Promise<ImpactReport[]> {
    const partnership = await this.readable(parent, actor, context);
    const reports = await context.loaders.impactReportsOfPartnership.load(partnership.id);
    return reports.filter((r) => impactReportVisibleTo(actor, r, partnership)).map(ImpactReport.from);
  }

  @ResolveField(() => [ImpactTotal], {
    nullable: true,
    description: `Per indicator, the sum of its CONFIRMED reports (a superseded report is replaced by its correction); ${FORBIDDEN_NOTE}`,
    complexity: listComplexity(20),
  })
  async impactTotals(@Parent() parent: Partnership, @CurrentActor() actor: Actor, @Context() context: RequestContext): Promise<ImpactTotal[]> {
    const partnership = await this.readable(parent, actor, context);
    const totals = await context.loaders.impactTotalsOfPartnership.load(partnership.id);
    return Promise.all(
      totals.map(async (t) =>
        Object.assign(new ImpactTotal(), {
          indicatorCode: t.indicatorCode,
          indicator: ImpactIndicator.from((await context.loaders.impactIndicator.load(t.indicatorCode))!),
          total: t.total,
          reports: t.reports,
        }),
      ),
    );
  }

  @ResolveField(() => DateScalar, {
    nullable: true,
    description: `The date the next impact report falls due: the day after the next period ends; null unless ACTIVE with agreed targets, or once the agreed end is reported; ${FORBIDDEN_NOTE}`,
  })
  async nextReportDue(@Parent() parent: Partnership, @CurrentActor() actor: Actor, @Context() context: RequestContext): Promise<string | null> {
    const partnership = await this.readable(parent, actor, context);
    if (partnership.status !== 'ACTIVE' || partnership.targetsStatus !== 'AGREED') return null;
    const reports = await context.loaders.impactReportsOfPartnership.load(partnership.id);
    let last: string | null = null;
    for (const r of reports) if (r.status !== 'SUPERSEDED' && (last === null || r.periodEnd > last)) last = r.periodEnd;
    return nextReportPeriod(partnership, last)?.dueOn ?? null;
  }

  /** The partnership as stored, if the actor may read it. */
  private async readable(parent: Partnership, actor: Actor, context: RequestContext): Promise<PartnershipEntity> {
    const partnership = parent.record ?? (await context.loaders.partnership.load(parent.id));
    if (!partnership) throw DomainError.notFound('Partnership', parent.id);
    this.access.assert(actor, 'partnership.read', partnershipScope(partnership));
    return partnership;
  }
}
