import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { api, DEMO, signIn, useWeb } from './support';

/** The Luhn (mod 10) check digit, as Skatteverket computes it for an organisationsnummer. */
function luhn(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const value = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    sum += value > 9 ? value - 9 : value;
  }
  return (10 - (sum % 10)) % 10;
}

/** A valid organisationsnummer no demo organisation has (the demo's are real-looking 55/76/80/21 numbers; 99 is none of them). */
function newOrganisationsnummer(): string {
  const first = `99${String(Date.now() % 10_000_000).padStart(7, '0')}`;
  return `${first.slice(0, 6)}-${first.slice(6)}${luhn(first)}`;
}

/** A wrong check digit for the same first nine digits. */
function withWrongCheckDigit(number: string): string {
  const right = Number(number.at(-1));
  return `${number.slice(0, -1)}${(right + 1) % 10}`;
}

const focused = (page: Page) => page.evaluate(() => document.activeElement?.tagName.toLowerCase() ?? null);

/** The unread count the header's inbox link names ("Aviseringar, 3 olästa"). */
async function headerUnread(page: Page): Promise<number> {
  const name = (await page.getByRole('link', { name: /^Aviseringar, \d+ olästa?$/ }).getAttribute('aria-label')) ?? '';
  return Number(/(\d+)/.exec(name)?.[1]);
}

