import type { NeedForm, NeedStatus } from '../../gql/graphql';
import { RESERVED_CONTRACT_MIN_SHARE } from '../public/rules';

/** What of an enterprise's profile decides whether it may answer a need (libs/domain eligibilityFor). */
export interface EligibilityProfile {
  workIntegrating: boolean;
  farFromLabourMarketShare?: number | null;
  ideburen: boolean;
}

/** Why the enterprise may not answer, as a key of the offers area's `eligibility` texts with its values. */
export interface Ineligibility {
  key: 'noProfile' | 'reservedNotWorkIntegrating' | 'reservedShareTooLow' | 'iopNotIdeburen';
  min: number;
  share: number;
}

/**
 * The API's rule, read here so the enterprise learns it before writing (the API checks it again when the
 * offer is created and submitted): reserved contracts (LOU 4 kap. 18 §) for work-integrating enterprises
 * with at least 30 % of staff far from the labour market, IOP for idéburna organisations.
 */
export function ineligibilityFor(form: NeedForm, profile: EligibilityProfile | null | undefined): Ineligibility | null {
  const min = RESERVED_CONTRACT_MIN_SHARE;
  const share = profile?.farFromLabourMarketShare ?? 0;
  if (!profile) return { key: 'noProfile', min, share };
  if (form === 'RESERVED_CONTRACT') {
    if (!profile.workIntegrating) return { key: 'reservedNotWorkIntegrating', min, share };
    if (share < min) return { key: 'reservedShareTooLow', min, share };
  }
  if (form === 'IOP' && !profile.ideburen) return { key: 'iopNotIdeburen', min, share };
  return null;
}

/** A need takes offers while it is published and its deadline has not passed. */
export function takesOffers(need: { status: NeedStatus; responseDeadline?: string | null }, now: number = Date.now()): boolean {
  return need.status === 'PUBLISHED' && (!need.responseDeadline || Date.parse(need.responseDeadline) > now);
}

/** The enterprise's offer on a need: the one not withdrawn (there is at most one), else the latest withdrawn. */
export function ownOffer<T extends { enterpriseOrganizationId: string; status: string; updatedAt: string }>(offers: readonly T[], organizationId: string): T | null {
  const own = offers.filter((o) => o.enterpriseOrganizationId === organizationId);
  return own.find((o) => o.status !== 'WITHDRAWN') ?? [...own].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0] ?? null;
}
