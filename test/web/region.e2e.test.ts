import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO, signIn, useWeb } from './support';

/** Texts past the right edge of a phone, named; a table in its own scroll region may go further. */
function textsPastTheEdge(page: Page, width: number): Promise<string[]> {
  return page.evaluate((edge) => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const range = document.createRange();
      range.selectNodeContents(node);
      const right = Math.max(0, ...[...range.getClientRects()].map((r) => r.right));
      const parent = node.parentElement;
      if (right > edge + 1 && !parent?.closest('.visually-hidden') && !parent?.closest('.region-table-wrap'))
        found.push(`${parent?.tagName}.${parent?.className}: ${node.textContent?.slice(0, 40)} ${Math.round(right)}`);
    }
    return found.slice(0, 8);
  }, width);
}

/** The seeded demo's matching may still be running when a test opens the overview. */
const WAIT = { timeout: 120_000, interval: 500 };

describe('region overview: the coordinator sees Skåne’s needs, gaps and partnerships, on a map and in tables', () => {
  const web = useWeb();

  it('draws the map of Skåne’s kommuner with its table alternative, and downloads a section as CSV', async () => {
    const page = await web.newPage();
    await signIn(page, DEMO.coordinator, web.demoPassword);
    await page.goto('/region');
    await page.getByRole('heading', { level: 1, name: 'Regionöversikt' }).waitFor();
    await page.waitForURL('**/region?lan=12');
    const figure = page.getByRole('figure', { name: /Behov utan passande företag per kommun i Skåne län/ });
    const map = figure.getByRole('group', { name: 'Karta över kommunerna i Skåne län' });
    await map.getByRole('link', { name: /^Malmö: \d+ behov utan passande företag/ }).waitFor();
    expect(await map.locator('path[data-code]').count()).toBe(33);
    await figure.getByText('Kartdata: SCB, Digitala gränser (CC0)').waitFor();
    const table = page.getByRole('table', { name: 'Kommunerna i Skåne län' });
    await table.getByRole('link', { name: 'Lund' }).waitFor();
    expect(await table.locator('tbody tr').count()).toBe(33);
    await web.checkAccessibility(page, 'region overview');
    await web.screenshot(page, 'region-overview');

    // Focusing a kommun tells its figures beside the map.
    await map.getByRole('link', { name: /^Lund:/ }).focus();
    await figure
      .locator('.region-map-active')
      .getByText(/^Lund: \d+ behov utan passande företag/)
      .waitFor();
    await web.checkAccessibility(page, 'region overview, a kommun focused');

    // A section as a file, named after the län, the section and the day.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Ladda ner kommunerna som CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^samverka-skane-behov-\d{4}-\d{2}-\d{2}\.csv$/);
    const path = await download.path();
    const { readFile } = await import('node:fs/promises');
    const text = await readFile(path, 'utf8');
    expect(text).toMatch(/1280/);

    // Sorted by name, then on to a kommun's needs.
    await table.getByRole('button', { name: 'Kommun' }).click();
    await expect.poll(() => table.locator('tbody tr th').first().innerText()).toBe('Bjuv');
    await table.getByRole('button', { name: 'Kommun' }).click();
    await expect.poll(() => table.locator('tbody tr th').first().innerText()).toBe('Östra Göinge');
    await web.checkAccessibility(page, 'region overview, sorted by name');
    await table.getByRole('link', { name: 'Lund' }).click();
    await page.waitForURL('**/behov?lan=12&kommun=1281');
  });

  it('finds the demo’s gap in Ystad, and the need behind it on Förmedling’s work list', async () => {
    const page = await web.newPage();
    await signIn(page, DEMO.coordinator, web.demoPassword);
    await page.goto('/region?lan=12');
    const map = page.getByRole('group', { name: 'Karta över kommunerna i Skåne län' });
    const ystad = map.getByRole('link', { name: /^Ystad: 1 behov utan passande företag/ });
    // The demo's needs are matched by a job after it is seeded: the gap shows once they are.
    await expect
      .poll(async () => {
        if ((await ystad.count()) > 0) return true;
        await page.reload();
        await map.getByRole('link', { name: /^Malmö:/ }).waitFor();
        return (await ystad.count()) > 0;
      }, WAIT)
      .toBe(true);
    await page.getByRole('navigation', { name: 'Arbetet i regionen' }).getByRole('link', { name: 'Förmedling' }).click();
    await page.getByRole('heading', { level: 1, name: 'Förmedling' }).waitFor();
    const work = page.getByRole('region', { name: 'Behov utan anbud', exact: true });
    await work.getByRole('link', { name: 'Renovering av gästbryggor i Ystads småbåtshamn' }).click();
    await page.getByRole('heading', { level: 1, name: 'Renovering av gästbryggor i Ystads småbåtshamn' }).waitFor();
    await web.checkAccessibility(page, 'the gap’s need, as the coordinator sees it');
  });

  it('in English, by quarter', async () => {
    const page = await web.newPage();
    await signIn(page, DEMO.coordinator, web.demoPassword);
    await page.goto('/region?lan=12');
    await page.getByRole('heading', { level: 1, name: 'Regionöversikt' }).waitFor();
    await page.getByRole('button', { name: 'Read in English' }).click();
    await page.waitForSelector('html[lang="en"]');
    await page.getByRole('heading', { level: 1, name: 'Region overview' }).waitFor();
    await page.getByRole('combobox', { name: /^Timeline period/ }).selectOption('QUARTER');
    await page.waitForURL('**/region?lan=12&period=kvartal');
    await page
      .getByRole('table', { name: 'Timeline' })
      .getByRole('rowheader', { name: /^\d{4}-Q\d$/ })
      .first()
      .waitFor();
    await page
      .getByRole('figure', { name: /per municipality in Skåne län/ })
      .locator('path[data-code]')
      .first()
      .waitFor();
    await web.checkAccessibility(page, 'region overview in English, by quarter');
    await web.screenshot(page, 'region-overview-en');
  });

  it('fits a 320 px phone: only the tables scroll sideways, in their own regions', async () => {
    const phone = await web.newPage({ width: 320, height: 740 });
    await signIn(phone, DEMO.coordinator, web.demoPassword);
    await phone.goto('/region');
    await phone
      .getByRole('figure', { name: /Skåne län/ })
      .locator('path[data-code]')
      .first()
      .waitFor();
    await phone.getByRole('table', { name: 'Kommunerna i Skåne län' }).waitFor();
    expect(await textsPastTheEdge(phone, 320)).toEqual([]);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await web.checkAccessibility(phone, 'region overview, 320 px');
    await web.screenshot(phone, 'region-overview-phone');
  });

  it('explains to a buyer that the overview is for coordinators', async () => {
    const page = await web.newPage();
    await signIn(page, DEMO.buyer, web.demoPassword);
    await page.goto('/region');
    await page.getByRole('heading', { level: 1, name: 'Sidan är för regionala samordnare' }).waitFor();
    await web.checkAccessibility(page, 'region overview, not a coordinator');
  });
});
