import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signIn, tabTo, useWeb } from './support';

/**
 * The demo's awarded partnership in Lund (skane-scenario.json, partnership-lund-parkskotsel): targets
 * agreed, no reports yet. Gröna Händer reports; Lunds kommun confirms.
 */
const ENTERPRISE = 'magnus.ohlsson@gronahander.demo.samverka.se';
const BUYER = 'sara.holm@lund.demo.samverka.se';
const TITLE = /^Skötsel av grönytor och lekplatser på Norra Fäladen/;
const PERSONS = /^Personer som påbörjat arbetsträning \(personer\)/;
const HOURS = /^Timmar arbetsträning \(timmar\)/;
const COMMENT = 'Timmarna stämmer inte med närvarolistan för september. Kontrollera och skicka igen.';

/** From the start page to the partnership, through the list, as a person finds it. */
async function openPartnership(page: Page) {
  await page.getByRole('link', { name: 'Alla era samarbeten' }).click();
  await page.getByRole('heading', { level: 1, name: 'Samarbeten' }).waitFor();
  await page.getByRole('link', { name: TITLE }).click();
  await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
}

async function typeInto(page: Page, field: Locator, text: string) {
  await tabTo(page, field);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}

const card = (page: Page) => page.getByRole('listitem', { name: /^Period / }).first();

