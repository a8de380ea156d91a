/** The start page: what Samverka is, for whom, how it works, figures. */
export const home = {
  title: 'Samverka – där offentliga behov möter sociala företag',
  lead: 'Kommuner och regioner beskriver vad de behöver. Sociala företag och idéburna organisationer svarar. Tillsammans skapar ni arbete, delaktighet och effekt som går att mäta.',
  search: {
    label: 'Sök bland publicerade behov',
    description: 'Till exempel städ, catering eller trädgård',
    button: 'Sök',
    clear: 'Töm sökfältet',
  },
  figures: {
    heading: 'Samverka i siffror',
    needs_one: 'publicerat behov',
    needs_other: 'publicerade behov',
    enterprises_one: 'granskat socialt företag',
    enterprises_other: 'granskade sociala företag',
    examples_one: 'gott exempel',
    examples_other: 'goda exempel',
    error: 'Siffrorna kan inte visas just nu.',
  },
  audiences: {
    heading: 'Vem är Samverka för?',
    buyers: {
      title: 'Kommuner och regioner',
      body: 'Beskriv ett behov, välj upphandlingsform och se vilka sociala företag som passar – med skälen utskrivna.',
    },
    enterprises: {
      title: 'Sociala företag och idéburna organisationer',
      body: 'Visa vad ni gör och var ni verkar. Få förslag på behov som passar er och lämna svar direkt.',
    },
    coordinators: {
      title: 'Regionala samordnare',
      body: 'Se utbud och efterfrågan i ert län, föreslå företag till behov och följ partnerskapens effekt.',
    },
  },
  steps: {
    heading: 'Så fungerar det',
    one: {
      title: 'Ett behov publiceras',
      body: 'En kommun eller region beskriver vad som ska göras, var, budget och form, till exempel reserverad upphandling eller idéburet offentligt partnerskap.',
    },
    two: {
      title: 'Rätt företag hittar behovet',
      body: 'Samverka jämför behovet med företagens profiler och visar varför de passar. Företagen får förslag och kan svara.',
    },
    three: {
      title: 'Samarbetet följs upp',
      body: 'När ett svar antas blir det ett partnerskap. Parterna kommer överens om mål och rapporterar effekten, som sedan kan bli ett gott exempel.',
    },
    matching: 'Så fungerar matchningen',
  },
  links: {
    heading: 'Kom vidare',
    needs: 'Se alla publicerade behov',
    enterprises: 'Hitta sociala företag',
    examples: 'Läs goda exempel',
    register: 'Skapa ett konto för din organisation',
  },
};
