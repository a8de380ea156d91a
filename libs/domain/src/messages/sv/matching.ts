/** Swedish (klarspråk): the matching area's messages. */
export const matching = {
  // ---- Refusals.
  rebuildRunning: 'En omberäkning av matchningarna pågår redan. Följ den med frågan matchingRebuild.',
  // ---- End of refusals.
} as const;
