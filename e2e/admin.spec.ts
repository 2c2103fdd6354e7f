import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { AUTH_STATE, DEMO, submitLogin, unique } from './helpers';

// The admin portal's daily work: status toggle, top-up requests, package edits, delete, audit log.
// Setup that is not under test goes through the APIs; every decision under test is clicked in the UI.

test.use({ storageState: AUTH_STATE.admin });

async function token(request: APIRequestContext, path: string, email: string, password: string): Promise<string> {
  const res = await request.post(path, { data: { email, password } });
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()).token as string;
}

async function newReseller(request: APIRequestContext, admin: string, credit = 0) {
  const id = unique();
  const body = {
    partner_type: 'own_plans',
    name: `Audit Co ${id}`,
    email: `audit-${id}@example.com`,
    phone: '+95 9 123 456 789',
    password: 'reseller-pass-1',
    subdomain: `aud${id}`,
  };
  const res = await request.post('/api/admin/resellers', { headers: { authorization: `Bearer ${admin}` }, data: body });
  expect(res.status(), await res.text()).toBe(201);
  const reseller = await res.json();
  if (credit) {
    const c = await request.post(`/api/admin/resellers/${reseller.id}/credit`, {
      headers: { authorization: `Bearer ${admin}` },
      data: { amount: credit, method: 'cash' },
    });
    expect(c.status()).toBe(201);
  }
  return { id: reseller.id as number, name: body.name, email: body.email, password: body.password };
}

async function auditShows(page: Page, action: string, targetId: string | number) {
  await page.goto(`/admin/audit?action=${encodeURIComponent(action)}&target_id=${targetId}`);
  await expect(page.getByTestId('audit-table')).toContainText(action);
}

