import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { ImpactIndicatorEntity, ImpactReportEntity } from '@samverka/schema';
import { Partnership, PartnershipChangePayload } from '@samverka/brokering';
import { ImpactIndicator, ImpactReport } from './impact.models.js';

/** An indicator as a change left it. */
@ObjectType({ isAbstract: true })
export class ImpactIndicatorChangePayload {
  @Field(() => ImpactIndicator)
  impactIndicator: ImpactIndicator;

  static of<T extends ImpactIndicatorChangePayload>(this: new () => T, indicator: ImpactIndicatorEntity): T {
    return Object.assign(new this(), { impactIndicator: ImpactIndicator.from(indicator) });
  }
}

@ObjectType()
export class CreateImpactIndicatorPayload extends ImpactIndicatorChangePayload {}

@ObjectType()
export class UpdateImpactIndicatorPayload extends ImpactIndicatorChangePayload {}

/** A report as a change left it. */
@ObjectType({ isAbstract: true })
export class ImpactReportChangePayload {
  @Field(() => ImpactReport)
  impactReport: ImpactReport;

  static of<T extends ImpactReportChangePayload>(this: new () => T, report: ImpactReportEntity): T {
    return Object.assign(new this(), { impactReport: ImpactReport.from(report) });
  }
}

@ObjectType()
export class CreateImpactReportPayload extends ImpactReportChangePayload {}

@ObjectType()
export class UpdateImpactReportPayload extends ImpactReportChangePayload {}

@ObjectType()
export class SubmitImpactReportPayload extends ImpactReportChangePayload {}

@ObjectType()
export class CorrectImpactReportPayload extends ImpactReportChangePayload {}

@ObjectType()
export class ReturnImpactReportPayload extends ImpactReportChangePayload {}

@ObjectType()
export class ConfirmImpactReportPayload extends ImpactReportChangePayload {
  @Field(() => ImpactReport, { nullable: true, description: 'The report a confirmed correction supersedes (null for a first report)' })
  supersededImpactReport: ImpactReport | null;
}

@ObjectType()
export class DeleteImpactReportPayload {
  @Field(() => ID)
  deletedImpactReportId: string;

  @Field(() => Partnership, { description: 'The partnership the report belonged to' })
  partnership: Partnership;
}

@ObjectType()
export class ProposePartnershipTargetsPayload extends PartnershipChangePayload {}

@ObjectType()
export class AgreePartnershipTargetsPayload extends PartnershipChangePayload {}
