import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { DEMO, signIn, submitLogin, unique } from './helpers';

// A reseller's business from its portal: retail prices, a client through activate → renew → switch,
// credit to the client, a top-up request, profit, and a branded subdomain that admits only its clients.

test('reseller runs its business: prices, activation, renewal, switch with refund, transfer, top-up, profit, branded sign-in', async ({
  browser,
  request,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const admin = (await (await request.post('/api/admin/auth/login', { data: DEMO.admin })).json()).token as string;
  const id = unique();
  const r = { email: `biz-${id}@example.com`, password: 'reseller-pass-1', name: `Biz ${id}` };
  const made = await request.post('/api/admin/resellers', {
    headers: { authorization: `Bearer ${admin}` },
    data: {
      partner_type: 'own_plans',
      name: r.name,
      email: r.email,
      phone: '+95 9 123 456 789',
      password: r.password,
      subdomain: `biz${id}`,
    },
  });
  expect(made.status()).toBe(201);
  const resellerId = (await made.json()).id as number;
  await request.post(`/api/admin/resellers/${resellerId}/credit`, {
    headers: { authorization: `Bearer ${admin}` },
    data: { amount: 1_000_000, method: 'bank_transfer' },
  });

  const ctx = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await ctx.newPage();
  await signIn(page, r.email, r.password, /\/reseller$/);
  const client = { email: `shop-${id}@example.com`, password: 'shop-pass-1', name: `Shop ${id}` };

  await test.step('sets a retail price and sees the profit per sale', async () => {
    await page.goto('/reseller/pricing');
    const row = page.getByTestId('price-row-starter_pro');
    await row.getByLabel('Sell at (MMK)').fill('80000');
    await row.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByTestId('profit-starter_pro')).toContainText('30,000');
  });

  await test.step('creates a client, activates, renews, and switches with a refund', async () => {
    await page.goto('/reseller/clients/new');
    const form = page.getByTestId('create-client-form');
    await form.getByLabel('Contact name').fill(client.name);
    await form.getByLabel('Login email').fill(client.email);
    await form.getByLabel('Password (min 6)').fill(client.password);
    await form.getByRole('button', { name: 'Create client' }).click();
    await expect(page).toHaveURL(/\/reseller\/clients\/\d+/);
    await expect(page.getByTestId('client-status')).toContainText('trial');

    const panel = page.getByTestId('activation-form');
    await panel.getByRole('radio', { name: /Starter Pro/ }).check();
    await page.getByTestId('activate-submit').click();
    await expect(page.getByTestId('activation-result')).toContainText('activated');
    await expect(page.getByTestId('client-status')).toContainText('active');

    // The panel now opens on the current package: the default is a renewal.
    await expect(panel.getByRole('radio', { name: /Starter Pro/ })).toBeChecked();
    await expect(page.getByTestId('activation-preview')).toContainText('Renewal');
    await page.getByTestId('activate-submit').click();
    await expect(page.getByTestId('activation-result')).toContainText('renewed');

    await panel.getByRole('radio', { name: /Business Elite/ }).check();
    await expect(page.getByTestId('activation-preview')).toContainText('Refund');
    await page.getByTestId('activate-submit').click();
    await expect(page.getByTestId('activation-result')).toContainText('Refunded');
    await expect(page.getByTestId('subscription-history')).toContainText('refunded');
  });

  await test.step('gives the client 10,000 MMK of credit', async () => {
    const t = page.getByTestId('transfer-form');
    await t.getByLabel('Amount (MMK)').fill('10000');
    await t.getByRole('button', { name: 'Transfer' }).click();
    await expect(page.getByTestId('client-credit')).toContainText('10,000 MMK');
  });

  await test.step('files a top-up request', async () => {
    await page.goto('/reseller/credit');
    await page.getByLabel('Amount (MMK)').fill('200000');
    // Paid into the platform's KBZPay account (the demo data publishes one: docs/payments.md).
    await page
      .getByRole('radio', { name: /KBZPay/ })
      .first()
      .check();
    await page.getByLabel('Transaction id').fill(`KBZ-${id}`);
    await page.getByRole('button', { name: 'Send request' }).click();
    await expect(page.getByTestId('my-topups')).toContainText('pending');
    await expect(page.getByTestId('my-topups')).toContainText('200,000');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('ledger-csv').click()]);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv).toContain('balance_after');
    expect(csv.split('\r\n').filter((l) => l.includes(',activation,'))).toHaveLength(3);
  });

  await test.step("sees this month's profit from the two Starter Pro sales", async () => {
    await page.goto('/reseller/pricing');
    await expect(page.getByTestId('profit-report')).toContainText('Starter Pro');
    await expect(page.getByTestId('profit-report')).toContainText('60,000');
  });

  const sub = `br${id}`;
  await test.step('sets a subdomain and brand', async () => {
    await page.goto('/reseller/branding');
    await page.getByLabel('Login subdomain').fill(sub);
    await page.getByLabel('Brand name').fill(`Brand ${id}`);
    await page.getByRole('button', { name: 'Save branding' }).click();
    await expect(page.getByTestId('login-url')).toContainText(`${sub}.`);
    await expect(page.getByRole('main').getByText(/^Branding saved\./)).toBeVisible();
  });
  await ctx.close();

  const port = new URL(baseURL ?? 'http://localhost:3100').port;
  const branded = `http://${sub}.localhost:${port}`;
  await test.step('its client signs in at <sub>.localhost and sees the brand', async () => {
    const c = await browser.newContext({ storageState: { cookies: [], origins: [] }, baseURL: branded });
    const p = await c.newPage();
    await p.goto('/login');
    await expect(p.getByTestId('login-brand')).toContainText(`Brand ${id}`);
    await submitLogin(p, client.email, client.password);
    await expect(p).toHaveURL(/\/client$/);
    await expect(p.getByTestId('shell-brand')).toHaveText(`Brand ${id}`);
    await c.close();
  });

  await test.step("another reseller's client is refused there", async () => {
    const c = await browser.newContext({ storageState: { cookies: [], origins: [] }, baseURL: branded });
    const p = await c.newPage();
    await submitLogin(p, DEMO.client.email, DEMO.client.password);
    await expect(p.getByRole('main').getByRole('alert')).toContainText(`This sign-in page is for Brand ${id}'s clients; sign in at`);
    await expect(p).toHaveURL(/\/login/);
    await c.close();
  });
});