describe('impact: the enterprise reports, the buyer returns, the enterprise corrects, the buyer confirms', () => {
  const web = useWeb();

  it('the enterprise writes a report by keyboard alone, with unit checks, and submits it', async () => {
    const page = await web.newPage();
    await signIn(page, ENTERPRISE, web.demoPassword);
    await page.getByRole('link', { name: 'Alla era samarbeten' }).waitFor();
    await page.getByRole('link', { name: 'Alla era samarbeten' }).click();
    await page.getByRole('heading', { level: 1, name: 'Samarbeten' }).waitFor();
    await page
      .getByRole('region', { name: /^Pågående/ })
      .getByRole('link', { name: TITLE })
      .waitFor();
    await web.checkAccessibility(page, 'partnerships, the enterprise');
    await page.getByRole('link', { name: TITLE }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByText(/Båda parter är överens om målen sedan/).waitFor();
    await page.getByText('Inga rapporter än.').waitFor();
    await web.checkAccessibility(page, 'partnership, the enterprise, no reports');

    // Keyboard only: the button, then every field by Tab.
    await page.getByRole('button', { name: 'Skriv en ny rapport' }).focus();
    await page.keyboard.press('Enter');
    const form = page.getByRole('form', { name: 'Ny rapport' });
    await form.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('report-form-title');
    const persons = form.getByRole('textbox', { name: PERSONS });
    const hours = form.getByRole('textbox', { name: HOURS });
    await typeInto(page, hours, 'många');
    await typeInto(page, persons, '2,5');
    await tabTo(page, form.getByRole('button', { name: 'Skicka in rapporten' }));
    await page.keyboard.press('Enter');
    const summary = page.getByRole('group', { name: 'Rätta följande innan du fortsätter:' });
    await summary.getByRole('link', { name: /räknas i personer och ska vara ett heltal\./ }).waitFor();
    await summary.getByRole('link', { name: 'Skriv en beskrivning innan du skickar in.' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName.toLowerCase())).toBe('ds-error-summary');
    expect(await persons.getAttribute('aria-invalid')).toBe('true');
    await web.checkAccessibility(page, 'report form, unit errors');

    // In the form's order, as a person with a keyboard goes.
    await typeInto(page, hours, '412,5');
    await typeInto(page, persons, '3');
    await typeInto(page, form.getByRole('textbox', { name: 'Beskrivning' }), 'Tre deltagare började i arbetslaget. Närvarolistan är bifogad till kommunens kontaktperson.');
    await web.checkAccessibility(page, 'report form, filled in');
    await web.screenshot(page, 'impact-report-form');
    await tabTo(page, form.getByRole('button', { name: 'Skicka in rapporten' }));
    await page.keyboard.press('Enter');
    await page.getByText(/Rapporten är inskickad\. Lunds kommun kan se den nu\./).waitFor();
    await card(page).getByText('Inskickad', { exact: true }).waitFor();
    await web.checkAccessibility(page, 'partnership, the enterprise, report submitted');
    await web.screenshot(page, 'partnership-enterprise');
  });

  it('the buyer opens the report and returns it with a comment', async () => {
    const page = await web.newPage();
    await signIn(page, BUYER, web.demoPassword);
    await page.getByRole('region', { name: 'Mål och rapporter som väntar på er' }).getByRole('link', { name: TITLE }).first().waitFor();
    await openPartnership(page);
    await page.getByText('Ni är köpare i samarbetet.').waitFor();
    await card(page).getByText('Inskickad', { exact: true }).waitFor();
    await web.checkAccessibility(page, 'partnership, the buyer, a report to review');
    await web.screenshot(page, 'partnership-buyer');

    await card(page).getByRole('button', { name: 'Skicka tillbaka' }).click();
    const comment = page.getByRole('textbox', { name: 'Vad behöver ändras?' });
    await comment.waitFor();
    await page.getByRole('button', { name: 'Skicka tillbaka rapporten' }).click();
    await page.getByText('Skriv vad som behöver ändras.').waitFor();
    await web.checkAccessibility(page, 'return form, no comment');
    await comment.fill(COMMENT);
    await page.getByRole('button', { name: 'Skicka tillbaka rapporten' }).click();
    await page.getByText('Rapporten är tillbakaskickad till Gröna Händer', { exact: false }).waitFor();
    await card(page).getByText('Tillbakaskickad', { exact: true }).waitFor();
    await web.checkAccessibility(page, 'partnership, the buyer, report returned');
  });

  it('the enterprise sees the comment, corrects the report and submits it again', async () => {
    const page = await web.newPage();
    await signIn(page, ENTERPRISE, web.demoPassword);
    await openPartnership(page);
    await card(page).getByText(COMMENT).waitFor();
    await web.checkAccessibility(page, 'partnership, the enterprise, report returned');
    await card(page).getByRole('button', { name: 'Fortsätt med rapporten' }).click();
    const form = page.getByRole('form', { name: /^Rapport för / });
    await form.waitFor();
    const hours = form.getByRole('textbox', { name: HOURS });
    await expect.poll(() => hours.inputValue()).toBe('412,5');
    await hours.fill('388');
    await form.getByRole('button', { name: 'Skicka in rapporten' }).click();
    await page.getByText(/Rapporten är inskickad\./).waitFor();
    await card(page).getByText('Inskickad', { exact: true }).waitFor();
    await card(page).getByText('388 timmar').waitFor();
  });

  it('the buyer confirms it, told first what that does; in English and on a phone too', async () => {
    const page = await web.newPage();
    await signIn(page, BUYER, web.demoPassword);
    await openPartnership(page);
    await card(page).getByRole('button', { name: 'Bekräfta rapporten' }).click();
    const dialog = page.getByRole('dialog', { name: 'Bekräfta rapporten?' });
    await dialog.getByText(/låses den/).waitFor();
    await web.checkAccessibility(page, 'confirm dialog');
    await dialog.getByRole('button', { name: 'Ja, bekräfta' }).click();
    await page.getByText('Rapporten är bekräftad.').waitFor();
    await card(page).getByText('Bekräftad', { exact: true }).waitFor();
    await page.getByRole('cell', { name: '388 timmar' }).waitFor();
    await web.checkAccessibility(page, 'partnership, the buyer, report confirmed');

    // Ending asks first and says what happens; cancelling keeps it going.
    await page.getByRole('button', { name: 'Avsluta samarbetet' }).click();
    const end = page.getByRole('dialog', { name: 'Avsluta samarbetet?' });
    await end.getByText(/samordnaren får veta det/).waitFor();
    await web.checkAccessibility(page, 'complete dialog');
    await end.getByRole('button', { name: 'Avbryt' }).click();
    await end.waitFor({ state: 'hidden' });

    await page.getByRole('button', { name: 'Read in English' }).click();
    await page.getByRole('heading', { level: 2, name: 'Impact targets' }).waitFor();
    await card(page).getByText('Confirmed', { exact: true }).waitFor();
    await web.checkAccessibility(page, 'partnership, the buyer, in English');
    await web.screenshot(page, 'partnership-buyer-en');

    const phone = await web.newPage({ width: 320, height: 740 });
    await signIn(phone, ENTERPRISE, web.demoPassword);
    await openPartnership(phone);
    await card(phone).getByText('Bekräftad', { exact: true }).waitFor();
    await web.checkAccessibility(phone, 'partnership, the enterprise, 320 px');
    await web.screenshot(phone, 'partnership-enterprise-320');
  });
});
