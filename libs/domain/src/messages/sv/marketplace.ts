/** Swedish (klarspråk): the marketplace area's messages. */
export const marketplace = {
  // Advice returned with a need: it does not stop the buyer.
  directAwardOverLimit:
    'Budgeten (upp till {{budget, number}} kr) är över gränsen för direktupphandling enligt LOU, {{limit, number}} kr. Ett så stort kontrakt behöver normalt upphandlas på annat sätt: välj en annan form eller sänk budgeten.',
  // What a social enterprise's profile lacks, and what to add next.
  readinessDescription: 'Beskriv verksamheten och dess sociala syfte med minst {{min}} tecken.',
  readinessServices: 'Skriv vilka tjänster verksamheten erbjuder.',
  readinessCpvCodes: 'Lägg till minst en CPV-kod, så att verksamheten matchas mot köparnas behov.',
  readinessSdgs: 'Välj de globala mål (Agenda 2030) som verksamheten bidrar till.',
  readinessArea: 'Ange var verksamheten finns: i vilka kommuner eller regioner, eller i hela landet.',
  readinessCapacity: 'Ange det största kontrakt verksamheten kan ta, i kronor. Då ser köparna vad som passar.',
  readinessSize: 'Ange antal anställda och årsomsättning.',
  readinessLegalForm: 'Ange juridisk form, till exempel ekonomisk förening eller aktiebolag.',
  readinessWorkIntegrationShare: 'Ange hur stor del av personalen som står långt från arbetsmarknaden. Reserverad upphandling kräver minst {{min}} procent.',
  // Notifications of offers (need, enterprise: names as people wrote them).
  offerReceivedTitle: 'Nytt anbud på {{need}}',
  offerReceivedBody: '{{enterprise}} har lämnat ett anbud.',
  offerShortlistedTitle: 'Ert anbud på {{need}} har kommit med på kortlistan',
  offerAcceptedTitle: 'Ert anbud på {{need}} har antagits',
  offerDeclinedTitle: 'Ert anbud på {{need}} har inte antagits',
  offerWithdrawnTitle: '{{enterprise}} har dragit tillbaka sitt anbud på {{need}}',
  // Verification: what an organisation not verified yet cannot do.
  offerEnterpriseNotVerified:
    'Företaget är inte verifierat ännu, så du kan inte skicka anbudet. En administratör eller samordnaren i ditt län verifierar företaget. Du kan spara anbudet som utkast under tiden.',
  needAwaitingVerification:
    'Behovet visas inte för företag ännu, eftersom köparen inte är verifierad. Försök igen när en administratör eller samordnaren i köparens län har verifierat köparen.',
  enterpriseNotVerified: 'Företaget är inte verifierat ännu. Verifiera det först, eller be samordnaren i företagets län att göra det.',
} as const;
