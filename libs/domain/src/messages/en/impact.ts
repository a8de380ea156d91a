import type { Translation } from '../catalogue.js';
import type { impact as sv } from '../sv/impact.js';

export const impact: Translation<typeof sv> = {
  targetsProposedTitle: 'Impact targets proposed: {{partnership}}',
  targetsProposedBody_one: 'One impact target is proposed, reported $t(impact.reportEvery, {"count": {{months}} }). Review the proposal and agree to it.',
  targetsProposedBody_other: '{{count}} impact targets are proposed, reported $t(impact.reportEvery, {"count": {{months}} }). Review the proposal and agree to it.',
  targetsAgreedTitle: 'Impact targets agreed: {{partnership}}',
  targetsAgreedBody_one: 'The impact target is agreed. The enterprise reports impact $t(impact.reportEvery, {"count": {{months}} }).',
  targetsAgreedBody_other: 'The {{count}} impact targets are agreed. The enterprise reports impact $t(impact.reportEvery, {"count": {{months}} }).',
  reportEvery_one: 'every month',
  reportEvery_other: 'every {{count}} months',
  reportDueTitle: 'Impact report due: {{partnership}}',
  reportDueBody: 'From {{dueOn}} you can report the impact for the period {{from}} – {{to}} to the buyer.',
  reportSubmittedTitle: 'Impact report to confirm: {{partnership}}',
  reportSubmittedBody: 'The report for {{from}} – {{to}} is waiting for you to confirm it or send it back.',
  correctionSubmittedBody: 'A correction of the report for {{from}} – {{to}} is waiting for you to confirm it or send it back.',
  reportConfirmedTitle: 'Impact report confirmed: {{partnership}}',
  reportConfirmedBody: 'The buyer has confirmed the report for {{from}} – {{to}}. It now counts in your track record.',
  correctionConfirmedBody: 'The buyer has confirmed the correction of the report for {{from}} – {{to}}. It now counts in your track record.',
  reportReturnedTitle: 'Impact report to correct: {{partnership}}',
  reportReturnedBody: 'The buyer has sent back the report for {{from}} – {{to}}. Correct it and submit it again.',
  buyerComment: 'The buyer’s comment: {{comment}}',
};
