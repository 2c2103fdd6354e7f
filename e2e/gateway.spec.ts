import { expect, test } from '@playwright/test';
// The simulated Android phone, run in-process: it registers through the mobile API, listens on SSE,
// pulls, "sends" and reports states, exactly as `npm run device:sim` does.
import { runDevice } from '../scripts/lib/device-sim-core.mjs';
import { DEMO, signIn, unique } from './helpers';

test('a client pairs a phone, sends an SMS, watches it reach delivered, and hits the daily limit', async ({
  browser,
  request,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const admin = (await (await request.post('/api/admin/auth/login', { data: DEMO.admin })).json()).token as string;
  const reseller = (await (await request.post('/api/reseller/auth/login', { data: DEMO.reseller })).json()).token as string;
  // A package with a daily limit of 2, so the limit is reached in three sends.
  const code = `tiny_${unique()}`;
  const pkg = await (
    await request.post('/api/admin/packages', {
      headers: { authorization: `Bearer ${admin}` },
      data: { code, name: `Tiny ${code}`, price: 1_000, daily_limit: 2, period_limit: 10, device_limit: 1 },
    })
  ).json();
  const email = `phone-${unique()}@example.com`;
  const client = await (
    await request.post('/api/reseller/clients', {
      headers: { authorization: `Bearer ${reseller}` },
      data: { name: 'Phone Owner', email, password: 'phone-pass-1' },
    })
  ).json();
  expect(
    (
      await request.post(`/api/reseller/clients/${client.id}/activate`, {
        headers: { authorization: `Bearer ${reseller}` },
        data: { package_type: code },
      })
    ).status(),
  ).toBe(201);
  // Off sale again, so other specs see the usual catalog.
  await request.patch(`/api/admin/packages/${pkg.id}`, { headers: { authorization: `Bearer ${admin}` }, data: { active: false } });

  const ctx = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await ctx.newPage();
  await signIn(page, email, 'phone-pass-1', /\/client$/);
  let device: Awaited<ReturnType<typeof runDevice>> | undefined;
  try {
    await test.step('the send page warns while the client has no phone (issue 15 item 11)', async () => {
      await page.goto('/client/send');
      await expect(page.getByTestId('no-device-warning')).toBeVisible();
    });

    await test.step('pairs the simulated phone with the gateway login and password', async () => {
      await page.goto('/client/devices');
      await page.getByTestId('issue-password').click();
      const password = (await page.getByTestId('gateway-password').textContent())?.trim() ?? '';
      const login = (await page.getByTestId('gateway-login').textContent())?.trim() ?? '';
      expect(login).toMatch(/^[A-Z0-9]{6}$/);
      expect(password.length).toBeGreaterThanOrEqual(14);
      device = await runDevice({ url: baseURL, login, password, name: 'E2E phone', delayMs: 100, log: () => {} });
      await page.reload();
      await expect(page.getByTestId(`device-row-${device.deviceId}`)).toContainText('E2E phone');
      await expect(page.getByTestId('device-limit')).toHaveText('1 of 1 device');
    });

    const send = async (to: string) => {
      await page.goto('/client/send');
      await page.getByLabel('Recipients').fill(to);
      await page.getByLabel('Message').fill('မင်္ဂလာပါ — your order is ready');
      await expect(page.getByTestId('sms-counter')).toContainText('Unicode');
      await page.getByTestId('send-submit').click();
    };

    await test.step('sends an SMS and watches it reach delivered', async () => {
      await page.goto('/client/send');
      await expect(page.getByTestId('no-device-warning')).toHaveCount(0);
      await send('+959420000777');
      await expect(page.getByTestId('send-result')).toContainText('Queued 1 message');
      await page.goto('/client/messages');
      const state = page.locator('[data-testid^="message-state-"]').first();
      await expect(state).toHaveAttribute('data-state', 'delivered', { timeout: 20_000 });
    });

    await test.step('the third SMS of the day is refused with a clear message', async () => {
      await send('+959420000778');
      await expect(page.getByTestId('send-result')).toBeVisible();
      await send('+959420000779');
      await expect(page.getByRole('main')).toContainText('Daily limit reached: 2 of 2 SMS used today.');
    });
  } finally {
    await device?.stop();
    await ctx.close();
  }
});
