import { expect, test } from '@playwright/test';
import { smtpPort } from '../playwright.config';
// The simulated Android phone (scripts/lib/device-sim-core.mjs) is the platform's notice phone here.
import { runDevice } from '../scripts/lib/device-sim-core.mjs';
import { startSmtp } from '../tests/helpers/smtp';
import { adminToken, bearer, newClient, newReseller } from './api';
import { AUTH_STATE, signIn } from './helpers';

// "Forgot password?" end to end (issue 16): the e-mail reaches a real SMTP server started here (the app's
// SMTP_URL points at it, playwright.config.ts); the SMS code reaches the simulated phone.
let smtp: Awaited<ReturnType<typeof startSmtp>>;
test.beforeAll(async () => {
  smtp = await startSmtp({ port: smtpPort });
});
test.afterAll(async () => {
  await smtp?.stop();
});

test('by e-mail: the link sets a new password and signs the other browsers out', async ({ browser, request }) => {
  const r = await newReseller(request, 0, 'fp');
  // Another browser is signed in to this account.
  const other = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const otherPage = await other.newPage();
  await signIn(otherPage, r.email, r.password, /\/reseller/);

  const ctx = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await ctx.newPage();
  await page.goto('/login');
  await page.getByTestId('forgot-link').click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await page.getByLabel('Email').fill(r.email);
  await page.getByTestId('forgot-submit').click();
  await expect(page.getByTestId('forgot-answer')).toContainText('If an account with this e-mail exists');

  const mail = await smtp.waitFor(r.email, () => true, 30_000);
  expect(mail.subject).toContain('Reset your');
  const link = /(http:\/\/\S+\/reset-password\?token=[\w-]+)/.exec(mail.text)?.[1] ?? '';
  expect(link).not.toBe('');
  await page.goto(link);
  await page.getByLabel('New password').fill('reset-by-mail-1');
  await page.getByTestId('reset-submit').click();
  await expect(page).toHaveURL(/\/login\?reset=1/);
  await expect(page.getByTestId('reset-done')).toBeVisible();
  await signIn(page, r.email, 'reset-by-mail-1', /\/reseller/);

  // The other browser's session ended with the reset.
  await otherPage.goto('/reseller');
  await expect(otherPage).toHaveURL(/\/login/);
  // The link was for one use.
  const again = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const p2 = await again.newPage();
  await p2.goto(link);
  await p2.getByLabel('New password').fill('second-use-pass');
  await p2.getByTestId('reset-submit').click();
  await expect(p2.getByTestId('reset-error')).toContainText('not valid any more');
  // An unknown e-mail gets exactly the same answer.
  await p2.goto('/forgot-password');
  await p2.getByLabel('Email').fill(`nobody-${Date.now()}@example.com`);
  await p2.getByTestId('forgot-submit').click();
  await expect(p2.getByTestId('forgot-answer')).toContainText('If an account with this e-mail exists');
  await Promise.all([other.close(), ctx.close(), again.close()]);
});

test('by SMS: the code reaches the phone of the account through the platform notice phone', async ({ browser, request, baseURL }) => {
  test.setTimeout(120_000);
  const admin = await adminToken(request);
  // The platform's notice phone: a client account whose paired phone sends notices and codes.
  const owner = await newReseller(request, 0, 'np');
  const sender = await newClient(request, owner, 'Notices');
  const senderCtx = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const senderPage = await senderCtx.newPage();
  await signIn(senderPage, sender.email, sender.password, /\/client$/);
  await senderPage.goto('/client/devices');
  await senderPage.getByTestId('issue-password').click();
  const password = (await senderPage.getByTestId('gateway-password').textContent())?.trim() ?? '';
  const login = (await senderPage.getByTestId('gateway-login').textContent())?.trim() ?? '';
  const device = await runDevice({ url: baseURL, login, password, name: 'Notice phone', delayMs: 50, log: () => {} });
  // The admin picks that account on the settings page; a number that is no account is refused and changes nothing.
  const adminCtx = await browser.newContext({ storageState: AUTH_STATE.admin });
  const adminPage = await adminCtx.newPage();
  await adminPage.goto('/admin/settings');
  const form = adminPage.getByTestId('settings-form');
  await form.getByLabel('SMS notices sent from client account (ID)').fill('2147483000');
  await form.getByRole('button', { name: 'Save settings' }).click();
  await expect(form.locator('#notice_sms_client_id-error')).toHaveText('No client account with this id.');
  await form.getByLabel('SMS notices sent from client account (ID)').fill(String(sender.id));
  await form.getByRole('button', { name: 'Save settings' }).click();
  await expect(form.getByRole('status')).toContainText('Settings saved');
  await adminPage.reload();
  await expect(adminPage.getByTestId('mail-status')).toContainText(`client account #${sender.id}`);
  await adminCtx.close();
  try {
    const r = await newReseller(request, 0, 'sm');
    const target = await newClient(request, r, 'Forgetful');
    const ctx = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const page = await ctx.newPage();
    await page.goto('/forgot-password');
    await page.getByLabel('Email').fill(target.email);
    await page.getByLabel('a code by SMS').check();
    await page.getByTestId('forgot-submit').click();
    await expect(page.getByTestId('forgot-answer')).toContainText('If an account with this e-mail exists');
    let code = '';
    await expect
      .poll(
        () => {
          for (const m of device.processed.values()) {
            const hit = m.recipients.some((x) => x.phoneNumber === '+959420000115') && /reset code is (\d{6})/.exec(m.text ?? '');
            if (hit) code = hit[1];
          }
          return code;
        },
        { timeout: 30_000 },
      )
      .toMatch(/^\d{6}$/);
    await page.getByTestId('have-code').click();
    await expect(page).toHaveURL(/\/reset-password\?email=/);
    await expect(page.getByLabel('Email')).toHaveValue(target.email);
    await page.getByLabel(/^Code/).fill(code);
    await page.getByLabel('New password').fill('reset-by-sms-1');
    await page.getByTestId('reset-submit').click();
    await expect(page).toHaveURL(/\/login\?reset=1/);
    await signIn(page, target.email, 'reset-by-sms-1', /\/client/);
    await ctx.close();
  } finally {
    await request.patch('/api/admin/settings', { headers: bearer(admin), data: { notice_sms_client_id: 0 } });
    await device.stop();
    await senderCtx.close();
  }
});
