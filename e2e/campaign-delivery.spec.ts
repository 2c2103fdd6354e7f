import { expect, test } from '@playwright/test';
// A campaign delivered through the simulated phone (issue 14): built from a group with a template, its page
// shows the progress reaching delivered; a STOP reply from one recipient blocks that number, and the next
// campaign to the same group reports it as skipped (opted out) and never hands it to the phone.
import { runDevice } from '../scripts/lib/device-sim-core.mjs';
import { bearer } from './api';
import { DEMO, signIn, unique } from './helpers';

test('a campaign reaches delivered through the phone; after a STOP the next campaign skips that number', async ({
  browser,
  request,
  baseURL,
}) => {
  test.setTimeout(150_000);
  const admin = (await (await request.post('/api/admin/auth/login', { data: DEMO.admin })).json()).token as string;
  const reseller = (await (await request.post('/api/reseller/auth/login', { data: DEMO.reseller })).json()).token as string;
  const code = `camp_${unique()}`;
  const pkg = await (
    await request.post('/api/admin/packages', {
      headers: bearer(admin),
      data: { code, name: `Campaign ${code}`, price: 1_000, daily_limit: 50, period_limit: 500, device_limit: 1 },
    })
  ).json();
  const email = `camp-${unique()}@example.com`;
  const rh = bearer(reseller);
  const client = await (
    await request.post('/api/reseller/clients', { headers: rh, data: { name: 'Campaign Owner', email, password: 'camp-pass-1' } })
  ).json();
  expect((await request.post(`/api/reseller/clients/${client.id}/activate`, { headers: rh, data: { package_type: code } })).status()).toBe(
    201,
  );
  // Off sale again, so other specs see the usual catalog.
  await request.patch(`/api/admin/packages/${pkg.id}`, { headers: bearer(admin), data: { active: false } });

  const token = (await (await request.post('/api/v1/auth/login', { data: { email, password: 'camp-pass-1' } })).json()).token as string;
  const g = await (await request.post('/api/v1/groups', { headers: bearer(token), data: { name: 'Regulars' } })).json();
  const mya = '+959420000911';
  const aye = '+959420000912';
  for (const [phone, name] of [
    ['09 420 000 911', 'Mya'],
    ['09 420 000 912', 'Aye'],
  ]) {
    const res = await request.post('/api/v1/contacts', { headers: bearer(token), data: { phone, name, groups: [g.id] } });
    expect(res.status(), await res.text()).toBe(201);
  }
  const tpl = await request.post('/api/v1/templates', {
    headers: bearer(token),
    data: { name: 'Promo', text: 'Hi {{name}}, 10% off today!' },
  });
  expect(tpl.status(), await tpl.text()).toBe(201);

  const ctx = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await ctx.newPage();
  await signIn(page, email, 'camp-pass-1', /\/client$/);
  let device: Awaited<ReturnType<typeof runDevice>> | undefined;
  try {
    await page.goto('/client/devices');
    await page.getByTestId('issue-password').click();
    const password = (await page.getByTestId('gateway-password').textContent())?.trim() ?? '';
    const login = (await page.getByTestId('gateway-login').textContent())?.trim() ?? '';
    device = await runDevice({ url: baseURL, login, password, name: 'Campaign phone', delayMs: 100, log: () => {} });
    const phone = device;
    /** Every number the phone was handed so far. */
    const handed = () => [...phone.processed.values()].flatMap((m) => m.recipients.map((r) => r.phoneNumber));

    const build = async (name: string) => {
      await page.goto('/client/campaigns/new');
      const b = page.getByTestId('campaign-builder');
      await b.getByLabel('Campaign name').fill(name);
      await page.getByTestId(`cb-group-${g.id}`).check();
      await page.getByTestId('cb-use-template').check();
      await expect(page.getByTestId('cb-preview-text')).toContainText('10% off today!');
      await b.getByRole('button', { name: 'Send campaign' }).click();
      await expect(page).toHaveURL(/\/client\/campaigns\/\d+$/);
    };

    await test.step('the campaign is delivered through the phone and its page shows it', async () => {
      await build('Promo one');
      // The page refreshes itself while the campaign is sending.
      await expect(page.getByTestId('count-delivered')).toContainText('2', { timeout: 30_000 });
      await expect(page.getByTestId('count-queued')).toContainText('0');
      await expect(page.getByTestId('count-failed')).toContainText('0');
      await expect(page.getByTestId('campaign-recipients')).toContainText('Hi Mya, 10% off today!');
      expect(handed().sort()).toEqual([mya, aye].sort());
    });

    await test.step('a STOP reply from one recipient blocks its number', async () => {
      const hook = phone.webhooks.find((w) => w.event === 'sms:received');
      expect(hook, 'the phone is told where to post received SMS').toBeTruthy();
      const res = await request.post(hook?.url ?? '', {
        data: {
          id: unique(),
          event: 'sms:received',
          deviceId: phone.deviceId,
          payload: { phoneNumber: mya, message: 'STOP', receivedAt: new Date().toISOString() },
        },
      });
      expect(res.status()).toBe(204);
      await page.goto('/client/blocklist');
      await expect(page.getByTestId(`blocked-${mya}`)).toContainText('Replied with a stop word');
    });

    await test.step('the next campaign to the group skips the opted-out number and sends only to the other', async () => {
      const before = handed().length;
      await build('Promo two');
      await expect(page.getByTestId('count-delivered')).toContainText('1', { timeout: 30_000 });
      await expect(page.getByTestId('count-skipped')).toContainText('1');
      await expect(page.getByRole('main')).toContainText('1 opted out');
      await expect(page.getByTestId('campaign-recipients')).toContainText('Hi Aye, 10% off today!');
      await expect(page.getByTestId('campaign-recipients')).not.toContainText('Hi Mya');
      // Only Aye was handed to the phone this time.
      expect(handed().slice(before)).toEqual([aye]);
      const list = await (await request.get('/api/v1/campaigns', { headers: bearer(token) })).json();
      const two = (list.data as { name: string; id: number }[]).find((c) => c.name === 'Promo two');
      const detail = await (await request.get(`/api/v1/campaigns/${two?.id}`, { headers: bearer(token) })).json();
      expect(detail).toMatchObject({ recipients: 1, skipped: { opted_out: 1 }, counts: { delivered: 1 } });
    });
  } finally {
    await device?.stop();
    await ctx.close();
  }
});
