import type { Translation } from '../catalogue.js';
import type { impact as sv } from '../sv/impact.js';

export const impact: Translation<typeof sv> = {
  // ---- Refusals: indicators, targets and impact reports.
  reportStatus_DRAFT: 'a draft',
  reportStatus_SUBMITTED: 'submitted',
  reportStatus_RETURNED: 'returned',
  reportStatus_CONFIRMED: 'confirmed',
  reportStatus_SUPERSEDED: 'superseded by a correction',
  unit_PERSONS: 'persons',
  unit_HOURS: 'hours',
  unit_TONNES: 'tonnes',
  unit_TONNES_CO2E: 'tonnes CO2e',
  unit_MEALS: 'meals',
  unit_COUNT: 'count',

  reportNotFound: 'There is no impact report with id {{id}}.',
  indicatorNotFound: 'There is no indicator with code {{code}}.',

  reportCannotSubmit: 'You can only submit a report that is a draft or was returned. This report is $t(impact.reportStatus_{{status}}).',
  reportCannotConfirm: 'You can only confirm a submitted report. This report is $t(impact.reportStatus_{{status}}).',
  reportCannotReturn: 'You can only return a submitted report. This report is $t(impact.reportStatus_{{status}}).',
  reportCannotSupersede: 'Only a confirmed report can be superseded by a correction. This report is $t(impact.reportStatus_{{status}}).',
  reportNotEditable: 'The report is $t(impact.reportStatus_{{status}}) and cannot be changed. You can only change a draft or a returned report.',
  reportLocked: 'The report is $t(impact.reportStatus_{{status}}) and locked. File a correction instead. It becomes a new version once the buyer confirms it.',
  correctionOpen: 'A correction of this report is already open (revision {{revision}}, $t(impact.reportStatus_{{status}})). Change and submit that one, or delete it, first.',
  correctionOpenAlready: 'A correction of this report is already open. Change and submit that one, or delete it, first.',
  reportSuperseded: 'This report has been replaced by a confirmed correction. Correct that one instead.',
  reportNotCorrectable: 'The report is $t(impact.reportStatus_{{status}}). Change it instead: only a confirmed report is corrected.',
  correctedReportChanged: 'The report being corrected changed meanwhile. Reload it and try again.',

  valueNotNumber: 'Give a number ($t(impact.unit_{{unit}})).',
  valueNegative: 'The value must not be negative.',
  valueTooLarge: 'Give at most {{max}} $t(impact.unit_{{unit}}).',
  valueNotWhole: 'Give a whole number. The indicator is counted in $t(impact.unit_{{unit}}).',
  valueTooManyDecimals_one: 'Give at most {{count}} decimal. The indicator is counted in $t(impact.unit_{{unit}}).',
  valueTooManyDecimals_other: 'Give at most {{count}} decimals. The indicator is counted in $t(impact.unit_{{unit}}).',
  dateFormat: 'Write the date as YYYY-MM-DD, such as 2026-03-31.',
  dateNotInCalendar: 'The date {{date}} is not in the calendar.',
  periodEndBeforeStart: 'The period must not end before it starts ({{periodStart}}).',
  periodStartInFuture: 'The period must not start in the future. Choose a date up to {{today}}.',
  periodTooLong: 'A report covers at most a year. Choose an end date before {{limit}}.',
  reportInterval: 'Choose how many months pass between reports: {{values}}.',
  periodOverlap:
    "The period {{periodStart}} – {{periodEnd}} overlaps the report for {{clashStart}} – {{clashEnd}} ($t(impact.reportStatus_{{clashStatus}})). A partnership's reports must not overlap. Correct the confirmed report instead of reporting its period again.",
  periodOverlapAnother:
    "The period {{periodStart}} – {{periodEnd}} overlaps another report of the partnership. A partnership's reports must not overlap. Correct the confirmed report instead of reporting its period again.",
  reportingTerminated: 'The partnership was terminated and takes no more impact reports.',
  reportingGraceOver: 'The partnership was completed on {{endedOn}}. Impact can be reported up to {{days}} days after that.',
  reportingNoTargets: 'The partnership has no agreed impact targets. Both parties agree the targets before impact is reported.',
  periodBeforePartnership: 'The period must not start before the partnership started on {{firstDay}}.',
  periodAfterLastDay: "The period must not end after {{lastDay}}. Report a period once it has passed, within the partnership's term.",
  narrativeRequired: 'Tell the buyer what the figures mean before you submit the report.',
  valuesRequired: 'Give at least one value before you submit the report.',
  targetsDropped: "The agreed targets no longer include {{codes}}. Change the report's values before you submit it.",
  valueIndicatorNotAgreed: "Choose one of the partnership's agreed indicators: {{codes}}.",
  valueNoAgreedIndicators: 'The partnership has no agreed indicators to report on.',
  valueIndicatorRepeated: 'Give the value of {{code}} only once.',

  targetIndicatorUnknown: 'The indicator {{code}} is not in the impact indicator catalogue.',
  targetIndicatorRetired: 'The indicator {{code}} is retired. Choose an active indicator.',
  targetIndicatorRepeated: 'Give each indicator only once. {{code}} is already there.',
  targetsAlreadyAgreed: 'The targets are already agreed.',
  targetsNotProposed: 'No targets have been proposed yet. Propose them first.',
  targetsAgreedByOther: 'The targets are agreed by the other party: someone in the organisation that did not propose them.',
  targetsPartnershipNotActive: "The partnership is $t(brokering.partnershipStatus_{{status}}). You can only change an active partnership's targets.",
  targetsOnlyParties: "Only the partnership's parties can propose its targets.",

  indicatorCodeFormat: 'Write the code with 2–40 capital letters, digits or _, starting with a letter, such as MEALS_SERVED.',
  indicatorUnitLocked:
    'You cannot change the unit from $t(impact.unit_{{from}}) to $t(impact.unit_{{to}}): targets or reports already count {{code}} in $t(impact.unit_{{from}}). Retire the indicator and create a new one instead.',
  indicatorExists: 'An indicator with code {{code}} already exists.',
  cpvFilter: 'Write CPV digits: a division (90), a group (909), a class, or a whole code (90910000 or 90910000-9).',
  // ---- End of refusals.
};
