/** Swedish (klarspråk): the feedback area's messages. */
export const feedback = {
  // ---- Refusals.
  tooManyMessages_one: 'Du har skickat många synpunkter på kort tid. Vänta {{count}} sekund och försök igen.',
  tooManyMessages_other: 'Du har skickat många synpunkter på kort tid. Vänta {{count}} sekunder och försök igen.',
  // ---- End of refusals.
  // The administrators' notification of a new message.
  receivedTitle: 'Ny synpunkt om tillgänglighet',
  receivedBodyPage: 'Den gäller sidan {{page}}.',
  receivedBodyAnswer: 'Avsändaren vill ha svar till {{email}}.',
  receivedBodyNoAnswer: 'Avsändaren har inte lämnat någon e-postadress.',
} as const;
