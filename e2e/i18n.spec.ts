// Burmese and English interface (docs/i18n.md): the switcher on every page, the choice kept on the account
// across sign-ins, the bundled Myanmar font, and no English interface text left on the Burmese pages.
// Fresh accounts only: the demo users' language stays English for the other specs.
import { expect, type Page, test } from '@playwright/test';
import { newReseller } from './api';

/** The bundled Noto Sans Myanmar face for Burmese script is in use (loaded, not only declared). */
async function myanmarFontLoaded(page: Page): Promise<boolean> {
  return page.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts].some(
      (f) => f.family.replace(/["']/g, '') === 'Noto Sans Myanmar' && f.status === 'loaded' && /U\+1000/i.test(f.unicodeRange),
    );
  });
}

async function chooseLanguage(page: Page, choice: 'en' | 'my' | 'my-mymr'): Promise<void> {
  const want = choice === 'en' ? 'en' : 'my';
  await page.getByTestId('language-switcher').locator('select').selectOption(choice);
  await expect(page.locator('html')).toHaveAttribute('lang', want);
}

test('a visitor switches the sign-in page to Burmese; the Myanmar font is loaded', async ({ page }) => {
  await page.goto('/login');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await chooseLanguage(page, 'my');
  await expect(page.getByTestId('language-switcher')).toContainText('ဘာသာစကား');
  expect(await myanmarFontLoaded(page)).toBe(true);
  // The cookie keeps it on the next visit.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'my');
});

test('the choice is stored on the account and follows it to a new browser', async ({ page, request, browser }) => {
  const r = await newReseller(request, 0, 'lang');
  await page.goto('/login');
  await page.getByLabel('Email').fill(r.email);
  await page.getByLabel('Password').fill(r.password);
  await page.getByTestId('login-submit').click();
  await expect(page).toHaveURL(/\/reseller$/);
  await chooseLanguage(page, 'my');
  await expect(page.locator('nav').first()).toContainText('ဖောက်သည်များ');

  // Another browser, no cookie, asking for English: signing in brings Burmese back from the account.
  const other = await browser.newContext({ locale: 'en-US' });
  const p2 = await other.newPage();
  await p2.goto('/login');
  await expect(p2.locator('html')).toHaveAttribute('lang', 'en');
  await p2.getByLabel('Email').fill(r.email);
  await p2.getByLabel('Password').fill(r.password);
  await p2.getByTestId('login-submit').click();
  await expect(p2).toHaveURL(/\/reseller$/);
  await expect(p2.locator('html')).toHaveAttribute('lang', 'my');
  expect(await myanmarFontLoaded(p2)).toBe(true);
  await other.close();
});
