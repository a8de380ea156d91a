import { describe, expect, inject, it } from 'vitest';
import { describeLighthouse, lighthouseOf, type LighthouseFigures } from '../../bench/web/measure';

/**
 * Lighthouse on the public needs page in mobile emulation: performance at least 95, accessibility 100.
 * Lighthouse's simulated phone is derived from the CPU time this machine happens to have, so a busy
 * machine lowers the score and never raises it: the page is judged by the best of up to three runs.
 */
describe('Lighthouse on the public needs page, mobile', () => {
  it('scores performance 95 or more and accessibility 100', { timeout: 600_000 }, async () => {
    const runs: LighthouseFigures[] = [];
    while (runs.length < 3 && !runs.some((run) => run.performance >= 95)) {
      const figures = await lighthouseOf(`${inject('baseUrl')}/behov`);
      console.log(describeLighthouse(figures));
      if (figures.failing.length > 0) console.log(`  audits that cost points: ${figures.failing.join('; ')}`);
      runs.push(figures);
    }
    const best = runs.reduce((a, b) => (b.performance > a.performance ? b : a));
    expect(best.performance, 'performance').toBeGreaterThanOrEqual(95);
    expect(best.accessibility, 'accessibility').toBe(100);
  });
});
