import { type ImpactIndicatorEntity, type PartnershipEntity } from '@samverka/schema';
import { assertImpactValue, DomainError, type Actor } from '@samverka/domain';

/** Which side of the partnership the person is on. */
export type Party = 'buyer' | 'enterprise';

/** The parties the actor is a member of (both, for someone who belongs to both organisations). */
export function partiesOf(actor: Actor, partnership: Pick<PartnershipEntity, 'buyerOrganizationId' | 'enterpriseOrganizationId'>): Party[] {
  if (actor.kind !== 'user') return [];
  const parties: Party[] = [];
  if (actor.memberships.has(partnership.buyerOrganizationId)) parties.push('buyer');
  if (actor.memberships.has(partnership.enterpriseOrganizationId)) parties.push('enterprise');
  return parties;
}

export function organizationOf(partnership: Pick<PartnershipEntity, 'buyerOrganizationId' | 'enterpriseOrganizationId'>, party: Party): string {
  return party === 'buyer' ? partnership.buyerOrganizationId : partnership.enterpriseOrganizationId;
}

/**
 * A report's values checked against the indicators it may hold (`allowed`, by code): each indicator at
 * most once, each value in its indicator's unit. Errors name the entry (`values[2].value`).
 */
export function checkValues(
  values: readonly { indicatorCode: string; value: number }[],
  allowed: ReadonlyMap<string, ImpactIndicatorEntity>,
  field = 'values',
): { indicatorCode: string; value: number }[] {
  const seen = new Set<string>();
  return values.map((entry, i) => {
    const code = (entry.indicatorCode ?? '').trim();
    const indicator = allowed.get(code);
    if (!indicator) {
      const agreed = [...allowed.keys()].sort().join(', ') || 'none';
      throw DomainError.badInput(
        `${field}[${i}].indicatorCode`,
        `must be one of the partnership's agreed target indicators (${agreed}): ${JSON.stringify(entry.indicatorCode)} is not`,
      );
    }
    if (seen.has(code)) throw DomainError.badInput(`${field}[${i}].indicatorCode`, `repeats ${code}: give each indicator's value once`);
    seen.add(code);
    return { indicatorCode: code, value: assertImpactValue(entry.value, indicator.unit, `${field}[${i}].value`) };
  });
}
