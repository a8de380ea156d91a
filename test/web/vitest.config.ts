import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The web app end to end: the built app (dist/web) served by the built API (dist/apps) on the embedded
 * demo, driven in Debian's Chromium by playwright-core, every page and state checked by axe.
 * `npm run test:e2e` (after `npm run build && npm run build:web`).
 */
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['test/web/**/*.e2e.test.ts'],
    environment: 'node',
    globalSetup: ['test/web/global-setup.ts'],
    // One browser per file, files one after another: the machine has two cores and the server takes one.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    reporters: ['default', './test/web/summary-reporter.ts'],
  },
});
