import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useWeb } from './support';

const DEMO_NEED = 'Lokalvård i fem förskolor i Fosie – reserverat kontrakt';

/** The address's search, decoded: "?q=städ&lan=12". */
function searchOf(page: Page): string {
  return decodeURIComponent(new URL(page.url()).search);
}

/** The text of the live region that announces the result count. */
async function announcedCount(page: Page): Promise<string> {
  return (
    (await page
      .locator('[aria-live="polite"]')
      .filter({ hasText: /\d+ behov/ })
      .textContent()) ?? ''
  ).trim();
}

describe('published needs: search with filters, a deep link, a need’s page', () => {
  const web = useWeb();

  it('finds the demo need by searching "städ" in Skåne, keeps the search in the address, and explains the reserved contract', async () => {
    const page = await web.newPage();
    await page.goto('/behov');
    await page.getByRole('heading', { level: 1, name: 'Behov' }).waitFor();
    await expect.poll(() => announcedCount(page)).toMatch(/^\d+ behov$/);
    const everything = Number((await announcedCount(page)).split(' ')[0]);
    expect(everything).toBeGreaterThan(1);
    await expect.poll(() => page.getByRole('search', { name: 'Sök och filtrera behov' }).count()).toBe(1);
    await web.checkAccessibility(page, 'needs, no filter');

    await page.getByRole('searchbox', { name: 'Sök bland behoven' }).fill('städ');
    await page.getByRole('button', { name: 'Sök', exact: true }).click();
    await expect.poll(() => searchOf(page)).toBe('?q=städ');
    // The page has taken the search in (its answer announced) before the next filter is chosen.
    await expect.poll(() => announcedCount(page)).not.toBe(`${everything} behov`);
    await page.getByRole('combobox', { name: 'Län' }).selectOption({ label: 'Skåne län' });
    await expect.poll(() => searchOf(page)).toBe('?q=städ&lan=12');
    // The demo need is in the unfiltered list too: wait for the narrower answer to be announced.
    await expect.poll(() => announcedCount(page)).not.toBe(`${everything} behov`);
    const result = page.getByRole('link', { name: DEMO_NEED });
    await result.waitFor();
    const listed = await page.getByRole('article').count();
    expect(listed).toBeGreaterThan(0);
    expect(listed).toBeLessThan(everything);
    await expect.poll(() => announcedCount(page)).toBe(`${listed} behov`);
    await web.checkAccessibility(page, 'needs, städ in Skåne');
    await web.screenshot(page, 'needs-search');

    // The address is a bookmark: opened anew, it gives the same search.
    await page.goto('/behov?q=st%C3%A4d&lan=12');
    await result.waitFor();
    await expect.poll(() => announcedCount(page)).toBe(`${listed} behov`);
    expect(await page.getByRole('searchbox', { name: 'Sök bland behoven' }).inputValue()).toBe('städ');
    await expect.poll(() => page.getByRole('combobox', { name: 'Län' }).inputValue()).toBe('12');

    // A CPV code chosen with the keyboard in the picker; the need's codes lie below it.
    const cpv = page.getByRole('combobox', { name: 'Sök kod eller ord' });
    await cpv.fill('9091');
    const option = page.getByRole('option', { name: '90910000-9 Städning' });
    await option.waitFor();
    await expect.poll(() => cpv.getAttribute('aria-expanded')).toBe('true');
    await web.checkAccessibility(page, 'needs, CPV suggestions open');
    await cpv.press('ArrowDown');
    await expect.poll(() => cpv.getAttribute('aria-activedescendant')).toBe(await option.getAttribute('id'));
    await cpv.press('Enter');
    await expect.poll(() => searchOf(page)).toBe('?q=städ&lan=12&cpv=90910000-9');
    await page.getByRole('button', { name: 'Ta bort 90910000-9 Städning' }).waitFor();
    await result.waitFor();
    await web.checkAccessibility(page, 'needs, a CPV code chosen');

    // The need's page says who may bid on a reserved contract.
    await result.click();
    const title = page.getByRole('heading', { level: 1, name: DEMO_NEED });
    await title.waitFor();
    await expect.poll(() => title.evaluate((e) => e === document.activeElement)).toBe(true);
    await page.getByRole('heading', { level: 2, name: 'Upphandlingsform: Reserverad upphandling' }).waitFor();
    await page.getByText('Bara arbetsintegrerande sociala företag får lämna anbud').waitFor();
    await page.getByText('4 kap. 18 § i lagen om offentlig upphandling').waitFor();
    await page.getByText('Minst 30 procent av de anställda ska vara sådana personer.').waitFor();
    await page.getByText('90919300-5').waitFor();
    await web.checkAccessibility(page, 'a need');
    await web.screenshot(page, 'need');

    // Back leads to the search it came from.
    await page.getByRole('link', { name: '← Alla behov' }).click();
    await expect.poll(() => searchOf(page)).toBe('?q=städ&lan=12&cpv=90910000-9');
  });

  it('chooses a CPV code by browsing the tree of codes', async () => {
    const page = await web.newPage();
    await page.goto('/behov');
    await page.getByRole('heading', { level: 1, name: 'Behov' }).waitFor();
    await page.getByText('Bläddra bland alla koder').click();
    const division = page.getByRole('button', { name: /^Visa koder under 90000000-7 / });
    await division.click();
    await expect.poll(() => page.getByRole('button', { name: /^Dölj koder under 90000000-7 / }).getAttribute('aria-expanded')).toBe('true');
    await page.getByRole('button', { name: /^Visa koder under 90900000-6 / }).click();
    // The box follows the address, which changes a moment after the click.
    const box = page.getByRole('checkbox', { name: '90910000-9 Städning', exact: true });
    await box.click();
    await expect.poll(() => searchOf(page)).toBe('?cpv=90910000-9');
    await expect.poll(() => box.isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Ta bort 90910000-9 Städning' }).waitFor();
    await page.getByRole('link', { name: DEMO_NEED }).waitFor();
    await web.checkAccessibility(page, 'needs, CPV tree open');
  });

  it('gives advice when nothing matches', async () => {
    const page = await web.newPage();
    await page.goto('/behov?q=xylofonreparation');
    await page.getByRole('heading', { name: 'Inga behov matchar sökningen' }).waitFor();
    await expect.poll(() => announcedCount(page)).toBe('0 behov');
    await web.checkAccessibility(page, 'needs, no result');
  });

  it('says when a need does not exist', async () => {
    const page = await web.newPage();
    await page.goto('/behov/finns-inte');
    await page.getByRole('heading', { level: 1, name: 'Behovet finns inte' }).waitFor();
    await page.getByRole('link', { name: 'Sök bland alla behov' }).waitFor();
    await web.checkAccessibility(page, 'need not found');
  });

  it('folds the filters into a disclosure above the results on a phone', async () => {
    const page = await web.newPage({ width: 360, height: 740 });
    await page.goto('/behov?q=st%C3%A4d&lan=12');
    await page.getByRole('link', { name: DEMO_NEED }).waitFor();
    expect(await page.getByRole('combobox', { name: 'Län' }).isVisible()).toBe(false);
    await web.checkAccessibility(page, 'needs on a phone');
    await web.screenshot(page, 'needs-search-phone');
    await page.getByText('Filtrera (1 valt)').click();
    await expect.poll(() => page.getByRole('combobox', { name: 'Län' }).isVisible()).toBe(true);
    // On a phone the first tap starts the app (main.tsx); its disclosures are drawn by Designsystemet's
    // elements once it has, a moment after the filters open: judge the page as it is then.
    await page.waitForSelector('html[data-app="started"]', { state: 'attached' });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await web.checkAccessibility(page, 'needs on a phone, filters open');
  });
});
