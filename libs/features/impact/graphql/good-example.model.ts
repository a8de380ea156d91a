import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { OrganizationKindEnum } from '@samverka/accounts';
import { ConnectionType, DateScalar } from '@samverka/engine';
import { PartnershipStatusEnum } from '@samverka/brokering';
import { ImpactUnitEnum } from './impact.enums.js';

@ObjectType({ description: 'A party of a good example: an organisation, never a person' })
export class GoodExampleParty {
  @Field(() => ID, { name: 'organizationId', description: 'The organisation’s id' })
  id: string;

  @Field()
  name: string;

  @Field(() => OrganizationKindEnum)
  kind: OrganizationKindEnum;
}

@ObjectType({ description: 'An impact indicator with a value: a confirmed total, or an agreed target' })
export class GoodExampleFigure {
  @Field({ description: 'The indicator’s code in the shared catalogue, e.g. WORK_TRAINING_PARTICIPANTS' })
  indicatorCode: string;

  @Field()
  nameSv: string;

  @Field()
  nameEn: string;

  @Field(() => ImpactUnitEnum)
  unit: ImpactUnitEnum;

  @Field(() => Float)
  value: number;
}

@ObjectType({ description: 'A partnership both parties show in the public library of good examples (goda exempel): public facts only' })
export class GoodExample {
  // A public view of a partnership, not a node of its own: its id is the partnership's.
  @Field(() => ID, { name: 'partnershipId', description: 'The partnership’s id' })
  id: string;

  @Field()
  title: string;

  @Field({ description: 'The public text the parties agreed on' })
  summary: string;

  @Field(() => String, {
    nullable: true,
    description:
      "The published need's description, for a partnership that began with an award; null for a brokered agreement, whose own notes stay with its parties (the summary is what they agreed to show)",
  })
  description: string | null;

  @Field(() => GoodExampleParty)
  buyer: GoodExampleParty;

  @Field(() => GoodExampleParty)
  enterprise: GoodExampleParty;

  @Field(() => String, { nullable: true, description: 'Kommunkod where the work is done' })
  municipalityCode: string | null;

  @Field(() => String, { nullable: true })
  municipalityName: string | null;

  @Field({ description: 'Länskod' })
  countyCode: string;

  @Field()
  countyName: string;

  @Field(() => [Int])
  sdgs: number[];

  @Field(() => [String])
  cpvCodes: string[];

  @Field(() => DateScalar, { description: 'The agreed start' })
  startsOn: string;

  @Field(() => DateScalar, { nullable: true, description: 'The agreed end, if one was set' })
  endsOn: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The day it was completed (in Sweden)' })
  completedOn: string | null;

  @Field(() => PartnershipStatusEnum, { description: 'ACTIVE or COMPLETED (terminated partnerships are not shown)' })
  status: PartnershipStatusEnum;

  @Field(() => [GoodExampleFigure], { description: 'Per indicator, the sum of the confirmed impact reports (corrections replace what they correct)' })
  impact: GoodExampleFigure[];

  @Field(() => [GoodExampleFigure], { description: 'The impact targets both parties agreed (empty until they agree)' })
  targets: GoodExampleFigure[];

  @Field(() => String, { nullable: true, description: "What the example shows, in the region's coordinator's words (Swedish); null until written" })
  curatorNoteSv: string | null;

  @Field(() => String, { nullable: true, description: "What the example shows, in the region's coordinator's words (English); null when not written" })
  curatorNoteEn: string | null;

  @Field({ description: 'Featured by the region’s coordinator: shown first in the library' })
  featured: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Why the coordinator hid it from the library; always null in the public library (hidden examples are not in it), set in goodExamplesToCurate',
  })
  hiddenReason: string | null;

  @Field(() => Int, { description: 'The version of the curation, to send with curateGoodExample: 0 before anything was curated' })
  curationVersion: number;
}

export const GoodExampleConnection = ConnectionType(GoodExample);

@ObjectType()
export class CurateGoodExamplePayload {
  @Field(() => GoodExample, { description: 'The example as the curation left it' })
  goodExample: GoodExample;
}
