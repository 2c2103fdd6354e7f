// Issue 10 items 1-2, at desktop and at 390 px (projects "chromium" and "phone"): the package panel opens on
// the client's current package, its radio group, preview and button agree after every submit, what is
// charged is exactly what the preview showed (read back from the ledger), a price that changed in between
// is refused instead of charged, and a switch over queued renewals lists each refund line first.
import { expect, type Locator, type Page, test } from '@playwright/test';
import { adminToken, bearer, clientPackage, creditBalance, ledger, newClient, newReseller } from './api';
import { expectNoHorizontalOverflow, signIn } from './helpers';

test.use({ storageState: { cookies: [], origins: [] } });

const money = (n: number) => `${n.toLocaleString('en-US')} MMK`;

/** The checked radio, the preview's package and the button all name the same package. */
async function expectPanelAgrees(panel: Locator, label: string, kind: 'renewal' | 'switch' | 'activation') {
  await expect(panel.getByRole('radio', { checked: true })).toHaveCount(1);
  await expect(panel.getByRole('radio', { name: new RegExp(label.replace(/[()]/g, '\\$&')) })).toBeChecked();
  await expect(panel.getByTestId('preview-package')).toHaveText(label);
  await expect(panel.getByTestId('activate-submit')).toHaveText(`Confirm ${kind}: ${label}`);
}

async function openClient(page: Page, email: string, password: string, clientId: number) {
  await signIn(page, email, password, /\/reseller$/);
  await page.goto(`/reseller/clients/${clientId}`);
  return page.getByTestId('activation-form');
}

test('the panel renews the current package, charges exactly the preview, and refuses a changed price', async ({ page, request }) => {
  test.setTimeout(120_000);
  const r = await newReseller(request, 1_000_000, 'pp');
  const priced = await request.put('/api/reseller/pricing', {
    headers: bearer(r.token),
    data: { package_type: 'business_elite', retail_price: 130_000, display_name: 'Gold Plan' },
  });
  expect(priced.status(), await priced.text()).toBe(200);
  const client = await newClient(request, r);
  const first = await request.post(`/api/reseller/clients/${client.id}/activate`, {
    headers: bearer(r.token),
    data: { package_type: 'business_elite' },
  });
  expect(first.status()).toBe(201);
  const label = 'Gold Plan (Business Elite)';

  const panel = await openClient(page, r.email, r.password, client.id);
  await test.step('opens on the current package, marked current, with the display name beside the platform name', async () => {
    await expectPanelAgrees(panel, label, 'renewal');
    await expect(panel.getByTestId('package-option-business_elite')).toContainText('current');
    await expect(panel.getByTestId('preview-cost')).toHaveText(money(100_000));
    await expectNoHorizontalOverflow(page);
  });

  await test.step('two renewals in a row: each charges Business Elite, the client never leaves it', async () => {
    for (const balance of [800_000, 700_000]) {
      await panel.getByTestId('activate-submit').click();
      await expect(page.getByTestId('activation-result')).toContainText('Business Elite renewed', { timeout: 15_000 });
      await expect(page.getByTestId('activation-result')).toContainText(`Balance now ${money(balance)}`);
      await expectPanelAgrees(panel, label, 'renewal');
      expect(await creditBalance(request, r)).toBe(balance);
      const [last] = await ledger(request, r);
      expect(last).toMatchObject({ kind: 'activation', amount: -100_000, reference: 'business_elite', client_id: client.id });
      expect(await clientPackage(request, r, client.id)).toBe('business_elite');
    }
    expect((await ledger(request, r)).filter((e) => e.kind === 'refund')).toEqual([]);
  });

  await test.step('a price changed after the preview is refused, nothing is charged, and the panel shows the new price', async () => {
    const admin = await adminToken(request);
    const { data: list } = (await (await request.get('/api/admin/packages', { headers: bearer(admin) })).json()) as {
      data: { id: number; package_type: string }[];
    };
    const be = list.find((p) => p.package_type === 'business_elite');
    expect(be).toBeTruthy();
    const patch = (price: number) => request.patch(`/api/admin/packages/${be?.id}`, { headers: bearer(admin), data: { price } });
    expect((await patch(110_000)).status()).toBe(200);
    try {
      await panel.getByTestId('activate-submit').click();
      await expect(page.getByTestId('activation-result')).toContainText('The price changed since the preview');
      expect(await creditBalance(request, r)).toBe(700_000);
      await expectPanelAgrees(panel, label, 'renewal');
      await expect(panel.getByTestId('preview-cost')).toHaveText(money(110_000));
      await panel.getByTestId('activate-submit').click();
      await expect(page.getByTestId('activation-result')).toContainText('Charged 110,000 MMK');
      expect(await creditBalance(request, r)).toBe(590_000);
    } finally {
      expect((await patch(100_000)).status()).toBe(200);
    }
  });
});

test('a switch over queued renewals lists every refund line and refunds exactly them', async ({ page, request }) => {
  test.setTimeout(120_000);
  const r = await newReseller(request, 1_000_000, 'sw');
  const client = await newClient(request, r);
  for (let i = 0; i < 3; i++) {
    const res = await request.post(`/api/reseller/clients/${client.id}/activate`, {
      headers: bearer(r.token),
      data: { package_type: 'business_elite' },
    });
    expect(res.status()).toBe(201);
  }
  expect(await creditBalance(request, r)).toBe(700_000);

  const panel = await openClient(page, r.email, r.password, client.id);
  await panel.getByRole('radio', { name: /Starter Pro/ }).check();
  await expectPanelAgrees(panel, 'Starter Pro', 'switch');
  const lines = panel.getByTestId('preview-refund-line');
  await expect(lines).toHaveCount(3);
  await expect(lines.nth(0)).toContainText(/unused days? of Business Elite/);
  await expect(lines.nth(1)).toContainText('queued Business Elite');
  await expect(lines.nth(2)).toContainText('in full');
  await expect(panel.getByTestId('preview-refund-total')).toContainText(/\+2\d\d,\d{3} MMK/);
  const after = (await panel.getByTestId('preview-balance-after').textContent()) ?? '';
  await expectNoHorizontalOverflow(page);

  await panel.getByTestId('activate-submit').click();
  await expect(page.getByTestId('activation-result')).toContainText('Starter Pro activated');
  // What the preview said the balance would be is what it is.
  expect(money(await creditBalance(request, r))).toBe(after.trim());
  const refunds = (await ledger(request, r)).filter((e) => e.kind === 'refund');
  expect(refunds).toHaveLength(3);
  expect(refunds.filter((e) => e.amount === 100_000)).toHaveLength(2);
  expect(await clientPackage(request, r, client.id)).toBe('starter_pro');
  await expectPanelAgrees(panel, 'Starter Pro', 'renewal');

  const history = page.getByTestId('subscription-history');
  await expect(history.getByTestId('subscription-cancelled')).toHaveCount(3);
  await expect(history.getByTestId('subscription-cancelled').first()).toContainText(/cancelled — refunded [\d,]+ MMK/);
  await expect(history).toContainText('queued for');
});
