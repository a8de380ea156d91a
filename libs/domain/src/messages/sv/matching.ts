/** Swedish (klarspråk): the matching area's messages. */
export const matching = {
  // The notification of a need that fits an enterprise well (score: 0–100, rounded).
  strongMatchTitle: 'Ett nytt behov passar er: {{need}}',
  strongMatchBody: 'Er verksamhet matchar behovet med {{score}} av 100. Se skälen och lämna ett anbud i Samverka.',
} as const;
