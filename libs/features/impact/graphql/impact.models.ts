import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import type { ImpactIndicatorEntity, ImpactReportEntity } from '@samverka/schema';
import { UNIT_RULES, type ImpactUnit, type MessageKey } from '@samverka/domain';
import { t, Node, DateTimeScalar, DateScalar } from '@samverka/engine';
import { ImpactReportStatusEnum, ImpactThemeEnum, ImpactUnitEnum } from './impact.enums.js';

/** Each unit's name in the catalogue. */
export const UNIT_LABELS: Record<ImpactUnit, MessageKey> = {
  PERSONS: 'impact.unitPersons',
  HOURS: 'impact.unitHours',
  TONNES: 'impact.unitTonnes',
  TONNES_CO2E: 'impact.unitTonnesCo2e',
  MEALS: 'impact.unitMeals',
  COUNT: 'impact.unitCount',
};

@ObjectType({ description: 'An indicator of the shared impact catalogue: what is counted, in which unit, and how' })
export class ImpactIndicator {
  @Field({ description: 'Stable code, e.g. WORK_TRAINING_PARTICIPANTS' })
  code: string;

  @Field(() => ImpactThemeEnum)
  theme: ImpactThemeEnum;

  @Field()
  nameSv: string;

  @Field()
  nameEn: string;

  @Field(() => ImpactUnitEnum)
  unit: ImpactUnitEnum;

  @Field({ description: 'The unit in Swedish, e.g. "personer"' })
  unitLabelSv: string;

  @Field({ description: 'The unit in English, e.g. "persons"' })
  unitLabelEn: string;

  @Field(() => Int, { description: 'Decimals a value may have: 0 for what is counted whole' })
  decimals: number;

  @Field(() => [Int], { description: 'Related Sustainable Development Goals' })
  sdgs: number[];

  @Field({ description: 'How to count it, in Swedish' })
  methodSv: string;

  @Field({ description: 'How to count it, in English' })
  methodEn: string;

  @Field({ description: 'False when retired: kept for the reports that used it, not chosen for new targets' })
  active: boolean;

  @Field(() => DateTimeScalar)
  updatedAt: Date;

  @Field(() => Int)
  version: number;

  static from(entity: ImpactIndicatorEntity): ImpactIndicator {
    const rule = UNIT_RULES[entity.unit];
    return Object.assign(new ImpactIndicator(), {
      code: entity.code,
      theme: entity.theme,
      nameSv: entity.nameSv,
      nameEn: entity.nameEn,
      unit: entity.unit,
      unitLabelSv: t(UNIT_LABELS[entity.unit], undefined, 'sv'),
      unitLabelEn: t(UNIT_LABELS[entity.unit], undefined, 'en'),
      decimals: rule.decimals,
      sdgs: entity.sdgs.map(Number),
      methodSv: entity.methodSv,
      methodEn: entity.methodEn,
      active: entity.active,
      updatedAt: entity.updatedAt,
      version: entity.version,
    });
  }
}

@ObjectType({ description: 'An indicator a partnership measures, the value agreed for its whole term, and how far the confirmed reports have come' })
export class PartnershipTarget {
  @Field()
  indicatorCode: string;

  @Field(() => ImpactIndicator)
  indicator: ImpactIndicator;

  @Field(() => Float, { description: 'In the indicator’s unit' })
  target: number;

  @Field()
  note: string;

  @Field(() => Float, { description: 'The sum of the CONFIRMED reports’ values for this indicator' })
  confirmedTotal: number;

  @Field(() => Float, { nullable: true, description: 'confirmedTotal / target (1 = reached; above 1 = exceeded); null when the target is 0' })
  progress: number | null;
}

@ObjectType({ description: 'One indicator’s total over a partnership’s confirmed reports' })
export class ImpactTotal {
  @Field()
  indicatorCode: string;

  @Field(() => ImpactIndicator)
  indicator: ImpactIndicator;

  @Field(() => Float)
  total: number;

  @Field(() => Int, { description: 'How many confirmed reports it adds up' })
  reports: number;
}

@ObjectType({ description: 'One value of an impact report' })
export class ImpactReportValue {
  @Field()
  indicatorCode: string;

  @Field(() => ImpactIndicator)
  indicator: ImpactIndicator;

  @Field(() => Float, { description: 'In the indicator’s unit' })
  value: number;
}

@ObjectType({
  description: 'The enterprise’s report of one period’s impact; the buyer confirms it, and then it is locked (a correction is a new revision)',
  implements: () => [Node],
})
export class ImpactReport {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  partnershipId: string;

  @Field(() => DateScalar, { description: 'First day of the period' })
  periodStart: string;

  @Field(() => DateScalar, { description: 'Last day of the period' })
  periodEnd: string;

  @Field(() => Int, { description: '1 for a first report; a correction is the next revision of the report it corrects' })
  revision: number;

  @Field(() => ID, { nullable: true, description: 'The report this one corrects' })
  correctsReportId: string | null;

  @Field(() => ImpactReportStatusEnum)
  status: ImpactReportStatusEnum;

  @Field()
  narrative: string;

  @Field({ description: 'Why the buyer returned it (empty unless RETURNED)' })
  returnComment: string;

  @Field(() => DateTimeScalar, { nullable: true })
  submittedAt: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  confirmedAt: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  supersededAt: Date | null;

  @Field(() => DateTimeScalar)
  createdAt: Date;

  @Field(() => DateTimeScalar)
  updatedAt: Date;

  @Field(() => Int, { description: 'Send it back with a change: a change based on an older version is refused' })
  version: number;

  static from(entity: ImpactReportEntity): ImpactReport {
    return Object.assign(new ImpactReport(), {
      id: entity.id,
      partnershipId: entity.partnershipId,
      periodStart: entity.periodStart,
      periodEnd: entity.periodEnd,
      revision: entity.revision,
      correctsReportId: entity.correctsId,
      status: entity.status,
      narrative: entity.narrative,
      returnComment: entity.returnComment,
      submittedAt: entity.submittedAt,
      confirmedAt: entity.confirmedAt,
      supersededAt: entity.supersededAt,
      createdAt: entity.createdAt,
      updatedAt: entity.updatedAt,
      version: entity.version,
    });
  }
}