test('status toggle, top-up decisions, package price, delete, and the audit trail of each', async ({ page, request, browser }) => {
  const admin = await token(request, '/api/admin/auth/login', DEMO.admin.email, DEMO.admin.password);
  const r = await newReseller(request, admin);

  await test.step('the status switch suspends a reseller at once: it can no longer sign in', async () => {
    await page.goto(`/admin/resellers?search=${encodeURIComponent(r.email)}`);
    const sw = page.getByTestId(`status-switch-${r.id}`);
    await expect(sw).toHaveAttribute('aria-checked', 'true');
    await sw.click();
    await expect(sw).toHaveAttribute('aria-checked', 'false');
    const other = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const p2 = await other.newPage();
    await submitLogin(p2, r.email, r.password);
    await expect(p2.getByRole('main').getByRole('alert')).toContainText('suspended');
    await sw.click();
    await expect(sw).toHaveAttribute('aria-checked', 'true');
    await submitLogin(p2, r.email, r.password);
    await expect(p2).toHaveURL(/\/reseller/);
    await other.close();
  });

  const reseller = await token(request, '/api/reseller/auth/login', r.email, r.password);
  const file = async (amount: number, reference: string) => {
    const res = await request.post('/api/reseller/topup-requests', {
      headers: { authorization: `Bearer ${reseller}` },
      data: { amount, method: 'kbzpay', reference },
    });
    expect(res.status()).toBe(201);
    return (await res.json()).id as number;
  };
  const approveId = await file(300_000, `KBZ-A-${r.id}`);
  const rejectId = await file(900_000, `KBZ-R-${r.id}`);

  await test.step('one request approved (credit added), another rejected with a reason', async () => {
    await page.goto('/admin/topups');
    const a = page.getByTestId(`topup-row-${approveId}`);
    await a.getByRole('button', { name: 'Approve' }).click();
    await expect(page.getByRole('main')).toContainText(`Request #${approveId} approved`);
    const rej = page.getByTestId(`topup-row-${rejectId}`);
    await rej.getByLabel('Note or rejection reason').fill('No payment received');
    await rej.getByRole('button', { name: 'Reject' }).click();
    await expect(page.getByRole('main')).toContainText(`Request #${rejectId} rejected`);
    const profile = await (await request.get('/api/reseller/profile', { headers: { authorization: `Bearer ${reseller}` } })).json();
    expect(profile.credit_balance).toBe(300_000);
  });

  await test.step('a package price edit leaves the subscription already sold at its price', async () => {
    const code = `e2e_${unique()}`;
    const made = await request.post('/api/admin/packages', {
      headers: { authorization: `Bearer ${admin}` },
      data: { code, name: `E2E ${code}`, price: 20_000, daily_limit: 10, period_limit: 100, device_limit: 1 },
    });
    expect(made.status(), await made.text()).toBe(201);
    const pkg = await made.json();
    const client = await (
      await request.post('/api/reseller/clients', {
        headers: { authorization: `Bearer ${reseller}` },
        data: { name: 'Price Keeper', email: `keeper-${unique()}@example.com`, password: 'secret1' },
      })
    ).json();
    const act = await request.post(`/api/reseller/clients/${client.id}/activate`, {
      headers: { authorization: `Bearer ${reseller}` },
      data: { package_type: code },
    });
    expect(act.status()).toBe(201);

    await page.goto(`/admin/packages/${pkg.id}`);
    await page.getByLabel('Price (MMK)').fill('25000');
    await page.getByRole('button', { name: 'Save package' }).click();
    await expect(page.getByRole('main').getByText(/^Saved\./)).toBeVisible();
    await page.goto('/admin/packages');
    await expect(page.getByRole('main')).toContainText('25,000 MMK');

    const catalog = await (await request.get('/api/reseller/packages', { headers: { authorization: `Bearer ${reseller}` } })).json();
    expect(catalog.data.find((p: { package_type: string }) => p.package_type === code).price).toBe(25_000);
    const ledger = await (
      await request.get('/api/reseller/ledger?kind=activation', { headers: { authorization: `Bearer ${reseller}` } })
    ).json();
    expect(ledger.data[0].amount).toBe(-20_000);
    const disable = await request.patch(`/api/admin/packages/${pkg.id}`, {
      headers: { authorization: `Bearer ${admin}` },
      data: { active: false },
    });
    expect(disable.status()).toBe(200);
    await auditShows(page, 'package.update', code);
  });

  await test.step('delete is refused while the reseller has credit, then allowed', async () => {
    const d = await newReseller(request, admin, 1_000);
    await page.goto(`/admin/resellers/${d.id}`);
    await page.getByTestId('delete-reseller').click();
    await page.getByLabel(/to confirm/).fill(d.name);
    await page.getByRole('button', { name: 'Delete reseller' }).click();
    await expect(page.getByTestId('delete-refusal')).toContainText('credit balance is 1,000 MMK');
    const adj = await request.post(`/api/admin/resellers/${d.id}/credit`, {
      headers: { authorization: `Bearer ${admin}` },
      data: { amount: -1_000, note: 'closing the account' },
    });
    expect(adj.status()).toBe(201);
    await page.reload();
    await page.getByTestId('delete-reseller').click();
    await page.getByLabel(/to confirm/).fill(d.name);
    await page.getByRole('button', { name: 'Delete reseller' }).click();
    await expect(page).toHaveURL(/\/admin\/resellers(\?|$)/);
    await page.goto(`/admin/resellers?search=${encodeURIComponent(d.name)}`);
    await expect(page.getByRole('main')).not.toContainText(d.email);
    await auditShows(page, 'reseller.delete', d.id);
  });

  await test.step('settings show the rate-limit watch', async () => {
    await page.goto('/admin/settings');
    await expect(page.getByRole('heading', { name: 'Rate limits (last 15 minutes)' })).toBeVisible();
  });

  await test.step('the audit log shows the suspension and both decisions', async () => {
    await auditShows(page, 'reseller.suspend', r.id);
    await auditShows(page, 'topup_request.approve', approveId);
    await auditShows(page, 'topup_request.reject', rejectId);
  });
});
