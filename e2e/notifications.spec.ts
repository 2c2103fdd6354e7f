import { expect, type Page, test } from '@playwright/test';
import { adminToken, bearer, newReseller } from './api';
import { signIn } from './helpers';

// The bell and the notifications page (issue 16, docs/notifications.md): an event the admin causes reaches
// the reseller's bell; the reseller reads it in its own language, marks it read, and its channel choices stay.
// A fresh reseller holding more than the low-credit threshold (100,000 MMK), so the scan raises nothing else.

async function chooseBurmese(page: Page): Promise<void> {
  await page.getByTestId('language-switcher').locator('select').selectOption('my');
  await expect(page.locator('html')).toHaveAttribute('lang', 'my');
}

test('credit added by the admin: the bell counts it, the reseller reads it in Burmese and marks it read', async ({ browser, request }) => {
  const r = await newReseller(request, 150_000, 'nt');
  const ctx = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await ctx.newPage();
  await signIn(page, r.email, r.password, /\/reseller/);
  await chooseBurmese(page);

  // The admin tops up the reseller's credit: that is the event the reseller hears.
  const admin = await adminToken(request);
  // The credit the reseller was created with was one notice already.
  await expect(page.getByTestId('bell-count')).toHaveText('1');
  const before = 1;
  const res = await request.post(`/api/admin/resellers/${r.id}/credit`, {
    headers: bearer(admin),
    data: { amount: 50_000, method: 'cash' },
  });
  expect(res.status(), await res.text()).toBe(201);
  await page.reload();
  await expect(page.getByTestId('bell-count')).toHaveText(String(before + 1));

  await page.getByTestId('bell').click();
  await expect(page).toHaveURL(/\/reseller\/notifications$/);
  const unread = page.locator('[data-testid^="notification-"][data-unread="true"]');
  // Newest first: the top-up just made, in Burmese (no English title left).
  const notice = unread.first();
  await expect(notice).toContainText('ခရက်ဒစ် ထည့်ပြီး');
  await expect(notice).toContainText('50,000');
  await expect(notice).not.toContainText('Credit added');

  // Mark every unread notice read, one by one (the creation credit raised one too): the count disappears.
  const total = await unread.count();
  expect(total).toBe(before + 1);
  for (let i = 0; i < total; i++) {
    await unread.first().getByRole('button').click();
    await expect(unread).toHaveCount(total - i - 1);
  }
  await expect(page.getByTestId('bell-count')).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('bell-count')).toHaveCount(0);
  await expect(page.locator('[data-testid^="notification-"][data-unread="false"]').first()).toContainText('ခရက်ဒစ် ထည့်ပြီး');
  await ctx.close();
});

test('a channel choice is kept after a reload', async ({ browser, request }) => {
  const r = await newReseller(request, 150_000, 'nc');
  const ctx = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await ctx.newPage();
  await signIn(page, r.email, r.password, /\/reseller/);
  // The choices sit on the account page; the notifications page leads there.
  await page.goto('/reseller/notifications');
  await page.getByTestId('channels-link').click();
  await expect(page).toHaveURL(/\/reseller\/account$/);
  await expect(page.getByTestId('channel-choices')).toBeVisible();
  const email = page.locator('input[name="credit_added:email"]');
  const inApp = page.locator('input[name="credit_added:in_app"]');
  await expect(email).toBeChecked();
  await expect(inApp).toBeChecked();
  await email.uncheck();
  await Promise.all([
    page.waitForResponse((x) => x.request().method() === 'POST' && x.url().includes('/reseller/account')),
    page.getByTestId('save-channels').click(),
  ]);
  await page.reload();
  await expect(email).not.toBeChecked();
  await expect(inApp).toBeChecked();
  // And back on again.
  await email.check();
  await Promise.all([
    page.waitForResponse((x) => x.request().method() === 'POST' && x.url().includes('/reseller/account')),
    page.getByTestId('save-channels').click(),
  ]);
  await page.reload();
  await expect(email).toBeChecked();
  await ctx.close();
});

test('the reseller sets its low-credit threshold and from-name on the branding page', async ({ browser, request }) => {
  const r = await newReseller(request, 150_000, 'ns');
  const ctx = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await ctx.newPage();
  await signIn(page, r.email, r.password, /\/reseller/);
  await page.goto('/reseller/branding');
  const form = page.getByTestId('notice-settings-form');
  await expect(form.locator('input[name="low_credit_threshold"]')).toHaveValue('100000');
  await form.locator('input[name="low_credit_threshold"]').fill('250000');
  await form.locator('input[name="mail_from_name"]').fill('Shop Team');
  await form.getByRole('button', { name: 'Save notice settings' }).click();
  await expect(form).toContainText('Notice settings saved.');
  await page.reload();
  await expect(form.locator('input[name="low_credit_threshold"]')).toHaveValue('250000');
  await expect(form.locator('input[name="mail_from_name"]')).toHaveValue('Shop Team');
  // Another reseller's client is not a sender it may pick.
  await form.locator('input[name="sms_sender_client_id"]').fill('999999999');
  await form.getByRole('button', { name: 'Save notice settings' }).click();
  await expect(form).toContainText('Not one of your client accounts.');
  await ctx.close();
});
