import { INTRODUCTION_STATUSES, PARTNERSHIP_STATUSES, TARGETS_STATUSES, type IntroductionStatus, type PartnershipStatus, type TargetsStatus } from '@samverka/domain';
import { enumFromList } from '@samverka/engine';

export const IntroductionStatusEnum = enumFromList(INTRODUCTION_STATUSES, {
  name: 'IntroductionStatus',
  description: 'PROPOSED → ACCEPTED (the enterprise is invited to offer) | DECLINED, or WITHDRAWN by a coordinator',
});
export type IntroductionStatusEnum = IntroductionStatus;

export const PartnershipStatusEnum = enumFromList(PARTNERSHIP_STATUSES, { name: 'PartnershipStatus', description: 'ACTIVE → COMPLETED | TERMINATED' });
export type PartnershipStatusEnum = PartnershipStatus;

export const TargetsStatusEnum = enumFromList(TARGETS_STATUSES, { name: 'TargetsStatus', description: 'Impact targets: none yet, proposed by one party, or agreed by both' });
export type TargetsStatusEnum = TargetsStatus;

/** The sides of a partnership, as a person in both organisations names the one they act for. */
const PARTNERSHIP_PARTIES = ['BUYER', 'ENTERPRISE'] as const;
export const PartnershipPartyEnum = enumFromList(PARTNERSHIP_PARTIES, {
  name: 'PartnershipParty',
  description: 'A side of a partnership: the public buyer or the social enterprise',
});
export type PartnershipPartyEnum = (typeof PARTNERSHIP_PARTIES)[number];
