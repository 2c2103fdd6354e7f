import { expect, test } from '@playwright/test';
// The client portal's SMPP section (issue 17): credentials shown once, IP ranges with per-field errors, the
// active connections of an SMPP client that binds with them, and what it submits in the message log.
import { ESME, gsm7, TestEsme } from '../tests/helpers/smpp-client';
import { DEMO, expectNoHorizontalOverflow, signIn, unique } from './helpers';

test('a client creates SMPP credentials, restricts addresses, sees its bind and the message it submitted', async ({ browser, request }) => {
  test.setTimeout(90_000);
  const reseller = (await (await request.post('/api/reseller/auth/login', { data: DEMO.reseller })).json()).token as string;
  const email = `smpp-${unique()}@example.com`;
  const created = await request.post('/api/reseller/clients', {
    headers: { authorization: `Bearer ${reseller}` },
    data: { name: 'SMPP Shop', email, password: 'smpp-pass-1' },
  });
  expect(created.status()).toBe(201);
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email, 'smpp-pass-1', /\/client/);
  await page.getByRole('navigation').getByRole('link', { name: 'SMPP', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'SMPP', exact: true })).toBeVisible();
  await expect(page.getByTestId('smpp-system-id')).toHaveText('Not issued yet');

  await page.getByTestId('smpp-issue').click();
  const password = (await page.getByTestId('smpp-password').textContent()) ?? '';
  const systemId = (await page.getByTestId('smpp-system-id').textContent()) ?? '';
  expect(password).toMatch(/^[A-Za-z2-9]{8}$/);
  expect(systemId).toMatch(/^[A-Z2-9]{1,15}$/);
  const port = Number(await page.getByTestId('smpp-port').textContent());
  expect(port).toBeGreaterThan(0);
  // Shown once: after a reload only the system_id remains.
  await page.reload();
  await expect(page.getByTestId('smpp-password')).toHaveCount(0);
  await expect(page.getByTestId('smpp-system-id')).toHaveText(systemId);

  const ips = page.getByTestId('smpp-ip-form');
  await ips.getByLabel('Addresses or ranges, one per line').fill('203.0.113.0/24\nnot-an-address');
  await ips.getByRole('button', { name: 'Save addresses' }).click();
  await expect(ips.getByRole('alert').last()).toContainText('"not-an-address" is not an IP address');
  await ips.getByLabel('Addresses or ranges, one per line').fill('203.0.113.0/24\n127.0.0.1');
  await ips.getByRole('button', { name: 'Save addresses' }).click();
  await expect(ips.getByRole('status')).toContainText('203.0.113.0/24, 127.0.0.1/32');

  // Software binds with what the page showed.
  const esme = await TestEsme.open(port);
  expect((await esme.bind(systemId, password)).status).toBe(ESME.ROK);
  const sent = await esme.submit({ dest: '959420000977', message: gsm7('Hello over SMPP from the shop') });
  expect(sent.status).toBe(ESME.ROK);
  await page.reload();
  const binds = page.getByTestId('smpp-binds');
  await expect(binds).toContainText('transceiver');
  await expect(binds).toContainText('127.0.0.1');
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoHorizontalOverflow(page);
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.goto('/client/messages');
  await expect(page.getByTitle('Hello over SMPP from the shop')).toBeVisible();

  await esme.unbind();
  await page.goto('/client/smpp');
  await expect(page.getByText('Nothing connected')).toBeVisible();
  await context.close();
});
