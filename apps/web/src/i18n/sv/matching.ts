/** How matching works: the page that explains scores and reasons. Figures follow libs/scoring/src/weights.ts. */
export const matching = {
  title: 'Så fungerar matchningen',
  lead: 'Samverka jämför varje publicerat behov med profilerna hos de granskade sociala företagen. Resultatet är en poäng från 0 till 100 och en lista med skäl, så att du kan se varför ett företag föreslås – och bedöma själv.',
  toc: 'Innehåll på sidan',
  when: {
    heading: 'När matchningen görs',
    body: 'Ett behov matchas när det publiceras och varje gång det ändras. Ett företag matchas igen när dess profil ändras, och när det avslutar ett partnerskap eller får sin effekt bekräftad. Bara granskade företag och behov från granskade köpare matchas. Utkast och avbrutna behov matchas inte.',
    keep: 'För varje behov sparas de företag som passar bäst, som standard högst {{topN}} och bara de som får minst {{minScore}} poäng. Ett företag får en avisering när ett behov får minst {{notifyScore}} poäng mot dess profil.',
  },
  rules: {
    heading: 'Först: vem får lämna anbud?',
    body: 'Vissa behov får bara besvaras av vissa organisationer. Då kontrolleras det först, och den som inte uppfyller kravet blir ingen träff alls, hur väl den än passar i övrigt.',
    reserved:
      'Reserverad upphandling (4 kap. 18 § lagen om offentlig upphandling): bara arbetsintegrerande företag där minst {{minShare}} % av personalen har en funktionsnedsättning eller står långt från arbetsmarknaden. Ett företag som inte har angett andelen räknas inte in.',
    iop: 'Idéburet offentligt partnerskap (IOP): bara idéburna organisationer.',
    relevance:
      'Dessutom måste beskrivningen eller CPV-koderna ha något gemensamt med behovet. Att bara verka på samma ort eller dela globala mål räcker inte för att bli föreslagen.',
  },
  components: {
    heading: 'Vad poängen består av',
    body: 'Poängen är ett vägt medelvärde av de delar som går att bedöma för just det behovet, gånger 100. Saknar behovet till exempel globala mål eller budget, räknas de delarna inte alls, och de andra väger då tyngre. Vikterna för text, CPV-koder, geografi och erfarenhet är inlärda från tidigare svenska upphandlingar och vilka som vann dem. Globala mål och kapacitet har satta vikter, eftersom upphandlingsstatistiken saknar dem.',
    name: 'Del',
    weight: 'Vikt',
    what: 'Vad som jämförs',
    text: {
      name: 'Text',
      what: 'Orden i behovets rubrik och beskrivning mot företagets beskrivning och tjänster. Två ord möts bara när de är samma ord i någon böjning, eller när det ena ingår i det andra enligt ordboken: ”städning” i ”storstädning”, ”cyklar” i ”cykelverkstad”. Ord som bara delar en del, som ”naturvård” och ”lokalvård”, möts inte. Ovanliga ord väger tyngre än vanliga.',
    },
    category: {
      name: 'CPV-koder',
      what: 'Behovets CPV-koder mot företagets. Samma kod ger full poäng, och ju längre ner i CPV-trädet koderna möts, desto högre poäng: samma kategori, klass, grupp eller bara samma huvudgrupp.',
    },
    geography: {
      name: 'Geografi',
      what: 'Var företaget verkar mot var behovet finns. Samma kommun ger mest, sedan samma län, sedan närhet räknat i kilometer. Hela landet ger en lägre poäng, och att inte ha angett någon ort ger lägst.',
    },
    sdg: {
      name: 'Globala mål',
      what: 'Hur stor del av behovets globala mål som företaget också bidrar till.',
    },
    capacity: {
      name: 'Kapacitet',
      what: 'Det största kontrakt företaget säger att det kan ta, mot behovets budget. Har företaget inte angett det ger det halva poängen.',
    },
    trackRecord: {
      name: 'Erfarenhet',
      what: 'Partnerskap som företaget har genomfört i Samverka: avslutade partnerskap och bekräftad effekt räknas, och uppdrag inom samma område (CPV-klass eller grupp) och med samma köpare ger extra. Erfarenheten kan aldrig ge mer än en fjärdedel av poängen, så att ett nytt företag som passar bättre kan hamna först.',
    },
  },
  score: {
    heading: 'Vad poängen betyder',
    body: 'En hög poäng betyder att behovet och profilen har mycket gemensamt enligt det som står i dem. Den säger inget om kvalitet, pris eller hur väl företaget kommer att utföra uppdraget. Poängen blir bara så bra som texterna: en tunn profil eller ett kort behov ger lägre poäng, även när företaget passar.',
    version: 'Varje träff sparar vilken version av matchningen som räknade fram den. När reglerna ändras räknas alla träffar om.',
  },
  not: {
    heading: 'Vad matchningen inte gör',
    items: {
      decide: 'Den väljer inte leverantör och den tilldelar inga kontrakt.',
      hide: 'Den döljer inga behov. Alla publicerade behov går att söka fram, även de som inte föreslås för ditt företag.',
      personal: 'Den använder inga personuppgifter och ingen historik av vad du har klickat på.',
      pay: 'Ingen kan betala för att synas högre.',
    },
  },
  person: {
    heading: 'En människa bestämmer alltid',
    body: 'Matchningen är ett förslag. Det är köparen som bestämmer vilka som bjuds in och vilket svar som antas, enligt de regler som gäller för upphandlingsformen. Regionala samordnare kan också föreslå företag som matchningen har missat.',
  },
  reasons: {
    heading: 'Vad skälen betyder',
    body: 'Varje träff har skäl skrivna i klartext, viktigast först. Här är de sorters skäl som finns.',
    eligibility: {
      term: 'Behörighet',
      def: 'Om företaget får lämna anbud: på en reserverad upphandling (arbetsintegrerande, med andelen personal som står långt från arbetsmarknaden) eller ett IOP (idéburen). Uppfylls inte kravet blir det ingen träff.',
    },
    text: {
      term: 'Text',
      def: 'Vilka ord i behovet som möter ord i företagets beskrivning, till exempel ”storstädning” ~ ”städning” när det ena ordet ingår i det andra.',
    },
    category: {
      term: 'CPV-koder',
      def: 'Vilka CPV-koder som möts och hur nära: samma kod, koder som omfattar varandra, samma kategori, klass, grupp eller huvudgrupp.',
    },
    geography: {
      term: 'Geografi',
      def: 'Om företaget verkar i samma kommun eller län, hur många kilometer det är till närmaste ort där det verkar, eller om det verkar i hela landet.',
    },
    sdg: {
      term: 'Globala mål',
      def: 'Vilka av behovets globala mål företaget också bidrar till.',
    },
    capacity: {
      term: 'Kapacitet',
      def: 'Hur stora kontrakt företaget kan ta jämfört med budgeten, eller att företaget inte har angett det.',
    },
    trackRecord: {
      term: 'Erfarenhet',
      def: 'Hur många partnerskap företaget har avslutat eller fått effekt bekräftad i, om några av dem var inom samma område, och om något av dem var med samma köpare.',
    },
  },
  links: {
    needs: 'Se publicerade behov',
    enterprises: 'Hitta sociala företag',
  },
};
