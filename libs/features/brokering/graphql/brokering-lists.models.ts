import { ArgsType, Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@samverka/engine';
import { Need } from '@samverka/marketplace';
import type { WorkListRow } from '../work-list.repository.js';
import { IntroductionStatusEnum } from './brokering.enums.js';

@InputType({ description: 'Narrows the introductions a person may read' })
export class IntroductionFilterInput {
  @Field(() => String, { nullable: true, description: 'Introductions brokered in this region (länskod, the buyer’s county)' })
  countyCode?: string | null;

  @Field(() => IntroductionStatusEnum, { nullable: true })
  status?: IntroductionStatusEnum | null;

  @Field(() => ID, { nullable: true, description: 'Introductions to this need' })
  needId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Introductions of this enterprise' })
  enterpriseOrganizationId?: string | null;
}

@ArgsType()
export class NeedsWithoutOffersArgs {
  @Field({ description: 'Länskod of the region (the buyers’ county), 2 digits, such as 12' })
  countyCode: string;
}

@ObjectType({ description: 'A published need of the region with no submitted offer, whose response deadline is within a week: a coordinator may find it an enterprise' })
export class NeedWithoutOffers {
  @Field(() => Need)
  need: Need;

  @Field(() => Float, { nullable: true, description: 'The best match’s score (0–100); null when no enterprise matches' })
  bestMatchScore: number | null;

  @Field(() => Int, { description: 'How many enterprises match it' })
  matchCount: number;

  @Field(() => Int, { description: 'Introductions to it so far, of any status' })
  introductionCount: number;

  @Field({ description: 'Whether a coordinator has introduced an enterprise to it already' })
  hasIntroductions: boolean;

  static from(row: WorkListRow): NeedWithoutOffers {
    return Object.assign(new NeedWithoutOffers(), {
      need: Need.from(row.need),
      bestMatchScore: row.bestMatchScore,
      matchCount: row.matchCount,
      introductionCount: row.introductionCount,
      hasIntroductions: row.introductionCount > 0,
    });
  }
}

export const NeedWithoutOffersConnection = ConnectionType(NeedWithoutOffers);
