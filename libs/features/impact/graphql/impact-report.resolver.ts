import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { ImpactReportEntity } from '@samverka/schema';
import type { Actor } from '@samverka/domain';
import { Authorize, CurrentActor, Loaded, NodeRegistry, Public, type RequestContext, listComplexity } from '@samverka/engine';
import { Partnership } from '@samverka/brokering';
import { ImpactReportDecisionService } from '../impact-report-decision.service.js';
import { ImpactReportService } from '../impact-report.service.js';
import {
  ConfirmImpactReportInput,
  CorrectImpactReportInput,
  CreateImpactReportInput,
  DeleteImpactReportInput,
  ReturnImpactReportInput,
  SubmitImpactReportInput,
  UpdateImpactReportInput,
} from './impact.inputs.js';
import {
  ConfirmImpactReportPayload,
  CorrectImpactReportPayload,
  CreateImpactReportPayload,
  DeleteImpactReportPayload,
  ReturnImpactReportPayload,
  SubmitImpactReportPayload,
  UpdateImpactReportPayload,
} from './impact.payloads.js';
import { ImpactIndicator, ImpactReport, ImpactReportValue } from './impact.models.js';

const byReport = ({ input }: { input: { impactReportId: string } }) => ({ impactReport: input.impactReportId });

@Resolver(() => ImpactReport)
export class ImpactReportResolver {
  constructor(
    private readonly reports: ImpactReportService,
    private readonly decisions: ImpactReportDecisionService,
    private readonly nodes: NodeRegistry,
  ) {}

  @Public()
  @Query(() => ImpactReport, { nullable: true, description: "An impact report, for those who see its partnership (a draft only for the enterprise's members); null otherwise" })
  async impactReport(@Args('id', { type: () => ID }) id: string, @Context() context: RequestContext): Promise<ImpactReport | null> {
    return this.nodes.loadOne<ImpactReport>('ImpactReport', id, context);
  }

  @Authorize('impactReport.write', ({ input }: { input: CreateImpactReportInput }) => ({ partnership: input.partnershipId }))
  @Mutation(() => CreateImpactReportPayload, { description: "The enterprise drafts a report of one period's impact, for indicators of the agreed targets" })
  async createImpactReport(@Args('input') input: CreateImpactReportInput, @CurrentActor() actor: Actor): Promise<CreateImpactReportPayload> {
    return CreateImpactReportPayload.of(await this.reports.create(actor, input));
  }

  @Authorize('impactReport.write', byReport)
  @Mutation(() => UpdateImpactReportPayload, { description: 'Changes a DRAFT or RETURNED report; a confirmed one is locked (file a correction)' })
  async updateImpactReport(
    @Args('input') { impactReportId, version, ...changes }: UpdateImpactReportInput,
    @CurrentActor() actor: Actor,
    @Loaded('impactReport') loaded?: ImpactReportEntity,
  ): Promise<UpdateImpactReportPayload> {
    return UpdateImpactReportPayload.of(await this.reports.update(actor, impactReportId, version, changes, loaded));
  }

  @Authorize('impactReport.write', byReport)
  @Mutation(() => SubmitImpactReportPayload, { description: 'Sends the report to the buyer to confirm' })
  async submitImpactReport(
    @Args('input') { impactReportId, version }: SubmitImpactReportInput,
    @CurrentActor() actor: Actor,
    @Loaded('impactReport') loaded?: ImpactReportEntity,
  ): Promise<SubmitImpactReportPayload> {
    return SubmitImpactReportPayload.of(await this.reports.submit(actor, impactReportId, version, loaded));
  }

  @Authorize('impactReport.write', byReport)
  @Mutation(() => DeleteImpactReportPayload, { description: 'Deletes a report the enterprise holds (DRAFT or RETURNED)' })
  async deleteImpactReport(
    @Args('input') { impactReportId, version }: DeleteImpactReportInput,
    @CurrentActor() actor: Actor,
    @Context() context: RequestContext,
    @Loaded('impactReport') loaded?: ImpactReportEntity,
  ): Promise<DeleteImpactReportPayload> {
    const deleted = await this.reports.delete(actor, impactReportId, version, loaded);
    return { deletedImpactReportId: deleted.id, partnership: Partnership.from((await context.loaders.partnership.load(deleted.partnershipId))!) };
  }

  @Authorize('impactReport.write', byReport)
  @Mutation(() => CorrectImpactReportPayload, {
    description: 'Starts a correction of a CONFIRMED report: a new DRAFT revision (same content unless changed) that supersedes it once the buyer confirms it',
  })
  async correctImpactReport(
    @Args('input') { impactReportId, ...changes }: CorrectImpactReportInput,
    @CurrentActor() actor: Actor,
    @Loaded('impactReport') loaded?: ImpactReportEntity,
  ): Promise<CorrectImpactReportPayload> {
    return CorrectImpactReportPayload.of(await this.reports.correct(actor, impactReportId, changes, loaded));
  }

  @Authorize('impactReport.decide', byReport)
  @Mutation(() => ConfirmImpactReportPayload, {
    description: 'The buyer confirms a submitted report: it is locked and counts in the totals (a correction supersedes what it corrects)',
  })
  async confirmImpactReport(@Args('input') { impactReportId, version }: ConfirmImpactReportInput, @CurrentActor() actor: Actor): Promise<ConfirmImpactReportPayload> {
    const confirmed = await this.decisions.confirm(actor, impactReportId, version);
    const payload = ConfirmImpactReportPayload.of(confirmed);
    payload.supersededImpactReport = confirmed.correctsId ? ImpactReport.from(await this.reports.find(confirmed.correctsId)) : null;
    return payload;
  }

  @Authorize('impactReport.decide', byReport)
  @Mutation(() => ReturnImpactReportPayload, { description: 'The buyer returns a submitted report to the enterprise, saying why' })
  async returnImpactReport(@Args('input') { impactReportId, version, comment }: ReturnImpactReportInput, @CurrentActor() actor: Actor): Promise<ReturnImpactReportPayload> {
    return ReturnImpactReportPayload.of(await this.decisions.return(actor, impactReportId, version, comment));
  }

  @ResolveField(() => [ImpactReportValue], { complexity: listComplexity(10) })
  async values(@Parent() report: ImpactReport, @Context() context: RequestContext): Promise<ImpactReportValue[]> {
    const values = await context.loaders.valuesOfImpactReport.load(report.id);
    return Promise.all(
      values.map(async (v) =>
        Object.assign(new ImpactReportValue(), {
          indicatorCode: v.indicatorCode,
          value: v.value,
          indicator: ImpactIndicator.from((await context.loaders.impactIndicator.load(v.indicatorCode))!),
        }),
      ),
    );
  }

  @ResolveField(() => Partnership)
  async partnership(@Parent() report: ImpactReport, @Context() context: RequestContext): Promise<Partnership> {
    return Partnership.from((await context.loaders.partnership.load(report.partnershipId))!);
  }
}
