import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { DateScalar, VersionField } from '@samverka/engine';
import { ImpactThemeEnum, ImpactUnitEnum } from './impact.enums.js';
import { MAX_TARGETS } from '../partnership-targets.service.js';

const VALUE_RULE = '0 to 999 999 999, whole for persons, meals and counts, at most 1 decimal for hours and 3 for tonnes';

@InputType()
export class CreateImpactIndicatorInput {
  @Field({ description: 'Capital letters, digits and _, 2–40 characters, starting with a letter; it never changes' })
  code: string;

  @Field(() => ImpactThemeEnum)
  theme: ImpactThemeEnum;

  @Field({ description: '1 to 200 characters' })
  nameSv: string;

  @Field({ description: '1 to 200 characters' })
  nameEn: string;

  @Field(() => ImpactUnitEnum)
  unit: ImpactUnitEnum;

  @Field(() => [Int], { nullable: true, description: 'Global goals, 1–17' })
  sdgs?: number[];

  @Field({ description: 'How to count it, 10 to 2 000 characters' })
  methodSv: string;

  @Field({ description: 'How to count it, 10 to 2 000 characters' })
  methodEn: string;
}

@InputType({ description: 'Changes to an indicator: fields left out stay as they are' })
export class UpdateImpactIndicatorInput {
  @Field({ description: 'The code of the indicator' })
  indicatorCode: string;

  @VersionField()
  version: number;

  @Field(() => ImpactThemeEnum, { nullable: true })
  theme?: ImpactThemeEnum;

  @Field(() => String, { nullable: true, description: '1 to 200 characters' })
  nameSv?: string;

  @Field(() => String, { nullable: true, description: '1 to 200 characters' })
  nameEn?: string;

  @Field(() => ImpactUnitEnum, { nullable: true, description: 'Only while no target or report uses the indicator' })
  unit?: ImpactUnitEnum;

  @Field(() => [Int], { nullable: true, description: 'Global goals, 1–17' })
  sdgs?: number[];

  @Field(() => String, { nullable: true, description: '10 to 2 000 characters' })
  methodSv?: string;

  @Field(() => String, { nullable: true, description: '10 to 2 000 characters' })
  methodEn?: string;

  @Field(() => Boolean, { nullable: true, description: 'false retires the indicator: it is no longer chosen for new targets' })
  active?: boolean;
}

@InputType()
export class PartnershipTargetInput {
  @Field({ description: 'An active indicator of the catalogue, once per proposal' })
  indicatorCode: string;

  @Field(() => Float, { description: `For the partnership’s whole term, in the indicator’s unit: ${VALUE_RULE}` })
  target: number;

  @Field(() => String, { nullable: true, description: 'At most 1 000 characters' })
  note?: string;
}

@InputType()
export class ImpactValueInput {
  @Field({ description: 'An indicator of the agreed targets, once per report' })
  indicatorCode: string;

  @Field(() => Float, { description: `In the indicator’s unit, for the report’s period: ${VALUE_RULE}` })
  value: number;
}

@InputType()
export class ProposePartnershipTargetsInput {
  @Field(() => ID, { description: 'An ACTIVE partnership' })
  partnershipId: string;

  @VersionField()
  version: number;

  @Field(() => [PartnershipTargetInput], { description: `1 to ${MAX_TARGETS} targets` })
  targets: PartnershipTargetInput[];

  @Field(() => Int, { nullable: true, description: '1, 3, 6 or 12 (unchanged when left out; 3 to begin with)' })
  reportEveryMonths?: number;
}

@InputType()
export class AgreePartnershipTargetsInput {
  @Field(() => ID)
  partnershipId: string;

  @VersionField()
  version: number;
}

@InputType()
export class CreateImpactReportInput {
  @Field(() => ID, { description: 'An ACTIVE partnership with agreed targets' })
  partnershipId: string;

  @Field(() => DateScalar, { description: 'The first day of the period: not before the partnership started nor in the future; periods of a partnership do not overlap' })
  periodStart: string;

  @Field(() => DateScalar, { description: 'The last day of the period: not before periodStart and less than a year after it' })
  periodEnd: string;

