/** Swedish (klarspråk): the impact area's messages. */
export const impact = {
  // Notifications of targets and reports (periods and dates as YYYY-MM-DD).
  targetsProposedTitle: 'Förslag på effektmål: {{partnership}}',
  targetsProposedBody_one: 'Ett effektmål föreslås, med rapport $t(impact.reportEvery, {"count": {{months}} }). Granska och godkänn förslaget.',
  targetsProposedBody_other: '{{count}} effektmål föreslås, med rapport $t(impact.reportEvery, {"count": {{months}} }). Granska och godkänn förslaget.',
  targetsAgreedTitle: 'Effektmålen är överenskomna: {{partnership}}',
  targetsAgreedBody_one: 'Effektmålet är godkänt. Företaget rapporterar effekt $t(impact.reportEvery, {"count": {{months}} }).',
  targetsAgreedBody_other: 'De {{count}} effektmålen är godkända. Företaget rapporterar effekt $t(impact.reportEvery, {"count": {{months}} }).',
  reportEvery_one: 'varje månad',
  reportEvery_other: 'var {{count}}:e månad',
  reportDueTitle: 'Dags att rapportera effekt: {{partnership}}',
  reportDueBody: 'Från och med {{dueOn}} kan ni rapportera effekten för perioden {{from}} – {{to}} till köparen.',
  reportSubmittedTitle: 'Effektrapport att bekräfta: {{partnership}}',
  reportSubmittedBody: 'Rapporten för {{from}} – {{to}} väntar på att ni bekräftar den eller skickar tillbaka den.',
  correctionSubmittedBody: 'En rättelse av rapporten för {{from}} – {{to}} väntar på att ni bekräftar den eller skickar tillbaka den.',
  reportConfirmedTitle: 'Effektrapporten är bekräftad: {{partnership}}',
  reportConfirmedBody: 'Köparen har bekräftat rapporten för {{from}} – {{to}}. Den räknas nu i er meritlista.',
  correctionConfirmedBody: 'Köparen har bekräftat rättelsen av rapporten för {{from}} – {{to}}. Den räknas nu i er meritlista.',
  reportReturnedTitle: 'Effektrapporten behöver rättas: {{partnership}}',
  reportReturnedBody: 'Köparen har skickat tillbaka rapporten för {{from}} – {{to}}. Rätta den och skicka in den igen.',
  buyerComment: 'Köparens kommentar: {{comment}}',
} as const;
