import type { Language, MessageKey } from '@samverka/domain';
import { t } from '@samverka/engine';
import type { MatchReason, ReasonCode, ReasonParams } from '@samverka/scoring';

/** The names a reason gives by code, in the reader's language: CPV codes by their eight digits, goals by number. */
export interface ReasonLabels {
  cpv(code8: string): string | undefined;
  sdg(goal: number): string | undefined;
}

/**
 * A reason as the matcher wrote it before reasons were worded from the catalogue: both texts, no
 * parameters. Such rows stay until their need is matched again, and read as they were written.
 */
export interface WordedReason {
  code: string;
  component: string;
  sv: string;
  en: string;
}

/** A reason as stored with a match. */
export type StoredReason = MatchReason | WordedReason;

/** The CPV codes and goals whose labels a reason names (to load them before wording it). */
export function labelsNamed(reason: StoredReason): { cpv: string[]; sdgs: number[] } {
  if (!('params' in reason)) return { cpv: [], sdgs: [] };
  if ('needCode' in reason.params) return { cpv: [reason.params.needCode, reason.params.profileCode], sdgs: [] };
  if (reason.code === 'sdg.shared') return { cpv: [], sdgs: reason.params.goals };
  return { cpv: [], sdgs: [] };
}

type Say = (language: Language, labels: ReasonLabels) => string;
type Wording = { [C in ReasonCode]: (params: ReasonParams[C]) => Say };

const say =
  (key: MessageKey, params?: Record<string, string | number>): Say =>
  (language) =>
    t(key, params, language);

/** A CPV code with its label, when the label is known. */
const cpvNamed = (code8: string, labels: ReasonLabels) => {
  const label = labels.cpv(code8);
  return label ? `${code8} ${label}` : code8;
};

const cpvPair =
  (key: MessageKey) =>
  ({ needCode, profileCode }: ReasonParams['category.sameCode']): Say =>
  (language, labels) => {
    const codes =
      needCode === profileCode ? cpvNamed(needCode, labels) : t('matching.reasonCpvPair', { need: cpvNamed(needCode, labels), profile: cpvNamed(profileCode, labels) }, language);
    return t(key, { codes }, language);
  };

const trackRecord =
  ({ completed, completedWithImpact, ongoingWithImpact }: ReasonParams['trackRecord.partnerships'], withBuyer: boolean, area?: string): Say =>
  (language) => {
    let record: string | null = null;
    if (completed > 0) {
      record =
        completedWithImpact > 0
          ? t('matching.reasonCompletedWithImpact', { count: completed, withImpact: completedWithImpact }, language)
          : t('matching.reasonCompleted', { count: completed }, language);
    }
    if (ongoingWithImpact > 0) {
      record =
        record === null
          ? t('matching.reasonOngoing', { count: ongoingWithImpact }, language)
          : t('matching.reasonCompletedAndOngoing', { completed: record, ongoing: ongoingWithImpact }, language);
    }
    if (area !== undefined)
      return record === null ? t('matching.reasonOnlyBuyerArea', { place: area }, language) : t('matching.reasonWithBuyerArea', { record, place: area }, language);
    if (record === null) return t('matching.reasonOnlyWithBuyer', undefined, language);
    return withBuyer ? t('matching.reasonWithBuyer', { record }, language) : record;
  };

/** Each code's words, from the catalogue. */
const WORDING: Wording = {
  'eligibility.reserved': ({ share }) => say('matching.reasonReserved', { share }),
  'eligibility.reserved.notWorkIntegrating': () => say('matching.reasonReservedNotWorkIntegrating'),
  'eligibility.reserved.shareUnknown': ({ minShare }) => say('matching.reasonReservedShareUnknown', { minShare }),
  'eligibility.reserved.shareTooLow': ({ minShare, share }) => say('matching.reasonReservedShareTooLow', { minShare, share }),
  'eligibility.iop': () => say('matching.reasonIop'),
  'eligibility.iop.notIdeburen': () => say('matching.reasonIopNotIdeburen'),
  'relevance.none': () => say('matching.reasonNotRelevant'),
  'text.none': () => say('matching.reasonTextNone'),
  'text.shared':
    ({ words }) =>
    (language) => {
      const listed = words.map(({ need, profile }) =>
        need === profile ? t('matching.reasonWord', { word: need }, language) : t('matching.reasonWordPair', { need, profile }, language),
      );
      return t('matching.reasonTextShared', { words: listed.join(', ') }, language);
    },
  'category.none': () => say('matching.reasonCategoryNone'),
  'category.sameCode': cpvPair('matching.reasonCategorySameCode'),
  'category.ancestor': cpvPair('matching.reasonCategoryAncestor'),
  'category.category': cpvPair('matching.reasonCategoryCategory'),
  'category.class': cpvPair('matching.reasonCategoryClass'),
  'category.group': cpvPair('matching.reasonCategoryGroup'),
  'category.division': cpvPair('matching.reasonCategoryDivision'),
  'geography.sameMunicipality': ({ place }) => say('matching.reasonSameMunicipality', { place }),
  'geography.sameCounty': ({ county }) => say('matching.reasonSameCounty', { county }),
  'geography.near': ({ nearest, km, place }) => say('matching.reasonNear', { nearest, km, place }),
  'geography.nationwide': () => say('matching.reasonNationwide'),
  'geography.unknown': () => say('matching.reasonPlaceUnknown'),
  'geography.none': ({ place }) => say('matching.reasonNotNear', { place }),
  'sdg.none': () => say('matching.reasonSdgNone'),
  'sdg.shared':
    ({ goals, needGoals }) =>
    (language, labels) => {
      const named = goals.map((goal) => `${goal} ${labels.sdg(goal) ?? ''}`.trim()).join(', ');
      if (goals.length === 1) return t('matching.reasonSdgSame', { goals: named }, language);
      if (goals.length === needGoals) return t('matching.reasonSdgAll', { total: needGoals, goals: named }, language);
      return t('matching.reasonSdgSome', { shared: goals.length, total: needGoals, goals: named }, language);
    },
  'capacity.unknown': () => say('matching.reasonCapacityUnknown'),
  'capacity.enough': ({ maxContractSek, budgetSek }) => say('matching.reasonCapacityEnough', { max: maxContractSek, budget: budgetSek }),
  'capacity.short': ({ maxContractSek, budgetSek }) => say('matching.reasonCapacityShort', { max: maxContractSek, budget: budgetSek }),
  'trackRecord.none': () => say('matching.reasonTrackRecordNone'),
  'trackRecord.partnerships': (counts) => trackRecord(counts, false),
  'trackRecord.sameBuyer': (counts) => trackRecord(counts, true),
  'trackRecord.sameArea': ({ place, ...counts }) => trackRecord(counts, false, place),
  'trackRecord.sameField': ({ partnerships, level, prefix }) =>
    say(level === 'class' ? 'matching.reasonSameFieldClass' : 'matching.reasonSameFieldGroup', { count: partnerships, prefix }),
};

/**
 * A reason in words, in the reader's language, with the labels of the codes and goals it names. A code
 * this version does not know (written by a newer worker during a rolling deployment) reads as its code.
 */
export function reasonText(reason: StoredReason, language: Language, labels: ReasonLabels): string {
  if (!('params' in reason)) return reason[language];
  const wording = WORDING[reason.code] as ((params: unknown) => Say) | undefined;
  return wording ? wording(reason.params)(language, labels) : reason.code;
}
