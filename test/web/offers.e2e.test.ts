import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signIn, tabTo, useWeb } from './support';

/** A published reserved contract of Region Skåne that Växthuset (work-integrating, 80 %) has not answered in the demo. */
const NEED = 'Lagning och ändringssömnad av vårdtextilier och patientkläder';
const ENTERPRISE = { email: 'jenny.akesson@vaxthuset.demo.samverka.se', name: 'Växthuset Helsingborg ideell förening' };
/** An owner of Region Skåne, the need's buyer. */
const BUYER = 'helena.wallin@skane.demo.samverka.se';
/** A member of an enterprise whose profile is not work-integrating: a reserved contract is not for it. */
const NOT_ELIGIBLE = 'samir.aziz@brobyggarna.demo.samverka.se';

const MESSAGE =
  'Vi lagar och syr om textilier i vår verkstad i Helsingborg, där tolv personer arbetstränar med handledare. Vi hämtar och lämnar via tvätteriet två gånger i veckan.';
const OUTCOMES = 'Fem anställningar med handledning och tjugo tusen plagg per år som används längre.';

const focused = (page: Page) => page.evaluate(() => document.activeElement?.tagName.toLowerCase() ?? null);

/** From the search to the need's page, as a person finds it. */
async function openNeed(page: Page) {
  await page.goto('/behov');
  await page.getByRole('searchbox', { name: 'Sök bland behoven' }).fill('vårdtextilier');
  await page.getByRole('button', { name: 'Sök', exact: true }).click();
  await page.getByRole('link', { name: NEED }).click();
  await page.getByRole('heading', { level: 1, name: NEED }).waitFor();
}

/** Resolves when the draft has been saved with this text in it. */
function savedWith(page: Page, text: string) {
  return page.waitForResponse((r) => {
    const body = r.request().postData() ?? '';
    return r.url().endsWith('/graphql') && /OfferPage(Create|Update)/.test(body) && body.includes(text) && r.ok();
  });
}

const saveStatus = (page: Page) => page.getByRole('status').filter({ hasText: /^Utkast sparat kl\. \d{2}:\d{2}$/ });

