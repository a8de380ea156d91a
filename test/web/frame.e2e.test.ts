import { describe, expect, it } from 'vitest';
import { useWeb } from './support';

describe('the frame of every page', () => {
  const web = useWeb();

  it('skips to the main content with the first Tab', async () => {
    const page = await web.newPage();
    await page.goto('/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Hoppa till huvudinnehåll' });
    await expect.poll(() => skip.evaluate((e) => e === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');
  });

  it('opens an app path directly, through the server’s fallback', async () => {
    const page = await web.newPage();
    const response = await page.goto('/tillganglighet');
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain("default-src 'self'");
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('sv');
  });

  it('says when a page does not exist', async () => {
    const page = await web.newPage();
    await page.goto('/finns-inte');
    await page.getByRole('heading', { level: 1, name: 'Sidan finns inte' }).waitFor();
    await web.checkAccessibility(page, 'not found');
  });

  it('switches to English and back, with <html lang> following', async () => {
    const page = await web.newPage();
    await page.goto('/finns-inte');
    await page.getByRole('button', { name: 'Read in English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await web.checkAccessibility(page, 'not found, in English');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    await page.getByRole('button', { name: 'Läs på svenska' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sidan finns inte' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('sv');
  });

  it('lays the frame out on a 320 px phone without sideways scrolling', async () => {
    const page = await web.newPage({ width: 320, height: 640 });
    await page.goto('/finns-inte');
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await web.screenshot(page, 'phone-not-found');
  });
});