  @Field(() => String, { nullable: true, description: 'What the figures mean, at most 5 000 characters; needed before the report is submitted' })
  narrative?: string;

  @Field(() => [ImpactValueInput], { nullable: true, description: 'One value per agreed target indicator at most; at least one before the report is submitted' })
  values?: ImpactValueInput[];
}

/** Changes to a report's content, shared by changing a draft and correcting a confirmed report. */
@InputType({ isAbstract: true })
export class ImpactReportChangesInput {
  @Field(() => DateScalar, { nullable: true, description: 'As for createImpactReport' })
  periodStart?: string;

  @Field(() => DateScalar, { nullable: true, description: 'As for createImpactReport' })
  periodEnd?: string;

  @Field(() => String, { nullable: true, description: 'At most 5 000 characters' })
  narrative?: string;

  @Field(() => [ImpactValueInput], { nullable: true, description: 'When given, they replace all the values' })
  values?: ImpactValueInput[];
}

@InputType({ description: 'Changes to a DRAFT or RETURNED report: fields left out stay as they are' })
export class UpdateImpactReportInput extends ImpactReportChangesInput {
  @Field(() => ID)
  impactReportId: string;

  @VersionField()
  version: number;
}

@InputType({ description: 'A correction of a CONFIRMED report: fields left out are copied from it' })
export class CorrectImpactReportInput extends ImpactReportChangesInput {
  @Field(() => ID, { description: 'A CONFIRMED report' })
  impactReportId: string;
}

/** A report and the version a change of its status is based on. */
@InputType({ isAbstract: true })
export class ImpactReportVersionInput {
  @Field(() => ID)
  impactReportId: string;

  @VersionField()
  version: number;
}

@InputType()
export class SubmitImpactReportInput extends ImpactReportVersionInput {}

@InputType()
export class DeleteImpactReportInput extends ImpactReportVersionInput {}

@InputType()
export class ConfirmImpactReportInput extends ImpactReportVersionInput {}

@InputType()
export class ReturnImpactReportInput extends ImpactReportVersionInput {
  @Field({ description: 'Why, for the enterprise: 1 to 2 000 characters' })
  comment: string;
}

@InputType()
export class GoodExampleFilterInput {
  @Field(() => Int, { nullable: true, description: 'Works towards this global goal (1–17)' })
  sdg?: number;

  @Field(() => String, {
    nullable: true,
    description: 'A CPV division, group or code: "90", "909", "90910000" or "90910000-9"; matches the codes below it',
  })
  cpv?: string;

  @Field(() => String, { nullable: true, description: 'Länskod' })
  countyCode?: string;

  @Field(() => String, { nullable: true, description: 'Kommunkod' })
  municipalityCode?: string;

  @Field(() => String, { nullable: true, description: 'An impact indicator among its agreed targets or its confirmed results' })
  indicatorCode?: string;

  @Field(() => String, {
    nullable: true,
    description: 'Words in the title, summary, description or the parties’ names (Swedish, prefix match; a word also finds the compounds it is part of)',
  })
  search?: string;
}

@InputType({ description: "The region's coordinator's curation of a good example: the whole of it, replacing what was" })
export class CurateGoodExampleInput {
  @Field(() => ID, { description: 'The partnership shown as a good example' })
  partnershipId: string;

  @Field(() => Int, { description: 'The curationVersion you read (0 before anything was curated): a change based on an older one is refused (CONFLICT)' })
  version: number;

  @Field(() => String, { nullable: true, description: 'What the example shows, in Swedish: at most 600 characters; empty or null for none' })
  noteSv?: string | null;

  @Field(() => String, { nullable: true, description: 'What the example shows, in English: at most 600 characters; empty or null for none' })
  noteEn?: string | null;

  @Field({ description: 'Shown first in the library; not while hidden' })
  featured: boolean;

  @Field({ description: 'Hidden from the public library' })
  hidden: boolean;

  @Field(() => String, { nullable: true, description: "Why it is hidden (required when hidden, at most 600 characters): the parties see it on their partnership's page" })
  hiddenReason?: string | null;
}
