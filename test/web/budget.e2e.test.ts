import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundleFigures, INITIAL_JS_BUDGET, kb } from '../../bench/web/measure';

const distWeb = fileURLToPath(new URL('../../dist/web', import.meta.url));

describe('the bundle budget', () => {
  it(`keeps the initial JavaScript of / and /behov within ${kb(INITIAL_JS_BUDGET)} gzipped`, () => {
    const { pages } = bundleFigures(distWeb);
    for (const page of pages) {
      console.log(
        `${page.path}: initial JavaScript ${kb(page.js)} gzipped (${page.scripts.map((s) => `${path.basename(s.file)} ${kb(s.gzip)}`).join(', ')}); CSS ${kb(page.css)} gzipped`,
      );
    }
    for (const page of pages) expect(page.js, `initial JavaScript of ${page.path}, gzipped`).toBeLessThanOrEqual(INITIAL_JS_BUDGET);
  });
});