describe('offers: an enterprise answers a need, the buyer compares and accepts', () => {
  const web = useWeb();
  /** The buyer's page of the need, once the buyer has found it. */
  let needUrl = '';

  it('an enterprise may not answer a reserved contract it is not eligible for, and is told why', async () => {
    const page = await web.newPage();
    await signIn(page, NOT_ELIGIBLE, web.demoPassword);
    await openNeed(page);
    await page.getByRole('heading', { level: 2, name: 'Ni kan inte lämna anbud på det här behovet' }).waitFor();
    await page.getByText(/Er profil är inte markerad som arbetsintegrerande\./).waitFor();
    expect(await page.getByRole('link', { name: 'Lämna anbud' }).count()).toBe(0);
    await web.checkAccessibility(page, 'need page, an enterprise that may not answer');
  });

  it('a demo enterprise writes an offer with the keyboard alone, saved as it types, finds the draft after a reload, and submits it', async () => {
    const page = await web.newPage();
    await signIn(page, ENTERPRISE.email, web.demoPassword);
    await openNeed(page);
    await page.getByText(`Ni är inloggade för ${ENTERPRISE.name}, som får svara på behovet.`).waitFor();
    await web.checkAccessibility(page, 'need page, an enterprise that may answer');
    await web.screenshot(page, 'offer-need');

    await tabTo(page, page.getByRole('link', { name: 'Lämna anbud' }));
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/behov\/[^/]+\/anbud$/);
    const offerUrl = page.url();
    await page.getByRole('heading', { level: 1, name: 'Ert anbud' }).waitFor();
    const message = page.getByRole('textbox', { name: 'Vad erbjuder ni?' });
    const price = page.getByRole('textbox', { name: 'Pris i kronor' });
    const outcomes = page.getByRole('textbox', { name: 'Vilken social nytta blir det? (frivilligt)' });
    await message.waitFor();
    await web.checkAccessibility(page, 'offer form, empty');

    // Submitted empty: the summary names what is missing, takes focus and links to the fields.
    await tabTo(page, page.getByRole('button', { name: 'Skicka in anbudet' }));
    await page.keyboard.press('Enter');
    const summary = page.getByRole('group', { name: 'Rätta följande innan du fortsätter:' });
    await summary.getByRole('link', { name: 'Skriv vad ni erbjuder.' }).waitFor();
    await summary.getByRole('link', { name: 'Ange ett pris i hela kronor.' }).waitFor();
    await expect.poll(() => focused(page)).toBe('ds-error-summary');
    await web.checkAccessibility(page, 'offer form, submitted empty');

    // Typed, and saved as a draft on its own: the first save creates the offer.
    let saved = savedWith(page, MESSAGE);
    await tabTo(page, message);
    await page.keyboard.type(MESSAGE);
    await saved;
    await saveStatus(page).waitFor();
    // A price that is not whole kronor is named on its field.
    await tabTo(page, price);
    await page.keyboard.type('en miljon');
    await page.getByText('Skriv priset i hela kronor med bara siffror, till exempel 450000.').first().waitFor();
    expect(await price.getAttribute('aria-invalid')).toBe('true');
    await web.checkAccessibility(page, 'offer form, a price in words');
    saved = savedWith(page, '"priceSek":1250000');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('1 250 000');
    await saved;
    saved = savedWith(page, OUTCOMES);
    await tabTo(page, outcomes);
    await page.keyboard.type(OUTCOMES);
    await saved;
    await saveStatus(page).waitFor();
    await web.checkAccessibility(page, 'offer form, draft saved');
    await web.screenshot(page, 'offer-draft');

    // A reload loses nothing.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Ert anbud' }).waitFor();
    await expect.poll(() => message.inputValue()).toBe(MESSAGE);
    expect(await price.inputValue()).toBe('1250000');
    expect(await outcomes.inputValue()).toBe(OUTCOMES);
    await saveStatus(page).waitFor();
    await web.checkAccessibility(page, 'offer draft after a reload');

    await tabTo(page, page.getByRole('button', { name: 'Skicka in anbudet' }));
    await page.keyboard.press('Enter');
    await page.getByText('Anbudet är inskickat. Region Skåne kan se det nu.').waitFor();
    await expect.poll(() => focused(page)).toBe('div');
    await page.getByText('Inskickat', { exact: true }).waitFor();
    await page.getByText(/Ett inskickat anbud går inte att ändra/).waitFor();
    expect(await message.count()).toBe(0);
    await page.getByRole('button', { name: 'Återkalla anbudet' }).waitFor();
    await web.checkAccessibility(page, 'offer submitted');
    await web.screenshot(page, 'offer-submitted');

    // The withdrawal asks first, and saying no keeps the offer.
    await page.getByRole('button', { name: 'Återkalla anbudet' }).click();
    const dialog = page.getByRole('dialog', { name: 'Återkalla anbudet?' });
    await dialog.waitFor();
    await web.checkAccessibility(page, 'withdrawal confirmation');
    await dialog.getByRole('button', { name: 'Avbryt' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // The enterprise's offers, by status.
    await page.getByRole('link', { name: 'Alla era anbud' }).click();
    await page.getByRole('heading', { level: 1, name: 'Era anbud' }).waitFor();
    const waiting = page.getByRole('region', { name: /^Inskickade, väntar på köparen/ });
    await waiting.getByRole('link', { name: NEED }).waitFor();
    await waiting.getByText('Inte bestämt än').first().waitFor();
    await web.checkAccessibility(page, 'the enterprise’s offers');
    await web.screenshot(page, 'my-offers');

    await page.getByRole('button', { name: 'Read in English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your offers' }).waitFor();
    await web.checkAccessibility(page, 'the enterprise’s offers in English');
    await web.screenshot(page, 'my-offers-en');
    await page.goto(offerUrl);
    await page.getByRole('heading', { level: 1, name: 'Your offer' }).waitFor();
    await page.getByText('Submitted', { exact: true }).waitFor();
    await web.checkAccessibility(page, 'offer submitted, in English');
    await web.screenshot(page, 'offer-submitted-en');
    await page.getByRole('button', { name: 'Läs på svenska' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ert anbud' }).waitFor();
  });

  it('the demo buyer reads its matches and reasons, compares the offers, shortlists the new one and accepts it after confirming', async () => {
    const page = await web.newPage();
    await signIn(page, BUYER, web.demoPassword);
    await openNeed(page);
    await page.getByRole('link', { name: 'Matchningar och anbud' }).click();
    await page.waitForURL(/\/mina-behov\/[^/]+$/);
    await page.getByRole('heading', { level: 1, name: NEED }).waitFor();

    const offers = page.getByRole('region', { name: /^Anbud \(\d+\)$/ });
    const card = offers.getByRole('listitem', { name: ENTERPRISE.name });
    await card.waitFor();
    await card.getByText('1 250 000 kr').waitFor();
    await card.getByText(MESSAGE).waitFor();
    expect(await offers.getByRole('listitem').count()).toBeGreaterThan(1);

    // The matches: ranked, each score and its parts in words beside the bars, and the reasons.
    const matches = page.getByRole('region', { name: 'Företag som passar' });
    const first = matches.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: /^1\. / }) });
    await first.waitFor();
    await first
      .getByText(/^\d+ av 100$/)
      .first()
      .waitFor();
    await first.getByRole('heading', { level: 4, name: 'Varför företaget passar' }).waitFor();
    expect(await first.getByRole('heading', { level: 4 }).locator('xpath=following-sibling::ul[1]/li').count()).toBeGreaterThan(0);
    await web.checkAccessibility(page, 'the buyer’s need with matches and offers');
    await web.screenshot(page, 'buyer-need');

    const decisions = card.getByRole('group', { name: `Beslut om anbudet från ${ENTERPRISE.name}` });
    await decisions.getByRole('button', { name: 'Sätt på kortlistan' }).click();
    await page.getByText(`Anbudet från ${ENTERPRISE.name} är på kortlistan.`).waitFor();
    await card.getByText('På kortlistan', { exact: true }).waitFor();
    await web.checkAccessibility(page, 'an offer shortlisted');

    await decisions.getByRole('button', { name: 'Anta anbudet' }).click();
    const dialog = page.getByRole('dialog', { name: `Anta anbudet från ${ENTERPRISE.name}?` });
    await dialog.waitFor();
    await dialog.getByText(`Behovet tilldelas ${ENTERPRISE.name} och ett partnerskap mellan er startar.`).waitFor();
    await dialog.getByText(/andra öppna anbuden? avböjs samtidigt/).waitFor();
    await dialog.getByText('Det går inte att ångra.').waitFor();
    await web.checkAccessibility(page, 'accept confirmation');
    await web.screenshot(page, 'buyer-accept-confirm');
    await dialog.getByRole('button', { name: 'Ja, anta anbudet och tilldela behovet' }).click();

    await page.getByText(`Ni har antagit anbudet från ${ENTERPRISE.name}. Behovet är tilldelat och partnerskapet har startat.`, { exact: false }).waitFor();
    await card.getByText('Antaget', { exact: true }).waitFor();
    await page.getByText('Tilldelat', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Anta anbudet' }).count()).toBe(0);
    await web.checkAccessibility(page, 'the need awarded');
    await web.screenshot(page, 'buyer-awarded');

    needUrl = page.url();
  });

  it('the buyer’s awarded need reads in English, and fits a 320 px phone', async () => {
    const page = await web.newPage();
    await signIn(page, BUYER, web.demoPassword);
    await page.goto(needUrl);
    await page.getByRole('heading', { level: 1, name: NEED }).waitFor();
    await page.getByText('Tilldelat', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Read in English' }).click();
    await page.getByRole('heading', { level: 2, name: 'Enterprises that fit' }).waitFor();
    await page.getByText(`The need is awarded to ${ENTERPRISE.name}. The partnership has begun.`).waitFor();
    await web.checkAccessibility(page, 'the buyer’s need in English');
    await web.screenshot(page, 'buyer-awarded-en');
    await page.getByRole('button', { name: 'Läs på svenska' }).click();
    await page.getByRole('heading', { level: 2, name: 'Företag som passar' }).waitFor();

    // At 320 px the comparison and the bars fit without sideways scrolling.
    await page.setViewportSize({ width: 320, height: 640 });
    await page.reload();
    await page.getByRole('heading', { level: 1, name: NEED }).waitFor();
    await page
      .getByRole('region', { name: /^Anbud \(\d+\)$/ })
      .getByRole('listitem', { name: ENTERPRISE.name })
      .waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await web.checkAccessibility(page, 'the buyer’s need at 320 px');
    await web.screenshot(page, 'buyer-need-phone');
  });

  it('the enterprise sees the buyer’s decision, at 320 px', async () => {
    const page = await web.newPage({ width: 320, height: 640 });
    await signIn(page, ENTERPRISE.email, web.demoPassword);
    await page.goto('/anbud');
    await page.getByRole('heading', { level: 1, name: 'Era anbud' }).waitFor();
    const accepted = page.getByRole('region', { name: /^Antagna/ });
    await accepted.getByRole('link', { name: NEED }).waitFor();
    await accepted.getByText(/^Antaget \d+ \p{L}+ \d{4}$/u).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await web.checkAccessibility(page, 'the enterprise’s offers, one accepted');
    await web.screenshot(page, 'my-offers-phone');

    await accepted.getByRole('link', { name: NEED }).click();
    await page.getByRole('heading', { level: 1, name: 'Ert anbud' }).waitFor();
    await page.getByText(/Köparen antog anbudet .* Behovet är tilldelat er och ett partnerskap har startat\./).waitFor();
    expect(await page.getByRole('button', { name: 'Återkalla anbudet' }).count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await web.checkAccessibility(page, 'offer accepted, at 320 px');
    await web.screenshot(page, 'offer-accepted-phone');
  });
});
