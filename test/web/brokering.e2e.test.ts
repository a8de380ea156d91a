import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { api, DEMO, signIn, useWeb } from './support';

/** Helsingborgs stad: no other story acts as this buyer. */
const BUYER = 'maria.ek@helsingborg.demo.samverka.se';
/** Stiftelsen Vägen Vidare Nordväst: no offer, introduction or partnership in the demo, and no other story uses it. */
const ENTERPRISE = { email: 'lina.sandberg@vagenvidare.demo.samverka.se', name: 'Lina Sandberg', organization: 'Stiftelsen Vägen Vidare Nordväst' } as const;
const NEED_TITLE = 'Snöröjning av gång- och cykelvägar i Helsingborg';
const NOTE = 'Vägen Vidare har arbetslag som sköter utemiljöer i Helsingborg året runt, med handledare för personer i arbetsträning.';

describe('Förmedling: the coordinator brokers', () => {
  const web = useWeb();

  /** Helsingborgs stad publishes a need that nobody has offered on, due in five days: the work list's kind. */
  async function publishNeed(): Promise<string> {
    const { login } = await api<{ login: { accessToken: string } }>(web.baseUrl, 'mutation($input: LoginInput!) { login(input: $input) { accessToken } }', {
      input: { email: BUYER, password: web.demoPassword },
    });
    const token = login.accessToken;
    const { me } = await api<{ me: { memberships: { organization: { id: string; kind: string } }[] } }>(
      web.baseUrl,
      '{ me { memberships { organization { id kind } } } }',
      {},
      token,
    );
    const buyer = me.memberships.find((m) => m.organization.kind === 'MUNICIPALITY')!.organization.id;
    const { createNeed } = await api<{ createNeed: { need: { id: string; version: number } } }>(
      web.baseUrl,
      'mutation($input: CreateNeedInput!) { createNeed(input: $input) { need { id version } } }',
      {
        input: {
          buyerOrganizationId: buyer,
          title: NEED_TITLE,
          description: 'Snöröjning och halkbekämpning av gång- och cykelvägar kring tre skolor i Helsingborg under vintern.',
          cpvCodes: ['90620000-9'],
          sdgs: [8, 11],
          municipalityCode: '1283',
          budgetMinSek: 150_000,
          budgetMaxSek: 300_000,
          form: 'DIRECT_AWARD',
          wantedImpact: 'Två personer i arbetsträning under vintern',
          responseDeadline: new Date(Date.now() + 5 * 86_400_000).toISOString(),
        },
      },
      token,
    );
    await api(
      web.baseUrl,
      'mutation($input: PublishNeedInput!) { publishNeed(input: $input) { need { id } } }',
      { input: { needId: createNeed.need.id, version: createNeed.need.version } },
      token,
    );
    return createNeed.need.id;
  }

  const section = (page: Page, name: string | RegExp) => page.getByRole('region', typeof name === 'string' ? { name, exact: true } : { name });

  it('finds a need without offers, introduces an enterprise found in the directory, the enterprise accepts, and the partnership is recorded', async () => {
    const needId = await publishNeed();

    // The work list: the need is there, due within the week.
    const page = await web.newPage();
    await signIn(page, DEMO.coordinator, web.demoPassword);
    await page.goto('/formedling');
    await page.getByRole('heading', { level: 1, name: 'Förmedling' }).waitFor();
    const work = section(page, 'Behov utan anbud');
    await work.getByRole('link', { name: NEED_TITLE }).waitFor();
    await web.checkAccessibility(page, 'brokering, the work list');
    await web.screenshot(page, 'brokering');

    // The need: its facts and matches; the directory finds the enterprise.
    await work.getByRole('link', { name: NEED_TITLE }).click();
    await page.waitForURL(`**/formedling/behov/${needId}`);
    await page.getByRole('heading', { level: 1, name: NEED_TITLE }).waitFor();
    await web.checkAccessibility(page, 'brokering, a need');
    const search = section(page, 'Sök i företagsregistret');
    await search.getByRole('textbox', { name: 'Företagets namn eller verksamhet' }).fill('Vägen Vidare');
    await search.getByRole('button', { name: 'Sök' }).click();
    await search.getByRole('heading', { level: 3, name: ENTERPRISE.organization }).waitFor();
    await web.checkAccessibility(page, 'brokering, directory results');
    await search.getByRole('button', { name: `Introducera ${ENTERPRISE.organization}` }).click();

    // The note is asked for; then the introduction is sent.
    const form = section(page, `Introducera ${ENTERPRISE.organization}`);
    await form.getByRole('button', { name: 'Skicka introduktionen' }).click();
    await form.getByRole('link', { name: 'Skriv en motivering.' }).waitFor();
    await web.checkAccessibility(page, 'brokering, the note missing');
    await form.getByRole('textbox', { name: 'Motivering' }).fill(NOTE);
    await web.screenshot(page, 'brokering-introduce');
    await form.getByRole('button', { name: 'Skicka introduktionen' }).click();
    await page.getByText(`${ENTERPRISE.organization} är introducerat för behovet.`, { exact: false }).waitFor();
    await section(page, 'Introduktioner till behovet').getByText(NOTE).waitFor();
    await web.checkAccessibility(page, 'brokering, introduced');

    // The county's introductions: proposed, waiting.
    await page.goto('/formedling');
    const proposed = section(page, /^Föreslagna, väntar på svar/);
    await proposed.getByRole('heading', { level: 4, name: ENTERPRISE.organization }).waitFor();

    // The enterprise sees the introduction and accepts it.
    const enterprise = await web.newPage();
    await signIn(enterprise, ENTERPRISE.email, web.demoPassword);
    await enterprise.goto('/introduktioner');
    const waiting = enterprise.getByRole('region', { name: 'Väntar på ert svar' });
    const introduction = waiting.getByRole('article').filter({ has: enterprise.getByRole('heading', { level: 3, name: NEED_TITLE }) });
    await introduction.getByText(NOTE).waitFor();
    await web.checkAccessibility(enterprise, 'the enterprise sees the introduction');
    await introduction.getByRole('radio', { name: 'Ja, vi är intresserade' }).check();
    await introduction.getByRole('button', { name: 'Skicka svaret' }).click();
    await enterprise.getByRole('region', { name: 'Besvarade och avslutade' }).getByRole('heading', { level: 3, name: NEED_TITLE }).waitFor();

    // The coordinator records the partnership from the accepted introduction, prefilled.
    await page.reload();
    const accepted = section(page, /^Accepterade/);
    await accepted.getByRole('heading', { level: 4, name: ENTERPRISE.organization }).waitFor();
    await web.checkAccessibility(page, 'brokering, an accepted introduction');
    // The enterprise's name is read after the link's words (a visually hidden part: Chromium reads a space before it).
    await accepted
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { level: 4, name: ENTERPRISE.organization }) })
      .getByRole('link', { name: /^Registrera samarbete\s*:\s*Stiftelsen Vägen Vidare Nordväst$/ })
      .click();
    await page.waitForURL('**/formedling/samarbete?introduktion=*');
    await page.getByRole('heading', { level: 1, name: 'Registrera samarbete' }).waitFor();
    await expect.poll(() => page.getByRole('textbox', { name: 'Rubrik' }).inputValue()).toBe(NEED_TITLE);
    await expect.poll(() => page.getByRole('combobox', { name: 'Socialt företag' }).inputValue()).not.toBe('');
    await web.checkAccessibility(page, 'brokered partnership form');
    await web.screenshot(page, 'brokering-partnership');
    await page.getByRole('button', { name: 'Registrera samarbetet' }).click();
    await page.waitForURL(/\/samarbeten\/[0-9a-f-]+$/);
    await page.getByRole('heading', { level: 1, name: NEED_TITLE }).waitFor();

    // In English, and on a phone.
    await page.goto('/formedling');
    await page.getByRole('button', { name: 'Read in English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Brokering' }).waitFor();
    await section(page, 'Needs without offers').waitFor();
    await web.checkAccessibility(page, 'brokering, in English');
    await web.screenshot(page, 'brokering-en');

    const phone = await web.newPage({ width: 320, height: 740 });
    await signIn(phone, DEMO.coordinator, web.demoPassword);
    await phone.goto('/formedling');
    await section(phone, 'Behov utan anbud').getByRole('link', { name: NEED_TITLE }).waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await web.checkAccessibility(phone, 'brokering at 320 px');
    await web.screenshot(phone, 'brokering-320');
  }, 240_000);
});
