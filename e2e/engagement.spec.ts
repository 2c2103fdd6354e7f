import { expect, test } from '@playwright/test';
// Opt-out and the inbox with the simulated phone (issue 14): an SMS the phone receives shows as a
// conversation, a reply from the inbox reaches the phone, a STOP reply blocks the next send.
import { runDevice } from '../scripts/lib/device-sim-core.mjs';
import { DEMO, signIn, unique } from './helpers';

test('a reply from the inbox reaches the phone; a STOP reply blocks the next send', async ({ browser, request, baseURL }) => {
  test.setTimeout(120_000);
  const admin = (await (await request.post('/api/admin/auth/login', { data: DEMO.admin })).json()).token as string;
  const reseller = (await (await request.post('/api/reseller/auth/login', { data: DEMO.reseller })).json()).token as string;
  const code = `inbox_${unique()}`;
  const pkg = await (
    await request.post('/api/admin/packages', {
      headers: { authorization: `Bearer ${admin}` },
      data: { code, name: `Inbox ${code}`, price: 1_000, daily_limit: 50, period_limit: 500, device_limit: 1 },
    })
  ).json();
  const email = `inbox-${unique()}@example.com`;
  const rh = { authorization: `Bearer ${reseller}` };
  const client = await (
    await request.post('/api/reseller/clients', { headers: rh, data: { name: 'Inbox Owner', email, password: 'inbox-pass-1' } })
  ).json();
  expect((await request.post(`/api/reseller/clients/${client.id}/activate`, { headers: rh, data: { package_type: code } })).status()).toBe(
    201,
  );
  await request.patch(`/api/admin/packages/${pkg.id}`, { headers: { authorization: `Bearer ${admin}` }, data: { active: false } });

  const ctx = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await ctx.newPage();
  await signIn(page, email, 'inbox-pass-1', /\/client$/);
  let device: Awaited<ReturnType<typeof runDevice>> | undefined;
  const customer = '+959420000888';
  try {
    await page.goto('/client/devices');
    await page.getByTestId('issue-password').click();
    const password = (await page.getByTestId('gateway-password').textContent())?.trim() ?? '';
    const login = (await page.getByTestId('gateway-login').textContent())?.trim() ?? '';
    device = await runDevice({ url: baseURL, login, password, name: 'Inbox phone', delayMs: 100, log: () => {} });
    const phone = device;
    const hook = phone.webhooks.find((w) => w.event === 'sms:received');
    expect(hook, 'the phone is told where to post received SMS').toBeTruthy();
    /** The phone receives an SMS and posts it, as the app does. */
    const receive = async (message: string) => {
      const res = await request.post(hook?.url ?? '', {
        data: {
          id: unique(),
          event: 'sms:received',
          deviceId: phone.deviceId,
          payload: { phoneNumber: customer, message, receivedAt: new Date().toISOString() },
        },
      });
      expect(res.status()).toBe(204);
    };

    await test.step('a received SMS is a conversation with one unread; the reply reaches the phone', async () => {
      await receive('Is the shop open today?');
      await page.goto('/client/inbox');
      const row = page.getByTestId(`thread-${customer}`);
      await expect(row).toContainText('Is the shop open today?');
      await expect(row).toContainText('1 unread');
      await row.getByTestId('thread-link').click();
      await expect(page.getByTestId('conversation')).toContainText('Is the shop open today?');
      await page.getByLabel('Reply').fill('Yes, until 9 pm.');
      await page.getByTestId('inbox-reply').getByRole('button', { name: 'Send reply' }).click();
      await expect(page.getByTestId('inbox-reply')).toContainText('Reply queued.');
      await expect
        .poll(() => [...phone.processed.values()].some((m) => m.recipients.some((r) => r.phoneNumber === customer)), { timeout: 20_000 })
        .toBe(true);
      await page.goto('/client/inbox');
      await expect(page.getByTestId(`thread-${customer}`)).not.toContainText('unread');
    });

    await test.step('STOP from the customer puts it on the blocklist; the next send skips it', async () => {
      await receive('STOP');
      await page.goto('/client/blocklist');
      await expect(page.getByTestId(`blocked-${customer}`)).toContainText('Replied with a stop word');
      await page.goto('/client/send');
      await page.getByLabel('Recipients').fill(`${customer}\n+959420000889`);
      await page.getByLabel('Message').fill('Weekend promo!');
      await page.getByTestId('send-submit').click();
      await expect(page.getByTestId('send-result')).toContainText('Queued 1 message');
      await expect(page.getByTestId('send-skipped')).toContainText('1 number skipped');
    });

    await test.step('the reseller sees the received SMS and the opt-out on the client page', async () => {
      const counts = await (await request.get(`/api/reseller/clients/${client.id}/keywords`, { headers: rh })).json();
      expect(counts).toMatchObject({ inbound: 2, opted_out: 1 });
    });
  } finally {
    await device?.stop();
    await ctx.close();
  }
});
