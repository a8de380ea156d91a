import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO, signIn, useWeb } from './support';

/**
 * The administrator: makes a person (registered here, so no other story knows them) coordinator of a
 * county, finds that in the audit trail by action and day, adds an indicator and retires it, and rebuilds
 * the matches. The region's coordinator (Petra Nilsson, Skåne) features a good example with a text, and
 * the public library shows it first.
 */
const EXAMPLE = 'Slåtter och röjning av strandängarna vid Hammarsjön';
const NOTE = 'Visar hur naturvård kan ge långtidsarbetslösa en säsongsanställning och en väg vidare till arbete.';
const WAIT = { timeout: 20_000 };

/** Today in Sweden, YYYY-MM-DD. */
const today = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());

async function registerPerson(baseUrl: string, email: string, displayName: string): Promise<string> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($input: RegisterInput!) { register(input: $input) { user { id } } }',
      variables: { input: { email, password: `Lösenord-${randomUUID()}`, displayName } },
    }),
  });
  const body = (await response.json()) as { data?: { register: { user: { id: string } } }; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return body.data!.register.user.id;
}

async function adminPage(page: Page, link: string, heading: string) {
  await page.goto('/admin');
  await page.getByRole('heading', { level: 1, name: 'Administration' }).waitFor();
  await page.getByRole('link', { name: link, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

describe('the administrator’s workspace and the curation of good examples', () => {
  const web = useWeb();
  const suffix = randomUUID().slice(0, 6);
  const name = `Testa Samordnare ${suffix}`;
  const email = `samordnare-${suffix}@exempel.se`;
  let personId = '';

  it('makes a person coordinator of a county, and finds it in the audit trail by action and day', async () => {
    personId = await registerPerson(web.baseUrl, email, name);
    const page = await web.newPage();
    await signIn(page, DEMO.administrator, web.demoPassword);
    await page.goto('/admin');
    await page.getByRole('heading', { level: 1, name: 'Administration' }).waitFor();
    await page.getByText(/personer har konto\.$/).waitFor(WAIT);
    await page.getByRole('heading', { level: 2, name: 'Köerna i drift' }).waitFor();
    await web.checkAccessibility(page, 'administration start');
    await web.screenshot(page, 'admin-start');

    await page.getByRole('link', { name: 'Personer och roller' }).click();
    await page.getByRole('heading', { level: 1, name: 'Personer och roller' }).waitFor();
    await page.getByRole('searchbox', { name: 'Sök person' }).fill(email);
    await page.getByRole('button', { name: 'Sök', exact: true }).click();
    await page.waitForURL(/\/admin\/personer\?q=/);
    await expect.poll(() => page.getByRole('status').first().innerText(), WAIT).toBe('1 person');
    await page.getByRole('rowheader', { name }).waitFor();
    await web.checkAccessibility(page, 'people, searched');

    await page.getByRole('button', { name: `Ändra roll för ${name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Ändra roll för ${name}` });
    await dialog.waitFor();
    await dialog.getByRole('radio', { name: /^Samordnare/ }).check();
    await dialog.getByRole('button', { name: 'Spara roll' }).click();
    await dialog.getByRole('link', { name: 'Välj minst ett län för en samordnare.' }).waitFor();
    await web.checkAccessibility(page, 'role dialog, no county');
    await dialog.getByRole('checkbox', { name: 'Skåne län' }).check();
    await web.screenshot(page, 'admin-role-dialog');
    await dialog.getByRole('button', { name: 'Spara roll' }).click();
    await page.getByText(`${name} är nu samordnare.`).waitFor(WAIT);
    await page.getByRole('row', { name: new RegExp(`${name}.*Samordnare.*Skåne län`) }).waitFor(WAIT);
    await web.checkAccessibility(page, 'people, role saved');
    await web.screenshot(page, 'admin-people');

    await adminPage(page, 'Granskningslogg', 'Granskningslogg');
    await page.getByRole('combobox', { name: /^Vad/ }).selectOption({ label: 'Ändrade en persons roll' });
    await page.getByLabel(/^Från och med/).fill(today());
    await page.getByLabel(/^Till och med/).fill(today());
    await page.getByRole('button', { name: 'Visa händelser' }).click();
    await page.waitForURL(new RegExp(`vad=user\\.platformRoleSet.*fran=${today()}.*till=${today()}`));
    // The earlier, unfiltered page may still show while the filtered one is asked for: this event's row.
    const row = page.getByRole('row').filter({ hasText: personId }).filter({ hasText: 'Ändrade en persons roll' });
    await row.waitFor(WAIT);
    await row.getByRole('button', { name: /Samverka Admin/ }).waitFor(WAIT);
    await row.getByText('Visa detaljer').click();
    await row.getByText(/"COORDINATOR"/).waitFor();
    await web.checkAccessibility(page, 'audit trail, filtered, details open');
    await web.screenshot(page, 'admin-audit');

    // A backwards period is refused on its field before anything is asked.
    await page.getByLabel(/^Från och med/).fill(today());
    await page.getByLabel(/^Till och med/).fill('2020-01-01');
    await page.getByRole('button', { name: 'Visa händelser' }).click();
    await page.getByText('Till och med-datumet får inte vara före från och med-datumet.').waitFor();
    await web.checkAccessibility(page, 'audit trail, backwards period');
  });

  it('adds an impact indicator and retires it', async () => {
    const page = await web.newPage();
    await signIn(page, DEMO.administrator, web.demoPassword);
    await adminPage(page, 'Effektindikatorer', 'Effektindikatorer');
    await page.getByRole('button', { name: 'Lägg till en indikator' }).click();
    const form = page.getByRole('form', { name: 'Lägg till en indikator' });
    await form.getByRole('button', { name: 'Spara indikatorn' }).click();
    await page.getByRole('link', { name: 'Fyll i kod.' }).waitFor();
    await web.checkAccessibility(page, 'indicator form, empty');

    const code = `E2E_ADMIN_${suffix.toUpperCase().replace(/[^A-Z0-9]/g, 'X')}`;
    const indicatorName = `Utbildade handledare ${suffix}`;
    await form.getByRole('textbox', { name: /^Kod/ }).fill(code);
    await form.getByRole('textbox', { name: /^Namn på svenska/ }).fill(indicatorName);
    await form.getByRole('textbox', { name: /^Namn på engelska/ }).fill(`Trained supervisors ${suffix}`);
    await form.getByRole('combobox', { name: /^Enhet/ }).selectOption('PERSONS');
    await form.getByRole('combobox', { name: /^Tema/ }).selectOption('WORK_INTEGRATION');
    await form.getByRole('textbox', { name: /^Så räknas den, på svenska/ }).fill('Antal handledare som har gått en handledarutbildning under perioden.');
    await form.getByRole('textbox', { name: /^Så räknas den, på engelska/ }).fill('The number of supervisors who completed a supervisor training in the period.');
    await web.checkAccessibility(page, 'indicator form, filled in');
    await form.getByRole('button', { name: 'Spara indikatorn' }).click();
    await page.getByText(`Indikatorn ${code} är sparad.`).waitFor(WAIT);
    const row = page.getByRole('row', { name: new RegExp(indicatorName) });
    await row.getByText('I bruk').waitFor();

    await row.getByRole('button', { name: `Avveckla ${indicatorName}` }).click();
    const dialog = page.getByRole('dialog', { name: `Avveckla ${indicatorName}?` });
    await dialog.getByText(/kan då inte väljas för nya effektmål/).waitFor();
    await web.checkAccessibility(page, 'retire dialog');
    await dialog.getByRole('button', { name: 'Ja, avveckla' }).click();
    await page.getByText(`Indikatorn ${code} är avvecklad.`).waitFor(WAIT);
    await row.getByText('Avvecklad').waitFor();
    await web.checkAccessibility(page, 'indicators, one retired');
    await web.screenshot(page, 'admin-indicators');
  });

  it('rebuilds the matches and follows the rebuild to its end', async () => {
    const page = await web.newPage();
    await signIn(page, DEMO.administrator, web.demoPassword);
    await adminPage(page, 'Matchning', 'Matchning');
    await page.getByRole('heading', { level: 2, name: 'Senaste omberäkningen' }).waitFor();
    await page.getByRole('button', { name: 'Bygg om matchningar' }).click();
    const dialog = page.getByRole('dialog', { name: 'Bygga om alla matchningar?' });
    await dialog.getByText(/Det kan ta från några sekunder till en halvtimme/).waitFor();
    await web.checkAccessibility(page, 'rebuild dialog');
    await dialog.getByRole('button', { name: 'Ja, bygg om' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Omberäkningen är klar.').waitFor({ state: 'attached', timeout: 60_000 });
    await page
      .getByText(/^(\d+) av \1 delar klara$/)
      .first()
      .waitFor();
    expect(await page.locator('progress').evaluate((p: HTMLProgressElement) => p.value === p.max)).toBe(true);
    await web.checkAccessibility(page, 'rebuild done');
    await web.screenshot(page, 'admin-matching');
  });

  it('tells someone who is not an administrator that the page is not theirs', async () => {
    const page = await web.newPage();
    await signIn(page, DEMO.buyer, web.demoPassword);
    await page.goto('/admin/personer');
    await page.getByRole('heading', { level: 1, name: 'Sidan är för administratörer' }).waitFor();
    await web.checkAccessibility(page, 'administration refused');
  });

  it('the coordinator features a good example with a text, and the library shows it first', async () => {
    const page = await web.newPage();
    await signIn(page, DEMO.coordinator, web.demoPassword);
    await page.goto('/goda-exempel/kurera');
    await page.getByRole('heading', { level: 1, name: 'Kurera goda exempel' }).waitFor();
    const item = page.getByRole('article', { name: EXAMPLE });
    await item.getByRole('group', { name: 'Bekräftad effekt' }).waitFor(WAIT);
    await web.checkAccessibility(page, 'curation list');
    await item.getByRole('button', { name: `Kurera ${EXAMPLE}` }).click();
    const form = item.getByRole('form', { name: `Kurera ${EXAMPLE}` });
    await form.getByRole('checkbox', { name: /^Dölj exemplet/ }).check();
    await form.getByRole('checkbox', { name: /^Lyft fram exemplet/ }).check();
    await form.getByRole('button', { name: 'Spara' }).click();
    await page.getByRole('link', { name: 'Skriv varför exemplet döljs. Parterna ser skälet.' }).waitFor();
    await page.getByRole('link', { name: /Ett dolt exempel kan inte lyftas fram/ }).waitFor();
    await web.checkAccessibility(page, 'curation form, errors');
    await form.getByRole('checkbox', { name: /^Dölj exemplet/ }).uncheck();
    await form.getByRole('textbox', { name: /^Vad exemplet visar, på svenska/ }).fill(NOTE);
    await form.getByRole('button', { name: 'Spara' }).click();
    await page.getByText(`${EXAMPLE} är sparat.`).waitFor(WAIT);
    await item.getByText('Utvalt exempel').waitFor();
    await web.checkAccessibility(page, 'curation saved');
    await web.screenshot(page, 'curate-good-examples');

    await page.goto('/goda-exempel');
    const first = page.getByRole('article').first();
    await expect.poll(() => first.getByRole('heading', { level: 3 }).innerText(), WAIT).toBe(EXAMPLE);
    await first.getByText('Utvalt exempel').waitFor();
    await first.getByText(NOTE).waitFor();
    await web.checkAccessibility(page, 'library, featured first');
    await web.screenshot(page, 'good-examples-featured');

    await page.getByRole('button', { name: 'Read in English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Good examples' }).waitFor();
    await first.getByText('Featured example').waitFor();
    await first.getByRole('heading', { name: 'What this example shows' }).waitFor();
    await web.checkAccessibility(page, 'library in English');
    await web.screenshot(page, 'good-examples-featured-en');

    const phone = await web.newPage({ width: 320, height: 800 });
    await signIn(phone, DEMO.administrator, web.demoPassword);
    for (const [path, heading, shot] of [
      ['/admin', 'Administration', 'admin-start-phone'],
      ['/admin/granskning', 'Granskningslogg', 'admin-audit-phone'],
      ['/goda-exempel', 'Goda exempel', 'good-examples-featured-phone'],
    ] as const) {
      await phone.goto(path);
      await phone.getByRole('heading', { level: 1, name: heading }).waitFor(WAIT);
      if (path === '/admin/granskning') await phone.getByRole('region', { name: /^Händelser/ }).waitFor(WAIT);
      expect(await phone.evaluate(() => document.documentElement.scrollWidth), `${path} scrolls sideways`).toBeLessThanOrEqual(320);
      await web.checkAccessibility(phone, `${path} on a phone`);
      await web.screenshot(phone, shot);
    }
  });
});
