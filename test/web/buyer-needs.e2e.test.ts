import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO, signIn as signInAs, tabTo, useWeb } from './support';

const TITLE = 'Fönsterputs i Malmös simhallar';
const DESCRIPTION =
  'Vi söker någon som putsar fönstren i Malmös fyra simhallar, in- och utsida, fyra gånger om året från 1 april. Arbetet görs tidigt på morgonen innan baden öppnar.';

const focusedTag = (page: Page) => page.evaluate(() => document.activeElement?.tagName.toLowerCase() ?? null);

/** A day some weeks ahead in Swedish time, YYYY-MM-DD. */
function daysAhead(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm' }).format(new Date(Date.now() + days * 86_400_000));
}

describe('the buyer’s needs', () => {
  const web = useWeb();

  async function signIn(page: Page) {
    await signInAs(page, DEMO.buyer, web.demoPassword);
  }

  /** Tabs to the step's button and presses Enter; the next step's heading arrives with the focus. */
  async function continueTo(page: Page, heading: string, button = 'Spara och fortsätt') {
    await tabTo(page, page.getByRole('button', { name: button }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    await expect.poll(() => focusedTag(page)).toBe('h1');
  }

  it('drafts a need step by step with the keyboard, keeps it over a reload, publishes it and finds it on /behov', async () => {
    const page = await web.newPage();
    await signIn(page);

    // The start page of a buyer: their needs, offers to decide on, deadlines, partnerships.
    await page.getByRole('heading', { level: 2, name: 'Era behov' }).waitFor();
    for (const name of ['Anbud att ta ställning till', 'Sista svarsdagar som närmar sig', 'Mål och rapporter som väntar på er']) {
      await page.getByRole('heading', { level: 2, name }).waitFor();
    }
    await web.checkAccessibility(page, 'buyer start');
    await web.screenshot(page, 'buyer-start');

    // Their needs, then a new one.
    await tabTo(page, page.getByRole('link', { name: 'Alla era behov' }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Era behov' }).waitFor();
    await web.checkAccessibility(page, 'the buyer’s needs');
    await web.screenshot(page, 'buyer-needs-list');

    await tabTo(page, page.getByRole('main').getByRole('link', { name: 'Lägg upp ett nytt behov' }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Vad behöver ni?' }).waitFor();
    await expect.poll(() => page.getByText('Steg 1 av 8').isVisible()).toBe(true);
    await web.checkAccessibility(page, 'step 1, what');

    // Sent empty: the summary takes the focus and links to the field.
    await tabTo(page, page.getByRole('button', { name: 'Spara och fortsätt' }));
    await page.keyboard.press('Enter');
    const summary = page.getByRole('group', { name: 'Rätta följande innan du fortsätter:' });
    await summary.getByRole('link', { name: 'Skriv en rubrik för behovet.' }).waitFor();
    await expect.poll(() => focusedTag(page)).toBe('ds-error-summary');
    await web.checkAccessibility(page, 'step 1 with an error');
    await web.screenshot(page, 'buyer-need-step-what-error');

    await tabTo(page, page.getByRole('textbox', { name: 'Rubrik' }));
    await page.keyboard.type(TITLE);
    await tabTo(page, page.getByRole('textbox', { name: 'Beskrivning' }));
    await page.keyboard.type(DESCRIPTION);
    // The example of a good description opens from the keyboard.
    await tabTo(page, page.getByText('Visa ett exempel på en bra beskrivning'));
    await page.keyboard.press('Enter');
    await page.getByText(/^Vi söker någon som kan städa tre förskolor/).waitFor();
    await web.screenshot(page, 'buyer-need-step-what');
    await continueTo(page, 'Hur vill ni göra affären?');

    // The browser's back button finds the answers of the first step, not yet saved.
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Vad behöver ni?' }).waitFor();
    await expect.poll(() => page.getByRole('textbox', { name: 'Rubrik' }).inputValue()).toBe(TITLE);
    await continueTo(page, 'Hur vill ni göra affären?');

    // The procurement form, each explained; choosing it creates the draft.
    await page.getByText(/För små köp: högst 700 000 kronor/).waitFor();
    await web.checkAccessibility(page, 'step 2, the procurement form');
    await web.screenshot(page, 'buyer-need-step-form');
    await tabTo(page, page.getByRole('radio', { name: 'Direktupphandling' }));
    await page.keyboard.press('Space');
    expect(await page.getByRole('radio', { name: 'Direktupphandling' }).isChecked()).toBe(true);
    await continueTo(page, 'Vilket område gäller behovet?');
    await page.waitForURL(/\/mina-behov\/[^/]+\/redigera\?steg=cpv$/);
    const editUrl = page.url().replace(/\?.*$/, '');

    // CPV: search, choose with the arrow keys and Enter.
    await tabTo(page, page.getByRole('combobox', { name: 'Sök kod eller ord' }));
    await page.keyboard.type('fönsterputs');
    await page.getByRole('listbox').getByRole('option').first().waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page
      .getByRole('button', { name: /^Ta bort / })
      .first()
      .waitFor();
    await web.checkAccessibility(page, 'step 3, CPV');
    await web.screenshot(page, 'buyer-need-step-cpv');
    await continueTo(page, 'Vilka globala mål bidrar behovet till?');

    // A reload mid-way: the draft is in the API, the step is in the address.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Vilka globala mål bidrar behovet till?' }).waitFor();
    await tabTo(page, page.getByRole('checkbox', { name: /^Mål 8:/ }));
    await page.keyboard.press('Space');
    await web.checkAccessibility(page, 'step 4, global goals');
    await continueTo(page, 'Var ska arbetet göras?');

    // Where: the buyer's own kommun to begin with.
    await expect.poll(() => page.getByRole('combobox', { name: 'Kommun' }).inputValue()).toBe('1280');
    await web.checkAccessibility(page, 'step 5, place');
    await continueTo(page, 'Hur stor är budgeten?');

    await page.getByText('Ni har valt direktupphandling. Den får bara användas för köp på högst 700 000 kr.').waitFor();
    await tabTo(page, page.getByRole('textbox', { name: 'Högsta budget i kronor' }));
    await page.keyboard.type('900 000');
    await web.checkAccessibility(page, 'step 6, budget');
    await web.screenshot(page, 'buyer-need-step-budget');
    await continueTo(page, 'Vilken social effekt vill ni se?');

    await tabTo(page, page.getByRole('textbox', { name: 'Önskad effekt' }));
    await page.keyboard.type('En person som står långt från arbetsmarknaden får arbete under avtalstiden.');
    await continueTo(page, 'När är sista svarsdag?');

    // A day that does not exist is named on its field.
    await tabTo(page, page.getByRole('textbox', { name: 'Datum' }));
    await page.keyboard.type('2027-02-30');
    await tabTo(page, page.getByRole('button', { name: 'Spara och fortsätt' }));
    await page.keyboard.press('Enter');
    await summary.getByRole('link', { name: /^Skriv ett datum som finns/ }).waitFor();
    await web.checkAccessibility(page, 'step 8 with an error');
    await web.screenshot(page, 'buyer-need-step-deadline-error');
    await tabTo(page, page.getByRole('textbox', { name: 'Datum' }));
    await page.keyboard.press('Control+a');
    await page.keyboard.type(daysAhead(45));
    await continueTo(page, 'Kontrollera behovet innan du publicerar');

    // The check: every answer, the warning about the direct award limit, and complete.
    const check = page.getByRole('main');
    await check.getByText(/över gränsen för direktupphandling/).waitFor();
    await check.getByText('Behovet har allt som behövs för att publiceras.').waitFor();
    await check.getByText(TITLE, { exact: true }).waitFor();
    await check.getByText('upp till 900 000 kr', { exact: true }).waitFor();
    await web.checkAccessibility(page, 'the check');
    await web.screenshot(page, 'buyer-need-check');

    // At 320 px and in English.
    await page.setViewportSize({ width: 320, height: 800 });
    await web.checkAccessibility(page, 'the check at 320 px');
    await web.screenshot(page, 'buyer-need-check-320');
    await page.getByRole('button', { name: 'Read in English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Check the need before you publish' }).waitFor();
    await check
      .getByText(/above the limit for direct award|over the direct award limit|direct award/i)
      .first()
      .waitFor();
    await web.checkAccessibility(page, 'the check in English');
    await web.screenshot(page, 'buyer-need-check-en-320');
    await page.getByRole('button', { name: 'Läs på svenska' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kontrollera behovet innan du publicerar' }).waitFor();
    await page.setViewportSize({ width: 1280, height: 900 });

    // Change the budget from the check, under the limit: the warning goes.
    await tabTo(page, page.getByRole('link', { name: 'Ändra budget' }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Hur stor är budgeten?' }).waitFor();
    await tabTo(page, page.getByRole('textbox', { name: 'Högsta budget i kronor' }));
    await page.keyboard.press('Control+a');
    await page.keyboard.type('650 000');
    await continueTo(page, 'Kontrollera behovet innan du publicerar', 'Spara och gå till granskningen');
    await check.getByText('upp till 650 000 kr', { exact: true }).waitFor();
    expect(await check.getByText(/över gränsen för direktupphandling/).count()).toBe(0);

    // The draft waits among their needs, with a link back to it.
    await page.goto('/mina-behov');
    const drafts = page.getByRole('region', { name: /^Utkast/ });
    await drafts.getByRole('link', { name: TITLE }).waitFor();
    await web.checkAccessibility(page, 'the buyer’s needs with a draft');
    await web.screenshot(page, 'buyer-needs-list-draft');
    await tabTo(page, drafts.getByRole('link', { name: TITLE }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Kontrollera behovet innan du publicerar' }).waitFor();
    expect(page.url()).toBe(`${editUrl}?steg=granska`);

    // Publish.
    await tabTo(page, page.getByRole('button', { name: 'Publicera behovet' }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Behovet är publicerat' }).waitFor();
    await expect.poll(() => focusedTag(page)).toBe('h1');
    await web.checkAccessibility(page, 'published');
    await web.screenshot(page, 'buyer-need-published');

    await tabTo(page, page.getByRole('link', { name: 'Se behovet som andra ser det' }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();

    // Everyone finds it among the published needs.
    const visitor = await web.newPage();
    await visitor.goto(`/behov?q=${encodeURIComponent('fönsterputs simhallar')}`);
    await visitor.getByRole('heading', { level: 1, name: 'Behov' }).waitFor();
    await visitor.getByRole('link', { name: TITLE }).waitFor();
    await web.checkAccessibility(visitor, 'the published need found on /behov');

    // Among the buyer's needs it is now published.
    await page.goto('/mina-behov');
    await page
      .getByRole('region', { name: /^Publicerade/ })
      .getByRole('link', { name: TITLE })
      .waitFor();

    // In English at 320 px: the list and the start.
    await page.setViewportSize({ width: 320, height: 800 });
    await page.getByRole('button', { name: 'Read in English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your needs' }).waitFor();
    await page
      .getByRole('region', { name: /^Published/ })
      .getByRole('link', { name: TITLE })
      .waitFor();
    await web.checkAccessibility(page, 'the buyer’s needs in English at 320 px');
    await web.screenshot(page, 'buyer-needs-list-en-320');
    await page.goto('/start');
    await page.getByRole('heading', { level: 2, name: 'Response deadlines coming up' }).waitFor();
    await page.getByRole('link', { name: TITLE }).first().waitFor();
    await web.checkAccessibility(page, 'the buyer’s start in English at 320 px');
    await web.screenshot(page, 'buyer-start-en-320');
  });
});
