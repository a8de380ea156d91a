import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { PartnershipEntity } from '@samverka/schema';
import { ConnectionType, Node, DateTimeScalar, DateScalar } from '@samverka/engine';
import { PartnershipStatusEnum } from './brokering.enums.js';

/**
 * A partnership. What it is about, its parties, dates and status are plain fields (an award is public,
 * and need.partnership shows it to everyone); how it ended, who brokered it and the parties' own
 * settings are field-resolved for its readers only (see PartnershipResolver).
 */
@ObjectType({ description: 'A buyer and an enterprise working together: from an accepted offer, or an agreement a coordinator brokered', implements: () => [Node] })
export class Partnership {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { nullable: true, description: 'The need it answers, when it came from an accepted offer' })
  needId: string | null;

  @Field(() => ID, { nullable: true })
  offerId: string | null;

  @Field(() => ID)
  buyerOrganizationId: string;

  @Field(() => ID)
  enterpriseOrganizationId: string;

  @Field(() => PartnershipStatusEnum)
  status: PartnershipStatusEnum;

  @Field(() => DateTimeScalar, { description: 'When it was recorded on the platform' })
  startedAt: Date;

  @Field()
  title: string;

  @Field({ description: 'Swedish free text' })
  description: string;

  @Field(() => [String], { description: 'CPV codes, NNNNNNNN-N' })
  cpvCodes: string[];

  @Field(() => [Int], { description: 'Global goals, 1–17' })
  sdgs: number[];

  @Field(() => String, { nullable: true, description: 'Kommunkod where the work is done' })
  municipalityCode: string | null;

  @Field({ description: 'Länskod of its region' })
  countyCode: string;

  @Field(() => DateScalar, { description: 'The agreed start' })
  startsOn: string;

  @Field(() => DateScalar, { nullable: true, description: 'The agreed end, if one was set' })
  endsOn: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was completed or terminated' })
  endedAt: Date | null;

  @Field(() => DateTimeScalar)
  createdAt: Date;

  @Field(() => DateTimeScalar)
  updatedAt: Date;

  @Field(() => Int, { description: 'Send it back with a change: a change based on an older version is refused' })
  version: number;

  /** The whole record, for the field resolvers that check who reads. */
  record: PartnershipEntity;

  static from(entity: PartnershipEntity): Partnership {
    return Object.assign(new Partnership(), {
      id: entity.id,
      needId: entity.needId,
      offerId: entity.offerId,
      buyerOrganizationId: entity.buyerOrganizationId,
      enterpriseOrganizationId: entity.enterpriseOrganizationId,
      status: entity.status,
      startedAt: entity.startedAt,
      title: entity.title,
      description: entity.description,
      cpvCodes: entity.cpvCodes,
      sdgs: entity.sdgs,
      municipalityCode: entity.municipalityCode,
      countyCode: entity.countyCode,
      startsOn: entity.startsOn,
      endsOn: entity.endsOn,
      endedAt: entity.endedAt,
      createdAt: entity.createdAt,
      updatedAt: entity.updatedAt,
      version: entity.version,
      record: entity,
    });
  }
}

export const PartnershipConnection = ConnectionType(Partnership);
