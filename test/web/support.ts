import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, onTestFailed } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
/** Where the run's screenshots go; `npm run screenshots` copies the README's from here. */
export const SCREENSHOTS = path.join(root, 'dist', 'screenshots');

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The app's wide screen (60em at 16 px, apps/web/src/lib/breakpoints.ts). */
const WIDE_SCREEN_PX = 960;

/** The demo's people, as the Skåne scenario seeds them (libs/features/demo/skane-scenario.json). */
export const DEMO = {
  buyer: 'anna.lindqvist@malmo.demo.samverka.se',
  coordinator: 'petra.nilsson@demo.samverka.se',
  administrator: 'admin@demo.samverka.se',
} as const;

/** Asks the API directly, as a person's own client would; fails the test on any GraphQL error. */
export async function api<T>(baseUrl: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data: T; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  return body.data;
}

/** Signs in through the sign-in page, as a person does, and waits for the start page. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/logga-in');
  await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
  await page.getByRole('textbox', { name: 'E-postadress' }).fill(email);
  await page.getByLabel('Lösenord', { exact: true }).fill(password);
  await page.getByRole('main').getByRole('button', { name: 'Logga in' }).click();
  await page.waitForURL('**/start');
}

/** Presses Tab until the element has the focus: it can be reached with the keyboard alone. */
export async function tabTo(page: Page, target: Locator, most = 80): Promise<void> {
  await target.waitFor();
  for (let i = 0; i < most; i++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

export interface Web {
  baseUrl: string;
  demoPassword: string;
  /** A fresh browser context (no cookies, Swedish, Stockholm time) with a page in it. */
  newPage(options?: { width?: number; height?: number; locale?: string }): Promise<Page>;
  /** Runs axe on the page as it is now; fails on any violation. */
  checkAccessibility(page: Page, state: string): Promise<void>;
  /** A full-page screenshot into dist/screenshots/<name>.png. Look at them. */
  screenshot(page: Page, name: string): Promise<void>;
}

/**
 * What a page did lately (its console, the requests the server refused or that broke off), printed with
 * the page's address, its text and a screenshot (dist/screenshots/failed-*.png) when the test fails: a
 * failure in CI then says what the browser showed.
 */
function recordForFailure(page: Page): void {
  const events: string[] = [];
  const keep = (line: string) => {
    events.push(`${new Date().toISOString().slice(11, 23)} ${line}`);
    if (events.length > 40) events.shift();
  };
  page.on('console', (message) => keep(`console.${message.type()}: ${message.text().slice(0, 300)}`));
  page.on('requestfailed', (request) => keep(`request failed: ${request.method()} ${request.url()} (${request.failure()?.errorText})`));
  page.on('response', (response) => {
    if (response.status() >= 400) keep(`${response.status()} ${response.request().method()} ${response.url()}`);
  });
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) keep(`navigated to ${frame.url()}`);
  });
  onTestFailed(async ({ task }) => {
    if (page.isClosed()) return;
    const name = `failed-${task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}-${Date.now()}`;
    mkdirSync(SCREENSHOTS, { recursive: true });
    const text = await page
      .locator('body')
      .innerText({ timeout: 5_000 })
      .catch((error: Error) => `(no text: ${error.message})`);
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true, timeout: 10_000 }).catch(() => undefined);
    console.log(`The page when the test failed: ${page.url()} (${name}.png)\n${text.slice(0, 1_500)}\nWhat it did last:\n${events.join('\n')}`);
  });
}

/**
 * Opens Chromium for one test file. Every request must stay on the server's own origin: any other is
 * aborted and fails the test that made it (fonts, scripts or images from elsewhere).
 */
export function useWeb(): Web {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const foreign: string[] = [];
  const baseUrl = inject('baseUrl');

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  });

  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await browser?.close();
    expect(foreign, 'requests that left the server’s origin').toEqual([]);
  });

  return {
    baseUrl,
    demoPassword: inject('demoPassword'),
    async newPage({ width = 1280, height = 900, locale = 'sv-SE' } = {}) {
      const context = await browser.newContext({ baseURL: baseUrl, locale, timezoneId: 'Europe/Stockholm', viewport: { width, height } });
      contexts.push(context);
      const origin = new URL(baseUrl).origin;
      await context.route(
        (url) => url.origin !== origin,
        (route) => {
          foreign.push(route.request().url());
          return route.abort();
        },
      );
      const page = await context.newPage();
      // On a wide screen the app starts as soon as the page has loaded (apps/web/src/main.tsx); a person
      // sees it ready before they act, so the tests wait for it too. On a phone it starts at the first
      // interaction, which the test's own first step is.
      if (width >= WIDE_SCREEN_PX) {
        const goto = page.goto.bind(page);
        const reload = page.reload.bind(page);
        const started = () => page.waitForSelector('html[data-app="started"]', { state: 'attached' });
        page.goto = async (url, options) => {
          const response = await goto(url, options);
          await started();
          return response;
        };
        page.reload = async (options) => {
          const response = await reload(options);
          await started();
          return response;
        };
      }
      page.on('pageerror', (error) => {
        throw error;
      });
      recordForFailure(page);
      return page;
    },
    async checkAccessibility(page, state) {
      // A dialog or disclosure still fading in would be judged half transparent: let what moves settle.
      await page.evaluate(() =>
        Promise.all(
          document
            .getAnimations()
            .filter((animation) => animation.effect?.getComputedTiming().iterations !== Infinity)
            .map((animation) => animation.finished.catch(() => undefined)),
        ),
      );
      // A disclosure opening grows its content over a transition (Designsystemet's ::details-content),
      // which getAnimations() does not list: wait until every open disclosure keeps its height for a few frames.
      await page.evaluate(
        () =>
          new Promise<void>((resolve) => {
            let last = '';
            let steady = 0;
            const step = () => {
              const heights = [...document.querySelectorAll('details[open], u-details[open]')].map((d) => d.getBoundingClientRect().height).join(',');
              steady = heights === last ? steady + 1 : 0;
              last = heights;
              if (steady >= 3) resolve();
              else requestAnimationFrame(step);
            };
            requestAnimationFrame(step);
          }),
      );
      const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
      const violations = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`);
      expect(violations, `axe on ${state}`).toEqual([]);
    },
    async screenshot(page, name) {
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
    },
  };
}
