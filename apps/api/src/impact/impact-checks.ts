import type { ImpactIndicatorEntity, ImpactReportEntity, PartnershipEntity } from '@samverka/database';
import { assertImpactReportEditable, assertImpactValue, DomainError, type Actor } from '@samverka/domain';
import { isUniqueViolation, postgresError } from '../common/database-errors.js';

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
      throw DomainError.badInput(`${field}[${i}].indicatorCode`, `must be one of the partnership's agreed target indicators (${agreed}): ${JSON.stringify(entry.indicatorCode)} is not`);
    }
    if (seen.has(code)) throw DomainError.badInput(`${field}[${i}].indicatorCode`, `repeats ${code}: give each indicator's value once`);
    seen.add(code);
    return { indicatorCode: code, value: assertImpactValue(entry.value, indicator.unit, `${field}[${i}].value`) };
  });
}

/** The message a clash of periods gets, whether the service finds it or the database's trigger does. */
export function overlapError(period: { periodStart: string; periodEnd: string }, clash: Pick<ImpactReportEntity, 'periodStart' | 'periodEnd' | 'status'> | null): DomainError {
  const other = clash ? `the ${clash.status} report for ${clash.periodStart} – ${clash.periodEnd}` : 'another current report of the partnership';
  return DomainError.badInput(
    'periodStart',
    `and periodEnd (${period.periodStart} – ${period.periodEnd}) overlap ${other}: a partnership's reports cover periods that do not overlap (correct a confirmed report instead of reporting its period again)`,
  );
}

/** The trigger impact_report_no_overlap refused the period; the clashing report's id is in its message. */
export function overlapViolation(error: unknown): { clashId: string | null } | null {
  const { code, constraint, message } = postgresError(error);
  if (code !== '23P01' || constraint !== 'impact_report_no_overlap') return null;
  return { clashId: /overlaps report ([0-9a-f-]{36})/i.exec(message ?? '')?.[1] ?? null };
}

/** The trigger impact_report_locked refused a change to a confirmed report: the same CONFLICT as the service's check. */
export function lockedReportError(error: unknown): DomainError | null {
  const { constraint } = postgresError(error);
  if (constraint !== 'impact_report_locked') return null;
  try {
    assertImpactReportEditable('CONFIRMED');
  } catch (locked) {
    return locked as DomainError;
  }
  return DomainError.conflict('A confirmed impact report is locked');
}

export function isOpenCorrectionViolation(error: unknown): boolean {
  return isUniqueViolation(error, 'impact_report_corrects_id_key');
}

