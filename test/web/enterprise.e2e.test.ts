import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signIn as signInAs, useWeb } from './support';

/** Växthuset Helsingborg in the Skåne demo: a work-integrating enterprise with a complete profile, an introduction and a partnership. */
const ENTERPRISE = { email: 'jenny.akesson@vaxthuset.demo.samverka.se', name: 'Jenny Åkesson', organization: 'Växthuset Helsingborg ideell förening' } as const;

/** The matching of the seeded demo may still be running when the first test signs in. */
const WAIT = { timeout: 60_000, interval: 500 };

const focused = (page: Page) => page.evaluate(() => document.activeElement?.tagName.toLowerCase() ?? null);

describe('the social enterprise’s workspace', () => {
  const web = useWeb();

  async function signIn(page: Page) {
    await signInAs(page, ENTERPRISE.email, web.demoPassword);
    await page.getByRole('heading', { level: 1, name: `Hej ${ENTERPRISE.name}!` }).waitFor();
  }

  /** The recommended needs, once the matching has some (reloading the start page until then). */
  async function recommendations(page: Page) {
    const section = page.getByRole('region', { name: 'Behov som passar er' });
    await expect
      .poll(async () => {
        if ((await section.getByRole('article').count()) > 0) return true;
        await page.reload();
        await section.waitFor();
        return (await section.getByRole('article').count()) > 0;
      }, WAIT)
      .toBe(true);
    return section;
  }

  it('the start page: what waits for the enterprise, and the needs the matching recommends with their reasons', async () => {
    const page = await web.newPage();
    await signIn(page);
    const main = page.getByRole('main');
    await main.getByText(ENTERPRISE.organization, { exact: true }).first().waitFor();

    const recommended = await recommendations(page);
    const first = recommended.getByRole('article').first();
    // A score out of 100 and the reasons in words.
    await first.getByText(/^\d+ av 100$/).waitFor();
    const reasons = first.getByRole('list', { name: 'Därför passar det' });
    expect(await reasons.getByRole('listitem').count()).toBeGreaterThan(0);
    expect((await reasons.getByRole('listitem').first().innerText()).length).toBeGreaterThan(10);
    const needLink = first.getByRole('heading', { level: 3 }).getByRole('link');
    expect(await needLink.getAttribute('href')).toMatch(/^\/behov\/[\w-]+$/);

    await main.getByRole('region', { name: 'Er profil' }).getByText('Profilen är komplett.', { exact: false }).waitFor();
    await main.getByRole('region', { name: 'Introduktioner att svara på' }).waitFor();
    await main.getByRole('region', { name: 'Era anbud' }).waitFor();
    const reports = main.getByRole('region', { name: 'Effektrapporter' });
    await reports.getByText('Grön arbetsträning i stadsdelsodlingar och parker').waitFor();
    await reports.getByText(/^Nästa rapport (kan lämnas från|skulle ha lämnats) \d+ \S+ \d{4}/).waitFor();
    await web.checkAccessibility(page, 'start page of the demo enterprise');
    await web.screenshot(page, 'enterprise-start');

    // In English the reasons come from the API in English.
    const swedishReason = await reasons.getByRole('listitem').first().innerText();
    await page.getByRole('button', { name: 'Read in English' }).click();
    const englishSection = page.getByRole('region', { name: 'Needs that suit you' });
    await englishSection.waitFor();
    await englishSection
      .getByRole('article')
      .first()
      .getByText(/^\d+ out of 100$/)
      .waitFor();
    await expect.poll(() => englishSection.getByRole('list', { name: 'Why it suits you' }).first().getByRole('listitem').first().innerText()).not.toBe(swedishReason);
    await web.checkAccessibility(page, 'start page of the demo enterprise in English');
    await web.screenshot(page, 'enterprise-start-en');
    await page.getByRole('button', { name: 'Läs på svenska' }).click();
    await page.getByRole('heading', { level: 1, name: `Hej ${ENTERPRISE.name}!` }).waitFor();

    // At 320 px nothing is cut off: the page is no wider than the screen.
    const narrow = await web.newPage({ width: 320, height: 800 });
    await signIn(narrow);
    await recommendations(narrow);
    expect(await narrow.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await web.checkAccessibility(narrow, 'start page of the demo enterprise at 320 px');
    await web.screenshot(narrow, 'enterprise-start-320');
  });

  it('the profile: a wrong amount is refused on its field, and the checklist follows what is saved', async () => {
    const page = await web.newPage();
    await signIn(page);
    await page.getByRole('region', { name: 'Er profil' }).getByRole('link', { name: 'Ändra profilen' }).click();
    await page.waitForURL('**/profil');
    await page.getByRole('heading', { level: 1, name: 'Er profil' }).waitFor();
    const checklist = page.getByRole('region', { name: 'Vad saknas i profilen?' });
    await checklist.getByText('Profilen är 100 % klar').waitFor();
    const maxContract = page.getByRole('textbox', { name: 'Största kontrakt ni kan ta (kr)' });
    const employees = page.getByRole('textbox', { name: 'Antal anställda' });
    await expect.poll(() => maxContract.inputValue()).toBe('800000');
    const savedEmployees = await employees.inputValue();
    await web.checkAccessibility(page, 'profile editor');
    await web.screenshot(page, 'enterprise-profile');

    // The reserved-contract rule, applied to the share as it is typed.
    const share = page.getByRole('textbox', { name: /^Andel av de anställda/ });
    const savedShare = await share.inputValue();
    await share.fill('20');
    await page.getByText('Med 20 % kan ni inte lämna anbud på reserverade upphandlingar. Det krävs minst 30 %.').waitFor();
    await share.fill(savedShare);
    await page.getByText(`Med ${savedShare} % kan ni lämna anbud på reserverade upphandlingar.`).waitFor();

    // A wrong amount: the summary takes focus and links to the field, which keeps what was typed.
    await maxContract.fill('åttahundratusen');
    await page.getByRole('button', { name: 'Spara profilen' }).click();
    const summary = page.getByRole('group', { name: 'Rätta följande innan du fortsätter:' });
    await summary.getByRole('link', { name: 'Skriv ett belopp i hela kronor, bara siffror, till exempel 1 500 000.' }).waitFor();
    await expect.poll(() => focused(page)).toBe('ds-error-summary');
    expect(await maxContract.getAttribute('aria-invalid')).toBe('true');
    expect(await maxContract.inputValue()).toBe('åttahundratusen');
    await web.checkAccessibility(page, 'profile editor with an error');
    await web.screenshot(page, 'enterprise-profile-error');

    // Without the capacity and the size the profile is less complete, and the checklist says what and why.
    await maxContract.fill('');
    await employees.fill('');
    await page.getByRole('button', { name: 'Spara profilen' }).click();
    await page.getByText('Profilen är sparad och 80 % klar.').waitFor();
    await checklist.getByText('Profilen är 80 % klar').waitFor();
    await checklist.getByRole('link', { name: 'Största kontrakt', exact: true }).waitFor();
    await checklist.getByRole('link', { name: 'Antal anställda och omsättning', exact: true }).waitFor();
    await checklist.getByText('Matchningen jämför det med behovets budget', { exact: false }).waitFor();
    await web.checkAccessibility(page, 'profile editor, saved with two items missing');
    await web.screenshot(page, 'enterprise-profile-missing');

    // The start page says the same.
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Min start' }).click();
    const profileOnStart = page.getByRole('region', { name: 'Er profil' });
    await profileOnStart.getByText('Profilen är 80 % klar.').waitFor();
    await profileOnStart.getByText('Största kontrakt', { exact: true }).waitFor();
    await web.checkAccessibility(page, 'start page with an incomplete profile');

    // Completed again.
    await profileOnStart.getByRole('link', { name: 'Komplettera profilen' }).click();
    await page.waitForURL('**/profil');
    await checklist.getByText('Profilen är 80 % klar').waitFor();
    await checklist.getByRole('link', { name: 'Största kontrakt', exact: true }).click();
    await expect.poll(() => maxContract.evaluate((e) => e === document.activeElement)).toBe(true);
    await maxContract.fill('800 000');
    await employees.fill(savedEmployees);
    await page.getByRole('button', { name: 'Spara profilen' }).click();
    await page.getByText('Profilen är sparad och 100 % klar.').waitFor();
    await checklist.getByText('Profilen är komplett.', { exact: false }).waitFor();
    await expect.poll(() => maxContract.inputValue()).toBe('800000');

    await page.getByRole('button', { name: 'Read in English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your profile' }).waitFor();
    await page.getByRole('region', { name: 'What is missing from the profile?' }).getByText('The profile is 100 % complete').waitFor();
    await web.checkAccessibility(page, 'profile editor in English');
    await web.screenshot(page, 'enterprise-profile-en');
    await page.getByRole('button', { name: 'Läs på svenska' }).click();
    await page.getByRole('heading', { level: 1, name: 'Er profil' }).waitFor();

    const narrow = await web.newPage({ width: 320, height: 800 });
    await signIn(narrow);
    await narrow.goto('/profil');
    await narrow.getByRole('region', { name: 'Vad saknas i profilen?' }).getByText('Profilen är 100 % klar').waitFor();
    expect(await narrow.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await web.checkAccessibility(narrow, 'profile editor at 320 px');
    await web.screenshot(narrow, 'enterprise-profile-320');
  });

  it('an introduction from the coordinator: answered from the start page', async () => {
    const page = await web.newPage();
    await signIn(page);
    const section = page.getByRole('region', { name: 'Introduktioner att svara på' });
    await section.waitFor();
    const waiting = section.getByText(/^\d+ introduktion(er)? väntar på ert svar\.$/);
    if ((await waiting.count()) === 0) {
      // The demo's introduction was answered or withdrawn already: the page says so.
      await section.getByText('Inga introduktioner väntar på svar.').waitFor();
      await section.getByRole('link', { name: 'Alla introduktioner' }).click();
      await page.getByRole('heading', { level: 1, name: 'Introduktioner' }).waitFor();
      await web.checkAccessibility(page, 'introductions, none waiting');
      return;
    }
    await section.getByRole('link', { name: 'Svara på introduktionerna' }).click();
    await page.waitForURL('**/introduktioner');
    await page.getByRole('heading', { level: 1, name: 'Introduktioner' }).waitFor();
    const waitingList = page.getByRole('region', { name: 'Väntar på ert svar' });
    const introduction = waitingList.getByRole('article').first();
    await introduction.waitFor();
    const title = await introduction.getByRole('heading', { level: 3 }).innerText();
    await introduction.getByRole('heading', { level: 4, name: 'Samordnarens meddelande' }).waitFor();
    await web.checkAccessibility(page, 'introductions waiting for an answer');
    await web.screenshot(page, 'enterprise-introductions');

    // No choice: the summary says what to do. Declining asks why.
    await introduction.getByRole('button', { name: 'Skicka svaret' }).click();
    const summary = introduction.getByRole('group', { name: 'Rätta följande innan du fortsätter:' });
    await summary.getByRole('link', { name: 'Välj om ni är intresserade eller inte.' }).waitFor();
    await expect.poll(() => focused(page)).toBe('ds-error-summary');
    await introduction.getByRole('radio', { name: 'Nej tack' }).check();
    await introduction.getByRole('button', { name: 'Skicka svaret' }).click();
    await summary.getByRole('link', { name: 'Skriv varför ni tackar nej.' }).waitFor();
    await web.checkAccessibility(page, 'introduction, declined without a reason');
    await web.screenshot(page, 'enterprise-introduction-error');

    await introduction.getByRole('radio', { name: 'Ja, vi är intresserade' }).check();
    await introduction.getByRole('textbox', { name: 'Meddelande till samordnaren och köparen (frivilligt)' }).fill('Tack! Vi läser utlysningen och hör av oss om ansökan.');
    await introduction.getByRole('button', { name: 'Skicka svaret' }).click();
    await page.getByText(`Ni har tackat ja till introduktionen till ”${title}”.`, { exact: false }).waitFor();
    await page.getByRole('link', { name: 'Öppna behovet och lämna ett anbud' }).waitFor();
    const answered = page.getByRole('region', { name: 'Besvarade och avslutade' }).getByRole('article', { name: title });
    await answered.getByText('Ni tackade ja').waitFor();
    await answered.getByText('Tack! Vi läser utlysningen och hör av oss om ansökan.').waitFor();
    await web.checkAccessibility(page, 'introduction accepted');
    await web.screenshot(page, 'enterprise-introduction-accepted');
  });
});
