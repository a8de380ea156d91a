/** Swedish (klarspråk): the marketplace area's messages. */
export const marketplace = {
  // ---- Refusals: profiles, needs and offers.
  // State names, as they read after "Behovet är" / "Anbudet är".
  needStatus_DRAFT: 'ett utkast',
  needStatus_PUBLISHED: 'publicerat',
  needStatus_CLOSED: 'stängt',
  needStatus_AWARDED: 'tilldelat',
  needStatus_CANCELLED: 'avbrutet',
  offerStatus_DRAFT: 'ett utkast',
  offerStatus_SUBMITTED: 'inskickat',
  offerStatus_SHORTLISTED: 'på kortlistan',
  offerStatus_ACCEPTED: 'antaget',
  offerStatus_DECLINED: 'avböjt',
  offerStatus_WITHDRAWN: 'återkallat',

  needNotFound: 'Vi hittar inget behov med id {{id}}.',
  offerNotFound: 'Vi hittar inget anbud med id {{id}}.',
  organizationNotFound: 'Vi hittar ingen organisation med id {{id}}.',
  profileNotFound: 'Organisationen {{id}} har ingen företagsprofil än.',

  needCannotPublish: 'Du kan bara publicera ett behov som är ett utkast. Behovet är $t(marketplace.needStatus_{{status}}).',
  needCannotClose: 'Du kan bara stänga ett publicerat behov. Behovet är $t(marketplace.needStatus_{{status}}).',
  needCannotAward: 'Du kan bara tilldela ett behov som är publicerat eller stängt. Behovet är $t(marketplace.needStatus_{{status}}).',
  needCannotCancel: 'Behovet är $t(marketplace.needStatus_{{status}}) och kan inte längre avbrytas.',
  needLocked: 'Behovet är $t(marketplace.needStatus_{{status}}) och kan inte längre ändras. Du kan bara ändra ett utkast eller ett publicerat behov.',
  needAwardedToOther: 'Behovet är redan tilldelat ett annat anbud.',
  needTakesNoOffers: 'Behovet är $t(marketplace.needStatus_{{status}}) och tar inte emot anbud.',
  needDeadlinePassed: 'Sista dag för anbud har passerat. Behovet tar inte emot fler anbud.',
  offersDecided: 'Behovet är $t(marketplace.needStatus_{{status}}), så anbuden på det är redan avgjorda.',

  needNotPublishable_one: 'Behovet kan inte publiceras än. En uppgift behöver rättas.',
  needNotPublishable_other: 'Behovet kan inte publiceras än. {{count}} uppgifter behöver rättas.',
  publishTitle: 'Skriv en rubrik på minst {{count}} tecken innan du publicerar behovet.',
  publishDescription: 'Beskriv behovet med minst {{count}} tecken innan du publicerar, så att företagen förstår vad du söker.',
  publishCpvCodes: 'Ange minst en CPV-kod innan du publicerar behovet.',
  publishPlace: 'Ange var arbetet utförs, en kommun eller ett län, innan du publicerar behovet.',
  publishBudget: 'Ange en högsta budget innan du publicerar, så att företagen vet hur stort uppdraget är.',
  publishDeadline: 'Ange sista dag för anbud innan du publicerar behovet.',
  deadlineInPast: 'Sista dag för anbud har redan passerat. Välj en senare tidpunkt.',

  buyerKind: 'Välj en kommun eller en region. Behov läggs upp av offentliga köpare.',
  formRequired: 'Välj en upphandlingsform.',
  formRemoved: 'Ett behov måste ha en upphandlingsform. Du kan byta form, men inte ta bort den.',
  formLocked: 'Du kan inte byta upphandlingsform på ett publicerat behov. Avbryt behovet och lägg upp ett nytt i stället.',
  budgetRange: 'Ange budgeten i hela kronor, från 0 till 100 000 000 000.',
  budgetMinAboveMax: 'Den lägsta budgeten får inte vara högre än den högsta.',

  profileNotEnterprise: 'Välj ett socialt företag. Bara sociala företag har en företagsprofil.',
  profileVersionRequired: 'Ange vilken version av profilen du utgår från. Profilen finns redan.',
  shareOnlyWorkIntegrating: 'Andelen anges bara av arbetsintegrerande företag. Markera företaget som arbetsintegrerande eller ta bort andelen.',

  offerNotEnterprise: 'Välj ett socialt företag. Anbud lämnas av sociala företag.',
  offerExists: 'Företaget har redan ett anbud på behovet. Ändra det anbudet, eller återkalla det först.',
  offerMessageRequired: 'Skriv vad ni erbjuder innan du skickar in anbudet.',
  offerPriceRequired: 'Ange ett pris innan du skickar in anbudet.',
  offerCannotSubmit: 'Du kan bara skicka in ett anbud som är ett utkast. Anbudet är $t(marketplace.offerStatus_{{status}}).',
  offerCannotShortlist: 'Du kan bara sätta ett inskickat anbud på kortlistan. Anbudet är $t(marketplace.offerStatus_{{status}}).',
  offerCannotAccept: 'Du kan bara anta ett anbud som är inskickat eller på kortlistan. Anbudet är $t(marketplace.offerStatus_{{status}}).',
  offerCannotDecline: 'Du kan bara avböja ett anbud som är inskickat eller på kortlistan. Anbudet är $t(marketplace.offerStatus_{{status}}).',
  offerCannotWithdraw: 'Anbudet är $t(marketplace.offerStatus_{{status}}) och kan inte längre återkallas.',
  offerLocked: 'Anbudet är $t(marketplace.offerStatus_{{status}}) och kan inte längre ändras. Du kan bara ändra ett utkast.',

  // Who may answer a need of a given form.
  noProfile: 'Organisationen har ingen företagsprofil än. Skapa en profil innan ni lämnar anbud.',
  reservedNotWorkIntegrating:
    'Ett reserverat kontrakt (LOU 4 kap. 18 §) är bara för arbetsintegrerande företag där minst {{min}} % av de anställda står långt från arbetsmarknaden. Profilen är inte markerad som arbetsintegrerande.',
  reservedShareTooLow: 'Ett reserverat kontrakt (LOU 4 kap. 18 §) kräver att minst {{min}} % av de anställda står långt från arbetsmarknaden. Företaget anger {{share}} %.',
  iopNotIdeburen: 'Ett IOP (idéburet offentligt partnerskap) är bara för idéburna organisationer. Profilen är inte markerad som idéburen.',
  // ---- End of refusals.
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
  offerDeclinedReason: 'Köparens motivering: {{reason}}',
  offerInvitedTitle: '{{buyer}} bjuder in er att lämna anbud på {{need}}',
  offerInvitedBody: 'Köparen tror att ni passar för behovet. Läs behovet och lämna ett anbud om ni vill.',
  offerInvitedMessage: 'Köparens meddelande: {{message}}',
  invitationExists: 'Företaget är redan inbjudet till det här behovet.',
  invitationNotEnterprise: 'Du kan bara bjuda in ett socialt företag.',
  invitationNeedNotPublished: 'Du kan bara bjuda in till ett publicerat behov. Behovet är $t(marketplace.needStatus_{{status}}).',
  offerWithdrawnTitle: '{{enterprise}} har dragit tillbaka sitt anbud på {{need}}',
  // Verification: what an organisation not verified yet cannot do.
  offerEnterpriseNotVerified:
    'Företaget är inte verifierat ännu, så du kan inte skicka anbudet. En administratör eller samordnaren i ditt län verifierar företaget. Du kan spara anbudet som utkast under tiden.',
  needAwaitingVerification:
    'Behovet visas inte för företag ännu, eftersom köparen inte är verifierad. Försök igen när en administratör eller samordnaren i köparens län har verifierat köparen.',
  enterpriseNotVerified: 'Företaget är inte verifierat ännu. Verifiera det först, eller be samordnaren i företagets län att göra det.',
} as const;
