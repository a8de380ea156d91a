import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { ImpactReportEntity } from '@samverka/schema';
import type { Actor } from '@samverka/domain';
import { Authorize, CurrentActor, Loaded, NodeRegistry, Public, type RequestContext, listComplexity } from '@samverka/engine';
import { Partnership } from '@samverka/brokering';
import { ImpactReportDecisionService } from '../impact-report-decision.service.js';
import { ImpactReportService } from '../impact-report.service.js';
import { CreateImpactReportInput, ImpactReportChangesInput } from './impact.inputs.js';
import { ImpactIndicator, ImpactReport, ImpactReportValue } from './impact.models.js';

const ofReport = (args: { id: string }) => ({ impactReport: args.id });

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

  @Authorize('impactReport.write', (args: { input: CreateImpactReportInput }) => ({ partnership: args.input.partnershipId }))
  @Mutation(() => ImpactReport, { description: "The enterprise drafts a report of one period's impact, for indicators of the agreed targets" })
  async createImpactReport(@Args('input') input: CreateImpactReportInput, @CurrentActor() actor: Actor): Promise<ImpactReport> {
    return ImpactReport.from(await this.reports.create(actor, input));
  }

  @Authorize('impactReport.write', ofReport)
  @Mutation(() => ImpactReport, { description: 'Changes a DRAFT or RETURNED report; a confirmed one is locked (file a correction)' })
  async updateImpactReport(
    @Args('id', { type: () => ID }) id: string,
    @Args('version', { type: () => Int }) version: number,
    @Args('input') input: ImpactReportChangesInput,
    @CurrentActor() actor: Actor,
    @Loaded('impactReport') loaded?: ImpactReportEntity,
  ): Promise<ImpactReport> {
    return ImpactReport.from(await this.reports.update(actor, id, version, input, loaded));
  }

  @Authorize('impactReport.write', ofReport)
  @Mutation(() => ImpactReport, { description: 'Sends the report to the buyer to confirm' })
  async submitImpactReport(
    @Args('id', { type: () => ID }) id: string,
    @Args('version', { type: () => Int }) version: number,
    @CurrentActor() actor: Actor,
    @Loaded('impactReport') loaded?: ImpactReportEntity,
  ): Promise<ImpactReport> {
    return ImpactReport.from(await this.reports.submit(actor, id, version, loaded));
  }

  @Authorize('impactReport.write', ofReport)
  @Mutation(() => Boolean, { description: 'Deletes a report the enterprise holds (DRAFT or RETURNED)' })
  async deleteImpactReport(
    @Args('id', { type: () => ID }) id: string,
    @Args('version', { type: () => Int }) version: number,
    @CurrentActor() actor: Actor,
    @Loaded('impactReport') loaded?: ImpactReportEntity,
  ): Promise<boolean> {
    await this.reports.delete(actor, id, version, loaded);
    return true;
  }

  @Authorize('impactReport.write', ofReport)
  @Mutation(() => ImpactReport, {
    description: 'Starts a correction of a CONFIRMED report: a new DRAFT revision (same content unless changed) that supersedes it once the buyer confirms it',
  })
  async correctImpactReport(
    @Args('id', { type: () => ID }) id: string,
    @Args('input', { type: () => ImpactReportChangesInput, nullable: true }) input: ImpactReportChangesInput | null,
    @CurrentActor() actor: Actor,
    @Loaded('impactReport') loaded?: ImpactReportEntity,
  ): Promise<ImpactReport> {
    return ImpactReport.from(await this.reports.correct(actor, id, input ?? {}, loaded));
  }

  @Authorize('impactReport.decide', ofReport)
  @Mutation(() => ImpactReport, { description: 'The buyer confirms a submitted report: it is locked and counts in the totals (a correction supersedes what it corrects)' })
  async confirmImpactReport(
    @Args('id', { type: () => ID }) id: string,
    @Args('version', { type: () => Int }) version: number,
    @CurrentActor() actor: Actor,
  ): Promise<ImpactReport> {
    return ImpactReport.from(await this.decisions.confirm(actor, id, version));
  }

  @Authorize('impactReport.decide', ofReport)
  @Mutation(() => ImpactReport, { description: 'The buyer returns a submitted report to the enterprise, saying why' })
  async returnImpactReport(
    @Args('id', { type: () => ID }) id: string,
    @Args('version', { type: () => Int }) version: number,
    @Args('comment') comment: string,
    @CurrentActor() actor: Actor,
  ): Promise<ImpactReport> {
    return ImpactReport.from(await this.decisions.return(actor, id, version, comment));
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
