import { describe, expect, it } from 'vitest';
import { useWeb } from './support';

describe('the accessibility statement and its feedback form', () => {
  const web = useWeb();

  it('reads as a statement: compliance, known gaps, the feedback route and Digg', async () => {
    const page = await web.newPage();
    await page.goto('/tillganglighet');
    await page.getByRole('heading', { level: 1, name: 'Tillgänglighet för Samverka' }).waitFor();
    expect(await page.title()).toBe('Tillgänglighet för Samverka – Samverka');
    await page.getByText('Samverka är delvis förenlig med WCAG 2.1 på nivå AA.').waitFor();
    for (const name of ['Kända brister', 'Det här testas automatiskt', 'Rapportera brister och ge synpunkter', 'Tillsyn', 'Så har vi testat Samverka', 'Om redogörelsen']) {
      await page.getByRole('heading', { level: 2, name }).waitFor();
    }
    expect(await page.getByRole('link', { name: 'Anmäl till Digg: digg.se/tdosanmalan' }).getAttribute('href')).toBe('https://www.digg.se/tdosanmalan');
    await page.getByText('Redogörelsen skrevs den 7 december 2026.', { exact: false }).waitFor();
    await web.checkAccessibility(page, 'accessibility statement');
    await web.screenshot(page, 'accessibility');
  });

  it('sends feedback anonymously, after showing what to correct', async () => {
    const page = await web.newPage();
    await page.goto('/tillganglighet?sida=%2Fbehov');
    const submit = page.getByRole('button', { name: 'Skicka synpunkten' });
    await submit.click();
    const summary = page.getByRole('group', { name: 'Rätta följande innan du fortsätter:' });
    await summary.waitFor();
    await expect.poll(() => summary.evaluate((e) => e.contains(document.activeElement) || e === document.activeElement)).toBe(true);
    await page.getByRole('link', { name: 'Skriv vad som inte fungerade.' }).waitFor();
    await web.checkAccessibility(page, 'feedback form with errors');

    expect(await page.getByRole('textbox', { name: 'Vilken sida gäller det? (frivilligt)' }).inputValue()).toBe('/behov');
    await page.getByRole('textbox', { name: 'Vad fungerade inte?' }).fill('Filtret för län går inte att öppna med tangentbordet.');
    await page.getByRole('textbox', { name: 'Din e-postadress (frivilligt)' }).fill('besokare@exempel.se');
    await submit.click();
    await page.getByRole('heading', { name: 'Tack för din synpunkt' }).waitFor();
    await page.getByText('Vi har tagit emot den och svarar till besokare@exempel.se.').waitFor();
    await web.checkAccessibility(page, 'feedback sent');
  });

  it('speaks English with the language switch', async () => {
    const page = await web.newPage();
    await page.goto('/tillganglighet');
    await page.getByRole('button', { name: 'Read in English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Accessibility of Samverka' }).waitFor();
    await page.getByRole('button', { name: 'Send feedback' }).click();
    await page.getByRole('link', { name: 'Write what did not work.' }).waitFor();
    await web.checkAccessibility(page, 'accessibility statement in English, with errors');
  });

  it('fits a 320 px phone', async () => {
    const page = await web.newPage({ width: 320, height: 640 });
    await page.goto('/tillganglighet');
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await web.screenshot(page, 'phone-accessibility');
  });
});
