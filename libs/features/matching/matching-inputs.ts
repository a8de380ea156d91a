import type { MatchableNeedRow, MatchableProfileRow } from './matching.repository.js';
import type { NeedInput, ProfileInput } from '@samverka/scoring';

/** A stored need as the scoring library reads it. */
export function needInput(row: MatchableNeedRow): NeedInput {
  return {
    id: row.id,
    buyerOrganizationId: row.buyerOrganizationId,
    title: row.title,
    description: row.description,
    cpvCodes: row.cpvCodes,
    sdgs: row.sdgs,
    municipalityCode: row.municipalityCode,
    countyCode: row.countyCode,
    budgetMinSek: row.budgetMinSek,
    budgetMaxSek: row.budgetMaxSek,
    form: row.form,
  };
}

/** A stored profile, with its track record (completed partnerships and confirmed impact), as the scoring library reads it. */
export function profileInput(row: MatchableProfileRow): ProfileInput {
  return {
    organizationId: row.organizationId,
    description: row.description,
    services: row.services,
    cpvCodes: row.cpvCodes,
    sdgs: row.sdgs,
    nationwide: row.nationwide,
    municipalityCodes: row.municipalityCodes,
    countyCodes: row.countyCodes,
    maxContractSek: row.maxContractSek,
    ideburen: row.ideburen,
    workIntegrating: row.workIntegrating,
    farFromLabourMarketShare: row.farFromLabourMarketShare,
    trackRecord: {
      completed: row.completedPartnerships,
      completedWithImpact: row.completedWithImpact,
      ongoingWithImpact: row.ongoingWithImpact,
      buyerOrganizationIds: row.partnerBuyerIds,
      buyerMunicipalityCodes: row.partnerMunicipalityCodes,
      buyerCountyCodes: row.partnerCountyCodes,
      partnershipCpvCodes: row.partnerCpvCodes,
    },
  };
}
