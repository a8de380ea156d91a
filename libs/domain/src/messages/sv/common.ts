/** Swedish (klarspråk): messages that any feature may use. */
export const common = {
  stale: 'Någon annan har ändrat uppgifterna sedan du läste dem (version {{version}}). Ladda om och försök igen.',
  internal: 'Något gick fel hos oss. Försök igen om en stund. Kontakta supporten och ange referensen {{requestId}} om felet kvarstår.',
} as const;
