import { existsSync, readFileSync } from 'node:fs';
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

  it('preloads only files the build wrote (routes.json, which the server puts into each page)', () => {
    const routes = JSON.parse(readFileSync(path.join(distWeb, 'routes.json'), 'utf8')) as { path: string; files: string[]; css: string[] }[];
    const missing = routes.flatMap((route) => [...route.files, ...route.css].filter((file) => !existsSync(path.join(distWeb, file))).map((file) => `${route.path}: ${file}`));
    expect(missing).toEqual([]);
  });
});
