import type { NeedForm, NeedStatus } from '../../gql/graphql';

/**
 * A need's rules as the API checks them (libs/features/marketplace/need.validator.ts for a draft,
 * libs/domain/src/marketplace/need-rules.ts for publishing), so the steps can say what is wrong before
 * asking. The API checks again and its answer wins.
 */
export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 10_000;
export const IMPACT_MAX = 2_000;
export const CPV_MAX = 50;
export const KRONOR_MAX = 100_000_000_000;
/** Direktupphandling under LOU since 1 February 2022. */
export const DIRECT_AWARD_LIMIT_SEK = 700_000;
export const PUBLISH_TITLE_MIN = 5;
export const PUBLISH_DESCRIPTION_MIN = 40;

export const FORMS: readonly NeedForm[] = ['DIRECT_AWARD', 'RESERVED_CONTRACT', 'PUBLIC_PROCUREMENT', 'IOP', 'INNOVATION_PARTNERSHIP', 'FUNDING_CALL'];

/** The steps in order; the slug is the `steg` of the address. */
export const STEPS = ['vad', 'upphandlingsform', 'cpv', 'mal', 'plats', 'budget', 'effekt', 'svarsdag', 'granska'] as const;
export type Step = (typeof STEPS)[number];

export function isStep(value: string | null): value is Step {
  return (STEPS as readonly string[]).includes(value ?? '');
}

/** The need as the steps read it. */
export interface DraftNeed {
  title: string;
  description: string;
  form: NeedForm;
  cpvCodes: readonly string[];
  municipalityCode?: string | null;
  countyCode?: string | null;
  budgetMaxSek?: number | null;
  responseDeadline?: string | null;
}

export type MissingField = 'title' | 'description' | 'cpvCodes' | 'place' | 'budgetMaxSek' | 'responseDeadline' | 'deadlinePast';

/** What the need lacks before it can be published, in the order of the steps. */
export function missingForPublishing(need: DraftNeed, now: Date): MissingField[] {
  const missing: MissingField[] = [];
  if (need.title.trim().length < PUBLISH_TITLE_MIN) missing.push('title');
  if (need.description.trim().length < PUBLISH_DESCRIPTION_MIN) missing.push('description');
  if (need.cpvCodes.length === 0) missing.push('cpvCodes');
  if (!need.municipalityCode && !need.countyCode) missing.push('place');
  if (need.budgetMaxSek == null) missing.push('budgetMaxSek');
  if (!need.responseDeadline) missing.push('responseDeadline');
  else if (Date.parse(need.responseDeadline) <= now.getTime()) missing.push('deadlinePast');
  return missing;
}

/** The step where a field (as the API names it, or as the completeness check does) is answered. */
export function stepOf(field: string): Step {
  switch (field) {
    case 'title':
    case 'description':
      return 'vad';
    case 'form':
      return 'upphandlingsform';
    case 'cpvCodes':
      return 'cpv';
    case 'sdgs':
      return 'mal';
    case 'place':
    case 'municipalityCode':
    case 'countyCode':
      return 'plats';
    case 'budgetMinSek':
    case 'budgetMaxSek':
      return 'budget';
    case 'wantedImpact':
      return 'effekt';
    default:
      return field.startsWith('cpvCodes') ? 'cpv' : field.startsWith('sdgs') ? 'mal' : 'svarsdag';
  }
}

/**
 * Whole kronor as typed: digits, with spaces (or a dot or comma between thousands) as people write them.
 * `null` for an empty field, `NaN` for anything else.
 */
export function parseKronor(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '').replace(/(kr|sek)$/i, '');
  if (!compact) return null;
  if (/^\d{1,3}([.,]\d{3})+$/.test(compact)) return Number(compact.replace(/[.,]/g, ''));
  return /^\d+$/.test(compact) ? Number(compact) : Number.NaN;
}

const STOCKHOLM = 'Europe/Stockholm';

function stockholmParts(moment: Date): { date: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: STOCKHOLM, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(moment)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** A moment as the day and time it is in Sweden: `{ date: '2027-01-15', time: '23:59' }`. */
export function toSwedishDateTime(iso: string): { date: string; time: string } {
  return stockholmParts(new Date(iso));
}

/**
 * The moment a day and time in Sweden is (summer time included), as ISO 8601; `null` when the day or
 * the time does not exist.
 */
export function fromSwedishDateTime(date: string, time: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{1,2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  const [year, month, day, hour, minute] = [Number(d[1]), Number(d[2]), Number(d[3]), Number(t[1]), Number(t[2])];
  if (hour > 23 || minute > 59 || year < 1900 || year > 9999) return null;
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(wall);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  // Sweden is one or two hours ahead of UTC: try both and keep the one that reads back as the wall time.
  for (const offset of [1, 2]) {
    const moment = new Date(wall - offset * 3_600_000);
    const back = stockholmParts(moment);
    if (back.date === date && back.time === `${t[1].padStart(2, '0')}:${t[2]}`) return moment.toISOString();
  }
  // A time skipped when the clocks go forward: the hour after it.
  return new Date(wall - 3_600_000).toISOString();
}

/** The order the buyer's needs are shown in: what needs work first. */
export const STATUS_ORDER: readonly NeedStatus[] = ['DRAFT', 'PUBLISHED', 'CLOSED', 'AWARDED', 'CANCELLED'];
