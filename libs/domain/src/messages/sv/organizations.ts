/** Swedish (klarspråk): the organizations area's messages. */
export const organizations = {
  verifyNotAllowed: 'Bara administratörer och samordnarna i organisationens län kan verifiera den eller ta bort verifieringen.',
  verifiedTitle: '{{name}} är verifierad',
  verifiedBodyBuyer: 'Organisationens publicerade behov visas nu för alla och matchas mot företagen.',
  verifiedBodyEnterprise: 'Företaget kan nu skicka anbud och föreslås för köparnas behov.',
  verifiedBody: 'Organisationen är nu verifierad i Samverka.',
  unverifiedTitle: '{{name}} är inte längre verifierad',
  unverifiedBody:
    'Tills en administratör eller samordnaren i länet har verifierat organisationen igen visas dess publicerade behov bara för dess medlemmar, och den kan inte skicka anbud. Du kan fortfarande spara utkast.',
  unverifiedAfterChangeBody:
    'Organisationen har fått nytt namn eller ny hemort och behöver verifieras igen. Tills dess visas dess publicerade behov bara för dess medlemmar, och den kan inte skicka anbud.',
} as const;
