import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { ImpactThemeEnum, ImpactUnitEnum } from './impact.enums.js';
import { DateScalar } from '@samverka/engine';

@InputType()
export class CreateImpactIndicatorInput {
  @Field({ description: 'Capital letters, digits and _, 2–40 characters, starting with a letter; it never changes' })
  code: string;

  @Field(() => ImpactThemeEnum)
  theme: ImpactThemeEnum;

  @Field()
  nameSv: string;

  @Field()
  nameEn: string;

  @Field(() => ImpactUnitEnum)
  unit: ImpactUnitEnum;

  @Field(() => [Int], { nullable: true })
  sdgs?: number[];

  @Field()
  methodSv: string;

  @Field()
  methodEn: string;
}

@InputType({ description: 'Changes to an indicator: fields left out stay as they are' })
export class UpdateImpactIndicatorInput {
  @Field()
  code: string;

  @Field(() => Int)
  version: number;

  @Field(() => ImpactThemeEnum, { nullable: true })
  theme?: ImpactThemeEnum;

  @Field(() => String, { nullable: true })
  nameSv?: string;

  @Field(() => String, { nullable: true })
  nameEn?: string;

  @Field(() => ImpactUnitEnum, { nullable: true, description: 'Only while no target or report uses the indicator' })
  unit?: ImpactUnitEnum;

  @Field(() => [Int], { nullable: true })
  sdgs?: number[];

  @Field(() => String, { nullable: true })
  methodSv?: string;

  @Field(() => String, { nullable: true })
  methodEn?: string;

  @Field(() => Boolean, { nullable: true, description: 'false retires the indicator: it is no longer chosen for new targets' })
  active?: boolean;
}

@InputType()
export class PartnershipTargetInput {
  @Field()
  indicatorCode: string;

  @Field(() => Float, { description: 'For the partnership’s whole term, in the indicator’s unit' })
  target: number;

  @Field(() => String, { nullable: true })
  note?: string;
}

@InputType()
export class ImpactValueInput {
  @Field()
  indicatorCode: string;

  @Field(() => Float, { description: 'In the indicator’s unit, for the report’s period' })
  value: number;
}

@InputType()
export class CreateImpactReportInput {
  @Field(() => ID)
  partnershipId: string;

  @Field(() => DateScalar, { description: 'The first day of the period' })
  periodStart: string;

  @Field(() => DateScalar, { description: 'The last day of the period, at most a year after periodStart' })
  periodEnd: string;

  @Field(() => String, { nullable: true, description: 'What the figures mean; needed before the report is submitted' })
  narrative?: string;

  @Field(() => [ImpactValueInput], { nullable: true, description: 'One value per agreed target indicator at most' })
  values?: ImpactValueInput[];
}

@InputType({ description: 'Changes to a report: fields left out stay as they are; values, when given, replace all of them' })
export class ImpactReportChangesInput {
  @Field(() => DateScalar, { nullable: true })
  periodStart?: string;

  @Field(() => DateScalar, { nullable: true })
  periodEnd?: string;

  @Field(() => String, { nullable: true })
  narrative?: string;

  @Field(() => [ImpactValueInput], { nullable: true })
  values?: ImpactValueInput[];
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

  @Field(() => String, { nullable: true, description: 'Words in the title, summary, description or the parties’ names (Swedish, prefix match)' })
  search?: string;
}
