import { BACKGROUND, BORDER, STEP_COLOURS, contrast, gapSteps, stepOf } from './map-steps';

describe("the map's colour steps", () => {
  it('computes WCAG contrast ratios', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });

  it.each(STEP_COLOURS)('gives %s at least 3:1 against the background and the borders', (colour) => {
    expect(contrast(colour, BACKGROUND)).toBeGreaterThanOrEqual(3);
    expect(contrast(colour, BORDER)).toBeGreaterThanOrEqual(3);
  });

  it('makes every step darker than the one before, so they differ without colour vision', () => {
    for (let i = 1; i < STEP_COLOURS.length; i++) expect(contrast(STEP_COLOURS[i], STEP_COLOURS[i - 1])).toBeGreaterThanOrEqual(1.3);
  });

  it('classes the gaps in steps that cover every value', () => {
    expect(gapSteps(0)).toEqual([{ colour: STEP_COLOURS[0], from: 0, to: 0 }]);
    expect(gapSteps(2).map((s) => [s.from, s.to])).toEqual([
      [0, 0],
      [1, 1],
      [2, null],
    ]);
    const steps = gapSteps(60);
    expect(steps.map((s) => [s.from, s.to])).toEqual([
      [0, 0],
      [1, 15],
      [16, 30],
      [31, 45],
      [46, null],
    ]);
    expect(stepOf(steps, 0).colour).toBe(STEP_COLOURS[0]);
    expect(stepOf(steps, 15).colour).toBe(STEP_COLOURS[1]);
    expect(stepOf(steps, 60).colour).toBe(STEP_COLOURS[4]);
  });
});
