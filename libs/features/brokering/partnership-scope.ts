import type { PartnershipEntity } from '@samverka/schema';
import type { PartnershipScope } from '@samverka/domain';

/** What the access rules need of a partnership: its parties and its region. */
export function partnershipScope(partnership: Pick<PartnershipEntity, 'buyerOrganizationId' | 'enterpriseOrganizationId' | 'countyCode'>): PartnershipScope {
  return { buyerOrganizationId: partnership.buyerOrganizationId, enterpriseOrganizationId: partnership.enterpriseOrganizationId, countyCode: partnership.countyCode };
}
