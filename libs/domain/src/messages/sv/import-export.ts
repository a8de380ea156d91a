/** Swedish (klarspråk): the import-export area's messages. */
export const importExport = {
  // ---- Refusals and row messages of imports, refusals of exports.
  importNotFound: 'Vi hittar ingen import med id {{id}}.',
  fileTooLarge: 'Filen är större än {{mb}} MB. Importera den från kommandoraden i stället.',
  fileEmpty: 'Filen är tom.',
  formatNeeded: 'Ange formatet: {{formats}}. Filnamnet {{fileName}} visar inte vilket det är.',
  formatWrong: 'Välj något av formaten {{formats}} för den här sortens import.',
  sourceFormat: 'Skriv 1–64 gemena bokstäver, siffror, ".", "_" eller "-". Börja med en bokstav eller en siffra.',
  buyerOnlyForNeeds: 'En import av företag har ingen köpare. Alternativet gäller bara behov.',
  currencyCode: 'Ange valutan med dess kod på tre bokstäver enligt ISO 4217 (fick "{{currency}}").',
  exchangeRate: 'Ange ett positivt antal kronor per {{currency}}.',
  exchangeRatesFormat: 'Skriv kurserna som VALUTA=kurs, åtskilda av kommatecken, till exempel GBP=13.45,EUR=11.2 (fick "{{part}}").',

  // The file as a whole.
  fileGone: 'Den uppladdade filen finns inte längre.',
  stoppedTimes_one: 'Importen avbröts {{count}} gång utan att bli klar.',
  stoppedTimes_other: 'Importen avbröts {{count}} gånger utan att bli klar.',
  atLine: 'Rad {{line}}: {{problem}}',
  unknownColumns: 'Rubrikraden har okända kolumner: {{columns}}. Kolumnerna är {{known}}.',
  missingColumns: 'Rubrikraden saknar de obligatoriska kolumnerna {{columns}}.',
  duplicateColumn: 'Rubrikraden har kolumnen "{{column}}" två gånger.',
  notCsv: 'Filen är inte giltig CSV: {{detail}}',
  emptyCsv: 'Filen är tom. Första raden ska ange kolumnernas namn.',
  notJsonFile: 'Filen är inte giltig JSON ({{detail}}). Felet finns på den här raden eller före den.',
  ocdsNotList: '"{{key}}" ska vara en lista.',
  ocdsBoth: 'Ett paket innehåller antingen releases eller records, inte båda.',
  notOcds: 'Filen är inte ett OCDS-paket med releases eller records: den har varken "releases" eller "records" överst.',

  // One row.
  valueCountMismatch: 'Raden har {{values}} värden, men rubrikraden har {{columns}} kolumner.',
  notJsonRow: 'Raden är inte giltig JSON ({{detail}}).',
  notText: 'Skriv en text.',
  notWholeNumber: 'Skriv ett heltal.',
  notWholeNumberGot: 'Skriv ett heltal (fick "{{value}}").',
  notBoolean: 'Ange true eller false.',
  notBooleanGot: 'Skriv true eller false, ja eller nej, yes eller no, 1 eller 0 (fick "{{value}}").',
  notTextList: 'Ange en lista med texter.',
  notNumberList: 'Ange en lista med heltal.',
  notNumberListGot: 'Skriv heltal åtskilda av ";" (fick "{{value}}").',
  notOneOf: 'Välj något av: {{values}} (fick "{{value}}").',
  notDateTime: 'Skriv ett datum (2026-05-31) eller en tidpunkt med tidszon (2026-05-31T12:00:00+02:00). Fick "{{value}}".',
  unknownField: 'Fältet finns inte i den här sortens rad. Fälten är {{fields}}.',
  enterpriseNotObject: 'Raden ska vara ett JSON-objekt med fälten för ett företag.',
  needNotObject: 'Raden ska vara ett JSON-objekt med fälten för ett behov.',
  needExternalIdRequired: 'Ange behovets id i ert system, så att en ny import uppdaterar behovet.',
  buyerGivenTwice: 'Ange antingen buyerOrganizationId eller buyerOrganisationsnummer, inte båda.',
  repeatedInFile: '{{externalId}} finns också på rad {{line}}. Ta med varje post bara en gång i filen.',
  rowNotSaved: 'Raden kunde inte sparas: {{detail}}',
  outsideRegion: 'Platsen ligger i län {{county}}, utanför de län du samordnar ({{counties}}). Samordnare importerar bara till sina egna län.',
  namedOutsideRegion: '{{name}} ligger i län {{county}}, utanför de län du samordnar ({{counties}}). Samordnare importerar bara till sina egna län.',
  buyerMissing: 'Raden anger ingen köpare, och importen fick ingen köpare (alternativet buyer). Ange köparens organisationsnummer.',
  buyerUnknown: '{{value}} är inte en organisation i Samverka. Registrera köparen först.',
  buyerChanged: 'Köparen är en annan än den som behovet importerades med. Ett behov behåller sin köpare.',
  needChangedDuringImport: 'Behovet ändrades av någon annan under importen. Importera filen igen.',
  orgNumberChanged: 'Organisationsnumret är {{given}}, men {{externalId}} importerades med {{previous}}. En organisation behåller sitt organisationsnummer.',
  orgNumberTakenImported:
    '{{orgNumber}} är redan registrerat i Samverka som {{name}}, importerat från källan "{{source}}" som {{externalId}}. En import tar inte över en organisation som den inte har skapat.',
  orgNumberTakenOwn:
    '{{orgNumber}} är redan registrerat i Samverka som {{name}} och sköts av sina egna medlemmar. En import tar inte över en organisation som den inte har skapat.',
  orgNumberRepeated: '{{orgNumber}} finns också på rad {{line}} (som {{externalId}}). Ta med varje organisation bara en gång.',
  organizationChangedDuringImport: '{{name}} ändrades av någon annan under importen. Importera filen igen.',
  profileChangedDuringImport: 'Profilen för {{name}} ändrades av någon annan under importen. Importera filen igen.',

  // OCDS releases and records.
  releaseNotObject: 'Releasen ska vara ett JSON-objekt.',
  recordNotObject: 'Posten (record) ska vara ett JSON-objekt.',
  ocidRequired: 'Ange ocid. Det identifierar upphandlingen, så att en ny import uppdaterar behovet.',
  tenderMissing: 'Releasen saknar tender och gäller ett annat skede av upphandlingen, till exempel tilldelning eller kontrakt. Den hoppades över eftersom den inte är ett behov.',
  tenderClosed:
    'Upphandlingen har status {{status}} och tar inte längre emot anbud. Bara en planerad eller aktiv upphandling blir ett behov, så releasen hoppades över. Ett behov från en tidigare release av den är oförändrat.',
  titleShortened: 'Rubriken var längre än {{max}} tecken och kortades.',
  descriptionShortened: 'Beskrivningen var längre än {{max}} tecken och kortades.',
  cpvCodesCut: 'Releasen anger {{count}} CPV-koder. De första {{max}} behölls.',
  amountInvalid: 'Ange ett belopp som är minst 0 (fick {{value}}).',
  currencyWithoutRate:
    'Valutan är {{currency}}. Budgetar anges i kronor och ingen växelkurs för {{currency}} angavs (alternativet exchangeRates, till exempel {{currency}}=11.5), så budgeten utelämnades.',
  currencyMissing: 'Valutan saknas. Budgetar anges i kronor och beloppets valuta är okänd, så budgeten utelämnades.',
  deadlineInvalid: 'Skriv en tidpunkt som 2026-05-31T12:00:00Z (fick {{value}}).',
  releaseDateInvalid: 'Skriv en tidpunkt som 2025-01-23T15:35:50Z (fick "{{value}}").',
  compiledReleaseMissing: 'Posten saknar compiledRelease och innehåller ingen release med tender. Det finns inget att importera (länkade releaser hämtas inte).',
  lotsPartlyReserved:
    'Bara {{reserved}} av {{lots}} delområden är reserverade för skyddade verkstäder och integration av personer med funktionsnedsättning eller som står långt från arbetsmarknaden. Behovet markeras därför inte som reserverat kontrakt.',
  publicServiceMission:
    'Kontraktet är reserverat för organisationer med ett uppdrag i allmänhetens tjänst (artikel 77 i direktiv 2014/24/EU). Det är inte ett reserverat kontrakt enligt LOU 4 kap. 18 §, så behovet markeras inte som reserverat kontrakt.',

  // Exports.
  noSuchExport: 'Den exporten finns inte. Välj någon av: {{files}}.',
  signInToExport: 'Logga in för att exportera. Skicka din åtkomsttoken i huvudet Authorization: Bearer …',
  // ---- End of refusals and row messages.
} as const;
