/** Swedish (klarspråk): the marketplace area's messages. */
export const marketplace = {
  offerEnterpriseNotVerified:
    'Företaget är inte verifierat ännu, så du kan inte skicka anbudet. En administratör eller samordnaren i ditt län verifierar företaget. Du kan spara anbudet som utkast under tiden.',
  needAwaitingVerification:
    'Behovet visas inte för företag ännu, eftersom köparen inte är verifierad. Försök igen när en administratör eller samordnaren i köparens län har verifierat köparen.',
  enterpriseNotVerified: 'Företaget är inte verifierat ännu. Verifiera det först, eller be samordnaren i företagets län att göra det.',
} as const;
