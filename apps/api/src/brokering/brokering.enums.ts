import { registerEnumType } from '@nestjs/graphql';

export enum IntroductionStatusEnum {
  PROPOSED = 'PROPOSED',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(IntroductionStatusEnum, {
  name: 'IntroductionStatus',
  description: 'PROPOSED → ACCEPTED (the enterprise is invited to offer) | DECLINED, or WITHDRAWN by a coordinator',
});

export enum PartnershipStatusEnum {
  ACTIVE = 'ACTIVE',
  COMPLETED = 'COMPLETED',
  TERMINATED = 'TERMINATED',
}
registerEnumType(PartnershipStatusEnum, { name: 'PartnershipStatus', description: 'ACTIVE → COMPLETED | TERMINATED' });

export enum TargetsStatusEnum {
  NONE = 'NONE',
  PROPOSED = 'PROPOSED',
  AGREED = 'AGREED',
}
registerEnumType(TargetsStatusEnum, { name: 'TargetsStatus', description: 'Impact targets: none yet, proposed by one party, or agreed by both' });

export enum PartnershipPartyEnum {
  BUYER = 'BUYER',
  ENTERPRISE = 'ENTERPRISE',
}
registerEnumType(PartnershipPartyEnum, { name: 'PartnershipParty', description: 'A side of a partnership: the public buyer or the social enterprise' });
