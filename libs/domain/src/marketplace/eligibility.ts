import { message, type Message } from '../messages/index.js';
import { RESERVED_CONTRACT_MIN_SHARE, type NeedForm } from './marketplace-types.js';

export interface EligibilityFacts {
  ideburen: boolean;
  workIntegrating: boolean;
  farFromLabourMarketShare: number | null;
}

export type Eligibility = { eligible: true } | { eligible: false; reason: Message };

/**
 * Who may answer a need of this form. Reserved contracts (LOU 4 kap. 18 §) are for work-integrating
 * enterprises with at least 30 % of staff far from the labour market; IOP (idéburet offentligt
 * partnerskap) is for idéburna organisations.
 */
export function eligibilityFor(form: NeedForm, enterprise: EligibilityFacts | null): Eligibility {
  if (!enterprise) return { eligible: false, reason: message('marketplace.noProfile') };
  if (form === 'RESERVED_CONTRACT') {
    if (!enterprise.workIntegrating) return { eligible: false, reason: message('marketplace.reservedNotWorkIntegrating', { min: RESERVED_CONTRACT_MIN_SHARE }) };
    const share = enterprise.farFromLabourMarketShare ?? 0;
    if (share < RESERVED_CONTRACT_MIN_SHARE) return { eligible: false, reason: message('marketplace.reservedShareTooLow', { min: RESERVED_CONTRACT_MIN_SHARE, share }) };
  }
  if (form === 'IOP' && !enterprise.ideburen) return { eligible: false, reason: message('marketplace.iopNotIdeburen') };
  return { eligible: true };
}
