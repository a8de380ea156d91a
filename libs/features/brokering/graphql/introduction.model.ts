import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { IntroductionEntity } from '@samverka/schema';
import { ConnectionType, Node, DateTimeScalar } from '@samverka/engine';
import { IntroductionStatusEnum } from './brokering.enums.js';

@ObjectType({ description: 'A coordinator proposes a social enterprise for a need; the enterprise accepts (and is invited to offer) or declines', implements: () => [Node] })
export class Introduction {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  needId: string;

  @Field(() => ID)
  enterpriseOrganizationId: string;

  @Field({ description: 'Länskod of the region it was brokered in (the buyer’s county)' })
  countyCode: string;

  @Field({ description: "The coordinator's note to both sides: why this enterprise fits" })
  note: string;

  @Field(() => IntroductionStatusEnum)
  status: IntroductionStatusEnum;

  @Field({ description: "The enterprise's answer, if it gave one" })
  responseNote: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the enterprise accepted or declined' })
  respondedAt: Date | null;

  @Field(() => DateTimeScalar)
  createdAt: Date;

  @Field(() => DateTimeScalar)
  updatedAt: Date;

  @Field(() => Int, { description: 'Send it back with a change: a change based on an older version is refused' })
  version: number;

  /** Kept for the field resolvers (people are shown as User, through their own rules). */
  coordinatorUserId: string | null;
  respondedBy: string | null;

  static from(entity: IntroductionEntity): Introduction {
    return Object.assign(new Introduction(), {
      id: entity.id,
      needId: entity.needId,
      enterpriseOrganizationId: entity.enterpriseOrganizationId,
      countyCode: entity.countyCode,
      note: entity.note,
      status: entity.status,
      responseNote: entity.responseNote,
      respondedAt: entity.respondedAt,
      createdAt: entity.createdAt,
      updatedAt: entity.updatedAt,
      version: entity.version,
      coordinatorUserId: entity.coordinatorUserId,
      respondedBy: entity.respondedBy,
    });
  }
}

export const IntroductionConnection = ConnectionType(Introduction);
