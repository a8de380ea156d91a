/** Swedish (klarspråk): organisations, their members and invitations. */
export const organizations = {
  organizationNotFound: 'Vi hittar ingen organisation med id {{id}}.',
  orgNumberTaken: 'Organisationsnumret {{orgNumber}} är redan registrerat. Be organisationens ägare att bjuda in dig i stället.',
  municipalityRequired: 'Ange kommunkoden för en kommun.',
  countyRequired: 'Ange länskoden för en region.',
  homeRequired: 'Ange var organisationen finns: en kommunkod eller en länskod.',
  changedWhileVerifying: 'Organisationen ändrades medan du verifierade den. Försök igen.',
  alreadyMember: '{{email}} är redan medlem i organisationen.',
  invitationNotFound: 'Vi hittar ingen inbjudan med id {{id}} till organisationen.',
  invitationClosed: 'Inbjudan är redan accepterad eller återkallad.',
  invitationNotValid: 'Inbjudan gäller inte. Den kan ha gått ut, återkallats eller redan använts. Be om en ny inbjudan.',
  invitationForAnotherEmail: 'Inbjudan skickades till en annan e-postadress. Logga in med den adressen och försök igen.',
  memberNotFound: 'Personen med id {{id}} är inte medlem i organisationen.',
  lastOwner: 'En organisation måste ha minst en ägare. Gör någon annan till ägare först.',
  // Verification of organisations: the owners are told when it is given or withdrawn.
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
