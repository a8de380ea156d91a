/** Swedish (klarspråk): the brokering area's messages. */
export const brokering = {
  // ---- Refusals: introductions, the award and partnerships.
  // State names, as they read after "Introduktionen är" / "Partnerskapet är".
  introductionStatus_PROPOSED: 'föreslagen',
  introductionStatus_ACCEPTED: 'accepterad',
  introductionStatus_DECLINED: 'avböjd',
  introductionStatus_WITHDRAWN: 'återkallad',
  partnershipStatus_ACTIVE: 'aktivt',
  partnershipStatus_COMPLETED: 'avslutat',
  partnershipStatus_TERMINATED: 'avbrutet',

  introductionNotFound: 'Vi hittar ingen introduktion med id {{id}}.',
  partnershipNotFound: 'Vi hittar inget partnerskap med id {{id}}.',

  introductionNotEnterprise: 'Välj ett socialt företag. Samordnare introducerar sociala företag för behov.',
  introductionOpen: 'Företaget har redan en öppen introduktion till behovet. Den behöver avböjas eller återkallas innan du gör en ny.',
  introductionNeedClosed: 'Behovet är $t(marketplace.needStatus_{{status}}). Bara ett publicerat behov kan få introduktioner.',
  introductionNeedDeadlinePassed: 'Sista dag för anbud har passerat, så behovet kan inte få fler introduktioner.',
  acceptNeedClosed: 'Behovet är $t(marketplace.needStatus_{{status}}) och tar inte emot anbud. Du kan bara tacka nej till introduktionen.',
  acceptNeedDeadlinePassed: 'Sista dag för anbud har passerat. Du kan bara tacka nej till introduktionen.',
  introductionCannotAccept: 'Du kan bara tacka ja till en föreslagen introduktion. Introduktionen är $t(brokering.introductionStatus_{{status}}).',
  introductionCannotDecline: 'Du kan bara tacka nej till en föreslagen introduktion. Introduktionen är $t(brokering.introductionStatus_{{status}}).',
  introductionCannotWithdraw: 'Du kan bara återkalla en föreslagen introduktion. Introduktionen är $t(brokering.introductionStatus_{{status}}).',

  offerChangedDuringAward: 'Anbudet ändrades medan du antog det. Ladda om och försök igen.',
  offerAlreadyAccepted: 'Anbudet är redan antaget.',

  partnershipBuyerKind: 'Välj en kommun eller en region som köpare.',
  partnershipNotEnterprise: 'Välj ett socialt företag.',
  partnershipSameParties: 'Välj ett annat företag än köparen.',
  municipalityOutsideBuyerCounty: 'Välj en kommun i köparens län ({{county}}). Kommunen {{municipality}} ligger i län {{municipalityCounty}}.',
  endsBeforeStart: 'Slutdatumet får inte vara före startdatumet ({{startsOn}}).',
  endsBeforeToday: 'Slutdatumet får inte vara före i dag ({{today}}).',
  endsBeforeStartDate: 'Slutdatumet får inte vara före startdatumet.',
  introductionMismatch: 'Välj en introduktion av det här företaget till ett behov hos den här köparen.',
  introductionNotAccepted: 'Introduktionen är $t(brokering.introductionStatus_{{status}}). Bara en accepterad introduktion kan leda till ett partnerskap.',
  introductionAlreadyUsed: 'Introduktionen har redan lett till ett partnerskap.',
  partnershipCannotComplete: 'Du kan bara avsluta ett aktivt partnerskap. Partnerskapet är $t(brokering.partnershipStatus_{{status}}).',
  partnershipCannotTerminate: 'Du kan bara avbryta ett aktivt partnerskap. Partnerskapet är $t(brokering.partnershipStatus_{{status}}).',
  terminatedNotShown: 'Ett avbrutet partnerskap kan inte visas som gott exempel.',
  summaryRequired: 'Skriv en kort offentlig sammanfattning av vad partnerskapet gör och har uppnått innan det visas som gott exempel.',
  consentVersionRequired: 'Ange vilken version du har läst, så att det är tydligt vilken sammanfattning du godkänner.',
  notBuyerMember: 'Du är inte medlem i köparens organisation och kan inte bestämma för den.',
  notEnterpriseMember: 'Du är inte medlem i företaget och kan inte bestämma för det.',
  partyRequired: 'Du tillhör båda parterna. Ange vilken part du bestämmer för: BUYER (köparen) eller ENTERPRISE (företaget).',
  // ---- End of refusals.
} as const;
