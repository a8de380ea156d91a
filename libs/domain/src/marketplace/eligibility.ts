import { RESERVED_CONTRACT_MIN_SHARE, type NeedForm } from './marketplace-types.js';

export interface EligibilityFacts {
  ideburen: boolean;
  workIntegrating: boolean;
  farFromLabourMarketShare: number | null;
}

export type Eligibility = { eligible: true } | { eligible: false; reason: string };

/**
 * Who may answer a need of this form. Reserved contracts (LOU 4 kap. 18 §) are for work-integrating
 * enterprises with at least 30 % of staff far from the labour market; IOP (idéburet offentligt
 * partnerskap) is for idéburna organisations.
 */
export function eligibilityFor(form: NeedForm, enterprise: EligibilityFacts | null): Eligibility {
  if (!enterprise) return { eligible: false, reason: 'The organisation has no enterprise profile yet: create one before offering' };
  if (form === 'RESERVED_CONTRACT') {
    if (!enterprise.workIntegrating) {
      return {
        eligible: false,
        reason: `A reserved contract (LOU 4 kap. 18 §) is only for work-integrating enterprises with at least ${RESERVED_CONTRACT_MIN_SHARE} % of staff far from the labour market, and this profile is not marked work-integrating`,
      };
    }
    const share = enterprise.farFromLabourMarketShare ?? 0;
    if (share < RESERVED_CONTRACT_MIN_SHARE) {
      return {
        eligible: false,
        reason: `A reserved contract (LOU 4 kap. 18 §) needs at least ${RESERVED_CONTRACT_MIN_SHARE} % of staff far from the labour market; this enterprise reports ${share} %`,
      };
    }
  }
  if (form === 'IOP' && !enterprise.ideburen) {
    return { eligible: false, reason: 'An IOP (idéburet offentligt partnerskap) is only for idéburna organisations, and this profile is not marked idéburen' };
  }
  return { eligible: true };
}
