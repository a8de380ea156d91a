export {
  DomainError,
  FieldProblems,
  isMessageKey,
  pathOf,
  type DomainErrorCode,
  type ErrorDetail,
  type FieldPath,
  type FieldProblem,
  type FieldRule,
  type UntranslatedText,
} from './domain-error.js';
export { checked, checkedAsync } from './field-checks.js';
export { MESSAGES, LANGUAGES, message, type Language, type Message, type MessageKey, type MessageParams, type Translation } from './messages/index.js';
export * from './access/actor.js';
export {
  authorize,
  ACTIONS,
  type Action,
  type ActionScopes,
  type Decision,
  type OrganizationScope,
  type PersonScope,
  type CountyScope,
  type ImportRunScope,
  type IntroductionScope,
  type PartnershipScope,
} from './access/policy.js';
export { normaliseEmail, emailTaken, assertPasswordAcceptable, assertDisplayName, checkNewAccount, PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH } from './accounts/account-rules.js';
export {
  normaliseOrganisationsnummer,
  luhnCheckDigit,
  assertKommunkod,
  assertLanskod,
  isKommunkod,
  isLanskod,
  normaliseCpvCode,
  readCpvCode,
  type CpvCodeInput,
} from './swedish-identifiers.js';
export { assertId } from './identifiers.js';
export {
  WEB_PATHS,
  needPath,
  needOfferPath,
  myNeedPath,
  partnershipPath,
  enterprisePath,
  invitationPath,
  notificationPath,
  webUrl,
  type NotificationLinkable,
} from './web-paths.js';
export { assertOrganizationName, normaliseWebsite, verificationLapses, orgNumberTaken } from './organizations/organization-rules.js';
export * from './marketplace/marketplace-types.js';
export { needAfter, offerAfter, assertNeedEditable, assertOfferEditable, type NeedTransition, type OfferTransition } from './marketplace/lifecycle.js';
export { eligibilityFor, type Eligibility, type EligibilityFacts } from './marketplace/eligibility.js';
export {
  missingForPublishing,
  assertPublishable,
  needWarnings,
  assertBudget,
  assertBuyerKind,
  assertFormChangeAllowed,
  type NeedWarning,
  type NeedForPublishing,
  type MissingForPublishing,
} from './marketplace/need-rules.js';
export { profileReadiness, type Readiness, type ReadinessItem, type ProfileForReadiness } from './marketplace/readiness.js';
export { needAwaitingVerification, needIsPublic, needVisibleTo, offerVisibleTo, type NeedVisibilityFacts } from './marketplace/visibility.js';
export * from './brokering/brokering-types.js';
export {
  UNIT_RULES,
  MAX_IMPACT_VALUE,
  assertImpactValue,
  assertDate,
  assertReportPeriod,
  periodsOverlap,
  impactReportOverlap,
  addMonths,
  swedishDate,
  assertReportInterval,
} from './brokering/impact-rules.js';
export { REPORT_GRACE_DAYS, addDays, nextReportPeriod, reportingWindow, impactReportVisibleTo, type ReportPeriod } from './brokering/impact-schedule.js';
export {
  introductionAfter,
  partnershipAfter,
  impactReportAfter,
  assertImpactReportEditable,
  impactReportLocked,
  impactCorrectionOpen,
  introductionAlreadyOpen,
  type IntroductionTransition,
  type PartnershipTransition,
  type ImpactReportTransition,
} from './brokering/brokering-lifecycle.js';
