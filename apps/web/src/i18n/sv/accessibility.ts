/** The accessibility statement (tillgänglighetsredogörelse) and its feedback form. */
export const accessibility = {
  title: 'Tillgänglighet för Samverka',
  intro:
    'Samverka ska kunna användas av alla, också av dig som använder skärmläsare, förstoring, bara tangentbord eller talstyrning. Här beskriver vi hur Samverka uppfyller lagen (2018:1937) om tillgänglighet till digital offentlig service, vilka brister vi känner till och hur du kan rapportera problem till oss.',
  scope: {
    title: 'Vad redogörelsen gäller',
    text: 'Redogörelsen gäller webbtjänsten Samverka på adressen {{origin}}: de offentliga sidorna (behov, sociala företag, goda exempel, matchning) och de sidor du når när du har loggat in. Samverka används av kommuner och regioner, som omfattas av lagen, och av sociala företag.',
  },
  compliance: {
    title: 'Hur tillgänglig är Samverka?',
    status: 'Samverka är delvis förenlig med WCAG 2.1 på nivå AA.',
    text: 'Vi har byggt tjänsten för att följa WCAG 2.1 AA och testar den automatiskt, men ingen fullständig manuell granskning har gjorts ännu. Tills den är gjord kan vi inte säga att tjänsten är helt förenlig med kraven. Bristerna vi känner till står nedan.',
  },
  tested: {
    title: 'Det här testas automatiskt',
    axe: 'Varje sida och varje läge (till exempel ett formulär med fel) kontrolleras med axe-core i webbläsaren Chromium vid varje ändring av koden. Testet stoppar ändringen om axe hittar ett fel.',
    keyboard: 'Att länken ”Hoppa till huvudinnehåll” fungerar med tangentbordet och att fokus flyttas till felsammanfattningen när ett formulär har fel.',
    layout: 'Att sidorna går att läsa på en skärm som är 320 pixlar bred utan att du behöver skrolla i sidled.',
    lighthouse: 'Att sidan med behov får full poäng för tillgänglighet i Lighthouse.',
    language: 'Att sidans språk (svenska eller engelska) anges i koden, så att skärmläsare läser upp texten rätt.',
  },
  gaps: {
    title: 'Kända brister',
    manual: 'Ingen manuell granskning med skärmläsare (till exempel NVDA, JAWS eller VoiceOver) har gjorts ännu. Automatiska test hittar bara en del av alla problem.',
    contrast: 'Automatiska test kan inte avgöra kontrasten för text ovanpå färgövergångar och i diagram. Den har kontrollerats för hand men inte mätts i alla lägen.',
    charts: 'Diagram visas också som tabeller, men alla diagram har inte granskats med skärmläsare.',
    timeout: 'Om du är inloggad och inte gör något på länge behöver du logga in igen. Det du har skrivit men inte sparat kan då försvinna.',
    content: 'Texter som organisationerna själva skriver, till exempel beskrivningar av behov, kan vara svåra att läsa. Vi kan inte granska dem alla.',
  },
  report: {
    title: 'Rapportera brister och ge synpunkter',
    text: 'Om du inte kan använda någon del av Samverka, eller om du hittar fler brister än dem vi beskriver här, vill vi gärna veta det. Skriv till oss i formuläret nedan. Du behöver inte vara inloggad. Om du vill ha svar skriver du din e-postadress.',
  },
  form: {
    title: 'Skicka en synpunkt',
    message: 'Vad fungerade inte?',
    messageDescription: 'Beskriv vad du ville göra och vad som hände. Skriv gärna vilket hjälpmedel du använder.',
    page: 'Vilken sida gäller det? (frivilligt)',
    pageDescription: 'Till exempel sidans rubrik eller adress.',
    email: 'Din e-postadress (frivilligt)',
    emailDescription: 'Bara om du vill ha svar. Vi använder den inte till något annat.',
    submit: 'Skicka synpunkten',
    sending: 'Skickar …',
    messageRequired: 'Skriv vad som inte fungerade.',
    messageTooLong: 'Skriv högst {{count}} tecken.',
    emailInvalid: 'Skriv en e-postadress, till exempel namn@kommun.se.',
    failed: 'Vi kunde inte ta emot synpunkten. Försök igen om en stund.',
    sentTitle: 'Tack för din synpunkt',
    sentWithEmail: 'Vi har tagit emot den och svarar till {{email}}.',
    sentWithoutEmail: 'Vi har tagit emot den. Du har inte lämnat någon e-postadress, så vi kan inte svara dig.',
    another: 'Skicka en synpunkt till',
  },
  enforcement: {
    title: 'Tillsyn',
    text: 'Myndigheten för digital förvaltning (Digg) har ansvaret för tillsyn över lagen om tillgänglighet till digital offentlig service. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du anmäla det till Digg.',
    link: 'Anmäl till Digg: digg.se/tdosanmalan',
  },
  method: {
    title: 'Så har vi testat Samverka',
    text: 'Vi har bedömt tjänsten själva. Bedömningen bygger på de automatiska testerna ovan, som körs på alla sidor i Chromium med en ny demodatabas vid varje ändring av koden, och på att vi har använt sidorna med bara tangentbord och med 320 pixlars bredd.',
  },
  updated: {
    title: 'Om redogörelsen',
    text: 'Redogörelsen skrevs den {{date}}. Vi uppdaterar den när vi har gjort den manuella granskningen och när vi rättar brister.',
  },
} as const;
