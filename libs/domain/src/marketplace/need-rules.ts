import { DomainError, FieldProblems, pathOf, type FieldRule } from '../domain-error.js';
import { message, type Message, type MessageKey, type MessageParams } from '../messages/index.js';
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

const MIN_TITLE = 5;
const MIN_DESCRIPTION = 40;

/** One thing a need lacks before it can be published: the field, the rule it breaks and what to do. */
export interface MissingForPublishing {
  field: string;
  code: FieldRule;
  key: MessageKey;
  params?: MessageParams;
}

/** What a need lacks before it can be published, each field on its own; empty when complete. */
export function missingForPublishing(need: NeedForPublishing, now: Date): MissingForPublishing[] {
  const missing: MissingForPublishing[] = [];
  if (need.title.trim().length < MIN_TITLE) missing.push({ field: 'title', code: 'TOO_SHORT', key: 'marketplace.publishTitle', params: { count: MIN_TITLE } });
  if (need.description.trim().length < MIN_DESCRIPTION)
    missing.push({ field: 'description', code: 'TOO_SHORT', key: 'marketplace.publishDescription', params: { count: MIN_DESCRIPTION } });
  if (need.cpvCodes.length === 0) missing.push({ field: 'cpvCodes', code: 'TOO_FEW', key: 'marketplace.publishCpvCodes' });
  if (!need.municipalityCode && !need.countyCode) missing.push({ field: 'municipalityCode', code: 'REQUIRED', key: 'marketplace.publishPlace' });
  if (need.budgetMaxSek === null) missing.push({ field: 'budgetMaxSek', code: 'REQUIRED', key: 'marketplace.publishBudget' });
  if (!need.responseDeadline) missing.push({ field: 'responseDeadline', code: 'REQUIRED', key: 'marketplace.publishDeadline' });
  else if (need.responseDeadline.getTime() <= now.getTime()) missing.push({ field: 'responseDeadline', code: 'OUT_OF_RANGE', key: 'marketplace.deadlineInPast' });
  return missing;
}

/** Refuses to publish an incomplete need, naming every field it lacks. */
export function assertPublishable(need: NeedForPublishing, now: Date): void {
  const missing = missingForPublishing(need, now);
  if (missing.length === 0) return;
  const fields = missing.map((m) => ({ path: pathOf(m.field), code: m.code, message: { key: m.key, ...(m.params ? { params: m.params } : {}) } }));
  throw new DomainError('BAD_USER_INPUT', { key: 'marketplace.needNotPublishable', params: { count: missing.length } }, { fields });
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
  if (kind !== 'MUNICIPALITY' && kind !== 'REGION') throw DomainError.badInput(field, 'NOT_ALLOWED', 'marketplace.buyerKind');
}

/** Who may answer depends on the form: it is fixed once enterprises can see the need. */
export function assertFormChangeAllowed(status: string, current: NeedForm, next: NeedForm | null | undefined): void {
  if (status === 'PUBLISHED' && next !== undefined && next !== null && next !== current) {
    throw DomainError.conflict('marketplace.formLocked', undefined, { path: 'form', code: 'NOT_ALLOWED' });
  }
}

/** A budget range in whole kronor, the minimum not above the maximum; every problem at once. */
export function assertBudget(min: number | null, max: number | null): void {
  const problems = new FieldProblems();
  const valid = (value: number | null) => value === null || (Number.isSafeInteger(value) && value >= 0 && value <= 100_000_000_000);
  if (!valid(min)) problems.add('budgetMinSek', 'OUT_OF_RANGE', 'marketplace.budgetRange');
  if (!valid(max)) problems.add('budgetMaxSek', 'OUT_OF_RANGE', 'marketplace.budgetRange');
  if (!problems.has('budgetMinSek') && !problems.has('budgetMaxSek') && min !== null && max !== null && min > max) {
    problems.add('budgetMinSek', 'OUT_OF_RANGE', 'marketplace.budgetMinAboveMax');
  }
  problems.throwIfAny();
}
