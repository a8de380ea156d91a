/** Swedish (klarspråk): the notifications area's messages. */
export const notifications = {
  // The e-mail around a notification's title and text.
  emailSubject: 'Samverka: {{title}}',
  emailGreeting: 'Hej {{name}}!',
  emailReadMore: 'Läs mer i Samverka: {{link}}',
  emailInLanguage: 'På svenska',
  emailWhy: 'Du får det här meddelandet för att du är med i Samverka. Under dina aviseringsinställningar väljer du vilka aviseringar du får med e-post.',
} as const;
