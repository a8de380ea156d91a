import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEMO, signIn, useWeb } from './support';

/** A published direct award of Malmö stad (the demo buyer's), with offers submitted and matches. */
const NEED = 'Renovering och återbruk av kontorsmöbler inför flytt av förvaltningskontor';
/** A submitted offer on it that the buyer declines here. */
const DECLINED = { name: 'Lyftet Flytt & Magasin Syd AB', email: 'robert.svensson@lyftetflytt.demo.samverka.se' };
const REASON = 'Priset ligger över vår budget och ni saknar erfarenhet av möbelrenovering.';

/** Owners of the demo's organisations by name (the scenario is the demo's data, libs/features/demo). */
const scenario = JSON.parse(readFileSync(new URL('../../libs/features/demo/skane-scenario.json', import.meta.url), 'utf8')) as {
  people: { key: string; email: string }[];
  organizations: { key: string; name: string; ownerKeys?: string[] }[];
};
const ownerOf = (name: string) => {
  const organization = scenario.organizations.find((o) => o.name === name);
  const key = organization?.ownerKeys?.[0];
  const email = scenario.people.find((p) => p.key === key)?.email;
  if (!email) throw new Error(`no owner of ${name} in the demo`);
  return email;
};

describe('the buyer’s decisions: a declined offer’s reason, an invitation to offer, and notification settings', () => {
  const web = useWeb();
  let invited = '';
  let needUrl = '';

  it('the buyer declines an offer only with a reason, and invites a matched enterprise', async () => {
    const page = await web.newPage();
    await signIn(page, DEMO.buyer, web.demoPassword);
    await page.goto('/mina-behov');
    await page.getByRole('link', { name: NEED }).click();
    await page.getByRole('heading', { level: 1, name: NEED }).waitFor();
    needUrl = new URL(page.url()).pathname;
    await page.getByRole('heading', { level: 2, name: 'Företag som passar' }).waitFor();

    const decisions = page.getByRole('group', { name: `Beslut om anbudet från ${DECLINED.name}` });
    await decisions.getByRole('button', { name: 'Avböj anbudet' }).click();
    const dialog = page.getByRole('dialog', { name: `Avböj anbudet från ${DECLINED.name}?` });
    await dialog.waitFor();
    await web.checkAccessibility(page, 'decline dialog');
    // Without a reason: the summary takes focus and links to the field.
    await dialog.getByRole('button', { name: 'Ja, avböj anbudet' }).click();
    const summaryLink = dialog.getByRole('link', { name: 'Skriv varför ni avböjer anbudet.' });
    await summaryLink.waitFor();
    await web.checkAccessibility(page, 'decline dialog, no reason');
    await web.screenshot(page, 'buyer-decline-reason-error');
    await summaryLink.click();
    const field = dialog.getByRole('textbox', { name: 'Varför avböjer ni anbudet?' });
    expect(await field.evaluate((el) => el === document.activeElement)).toBe(true);
    await field.fill(REASON);
    await dialog.getByRole('button', { name: 'Ja, avböj anbudet' }).click();
    await page.getByText(`Anbudet från ${DECLINED.name} är avböjt. Företaget har fått besked.`).waitFor();
    await page.getByText(REASON).waitFor();

    // The first match that has not offered is invited, with a note.
    const invite = page.getByRole('button', { name: /^Bjud in att lämna anbud: / }).first();
    const label = (await invite.getAttribute('aria-label')) ?? '';
    invited = label.replace('Bjud in att lämna anbud: ', '');
    await invite.click();
    const inviteDialog = page.getByRole('dialog', { name: `Bjud in ${invited} att lämna anbud` });
    await inviteDialog.getByRole('textbox', { name: 'Meddelande till företaget (frivilligt)' }).fill('Ni renoverar möbler i Malmö – vi hoppas på ett anbud.');
    await web.checkAccessibility(page, 'invite dialog');
    await web.screenshot(page, 'buyer-invite-dialog');
    await inviteDialog.getByRole('button', { name: 'Skicka inbjudan' }).click();
    await page.getByText(`${invited} är inbjudet att lämna anbud och har fått besked.`).waitFor();
    const match = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { level: 3, name: new RegExp(`\\d+\\. ${invited.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) });
    await match.getByText('Inbjuden', { exact: true }).waitFor();
    await web.checkAccessibility(page, 'need with a declined offer and an invited match');
    await web.screenshot(page, 'buyer-need-decided');

    // After a reload the invitation is still shown.
    await page.reload();
    await match.getByText('Inbjuden', { exact: true }).waitFor();
  });

  it('the buyer’s page in English shows the reasons in English, and fits a phone', async () => {
    const page = await web.newPage();
    await signIn(page, DEMO.buyer, web.demoPassword);
    await page.goto(needUrl);
    await page.getByRole('heading', { level: 2, name: 'Företag som passar' }).waitFor();
    // Switched on the page: the reasons follow at once (they come in both languages).
    await page.getByRole('button', { name: 'Read in English' }).click();
    await page.waitForSelector('html[lang="en"]');
    await page.getByRole('heading', { level: 2, name: 'Enterprises that fit' }).waitFor();
    await page.getByRole('heading', { level: 4, name: 'Why the enterprise fits' }).first().waitFor();
    const reasons = await page.locator('.offers-reasons li').allInnerTexts();
    expect(reasons.length).toBeGreaterThan(0);
    // English sentences (the words quoted from the texts stay as written).
    expect(reasons.join(' ')).toMatch(/The same CPV code|Works in the same county/);
    expect(reasons.join(' ')).not.toMatch(/Samma CPV|Verkar i|Bidrar till/);
    await web.checkAccessibility(page, 'the buyer’s need in English');
    await web.screenshot(page, 'buyer-need-en');

    const phone = await web.newPage({ width: 320, height: 800 });
    await signIn(phone, DEMO.buyer, web.demoPassword);
    await phone.goto(needUrl);
    await phone.getByRole('heading', { level: 2, name: 'Företag som passar' }).waitFor();
    // Any text past the edge, named (visually hidden texts are clipped to a pixel, so they never show).
    const wide = await phone.evaluate(() => {
      const found: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const range = document.createRange();
        range.selectNodeContents(node);
        const right = Math.max(0, ...[...range.getClientRects()].map((r) => r.right));
        if (right > 321 && !node.parentElement?.closest('.visually-hidden'))
          found.push(`${node.parentElement?.tagName}.${node.parentElement?.className}: ${node.textContent?.slice(0, 40)} ${Math.round(right)}`);
      }
      return found.slice(0, 8);
    });
    expect(wide).toEqual([]);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await web.screenshot(phone, 'buyer-need-phone');
  });

  it('the declined enterprise reads the reason on /anbud and on the offer page', async () => {
    const page = await web.newPage();
    await signIn(page, DECLINED.email, web.demoPassword);
    await page.goto('/anbud');
    await page.getByText(REASON).waitFor();
    await web.checkAccessibility(page, 'the enterprise’s offers with a declined one');
    await web.screenshot(page, 'enterprise-offers-declined');
    await page.getByRole('link', { name: NEED }).click();
    await page.getByRole('heading', { level: 3, name: 'Köparens motivering' }).waitFor();
    await page.getByText(REASON).waitFor();
    await web.checkAccessibility(page, 'the declined offer with its reason');
  });

  it('the invited enterprise finds the invitation in its inbox, and a changed setting is kept after a reload', async () => {
    const page = await web.newPage();
    await signIn(page, ownerOf(invited), web.demoPassword);
    await page.goto('/inkorg');
    const notification = page.getByRole('article', { name: `Malmö stad bjuder in er att lämna anbud på ${NEED}` });
    await notification.waitFor();
    await notification.getByText('Köparens meddelande: Ni renoverar möbler i Malmö – vi hoppas på ett anbud.').waitFor();
    expect(await notification.getByRole('link', { name: 'Läs behovet och lämna anbud' }).getAttribute('href')).toMatch(/\/behov\/[^/]+\/anbud$/);

    const setting = page.getByRole('group', { name: /^Inbjudningar att lämna anbud/ });
    await setting.waitFor();
    // A buyer's kinds are not offered to an enterprise.
    expect(await page.getByRole('group', { name: /^Nya anbud/ }).count()).toBe(0);
    const email = setting.getByRole('checkbox', { name: 'Med e-post' });
    expect(await email.isChecked()).toBe(true);
    await email.click();
    await page.getByText('Sparat. Inbjudningar att lämna anbud: bara i inkorgen.').waitFor();
    await web.checkAccessibility(page, 'inbox with an invitation and the settings');
    await web.screenshot(page, 'inbox-settings');

    await page.reload();
    const again = page.getByRole('group', { name: /^Inbjudningar att lämna anbud/ }).getByRole('checkbox', { name: 'Med e-post' });
    await again.waitFor();
    expect(await again.isChecked()).toBe(false);

    const phone = await web.newPage({ width: 320, height: 800 });
    await signIn(phone, ownerOf(invited), web.demoPassword);
    await phone.goto('/inkorg');
    await phone.getByRole('heading', { level: 2, name: 'Inställningar för aviseringar' }).waitFor();
    await phone.getByRole('group', { name: /^Inbjudningar att lämna anbud/ }).waitFor();
    await phone.getByRole('article').first().waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await web.screenshot(phone, 'inbox-settings-phone');
  });
});
