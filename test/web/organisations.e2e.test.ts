import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createOrganization, nextOrganisationsnummer, register } from '../support/accounts';
import { profileInput, saveProfile } from '../support/marketplace';
import { DEMO, signIn, useWeb } from './support';

/** An organisationsnummer whose check digit is wrong: the valid one with its last digit changed. */
function wrongCheckDigit(valid: string): string {
  const last = Number(valid.slice(-1));
  return `${valid.slice(0, -1)}${(last + 1) % 10}`;
}

/** The page must not scroll sideways (a table scrolls in its own region). */
async function fitsTheScreen(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
}

describe('organisations and imports: a coordinator’s import with broken rows, an administrator’s verification', () => {
  const web = useWeb();
  const tag = Math.random().toString(36).slice(2, 8);

  it('the coordinator uploads a directory with broken rows, follows it to the end, reads the rejected rows by line and field, and downloads them', async () => {
    const page = await web.newPage();
    await signIn(page, DEMO.coordinator, web.demoPassword);
    await page.goto('/importer');
    await page.getByRole('heading', { level: 1, name: 'Import' }).waitFor();
    await page.getByRole('button', { name: 'Starta importen' }).waitFor();
    await web.checkAccessibility(page, 'imports, empty form');

    // Sending without a file: the summary names the field.
    await page.getByRole('button', { name: 'Starta importen' }).click();
    await page.getByRole('group', { name: 'Rätta följande innan du fortsätter:' }).getByRole('link', { name: 'Välj en fil att importera.' }).waitFor();
    await web.checkAccessibility(page, 'imports, no file');

    await page.getByText('Filformat och exempel').click();
    await page.getByRole('link', { name: 'Ladda ned en mall (CSV)' }).waitFor();
    await web.checkAccessibility(page, 'imports, formats explained');
    await web.screenshot(page, 'imports-form');

    const good = nextOrganisationsnummer();
    const csv = [
      'externalId,organisationsnummer,name,municipalityCode',
      `E2E-${tag}-1,${good},Importlaget ${tag} ek. för.,1280`,
      `E2E-${tag}-2,${wrongCheckDigit(nextOrganisationsnummer())},Fel siffra ${tag},1280`,
      `E2E-${tag}-3,${nextOrganisationsnummer()},Stockholmslaget ${tag},0180`,
      `E2E-${tag}-4,${nextOrganisationsnummer()},,1281`,
    ].join('\n');
    await page.getByLabel('Fil', { exact: true }).setInputFiles({ name: `foretag-${tag}.csv`, mimeType: 'text/csv', buffer: Buffer.from(`${csv}\n`, 'utf8') });
    await page.getByRole('button', { name: 'Starta importen' }).click();

    await page.getByRole('heading', { level: 1, name: `Import av foretag-${tag}.csv` }).waitFor();
    await page.getByText(/^Importen är klar: 1 skapade, 0 uppdaterade, 3 avvisade\.$/).waitFor({ timeout: 60_000 });
    const table = page.getByRole('table', { name: 'Problem i filen' });
    await table.waitFor();
    await table
      .getByRole('row')
      .filter({ hasText: 'organisationsnummer' })
      .filter({ hasText: `E2E-${tag}-2` })
      .getByRole('cell')
      .first()
      .filter({ hasText: '3' })
      .waitFor();
    await table
      .getByRole('row')
      .filter({ hasText: `E2E-${tag}-3` })
      .filter({ hasText: /utanför de län du samordnar/ })
      .waitFor();
    await table
      .getByRole('row')
      .filter({ hasText: `E2E-${tag}-4` })
      .filter({ hasText: 'name' })
      .waitFor();
    await web.checkAccessibility(page, 'import run, done with rejected rows');
    await web.screenshot(page, 'import-run');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Ladda ned de avvisade raderna (CSV)' }).click()]);
    expect(download.suggestedFilename()).toBe(`avvisade-rader-foretag-${tag}.csv`);
    const text = await readFile((await download.path())!, 'utf8');
    expect(text.split('\r\n')[0]).toBe('\uFEFFrad;fält;id;meddelande');
    expect(text).toContain(`3;organisationsnummer;E2E-${tag}-2;`);
    expect(text).toContain(`5;name;E2E-${tag}-4;`);

    // Only the rejected rows, then in English.
    await page.getByLabel('Visa', { exact: true }).selectOption('ERROR');
    await table
      .getByRole('row')
      .filter({ hasText: `E2E-${tag}-4` })
      .waitFor();
    await page.getByRole('button', { name: 'Read in English' }).click();
    await page.getByRole('heading', { level: 1, name: `Import of foretag-${tag}.csv` }).waitFor();
    await page.getByRole('table', { name: 'Problems in the file' }).waitFor();
    await web.checkAccessibility(page, 'import run in English');
    await web.screenshot(page, 'import-run-en');

    // The list of runs, newest first, leads back to it.
    await page.getByRole('link', { name: 'All imports' }).click();
    await page
      .getByRole('link', { name: `foretag-${tag}.csv` })
      .first()
      .waitFor();
    await web.checkAccessibility(page, 'imports list in English');

    const phone = await web.newPage({ width: 320, height: 800 });
    await signIn(phone, DEMO.coordinator, web.demoPassword);
    await phone.goto('/importer');
    await phone
      .getByRole('link', { name: `foretag-${tag}.csv` })
      .first()
      .click();
    await phone.getByRole('table', { name: 'Problem i filen' }).waitFor();
    await fitsTheScreen(phone);
    await web.checkAccessibility(phone, 'import run on a phone');
    await web.screenshot(phone, 'import-run-phone');
  });

  it('a new organisation is not shown publicly until the administrator verifies it on /organisationer', async () => {
    const name = `Verifieringslaget ${tag} ek. för.`;
    const owner = await register(web.baseUrl, `agare-${tag}@verifieringslaget.example.se`);
    const created = await createOrganization(web.baseUrl, owner.accessToken, {
      kind: 'SOCIAL_ENTERPRISE',
      name,
      organisationsnummer: nextOrganisationsnummer(),
      municipalityCode: '1280',
      website: 'https://verifieringslaget.example.se',
    });
    const orgId = created.data!.createOrganization.organization.id;
    expect((await saveProfile(web.baseUrl, owner.accessToken, profileInput(orgId))).errors).toBeUndefined();

    const visitor = await web.newPage();
    const search = `/foretag?q=${encodeURIComponent(`Verifieringslaget ${tag}`)}`;
    await visitor.goto(search);
    await visitor.getByText('Inga företag matchar filtren. Prova färre filter eller andra sökord.').waitFor();

    const page = await web.newPage();
    await signIn(page, DEMO.administrator, web.demoPassword);
    await page.goto('/organisationer?lan=12');
    await page.getByRole('heading', { level: 1, name: 'Organisationer' }).waitFor();
    const card = page.getByRole('listitem', { name });
    await card.waitFor();
    await card.getByText(`agare-${tag}@verifieringslaget.example.se`, { exact: false }).waitFor();
    await card.getByRole('button', { name: 'Visa historik' }).click();
    await card.getByText('Ingen har verifierat organisationen eller tagit tillbaka verifieringen än.').waitFor();
    await web.checkAccessibility(page, 'organisations to verify');
    await web.screenshot(page, 'organisations');

    await card.getByRole('button', { name: `Verifiera ${name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Verifiera ${name}?` });
    await dialog.getByText(/publicerade behov för alla/).waitFor();
    await web.checkAccessibility(page, 'verify dialog');
    await web.screenshot(page, 'organisations-verify-dialog');
    await dialog.getByRole('button', { name: 'Ja, verifiera' }).click();
    await page.getByRole('status').getByText(`${name} är verifierad. Dess behov visas nu för andra.`).waitFor();
    await card.waitFor({ state: 'detached' });
    await web.checkAccessibility(page, 'organisation verified');

    // Now the directory shows it.
    await visitor.goto(search);
    await visitor.getByRole('link', { name }).waitFor();

    // Its history says who verified it; in English and on a phone too.
    await page.getByLabel('Namn eller organisationsnummer').fill(`Verifieringslaget ${tag}`);
    const verifiedCard = page.getByRole('listitem', { name });
    await verifiedCard.getByRole('button', { name: 'Visa historik' }).click();
    await verifiedCard.getByText(/: verifierad/).waitFor();
    await page.getByRole('button', { name: 'Read in English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Organisations' }).waitFor();
    await web.checkAccessibility(page, 'organisations in English');
    await web.screenshot(page, 'organisations-en');

    const phone = await web.newPage({ width: 320, height: 800 });
    await signIn(phone, DEMO.administrator, web.demoPassword);
    await phone.goto('/organisationer?lan=12');
    await phone.getByRole('heading', { level: 2, name: 'Profiler som behöver hjälp' }).waitFor();
    await fitsTheScreen(phone);
    await web.checkAccessibility(phone, 'organisations on a phone');
    await web.screenshot(phone, 'organisations-phone');
  });
});
