import { describe, expect, it } from 'vitest';
import { useWeb } from './support';

/** The machine is shared: give the API time to answer before a poll gives up. */
const WAIT = { timeout: 20_000 };

/** The public pages: the start page, the directory of social enterprises, a profile, good examples, how matching works. */
describe('the public pages', () => {
  const web = useWeb();

  it('says on the start page what Samverka is, with real figures, and searches the needs', async () => {
    const page = await web.newPage();
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Samverka – där offentliga behov möter sociala företag' }).waitFor();
    const figures = page.getByRole('region', { name: 'Samverka i siffror' });
    for (const label of ['publicerade behov', 'granskade sociala företag', 'goda exempel']) {
      const link = figures.getByRole('link', { name: new RegExp(`^\\d[\\d\\s]* ${label}$`) });
      await link.waitFor();
      const count = Number((await link.locator('.start-figure-number').innerText()).replace(/\D/g, ''));
      expect(count, label).toBeGreaterThan(0);
    }
    await web.checkAccessibility(page, 'start page');
    await web.screenshot(page, 'start');

    await page.getByRole('searchbox', { name: 'Sök bland publicerade behov' }).fill('städ');
    await page.getByRole('button', { name: 'Sök', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/behov' && url.searchParams.get('q') === 'städ');
  });

  it('fits the start page on a 360 px phone', async () => {
    const page = await web.newPage({ width: 360, height: 740 });
    await page.goto('/');
    await page.getByRole('region', { name: 'Samverka i siffror' }).getByRole('link').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await web.checkAccessibility(page, 'start page on a phone');
    await web.screenshot(page, 'start-phone');
  });

  it('filters the directory by län and text in the address, and opens a profile', async () => {
    const page = await web.newPage();
    await page.goto('/foretag');
    await page.getByRole('heading', { level: 1, name: 'Sociala företag' }).waitFor();
    const results = page.getByRole('region', { name: 'Resultat' });
    const count = results.getByRole('status');
    await expect.poll(() => count.innerText(), WAIT).toMatch(/^\d+ företag matchar$/);
    const all = Number((await count.innerText()).match(/\d+/)![0]);
    expect(all).toBeGreaterThan(1);
    await web.checkAccessibility(page, 'directory');
    // The first page holds 20; the rest come below them, and the count stays.
    if (all > 20) {
      await expect.poll(() => results.getByRole('article').count(), WAIT).toBe(20);
      await results.getByRole('button', { name: 'Visa fler företag' }).click();
      await expect.poll(() => results.getByRole('article').count(), WAIT).toBe(Math.min(all, 40));
      expect(await count.innerText()).toBe(`${all} företag matchar`);
    }

    const filters = page.getByRole('region', { name: 'Filtrera företag' });
    await filters.getByRole('combobox', { name: 'Län' }).selectOption({ label: 'Skåne län' });
    await page.waitForURL((url) => url.searchParams.get('lan') === '12');
    await filters.getByRole('searchbox', { name: 'Sök', exact: true }).fill('städ');
    await filters.getByRole('button', { name: 'Sök', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('q') === 'städ' && url.searchParams.get('lan') === '12');
    // Fewer than all, but some: the demo has cleaning enterprises in Skåne and others elsewhere.
    const shown = async () => Number((await count.innerText()).match(/^(\d+) företag matchar$/)?.[1] ?? NaN);
    await expect
      .poll(async () => {
        const n = await shown();
        return n > 0 && n < all;
      }, WAIT)
      .toBe(true);
    const found = await shown();
    const cards = results.getByRole('article');
    await expect.poll(() => cards.count(), WAIT).toBe(found);
    await web.checkAccessibility(page, 'directory filtered by Skåne and "städ"');
    await web.screenshot(page, 'directory');

    // A deep link gives the same search.
    await page.reload();
    await expect.poll(() => count.innerText(), WAIT).toBe(`${found} företag matchar`);
    expect(await filters.getByRole('searchbox', { name: 'Sök', exact: true }).inputValue()).toBe('städ');

    // The box follows the address, so it is checked once the navigation has happened: click, then wait.
    const workIntegrating = page.getByRole('checkbox', { name: 'Arbetsintegrerande socialt företag' });
    await workIntegrating.click();
    await page.waitForURL((url) => url.searchParams.get('arbetsintegrerande') === 'ja');
    await expect.poll(() => workIntegrating.isChecked(), WAIT).toBe(true);
    await expect.poll(async () => (await count.innerText()).match(/^(\d+) företag matchar$|^Inga företag matchar$/) !== null, WAIT).toBe(true);

    const name = 'Omtanken Service & Städ ekonomisk förening';
    await results.getByRole('link', { name }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/foretag\/[\w-]+$/);
    await page.getByText('Får lämna anbud på reserverade upphandlingar.', { exact: false }).waitFor();
    await page.getByRole('region', { name: 'Globala mål vi bidrar till' }).getByText('Anständiga arbetsvillkor och ekonomisk tillväxt').waitFor();
    await web.checkAccessibility(page, 'an enterprise’s profile');
    await web.screenshot(page, 'enterprise');

    await page.goBack();
    await expect.poll(() => new URL(page.url()).searchParams.get('lan'), WAIT).toBe('12');
  });

  it('says when an enterprise does not exist', async () => {
    const page = await web.newPage();
    await page.goto('/foretag/finns-inte');
    await page.getByRole('heading', { level: 1, name: 'Företaget finns inte' }).waitFor();
    await web.checkAccessibility(page, 'enterprise not found');
    await page.goto('/foretag/00000000-0000-4000-8000-000000000000');
    await page.getByRole('heading', { level: 1, name: 'Företaget finns inte' }).waitFor();
  });

  it('shows the good examples with their confirmed impact, filtered by goal', async () => {
    const page = await web.newPage();
    await page.goto('/goda-exempel');
    await page.getByRole('heading', { level: 1, name: 'Goda exempel' }).waitFor();
    const count = page.getByRole('status');
    await expect.poll(() => count.innerText(), WAIT).toMatch(/^\d+ (gott|goda) exempel$/);
    const first = page.getByRole('article').first();
    await first.getByRole('group', { name: 'Bekräftad effekt' }).waitFor();
    await web.checkAccessibility(page, 'good examples');
    await web.screenshot(page, 'good-examples');

    await page.getByRole('combobox', { name: 'Globalt mål' }).selectOption({ value: '15' });
    await page.waitForURL((url) => url.searchParams.get('mal') === '15');
    await page.getByRole('heading', { level: 3, name: 'Slåtter och röjning av strandängarna vid Hammarsjön' }).waitFor();
    const impact = page.getByRole('article', { name: 'Slåtter och röjning av strandängarna vid Hammarsjön' }).getByRole('group', { name: 'Bekräftad effekt' });
    await impact.getByText('240,5 timmar').waitFor();
    await web.checkAccessibility(page, 'good examples for goal 15');

    await page.getByRole('searchbox', { name: 'Sök', exact: true }).fill('finnsintealls');
    await page.getByRole('button', { name: 'Sök', exact: true }).click();
    await expect.poll(() => count.innerText(), WAIT).toBe('Inga goda exempel matchar');
    await web.checkAccessibility(page, 'no good examples');
  });

  it('explains how matching works and what its reasons mean', async () => {
    const page = await web.newPage();
    await page.goto('/matchning');
    await page.getByRole('heading', { level: 1, name: 'Så fungerar matchningen' }).waitFor();
    for (const term of ['Behörighet', 'Text', 'CPV-koder', 'Geografi', 'Globala mål', 'Kapacitet', 'Erfarenhet']) {
      await page
        .getByRole('term')
        .filter({ hasText: new RegExp(`^${term}$`) })
        .waitFor();
    }
    await page.getByRole('heading', { level: 2, name: 'En människa bestämmer alltid' }).waitFor();
    await web.checkAccessibility(page, 'how matching works');
  });
});
