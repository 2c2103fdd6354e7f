// Issue 10 items 3, 4, 9 and 10 in the browser: a payment reference credited twice and a large top-up each
// need a second confirm (what was credited is read back from the ledger); a submit's messages belong to that
// submit; a price below cost saves only after its warning; the ledger names the client.
import { expect, test } from '@playwright/test';
import { bearer, creditBalance, ledger, newClient, newReseller } from './api';
import { AUTH_STATE, signIn, unique } from './helpers';

test.describe('admin top-ups', () => {
  test.use({ storageState: AUTH_STATE.admin });

  test('a reference credited before and a large amount each ask for a confirm; messages belong to their submit', async ({
    page,
    request,
  }) => {
    const r = await newReseller(request, 0, 'tp');
    await page.goto(`/admin/resellers/${r.id}`);
    const topup = page.getByTestId('topup-form');
    const ref = `KBZ-${unique()}`;
    const fill = async (amount: string) => {
      await topup.getByLabel('Amount (MMK)').fill(amount);
      await topup.getByLabel('Payment method').selectOption({ label: 'KBZPay' });
      await topup.getByLabel('Payment reference').fill(ref);
    };

    await fill('5000');
    await topup.getByRole('button', { name: 'Apply' }).click();
    await expect(topup.getByRole('status')).toHaveText('Added 5,000 MMK. New balance: 5,000 MMK.');

    await test.step('the same payment again: refused, naming the earlier entry, until confirmed', async () => {
      await fill('5000');
      await topup.getByRole('button', { name: 'Apply' }).click();
      await expect(topup.getByRole('alert').first()).toContainText(
        `Payment reference “${ref}” (KBZPay) was already credited: ledger entry #`,
      );
      expect(await creditBalance(request, r)).toBe(5000);
      await topup.getByTestId('confirm-step').click();
      await expect(topup.getByRole('status')).toHaveText('Added 5,000 MMK. New balance: 10,000 MMK.');
      expect((await ledger(request, r)).filter((e) => e.kind === 'topup' && e.reference === ref)).toHaveLength(2);
    });

    await test.step('a top-up above 1,000,000 MMK asks first', async () => {
      await topup.getByLabel('Amount (MMK)').fill('1500000');
      await topup.getByLabel('Payment reference').fill(`${ref}-big`);
      await topup.getByRole('button', { name: 'Apply' }).click();
      await expect(topup.getByTestId('confirm-step')).toHaveText('Yes, add 1,500,000 MMK');
      expect(await creditBalance(request, r)).toBe(10_000);
      await topup.getByTestId('confirm-step').click();
      await expect(topup.getByRole('status')).toHaveText('Added 1,500,000 MMK. New balance: 1,510,000 MMK.');
      expect(await creditBalance(request, r)).toBe(1_510_000);
    });

    await test.step('a deduction clears the stale top-up message; a fixed field loses its error', async () => {
      const adjust = page.getByTestId('adjust-form');
      await adjust.getByLabel('Amount to deduct (MMK)').fill('10000');
      await adjust.getByRole('button', { name: 'Deduct' }).click();
      await expect(adjust.getByText('An adjustment needs a reason.').first()).toBeVisible();
      await expect(topup.getByRole('status')).toHaveCount(0);
      await adjust.getByLabel('Reason').fill('bank fee');
      await expect(adjust.getByText('An adjustment needs a reason.')).toHaveCount(0);
      await adjust.getByRole('button', { name: 'Deduct' }).click();
      await expect(adjust.getByRole('status')).toHaveText('Deducted 10,000 MMK. New balance: 1,500,000 MMK.');
      await expect(topup.getByRole('status')).toHaveCount(0);
    });
  });
});

test('pricing below cost shows a warning and saves only when confirmed; the ledger names the client', async ({ browser, request }) => {
  const r = await newReseller(request, 100_000, 'pr');
  const client = await newClient(request, r, 'Ledger Shop');
  await request.post(`/api/reseller/clients/${client.id}/activate`, { headers: bearer(r.token), data: { package_type: 'starter_pro' } });
  const ctx = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await ctx.newPage();
  await signIn(page, r.email, r.password, /\/reseller$/);

  await page.goto('/reseller/pricing');
  const row = page.getByTestId('price-row-starter_pro');
  await row.getByLabel('Sell at (MMK)').fill('45000');
  await expect(page.getByTestId('below-cost-starter_pro')).toContainText(
    'Below your cost of 50,000 MMK: you lose 5,000 MMK on every sale.',
  );
  await row.getByRole('button', { name: 'Save' }).click();
  await expect(row.getByRole('alert').filter({ hasText: 'Confirm to sell at a loss' }).first()).toBeVisible();
  expect(
    (await (await request.get('/api/reseller/packages', { headers: bearer(r.token) })).json()).data.find(
      (p: { package_type: string }) => p.package_type === 'starter_pro',
    ).retail_price,
  ).toBe(50_000);
  await row.getByLabel('Sell below cost anyway').check();
  await row.getByRole('button', { name: 'Save' }).click();
  await expect(row.getByRole('status')).toContainText('45,000 MMK');

  await page.goto('/reseller/credit');
  const link = page.getByTestId('ledger-table').getByRole('link', { name: client.name });
  await expect(link.first()).toBeVisible();
  await link.first().click();
  await expect(page).toHaveURL(new RegExp(`/reseller/clients/${client.id}$`));
  await ctx.close();
});
