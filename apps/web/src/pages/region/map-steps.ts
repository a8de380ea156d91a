/**
 * The map's colour steps for a kommun's supply gap (published needs without a fitting enterprise).
 *
 * Every fill has at least 3:1 contrast against the page's white background, and the kommuner are
 * drawn with white borders, so each kommun's shape stands out from its neighbours and from the page
 * (WCAG 1.4.11). The steps get darker as the gap grows, so they can be told apart without colour
 * vision; the table beside the map carries every figure in words.
 */
export const BACKGROUND = '#ffffff';
export const BORDER = '#ffffff';
export const STEP_COLOURS = ['#7d8f99', '#c2410c', '#9a3412', '#7f1d1d', '#450a0a'] as const;

export interface GapStep {
  colour: string;
  /** Smallest gap in the step. */
  from: number;
  /** Largest gap in the step; null: and more. */
  to: number | null;
}

/**
 * The steps for gaps up to `max`: no gap, then up to four ranges of equal width (one need each while
 * the largest gap is small).
 */
export function gapSteps(max: number): GapStep[] {
  const steps: GapStep[] = [{ colour: STEP_COLOURS[0], from: 0, to: 0 }];
  if (max <= 0) return steps;
  const width = Math.max(1, Math.ceil(max / 4));
  for (let i = 0; i < 4; i++) {
    const from = 1 + i * width;
    if (from > max) break;
    const last = i === 3 || from + width > max;
    steps.push({ colour: STEP_COLOURS[i + 1], from, to: last ? null : from + width - 1 });
  }
  return steps;
}

export function stepOf(steps: GapStep[], gap: number): GapStep {
  return steps.find((s) => gap >= s.from && (s.to === null || gap <= s.to)) ?? steps[steps.length - 1];
}

/** WCAG 2 relative luminance of a colour such as #c2410c. */
export function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of two colours, 1 to 21. */
export function contrast(a: string, b: string): number {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (high + 0.05) / (low + 0.05);
}
