/** Swedish (klarspråk): the brokering area's messages. */
export const brokering = {
  // Notifications of introductions and partnerships (names and titles as people wrote them).
  introductionReceivedTitle: '{{enterprise}} föreslås för behovet ”{{need}}”',
  introductionReceivedBody: 'En regional samordnare har introducerat {{enterprise}} för behovet ”{{need}}” hos {{buyer}}. Tacka ja om ni vill lämna anbud, annars nej.',
  introductionMadeTitle: '{{enterprise}} har introducerats för ”{{need}}”',
  introductionMadeBody: 'En regional samordnare har föreslagit {{enterprise}} för ert behov ”{{need}}”. Företaget svarar om det vill lämna anbud.',
  introductionAcceptedTitle: '{{enterprise}} tackade ja till introduktionen för ”{{need}}”',
  introductionAcceptedBody: '{{enterprise}} vill lämna anbud på ”{{need}}” hos {{buyer}}.',
  introductionDeclinedTitle: '{{enterprise}} tackade nej till introduktionen för ”{{need}}”',
  introductionDeclinedBody: '{{enterprise}} lämnar inget anbud på ”{{need}}” hos {{buyer}}.',
  coordinatorNote: 'Samordnarens kommentar: {{note}}',
  enterpriseAnswer: 'Företagets svar: {{note}}',
  partnershipStartedTitle: 'Partnerskap inlett: {{partnership}}',
  partnershipStartedBody: '{{buyer}} och {{enterprise}} har inlett partnerskapet ”{{partnership}}” från {{startsOn}}. Kom överens om vilka effekter ni ska mäta.',
  partnershipCompletedTitle: 'Partnerskapet ”{{partnership}}” är slutfört',
  partnershipCompletedBody: '{{buyer}} och {{enterprise}} har slutfört sitt partnerskap.',
  partnershipCompletedNote: 'Kommentar: {{note}}',
  partnershipTerminatedTitle: 'Partnerskapet ”{{partnership}}” har avbrutits',
  partnershipTerminatedBody: 'Partnerskapet mellan {{buyer}} och {{enterprise}} har avbrutits i förtid.',
  partnershipTerminatedReason: 'Skäl: {{note}}',
} as const;
