/** Texts every page shares: the frame, states, errors. Plural keys end in _one/_other (i18next). */
export const common = {
  appName: 'Samverka',
  tagline: 'Där offentliga behov möter sociala företag',
  skipToContent: 'Hoppa till huvudinnehåll',
  nav: {
    label: 'Huvudmeny',
    needs: 'Behov',
    enterprises: 'Sociala företag',
    goodExamples: 'Goda exempel',
    matching: 'Så fungerar matchningen',
    myNeeds: 'Mina behov',
    myOffers: 'Mina anbud',
    needsForYou: 'Behov för er',
    partnerships: 'Samarbeten',
    start: 'Min start',
    signIn: 'Logga in',
    register: 'Skapa konto',
    account: 'Mitt konto',
    signOut: 'Logga ut',
    menu: 'Meny',
    region: 'Regionen',
    administration: 'Administration',
  },
  language: {
    switchTo: 'English',
    switchToLabel: 'Read in English',
  },
  notifications: {
    label_one: 'Aviseringar, {{count}} oläst',
    label_other: 'Aviseringar, {{count}} olästa',
  },
  organizationSwitch: {
    label: 'Organisation',
  },
  footer: {
    about: 'Samverka är öppen källkod och byggs för den nationella strategin för sociala företag.',
    accessibility: 'Tillgänglighetsredogörelse',
    matching: 'Så fungerar matchningen',
    api: 'API för utvecklare',
  },
  workspace: {
    label: 'Arbetet i regionen',
    links: {
      overview: 'Översikt',
      brokering: 'Förmedling',
      organisations: 'Organisationer',
      imports: 'Import',
      examples: 'Goda exempel',
      administration: 'Administration',
    },
    notFor: {
      coordinator: {
        title: 'Sidan är för regionala samordnare',
        body: 'Här arbetar regionala samordnare och administratörer med sin regions behov, företag och samarbeten. Kontakta en administratör om du ska samordna en region.',
      },
      administrator: {
        title: 'Sidan är för administratörer',
        body: 'Här sköter administratörer personer och roller, granskningsloggen, effektindikatorerna och matchningen. Kontakta en administratör om du behöver något av det.',
      },
    },
  },
  state: {
    loading: 'Laddar …',
    error: 'Något gick fel. Försök igen om en stund.',
    retry: 'Försök igen',
    offline: 'Vi når inte Samverka just nu. Kontrollera din anslutning och försök igen.',
  },
  errorSummary: {
    title: 'Rätta följande innan du fortsätter:',
  },
  notFound: {
    title: 'Sidan finns inte',
    body: 'Vi hittar ingen sida på den här adressen. Den kan ha flyttats, eller så är adressen felskriven.',
    home: 'Till startsidan',
  },
  signInRequired: {
    title: 'Logga in för att fortsätta',
    body: 'Den här sidan är för dig som har ett konto i Samverka.',
  },
  pagination: {
    label: 'Sidor',
    next: 'Nästa sida',
    previous: 'Föregående sida',
    showMore: 'Visa fler',
  },
  kronor: 'kr',
  yes: 'Ja',
  no: 'Nej',
};
