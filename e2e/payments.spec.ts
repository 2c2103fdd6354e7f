import { expect, type Locator, test } from '@playwright/test';
import QRCode from 'qrcode';
import { bearer, newReseller } from './api';
import { AUTH_STATE, signIn, unique } from './helpers';

// Local payments (docs/payments.md): the admin publishes a KBZPay account with its QR code; a reseller's
// "Request credit" page shows it, and its request carries a payment slip that the admin sees beside approve.

/** The image really loaded (our route answered an image the browser could decode). */
async function expectLoadedImage(img: Locator) {
  await expect(img).toBeVisible();
  await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
}

test('a credit request shows the admin KBZPay account and carries a slip the admin sees beside approve', async ({ browser, request }) => {
  test.setTimeout(120_000);
  const id = unique();
  const number = `09 7${id.slice(-8)}`;
  const qr = await QRCode.toBuffer(`kbzpay:${number}`);
  const slip = await QRCode.toBuffer(`slip ${id}`, { color: { dark: '#003366' } });

  const admin = await browser.newContext({ storageState: AUTH_STATE.admin });
  const adminPage = await admin.newPage();
  await test.step('the admin adds a KBZPay account with a QR code', async () => {
    await adminPage.goto('/admin/payment-accounts');
    const form = adminPage.getByTestId('new-payment-account');
    await form.getByLabel('Method').selectOption('kbzpay');
    await form.getByLabel('Account name').fill(`Platform ${id}`);
    await form.getByLabel('Account or phone number').fill(number);
    await form.getByLabel('QR code').setInputFiles({ name: 'qr.png', mimeType: 'image/png', buffer: qr });
    await expect(form.getByTestId('new-qr-preview')).toBeVisible();
    await form.getByTestId('new-payment-account-submit').click();
    await expect(form.getByRole('status')).toContainText('Payment account added');
    await expect(adminPage.getByTestId('payment-account-admin-list')).toContainText(number);
  });

  const r = await newReseller(request, 0, 'pay');
  const ctx = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await ctx.newPage();
  await signIn(page, r.email, r.password, /\/reseller$/);
  await test.step('the reseller sees where to pay, with the QR code, and files a request with the slip', async () => {
    await page.goto('/reseller/credit');
    const where = page.getByTestId('platform-payment-accounts').locator('li', { hasText: number });
    await expect(where).toContainText('KBZPay');
    await expect(where).toContainText(`Platform ${id}`);
    await expectLoadedImage(where.getByTestId('payment-account-qr'));
    const form = page.getByTestId('request-credit-form');
    await form.getByRole('radio', { name: new RegExp(number) }).check();
    await form.getByLabel('Amount (MMK)').fill('250000');
    await form.getByLabel('Transaction id').fill(`KBZ-TX-${id}`);
    await form.getByLabel('Payment slip').setInputFiles({ name: 'slip.png', mimeType: 'image/png', buffer: slip });
    await expect(form.getByTestId('slip-input-preview')).toBeVisible();
    await form.getByTestId('request-credit-submit').click();
    await expect(form.getByRole('status')).toContainText('sent');
    await expect(page.getByTestId('my-topups')).toContainText('250,000');
  });

  const filed = await request.get('/api/reseller/topup-requests', { headers: bearer(r.token) });
  const t = (await filed.json()).data[0] as {
    id: number;
    method: string;
    reference: string;
    slip_image_id: number;
    payment_account: { account_number: string };
  };
  expect(t).toMatchObject({ method: 'kbzpay', reference: `KBZ-TX-${id}`, payment_account: { account_number: number } });
  expect(t.slip_image_id).toEqual(expect.any(Number));

  await test.step('the admin sees the slip beside approve and reject', async () => {
    await adminPage.goto(`/admin/topups?reseller_id=${r.id}`);
    const row = adminPage.getByTestId(`topup-row-${t.id}`);
    await expect(row).toContainText(`KBZ-TX-${id}`);
    await expect(row.getByTestId('topup-paid-into')).toContainText(number);
    await expectLoadedImage(row.getByTestId(`topup-slip-${t.id}`).locator('img'));
    await expect(row.getByRole('button', { name: 'Approve' })).toBeVisible();
    await expect(row.getByRole('button', { name: 'Reject' })).toBeVisible();
    // The slip's bytes are the uploaded file, served as an image to the admin only.
    const res = await adminPage.request.get(`/admin/images/${t.slip_image_id}`);
    expect(res.headers()['content-type']).toBe('image/png');
    expect(res.headers()['x-content-type-options']).toBe('nosniff');
    expect(Buffer.from(await res.body()).equals(slip)).toBe(true);
    const other = await newReseller(request, 0, 'nosy');
    expect((await request.get(`/api/reseller/images/${t.slip_image_id}`, { headers: bearer(other.token) })).status()).toBe(404);
  });
  await ctx.close();
  await admin.close();
});

test("a reseller's own account and its Viber/Telegram contacts reach its expired client as a QR code and links", async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const id = unique();
  const number = `09 6${id.slice(-8)}`;
  const r = await newReseller(request, 0, 'own');
  const ctx = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await ctx.newPage();
  await signIn(page, r.email, r.password, /\/reseller$/);
  await test.step('the reseller adds its WavePay account with a QR code on its Payment accounts page', async () => {
    await page.goto('/reseller/payment-accounts');
    const form = page.getByTestId('new-payment-account');
    await form.getByLabel('Method').selectOption('wavepay');
    await form.getByLabel('Account name').fill(`Shop owner ${id}`);
    await form.getByLabel('Account or phone number').fill(number);
    await form.getByLabel('QR code').setInputFiles({ name: 'qr.png', mimeType: 'image/png', buffer: await QRCode.toBuffer(number) });
    await form.getByTestId('new-payment-account-submit').click();
    await expect(form.getByRole('status')).toContainText('Payment account added');
  });
  await test.step('and its Viber and Telegram contacts on the Branding page', async () => {
    await page.goto('/reseller/branding');
    await page.getByLabel('Viber number').fill('09 420 000 777');
    await page.getByLabel('Telegram username').fill(`https://t.me/own_${id}`);
    await page.getByRole('button', { name: 'Save branding' }).click();
    await expect(page.getByRole('status').first()).toBeVisible();
  });
  const made = await request.post('/api/reseller/clients', {
    headers: bearer(r.token),
    data: { name: `Expired ${id}`, email: `exp-${id}@example.com`, password: 'client-pass-1', trial_days: 0 },
  });
  expect(made.status(), await made.text()).toBe(201);
  const cctx = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const cpage = await cctx.newPage();
  await signIn(cpage, `exp-${id}@example.com`, 'client-pass-1', /\/client$/);
  await test.step('the expired client sees where to pay and how to reach its reseller', async () => {
    await expect(cpage.getByTestId('expired-screen')).toBeVisible();
    const acct = cpage.getByTestId('reseller-payment-accounts').locator('li', { hasText: number });
    await expect(acct).toContainText('WavePay');
    await expectLoadedImage(acct.getByTestId('payment-account-qr'));
    await expect(cpage.getByTestId('support-viber')).toHaveAttribute('href', 'viber://chat?number=%2B959420000777');
    await expect(cpage.getByTestId('support-telegram')).toHaveAttribute('href', `https://t.me/own_${id}`);
  });
  await cctx.close();
  await ctx.close();
});