describe('accounts', () => {
  const web = useWeb();

  it('registers a person and their social enterprise through to the signed-in start page, changes the password and signs out', async () => {
    const page = await web.newPage();
    const email = `sara.${Date.now()}@grona-hander.example.se`;
    const number = newOrganisationsnummer();
    const password = 'gröna händer i lund';

    await page.goto('/registrera');
    await page.getByRole('heading', { level: 1, name: 'Skapa ett konto' }).waitFor();
    await expect.poll(() => page.getByText('Steg 1 av 2').isVisible()).toBe(true);
    await web.checkAccessibility(page, 'registration, step 1');

    // A password that is too short is refused before the API is asked, with the rule on the field.
    await page.getByRole('textbox', { name: 'Ditt namn' }).fill('Sara Svensson');
    await page.getByRole('textbox', { name: 'E-postadress' }).fill(email);
    await page.getByLabel('Nytt lösenord').fill('kort');
    await page.getByRole('button', { name: 'Skapa konto och fortsätt' }).click();
    const summary = page.getByRole('group', { name: 'Rätta följande innan du fortsätter:' });
    await summary.getByRole('link', { name: 'Lösenordet är för kort. Skriv minst 12 tecken.' }).waitFor();
    await expect.poll(() => focused(page)).toBe('ds-error-summary');
    expect(await page.getByRole('textbox', { name: 'Ditt namn' }).inputValue()).toBe('Sara Svensson');
    await web.checkAccessibility(page, 'registration, step 1 with an error');

    await page.getByLabel('Nytt lösenord').fill(password);
    await page.getByRole('button', { name: 'Skapa konto och fortsätt' }).click();
    await page.getByRole('heading', { level: 1, name: 'Om er organisation' }).waitFor();
    await expect.poll(() => focused(page)).toBe('h1');
    expect(await page.getByText('Steg 2 av 2').isVisible()).toBe(true);

    await page.getByRole('textbox', { name: 'Organisationens namn' }).fill('Gröna Händer i Lund ekonomisk förening');
    const orgnr = page.getByRole('textbox', { name: 'Organisationsnummer' });
    // Checked as it is typed: a wrong check digit is named at once.
    await orgnr.pressSequentially(withWrongCheckDigit(number));
    await page
      .getByText(`den sista siffran ska vara ${number.at(-1)} om de andra stämmer`)
      .first()
      .waitFor();
    expect(await orgnr.getAttribute('aria-invalid')).toBe('true');
    await web.checkAccessibility(page, 'registration, step 2 with a wrong check digit');
    await orgnr.press('Backspace');
    await orgnr.pressSequentially(number.at(-1)!);
    await page.getByText(`${number} är ett giltigt organisationsnummer.`).waitFor();

    await page.getByRole('radio', { name: /Socialt företag/ }).check();
    await page.getByRole('combobox', { name: 'Län' }).selectOption({ label: 'Skåne län' });
    await page.getByRole('combobox', { name: 'Kommun' }).selectOption({ label: 'Lund' });
    await page.getByRole('textbox', { name: 'Webbplats (frivilligt)' }).fill('https://gronahander.example.se');
    await web.checkAccessibility(page, 'registration, step 2 filled in');
    await web.screenshot(page, 'register');

    await page.getByRole('button', { name: 'Registrera organisationen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Organisationen är registrerad' }).waitFor();
    await page.getByText('Innan organisationen syns utåt kontrollerar en administratör eller samordnaren i ert län').waitFor();
    await web.checkAccessibility(page, 'registration done');

    await page.getByRole('link', { name: 'Till din startsida' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hej Sara Svensson!' }).waitFor();
    const card = page.getByRole('main');
    await card.getByText('Gröna Händer i Lund ekonomisk förening', { exact: true }).waitFor();
    await card.getByText('Väntar på verifiering').waitFor();
    await card.getByText('Lund, Skåne län').waitFor();
    await web.checkAccessibility(page, 'start page of a new enterprise');

    // The account: details, the membership as owner, and a new password.
    await page.getByRole('link', { name: 'Mitt konto' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Mitt konto' }).waitFor();
    await page.getByRole('cell', { name: 'Ägare' }).waitFor();
    await page.getByLabel('Nuvarande lösenord').fill('inte mitt lösenord');
    await page.getByLabel('Nytt lösenord').fill('ett helt nytt lösenord');
    await page.getByRole('button', { name: 'Byt lösenord' }).click();
    await summary.getByRole('link', { name: 'Lösenordet stämmer inte. Skriv ditt nuvarande lösenord.' }).waitFor();
    await web.checkAccessibility(page, 'account, wrong current password');
    await page.getByLabel('Nuvarande lösenord').fill(password);
    await page.getByRole('button', { name: 'Byt lösenord' }).click();
    await page.getByText('Lösenordet är bytt.').waitFor();
    await web.checkAccessibility(page, 'account, password changed');

    await page.getByRole('banner').getByRole('button', { name: 'Logga ut' }).click();
    await page.getByRole('banner').getByRole('link', { name: 'Logga in' }).waitFor();
    // Signed out: the start page asks for a sign-in again, and the new password is the one that works.
    await page.goto('/start');
    await page.waitForURL('**/logga-in?till=%2Fstart');
    await signIn(page, email, 'ett helt nytt lösenord');
    await page.getByRole('heading', { level: 1, name: 'Hej Sara Svensson!' }).waitFor();
  });

  it('signs in as the demo buyer: the start page shows Malmö stad, and switches to English', async () => {
    const page = await web.newPage();
    await signIn(page, DEMO.buyer, web.demoPassword);
    await page.getByRole('heading', { level: 1, name: 'Hej Anna Lindqvist!' }).waitFor();
    const main = page.getByRole('main');
    await main.getByText('Malmö stad', { exact: true }).waitFor();
    await main.getByText('Verifierad', { exact: true }).waitFor();
    await main.getByRole('heading', { level: 2, name: 'Olästa aviseringar' }).waitFor();
    await main.getByRole('link', { name: 'Sök bland publicerade behov' }).waitFor();
    await web.checkAccessibility(page, 'start page of the demo buyer');
    await web.screenshot(page, 'home');

    await page.getByRole('button', { name: 'Read in English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hello Anna Lindqvist!' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await main.getByText('Verified', { exact: true }).waitFor();
    await main.getByRole('heading', { level: 2, name: 'Unread notifications' }).waitFor();
    await web.checkAccessibility(page, 'start page in English');
    await page.getByRole('button', { name: 'Läs på svenska' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hej Anna Lindqvist!' }).waitFor();

    // Signed in already: the sign-in page sends on to the start page.
    await page.goto('/logga-in');
    await page.waitForURL('**/start');
  });

  it('signs in with the keyboard only: a failed submit moves focus to the error summary', async () => {
    const page = await web.newPage();
    await page.goto('/logga-in?till=%2Finkorg');
    await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
    const email = page.getByRole('textbox', { name: 'E-postadress' });
    for (let i = 0; i < 30 && !(await email.evaluate((e) => e === document.activeElement)); i++) await page.keyboard.press('Tab');
    expect(await email.evaluate((e) => e === document.activeElement)).toBe(true);
    await page.keyboard.type(DEMO.buyer);
    await page.keyboard.press('Tab');
    await page.keyboard.type('inte rätt lösenord');
    await page.keyboard.press('Enter');

    const summary = page.getByRole('group', { name: 'Rätta följande innan du fortsätter:' });
    await summary.getByRole('link', { name: 'E-postadressen eller lösenordet är fel.' }).waitFor();
    await expect.poll(() => focused(page)).toBe('ds-error-summary');
    expect(await page.getByLabel('Lösenord', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await web.checkAccessibility(page, 'sign-in with a wrong password');
    await web.screenshot(page, 'sign-in-error');

    // From the summary to the password, corrected, and on to where the person was going.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByLabel('Lösenord', { exact: true }).focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(web.demoPassword);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/inkorg');
    await page.getByRole('heading', { level: 1, name: 'Inkorg' }).waitFor();
  });

  it('the inbox: counts, unread only, marks one and all read, and the header’s count follows', async () => {
    const page = await web.newPage();
    await signIn(page, DEMO.buyer, web.demoPassword);
    await page
      .getByRole('banner')
      .getByRole('link', { name: /^Aviseringar, \d+ olästa?$/ })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Inkorg' }).waitFor();
    const status = page.getByText(/^\d+ aviseringar?\. Olästa: \d+\.$/);
    await status.waitFor();
    const unread = await headerUnread(page);
    expect(unread).toBeGreaterThan(1);
    expect(await status.textContent()).toMatch(new RegExp(`Olästa: ${unread}\\.$`));
    // Unread is said in words, not by colour alone.
    expect(await page.getByRole('main').getByText('Oläst', { exact: true }).count()).toBe(Math.min(unread, 20));
    await web.checkAccessibility(page, 'inbox');
    await web.screenshot(page, 'inbox');

    await page.getByRole('switch', { name: 'Bara olästa' }).check();
    await page.waitForURL('**/inkorg?visa=olasta');
    await page.getByText(`${unread} olästa aviseringar.`).waitFor();

    await page
      .getByRole('button', { name: /^Markera som läst/ })
      .first()
      .click();
    await expect.poll(() => headerUnread(page)).toBe(unread - 1);
    await page.getByText(`${unread - 1} olästa aviseringar.`).waitFor();
    await web.checkAccessibility(page, 'inbox, unread only, one marked read');

    await page.getByRole('switch', { name: 'Bara olästa' }).uncheck();
    await page.getByRole('button', { name: 'Markera alla som lästa' }).click();
    await expect.poll(() => page.getByRole('banner').getByRole('link', { name: 'Aviseringar, 0 olästa' }).count()).toBe(1);
    // The list is asked again after the change; on a busy server (the demo's own matching still running) that may take a while.
    await page.getByText(/\. Olästa: 0\.$/).waitFor({ timeout: 90_000 });
    await expect.poll(() => page.getByRole('main').getByText('Oläst', { exact: true }).count()).toBe(0);
    await web.checkAccessibility(page, 'inbox, all read');
  });

  it('an invitation: explained to a visitor signed out, and an unknown one refused in the API’s words', async () => {
    const page = await web.newPage();
    await page.goto('/inbjudan?token=finns-inte');
    await page.getByRole('heading', { level: 1, name: 'Inbjudan till en organisation' }).waitFor();
    const signInLink = page.getByRole('main').getByRole('link', { name: 'Logga in' });
    expect(await signInLink.getAttribute('href')).toBe(`/logga-in?till=${encodeURIComponent('/inbjudan?token=finns-inte')}`);
    expect(await page.getByRole('main').getByRole('link', { name: 'Skapa konto' }).getAttribute('href')).toBe(
      `/registrera?till=${encodeURIComponent('/inbjudan?token=finns-inte')}`,
    );
    await web.checkAccessibility(page, 'invitation, signed out');

    await signInLink.click();
    await page.getByRole('textbox', { name: 'E-postadress' }).fill(DEMO.buyer);
    await page.getByLabel('Lösenord', { exact: true }).fill(web.demoPassword);
    await page.getByRole('main').getByRole('button', { name: 'Logga in' }).click();
    await page.waitForURL('**/inbjudan?token=finns-inte');
    await page.getByRole('button', { name: 'Gå med i organisationen' }).click();
    await page.getByRole('heading', { level: 2, name: 'Det gick inte att gå med' }).waitFor();
    await web.checkAccessibility(page, 'invitation refused');
  });

  it('an invitation from the e-mail link: a new person creates an account only, joins the organisation and sees it on the start page', async () => {
    const { login } = await api<{ login: { accessToken: string; user: { memberships: { organization: { id: string; name: string } }[] } } }>(
      web.baseUrl,
      'mutation ($input: LoginInput!) { login(input: $input) { accessToken user { memberships { organization { id name } } } } }',
      { input: { email: DEMO.buyer, password: web.demoPassword } },
    );
    const malmo = login.user.memberships.find((m) => m.organization.name === 'Malmö stad')!.organization;
    const email = `kollega.${Date.now()}@malmo.example.se`;
    const { inviteMember } = await api<{ inviteMember: { token: string } }>(
      web.baseUrl,
      'mutation ($input: InviteMemberInput!) { inviteMember(input: $input) { token } }',
      { input: { organizationId: malmo.id, email, role: 'MEMBER' } },
      login.accessToken,
    );

    const page = await web.newPage();
    await page.goto(`/inbjudan?token=${encodeURIComponent(inviteMember.token)}`);
    await page.getByRole('heading', { level: 1, name: 'Inbjudan till en organisation' }).waitFor();
    await page.getByRole('main').getByRole('link', { name: 'Skapa konto' }).click();
    await page.getByRole('heading', { level: 1, name: 'Skapa ett konto' }).waitFor();
    // One step only: the organisation exists.
    expect(await page.getByText(/^Steg \d av \d$/).count()).toBe(0);
    await page.getByRole('textbox', { name: 'Ditt namn' }).fill('Kim Kollega');
    await page.getByRole('textbox', { name: 'E-postadress' }).fill(email);
    await page.getByLabel('Nytt lösenord').fill('en kollega i malmö stad');
    await page.getByRole('button', { name: 'Skapa konto', exact: true }).click();

    await page.waitForURL(/\/inbjudan\?token=/);
    await page.getByRole('button', { name: 'Gå med i organisationen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Du är med i Malmö stad' }).waitFor();
    await page.getByText('Du har gått med i Malmö stad som medlem.').waitFor();
    await web.checkAccessibility(page, 'invitation accepted');

    await page.getByRole('link', { name: 'Till din startsida' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hej Kim Kollega!' }).waitFor();
    await page.getByRole('main').getByText('Malmö stad', { exact: true }).waitFor();

    // The same invitation a second time: the API's words.
    await page.goto(`/inbjudan?token=${encodeURIComponent(inviteMember.token)}`);
    await page.getByRole('button', { name: 'Gå med i organisationen' }).click();
    await page.getByRole('heading', { level: 2, name: 'Det gick inte att gå med' }).waitFor();
  });

  it('fits a 320 px phone without sideways scrolling, signed in', async () => {
    const page = await web.newPage({ width: 320, height: 640 });
    await signIn(page, DEMO.buyer, web.demoPassword);
    for (const path of ['/start', '/konto', '/inkorg']) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page
        .getByRole('main')
        .getByText(/Malmö stad|aviseringar?/)
        .first()
        .waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(320);
    }
  });
});
