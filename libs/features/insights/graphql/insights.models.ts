import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { PartnershipStatusEnum } from '@samverka/brokering';
import { ImpactUnitEnum } from '@samverka/impact';
import { LegalFormEnum } from '@samverka/marketplace';
import { County } from '@samverka/reference-data';
import { bucketAt } from '../insight-period.js';
import { InsightIntervalEnum } from './insights.enums.js';
import type { RegionInsightsReader } from '../insights.service.js';
import { DateTimeScalar, DateScalar } from '@samverka/engine';

@ObjectType({ description: 'Needs, enterprises and partnerships of a region, or of one of its municipalities' })
export class InsightArea {
  @Field(() => String, { nullable: true, description: 'Kommunkod; null for the whole region' })
  municipalityCode: string | null;

  @Field(() => String, { nullable: true })
  municipalityName: string | null;

  @Field(() => Int, { description: 'Published needs' })
  openNeeds: number;

  @Field(() => Int, { description: 'Published needs without a submitted, shortlisted or accepted offer' })
  needsWithoutOffers: number;

  @Field(() => Int, { description: 'Published needs the current algorithm has matched whose best match scores below weakMatchBelow, or that have no match: the supply gap' })
  supplyGapNeeds: number;

  @Field(() => Int, { description: 'Published needs the current algorithm has not matched yet (neither gap nor covered)' })
  needsAwaitingMatching: number;

  @Field(() => Int, { description: 'Social enterprises working there (nationwide, county-wide, in the municipality) or registered there' })
  enterprises: number;

  @Field(() => Int, { description: 'Active partnerships there' })
  activePartnerships: number;
}

@ObjectType({ description: 'The supply gap in one CPV division' })
export class InsightCpvDivisionGap {
  @Field({ description: 'The first two digits of the CPV codes, such as 90' })
  division: string;

  @Field(() => String, { nullable: true })
  labelSv: string | null;

  @Field(() => String, { nullable: true })
  labelEn: string | null;

  @Field(() => Int, { description: 'Supply-gap needs with a code in the division' })
  supplyGapNeeds: number;

  @Field(() => Int, { description: 'Open needs with a code in the division, gap or not' })
  openNeeds: number;
}

@ObjectType({ description: 'The supply gap for one global goal' })
export class InsightSdgGap {
  @Field(() => Int)
  sdg: number;

  @Field()
  titleSv: string;

  @Field()
  titleEn: string;

  @Field(() => Int)
  supplyGapNeeds: number;

  @Field(() => Int, { description: 'Open needs naming the goal, gap or not' })
  openNeeds: number;
}

@ObjectType()
export class InsightSdgCount {
  @Field(() => Int)
  sdg: number;

  @Field()
  titleSv: string;

  @Field()
  titleEn: string;

  @Field(() => Int)
  enterprises: number;
}

@ObjectType()
export class InsightLegalFormCount {
  @Field(() => LegalFormEnum, { nullable: true, description: 'null: not stated, or no profile yet' })
  legalForm: LegalFormEnum | null;

  @Field(() => Int)
  enterprises: number;
}

@ObjectType({ description: "The region's social enterprises" })
export class InsightEnterprises {
  @Field(() => Int)
  total: number;

  @Field(() => Int, { description: 'Registered in the region' })
  registeredInRegion: number;

  @Field(() => Int, { description: 'Working nationwide' })
  nationwide: number;

  @Field(() => [InsightSdgCount], { description: 'By the global goals of their profiles, most enterprises first' })
  bySdg: InsightSdgCount[];

  @Field(() => [InsightLegalFormCount], { description: 'By legal form, most enterprises first' })
  byLegalForm: InsightLegalFormCount[];
}

@ObjectType()
export class InsightStatusCount {
  @Field(() => PartnershipStatusEnum)
  status: PartnershipStatusEnum;

  @Field(() => Int)
  partnerships: number;
}

@ObjectType({ description: 'Confirmed impact of the region’s partnerships for one indicator' })
export class InsightImpactTotal {
  @Field()
  indicatorCode: string;

  @Field()
  nameSv: string;

  @Field()
  nameEn: string;

  @Field(() => ImpactUnitEnum)
  unit: ImpactUnitEnum;

  @Field(() => Float)
  total: number;

  @Field(() => Int, { description: 'Confirmed reports adding to it' })
  reports: number;

  @Field(() => Int, { description: 'Partnerships reporting it' })
  partnerships: number;
}

@ObjectType()
export class InsightBucketImpact {
  @Field()
  indicatorCode: string;

  @Field()
  nameSv: string;

  @Field()
  nameEn: string;

  @Field(() => ImpactUnitEnum)
  unit: ImpactUnitEnum;

  @Field(() => Float)
  total: number;
}

@ObjectType({ description: 'One month, quarter or year of the timeline' })
export class InsightBucket {
  @Field(() => DateScalar, { description: 'First day' })
  start: string;

  @Field(() => DateScalar, { description: 'Last day' })
  end: string;

  @Field({ description: 'Such as 2025-03, 2025-Q1 or 2025' })
  label: string;

  @Field(() => Int, { description: 'Needs of the region published in the bucket (by Swedish date), whatever their status now' })
  needsPublished: number;

  @Field(() => Int, { description: 'Partnerships of the region whose agreed start date falls in the bucket' })
  partnershipsStarted: number;

  @Field(() => [InsightBucketImpact], { description: 'Confirmed impact of reports whose period ends in the bucket, for every indicator reported in the span' })
  impact: InsightBucketImpact[];
}

@ObjectType({ description: 'A region’s supply and demand, supply gap, enterprises, partnerships and impact, for its coordinators' })
export class RegionInsights {
  @Field(() => County)
  county: County;

  @Field(() => DateScalar, { description: 'The first day of the first bucket (the requested from, widened to the start of its bucket)' })
  from: string;

  @Field(() => DateScalar, { description: 'The last day of the last bucket (the requested to, widened to the end of its bucket)' })
  to: string;

  @Field(() => InsightIntervalEnum)
  interval: InsightIntervalEnum;

  @Field(() => Float, { description: 'A matched need whose best match scores below this is a supply gap' })
  weakMatchBelow: number;

  @Field({ description: 'The matching algorithm whose matches count' })
  algorithmVersion: string;

  @Field(() => DateTimeScalar)
  generatedAt: Date;

  /** Reads the sections the query asks for, each once. */
  reader: RegionInsightsReader;

  static from(reader: RegionInsightsReader): RegionInsights {
    return Object.assign(new RegionInsights(), {
      county: County.from(reader.county),
      from: reader.span.first,
      to: bucketAt(reader.span.last, reader.span.interval).end,
      interval: reader.span.interval,
      weakMatchBelow: reader.weakMatchBelow,
      algorithmVersion: reader.criteria.algorithmVersion,
      generatedAt: reader.generatedAt,
      reader,
    });
  }
}
