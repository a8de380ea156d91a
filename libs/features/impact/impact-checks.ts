import { type ImpactIndicatorEntity, type PartnershipEntity } from '@samverka/schema';
import { assertImpactValue, checked, FieldProblems, type Actor } from '@samverka/domain';

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
 * most once, each value in its indicator's unit. Problems name the entry (`['values', 2, 'value']`),
 * every entry's at once.
 */
export function checkValues(
  values: readonly { indicatorCode: string; value: number }[],
  allowed: ReadonlyMap<string, ImpactIndicatorEntity>,
  field = 'values',
): { indicatorCode: string; value: number }[] {
  const problems = new FieldProblems();
  const seen = new Set<string>();
  const agreed = [...allowed.keys()].sort().join(', ');
  const checkedValues = values.map((entry, i) => {
    const code = (entry.indicatorCode ?? '').trim();
    const indicator = allowed.get(code);
    if (!indicator) {
      if (agreed) problems.add([field, i, 'indicatorCode'], 'NOT_ALLOWED', 'impact.valueIndicatorNotAgreed', { codes: agreed });
      else problems.add([field, i, 'indicatorCode'], 'NOT_ALLOWED', 'impact.valueNoAgreedIndicators');
      return null;
    }
    if (seen.has(code)) problems.add([field, i, 'indicatorCode'], 'INVALID', 'impact.valueIndicatorRepeated', { code });
    seen.add(code);
    const value = checked(problems, () => assertImpactValue(entry.value, indicator.unit, [field, i, 'value']));
    return value === undefined ? null : { indicatorCode: code, value };
  });
  problems.throwIfAny();
  return checkedValues as { indicatorCode: string; value: number }[];
}
