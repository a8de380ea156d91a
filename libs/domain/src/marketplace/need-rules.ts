import { DomainError } from '../domain-error.js';
import { message, type Message } from '../messages/index.js';
import { DIRECT_AWARD_LIMIT_SEK, type NeedForm } from './marketplace-types.js';

export interface NeedWarning {
  /** Language-neutral, for clients that place or word it themselves. */
  code: 'DIRECT_AWARD_OVER_LIMIT';
  message: Message;
}

export interface NeedForPublishing {
  title: string;
  description: string;
  cpvCodes: readonly string[];
  municipalityCode: string | null;
  countyCode: string | null;
  form: NeedForm;
  budgetMinSek: number | null;
  budgetMaxSek: number | null;
  responseDeadline: Date | null;
}

const MIN_DESCRIPTION = 40;

/** What a need lacks before it can be published, as field → rule; empty when complete. */
export function missingForPublishing(need: NeedForPublishing, now: Date): { field: string; rule: string }[] {
  const missing: { field: string; rule: string }[] = [];
  if (need.title.trim().length < 5) missing.push({ field: 'title', rule: 'needs at least 5 characters' });
  if (need.description.trim().length < MIN_DESCRIPTION)
    missing.push({ field: 'description', rule: `needs at least ${MIN_DESCRIPTION} characters, so enterprises understand the need` });
  if (need.cpvCodes.length === 0) missing.push({ field: 'cpvCodes', rule: 'needs at least one CPV code' });
  if (!need.municipalityCode && !need.countyCode) missing.push({ field: 'municipalityCode', rule: 'or countyCode is needed: where is the work done?' });
  if (need.budgetMaxSek === null) missing.push({ field: 'budgetMaxSek', rule: 'is needed: enterprises must know the size of the contract' });
  if (!need.responseDeadline) missing.push({ field: 'responseDeadline', rule: 'is needed' });
  else if (need.responseDeadline.getTime() <= now.getTime()) missing.push({ field: 'responseDeadline', rule: 'must be in the future' });
  return missing;
}

export function assertPublishable(need: NeedForPublishing, now: Date): void {
  const missing = missingForPublishing(need, now);
  if (missing.length === 0) return;
  const [first] = missing;
  throw new DomainError('BAD_USER_INPUT', `The need cannot be published yet: ${missing.map((m) => `${m.field} ${m.rule}`).join('; ')}`, first.field);
}

/** Advice that does not stop the buyer, returned with the need. */
export function needWarnings(need: { form: NeedForm; budgetMaxSek: number | null }): NeedWarning[] {
  const warnings: NeedWarning[] = [];
  if (need.form === 'DIRECT_AWARD' && need.budgetMaxSek !== null && need.budgetMaxSek > DIRECT_AWARD_LIMIT_SEK) {
    warnings.push({
      code: 'DIRECT_AWARD_OVER_LIMIT',
      message: message('marketplace.directAwardOverLimit', { budget: need.budgetMaxSek, limit: DIRECT_AWARD_LIMIT_SEK }),
    });
  }
  return warnings;
}

/** Needs are posted by public buyers: municipalities and regions. */
export function assertBuyerKind(kind: string, field = 'buyerOrganizationId'): void {
  if (kind !== 'MUNICIPALITY' && kind !== 'REGION') {
    throw DomainError.badInput(field, `must be a municipality or a region: needs are posted by public buyers, and this is a ${kind}`);
  }
}

/** Who may answer depends on the form: it is fixed once enterprises can see the need. */
export function assertFormChangeAllowed(status: string, current: NeedForm, next: NeedForm | null | undefined): void {
  if (status === 'PUBLISHED' && next !== undefined && next !== null && next !== current) {
    throw new DomainError('CONFLICT', 'The form of a published need cannot change: cancel it and post a new one', 'form');
  }
}

export function assertBudget(min: number | null, max: number | null): void {
  for (const [field, value] of [
    ['budgetMinSek', min],
    ['budgetMaxSek', max],
  ] as const) {
    if (value !== null && (!Number.isSafeInteger(value) || value < 0 || value > 100_000_000_000)) {
      throw DomainError.badInput(field, 'must be a whole number of kronor from 0 to 100 000 000 000');
    }
  }
  if (min !== null && max !== null && min > max) throw DomainError.badInput('budgetMinSek', 'must not be above budgetMaxSek');
}
