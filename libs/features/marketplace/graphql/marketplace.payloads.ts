import { Field, ObjectType } from '@nestjs/graphql';
import { type NeedResult } from '../need.service.js';
import { EnterpriseProfile, Need, NeedInvitation, NeedWarning, Offer } from './marketplace.models.js';

/** A need as a change left it, with the advice on it. */
@ObjectType({ isAbstract: true })
export class NeedChangePayload {
  @Field(() => Need)
  need: Need;

  @Field(() => [NeedWarning], { description: 'What to reconsider; they do not stop the change' })
  warnings: NeedWarning[];

  static of<T extends NeedChangePayload>(this: new () => T, { need, warnings }: NeedResult): T {
    return Object.assign(new this(), { need: Need.from(need), warnings: warnings.map(NeedWarning.from) });
  }
}

@ObjectType()
export class CreateNeedPayload extends NeedChangePayload {}

@ObjectType()
export class UpdateNeedPayload extends NeedChangePayload {}

@ObjectType()
export class PublishNeedPayload extends NeedChangePayload {}

@ObjectType()
export class CloseNeedPayload extends NeedChangePayload {}

@ObjectType()
export class CancelNeedPayload extends NeedChangePayload {}

/** An offer as a change left it. */
@ObjectType({ isAbstract: true })
export class OfferChangePayload {
  @Field(() => Offer)
  offer: Offer;

  static of<T extends OfferChangePayload>(this: new () => T, offer: Offer): T {
    return Object.assign(new this(), { offer });
  }
}

@ObjectType()
export class CreateOfferPayload extends OfferChangePayload {}

@ObjectType()
export class UpdateOfferPayload extends OfferChangePayload {}

@ObjectType()
export class SubmitOfferPayload extends OfferChangePayload {}

@ObjectType()
export class WithdrawOfferPayload extends OfferChangePayload {}

@ObjectType()
export class ShortlistOfferPayload extends OfferChangePayload {}

@ObjectType()
export class DeclineOfferPayload extends OfferChangePayload {}

@ObjectType()
export class SaveEnterpriseProfilePayload {
  @Field(() => EnterpriseProfile)
  enterpriseProfile: EnterpriseProfile;
}

@ObjectType()
export class InviteToOfferPayload {
  @Field(() => NeedInvitation)
  invitation: NeedInvitation;

  @Field(() => Need, { description: 'The need, with its invitations as they are now' })
  need: Need;
}
