// The foundation flow end to end: the admin creates a reseller and sells it credit; the reseller creates a
// client and activates a package for it, paying from that credit.
import { expect, test } from '@playwright/test';
import { DEMO, signIn, unique } from './helpers';

test('admin creates and tops up a reseller, who creates a client and activates Starter Pro', async ({ page, browser }) => {
  const id = unique();
  const reseller = {
    name: `E2E Reseller ${id}`,
    email: `e2e-reseller-${id}@example.com`,
    password: 'e2e-reseller-pass',
    subdomain: `e2e${id}`,
  };
  const client = { name: `E2E Client ${id}`, email: `e2e-client-${id}@example.com` };

  await test.step('admin signs in and opens the new-reseller form', async () => {
    await signIn(page, DEMO.admin.email, DEMO.admin.password, /\/admin$/);
    await page.getByRole('navigation').getByRole('link', { name: 'Resellers', exact: true }).click();
    await expect(page.getByTestId('resellers-table')).toContainText('Demo Reseller');
    await page.getByRole('main').getByRole('link', { name: 'New reseller' }).click();
    await expect(page).toHaveURL(/\/admin\/resellers\/new$/);
  });

  const form = page.getByTestId('create-reseller-form');
  const fillReseller = async (subdomain: string) => {
    await form.getByLabel('Partner type').selectOption('own_plans');
    await form.getByLabel('Company / brand name').fill(reseller.name);
    await form.getByLabel('Login email').fill(reseller.email);
    await form.getByLabel('Phone (with country code)').fill('+95 9 123 456 789');
    await form.getByLabel('Login subdomain').fill(subdomain);
    await form.getByLabel(/^Password/).fill(reseller.password);
    await form.getByLabel('Confirm password').fill(reseller.password);
    await form.getByLabel('Contact person').fill('E2E Contact');
  };

  await test.step('a taken subdomain is refused under the subdomain field', async () => {
    await fillReseller('demo');
    await form.getByRole('button', { name: 'Create reseller' }).click();
    const subdomainInput = form.getByLabel('Login subdomain');
    await expect(subdomainInput).toHaveAttribute('aria-invalid', 'true');
    await expect(subdomainInput).toHaveAccessibleDescription('This subdomain is already taken.');
    await expect(form.locator('#subdomain-error')).toHaveText('This subdomain is already taken.');
    await expect(form.locator('#subdomain-error')).toHaveRole('alert');
    // Only the subdomain was wrong; what the admin typed elsewhere is kept.
    await expect(form.getByLabel('Login email')).toHaveValue(reseller.email);
    await expect(page).toHaveURL(/\/admin\/resellers\/new$/);
  });

  await test.step('a free subdomain creates the reseller and opens its page', async () => {
    await fillReseller(reseller.subdomain);
    await form.getByRole('button', { name: 'Create reseller' }).click();
    await expect(page).toHaveURL(/\/admin\/resellers\/\d+\?created=1$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(reseller.name);
    await expect(page.getByRole('status').filter({ hasText: 'Reseller created.' })).toBeVisible();
    await expect(page.getByTestId('reseller-credit-balance')).toHaveText('0 MMK');
  });

  await test.step('admin tops the reseller up with 500,000 MMK paid by KBZPay', async () => {
    const topup = page.getByTestId('topup-form');
    await topup.getByLabel('Amount (MMK)').fill('500000');
    await topup.getByLabel('Payment method').selectOption({ label: 'KBZPay' });
    await topup.getByLabel('Payment reference').fill(`KBZ-${id}`);
    await topup.getByLabel('Note / reason').fill('E2E top-up');
    await topup.getByRole('button', { name: 'Apply' }).click();
    await expect(topup.getByRole('status')).toHaveText('Added 500,000 MMK. New balance: 500,000 MMK.');
    await expect(page.getByTestId('reseller-credit-balance')).toHaveText('500,000 MMK');
    const ledgerRow = page
      .getByTestId('ledger-table')
      .getByRole('row')
      .filter({ hasText: `KBZ-${id}` });
    await expect(ledgerRow).toContainText('+500,000 MMK');
    await expect(ledgerRow).toContainText('Top-up');
  });

  // The reseller works in its own browser: no cookies shared with the admin.
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const rpage = await context.newPage();
  try {
    await test.step('the reseller signs in and sees its credit', async () => {
      await signIn(rpage, reseller.email, reseller.password, /\/reseller$/);
      await expect(rpage.getByTestId('credit-balance')).toHaveText('500,000 MMK');
      await expect(rpage.getByText('No clients yet.')).toBeVisible();
    });

    await test.step('the reseller creates a client, who starts on a trial', async () => {
      await rpage.getByRole('main').getByRole('link', { name: 'New client' }).click();
      const cform = rpage.getByTestId('create-client-form');
      await cform.getByLabel('Contact name').fill(client.name);
      await cform.getByLabel('Account / company name').fill('E2E Shop');
      await cform.getByLabel('Login email').fill(client.email);
      await cform.getByLabel('Password (min 6)').fill('e2e-client-pass');
      await cform.getByLabel('Mobile (with country code)').fill('+95 9 420 000 999');
      await cform.getByRole('button', { name: 'Create client' }).click();
      await expect(rpage).toHaveURL(/\/reseller\/clients\/\d+\?created=1$/);
      await expect(rpage.getByRole('heading', { level: 1 })).toHaveText(client.name);
      await expect(rpage.getByTestId('client-status')).toHaveText('trial');
      await expect(rpage.getByText(/Client created with a free trial until/)).toBeVisible();
    });

    await test.step('choosing Starter Pro previews its cost and the balance after', async () => {
      const activation = rpage.getByTestId('activation-form');
      await activation.getByRole('radio', { name: /Starter Pro/ }).check();
      await expect(activation.getByRole('radio', { name: /Starter Pro/ })).toBeChecked();
      await expect(activation.getByTestId('activation-preview')).toBeVisible();
      await expect(activation.getByTestId('preview-cost')).toHaveText('50,000 MMK');
      await expect(activation.getByTestId('preview-balance-after')).toHaveText('450,000 MMK');
      await expect(activation.getByTestId('activate-submit')).toHaveText('Confirm activation: Starter Pro');
    });

    await test.step('confirming activates the package and charges the reseller', async () => {
      await rpage.getByTestId('activate-submit').click();
      const result = rpage.getByTestId('activation-result');
      await expect(result).toHaveRole('status');
      await expect(result).toContainText('Starter Pro activated');
      await expect(result).toContainText('Charged 50,000 MMK.');
      await expect(result).toContainText('Balance now 450,000 MMK.');
      await expect(rpage.getByTestId('client-status')).toHaveText('active');
      await expect(rpage.getByTestId('credit-balance')).toHaveText('450,000 MMK');
    });

    await test.step('the clients list shows the client active on Starter Pro', async () => {
      await rpage.getByRole('navigation').getByRole('link', { name: 'Clients', exact: true }).click();
      await expect(rpage).toHaveURL(/\/reseller\/clients$/);
      const row = rpage.getByTestId('clients-table').getByRole('row').filter({ hasText: client.email });
      await expect(row).toContainText('active');
      await expect(row).toContainText('Starter Pro');
      await expect(rpage.getByTestId('credit-balance')).toHaveText('450,000 MMK');
    });
  } finally {
    await context.close();
  }
});
