import { Field, ObjectType } from '@nestjs/graphql';
import { type IntroductionEntity, type PartnershipEntity } from '@samverka/schema';
import { Need, Offer } from '@samverka/marketplace';
import { type Award } from '../award.service.js';
import { Introduction } from './introduction.model.js';
import { Partnership } from './partnership.model.js';

@ObjectType({ description: 'What accepting an offer changed' })
export class AcceptOfferPayload {
  @Field(() => Offer, { description: 'The accepted offer' })
  offer: Offer;

  @Field(() => Need, { description: 'The need, now AWARDED' })
  need: Need;

  @Field(() => Partnership, { description: 'The partnership the award began' })
  partnership: Partnership;

  @Field(() => [Offer], { description: 'The other open offers, declined in the same step' })
  declinedOffers: Offer[];

  static of({ offer, need, partnership, declined }: Award): AcceptOfferPayload {
    return Object.assign(new AcceptOfferPayload(), {
      offer: Offer.from(offer),
      need: Need.from(need),
      partnership: Partnership.from(partnership),
      declinedOffers: declined.map(Offer.from),
    });
  }
}

/** An introduction as a change left it. */
@ObjectType({ isAbstract: true })
export class IntroductionChangePayload {
  @Field(() => Introduction)
  introduction: Introduction;

  static of<T extends IntroductionChangePayload>(this: new () => T, introduction: IntroductionEntity): T {
    return Object.assign(new this(), { introduction: Introduction.from(introduction) });
  }
}

@ObjectType()
export class IntroduceEnterprisePayload extends IntroductionChangePayload {}

@ObjectType()
export class RespondToIntroductionPayload extends IntroductionChangePayload {}

@ObjectType()
export class WithdrawIntroductionPayload extends IntroductionChangePayload {}

/** A partnership as a change left it. */
@ObjectType({ isAbstract: true })
export class PartnershipChangePayload {
  @Field(() => Partnership)
  partnership: Partnership;

  static of<T extends PartnershipChangePayload>(this: new () => T, partnership: PartnershipEntity): T {
    return Object.assign(new this(), { partnership: Partnership.from(partnership) });
  }
}

@ObjectType()
export class CreatePartnershipPayload extends PartnershipChangePayload {}

@ObjectType()
export class CompletePartnershipPayload extends PartnershipChangePayload {}

@ObjectType()
export class TerminatePartnershipPayload extends PartnershipChangePayload {}

@ObjectType()
export class SetPartnershipPublicPayload extends PartnershipChangePayload {}
