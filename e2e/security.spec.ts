// Security in a real browser (issue 6 §3): the nonce CSP lets the app's own scripts run and blocks injected
// ones; the session cookie is httpOnly and SameSite=Lax; a server action replayed from another origin is
// refused and changes nothing; a password change signs the account's other browsers out.
import { expect, type Page, test } from '@playwright/test';
import { DEMO, signIn, unique } from './helpers';

/** Records every CSP violation the page reports, from before its first script runs. */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
}

/** A fresh reseller with credit (so specs do not change the demo accounts others rely on). */
async function freshReseller(request: import('@playwright/test').APIRequestContext) {
  const admin = (await (await request.post('/api/admin/auth/login', { data: DEMO.admin })).json()).token as string;
  const id = unique();
  const r = { email: `sec-${id}@example.com`, password: 'reseller-pass-1' };
  const made = await request.post('/api/admin/resellers', {
    headers: { authorization: `Bearer ${admin}` },
    data: {
      partner_type: 'own_plans',
      name: `Sec ${id}`,
      email: r.email,
      phone: '+95 9 123 456 789',
      password: r.password,
      subdomain: `sec${id}`,
    },
  });
  expect(made.status()).toBe(201);
  return r;
}

test('the app runs under the nonce CSP and injected scripts or handlers do not', async ({ page }) => {
  const violations = await watchCsp(page);
  await signIn(page, DEMO.client.email, DEMO.client.password, /\/client$/);
  // What a stored XSS that slipped past escaping would look like: the server's HTML with an attacker's
  // inline script in it (the answer, and its CSP header, otherwise untouched).
  await page.route('**/client/send', async (route) => {
    const res = await route.fetch();
    const html = (await res.text()).replace(/<body[^>]*>/, (tag) => `${tag}<script>window.__pwnedScript = true</script>`);
    await route.fulfill({ response: res, body: html });
  });
  const res = await page.goto('/client/send');
  const csp = res?.headers()['content-security-policy'] ?? '';
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'(;|$)/);
  // React hydrated under the policy: the live SMS counter (client-side only) follows the typing.
  await page.getByLabel('Message').fill('မင်္ဂလာပါ');
  await expect(page.getByTestId('sms-counter')).toContainText('Unicode');
  await page.getByLabel('Message').fill('hello');
  await expect(page.getByTestId('sms-counter')).toContainText('GSM-7');
  expect(await violations()).toEqual(['script-src-elem inline']);

  // Injected markup with an inline event handler does not run either.
  await page.evaluate(() => {
    const box = document.createElement('div');
    box.innerHTML = '<img src="data:," onerror="window.__pwnedHandler = true">';
    document.body.appendChild(box);
  });
  await expect.poll(violations).toEqual(['script-src-elem inline', 'script-src-attr inline']);
  const ran = await page.evaluate(() => {
    const w = window as unknown as { __pwnedScript?: boolean; __pwnedHandler?: boolean };
    return [w.__pwnedScript ?? false, w.__pwnedHandler ?? false];
  });
  expect(ran).toEqual([false, false]);
});

test('the session cookie is httpOnly and SameSite=Lax, invisible to page scripts', async ({ browser }) => {
  const ctx = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await ctx.newPage();
  await signIn(page, DEMO.client.email, DEMO.client.password, /\/client$/);
  const session = (await ctx.cookies()).find((c) => /authjs\.session-token$/.test(c.name));
  expect(session, 'session cookie').toBeDefined();
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
  // Plain http on localhost: Auth.js marks the cookie Secure (with the __Secure- prefix) behind HTTPS.
  expect(await page.evaluate(() => document.cookie)).not.toContain('session-token');
  await ctx.close();
});

test('a server action replayed from another origin is refused and changes nothing', async ({ browser, request }) => {
  const r = await freshReseller(request);
  const ctx = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await ctx.newPage();
  await signIn(page, r.email, r.password, /\/reseller$/);
  await page.goto('/reseller/api');

  // Capture the browser's own server-action request for "create API key".
  const sent = page.waitForRequest((q) => q.method() === 'POST' && Boolean(q.headers()['next-action']));
  await page.getByLabel('Key name').fill('first key');
  await page.getByRole('button', { name: 'Create key' }).click();
  const action = await sent;
  await expect(page.getByTestId('new-api-key')).toBeVisible();
  const keys = async () =>
    (await (await ctx.request.get('/reseller/api')).text()).match(/data-testid="api-keys"[\s\S]*/)?.[0].match(/<li /g)?.length ?? 0;
  expect(await keys()).toBe(1);

  const replay = (origin: string, name: string) =>
    ctx.request.fetch(action.url(), {
      method: 'POST',
      headers: { ...action.headers(), origin },
      data: (action.postData() ?? '').replace('first key', name),
    });
  // From another site (what a CSRF form or fetch would send): refused, no key made.
  const foreign = await replay('http://evil.example', 'evil key');
  expect(foreign.ok()).toBe(false);
  expect(await keys()).toBe(1);
  // The same request from our own origin goes through: the refusal was the origin check.
  const own = await replay(new URL(page.url()).origin, 'second key');
  expect(own.ok()).toBe(true);
  expect(await keys()).toBe(2);
  await ctx.close();
});

test('changing the password signs the other browsers out and keeps this one in', async ({ browser, request }) => {
  const r = await freshReseller(request);
  const token = (await (await request.post('/api/reseller/auth/login', { data: r })).json()).token as string;
  const c = { email: `pw-${unique()}@example.com`, password: 'first-pass-1' };
  expect(
    (
      await request.post('/api/reseller/clients', {
        headers: { authorization: `Bearer ${token}` },
        data: { name: 'Password Changer', ...c },
      })
    ).status(),
  ).toBe(201);

  const fresh = () => browser.newContext({ storageState: { cookies: [], origins: [] } });
  const [ctxA, ctxB] = await Promise.all([fresh(), fresh()]);
  const [a, b] = await Promise.all([ctxA.newPage(), ctxB.newPage()]);
  await signIn(a, c.email, c.password, /\/client$/);
  await signIn(b, c.email, c.password, /\/client$/);

  await a.goto('/client/account');
  const form = a.getByTestId('change-password-form');
  await form.getByLabel('Current password').fill(c.password);
  await form.getByLabel(/^New password/).fill('second-pass-2');
  await form.getByLabel('Confirm new password').fill('second-pass-2');
  await form.getByRole('button', { name: 'Change password' }).click();
  await expect(a.getByTestId('password-changed')).toContainText('Other devices and browsers have been signed out.');

  // The other browser is out on its next request; this one stays in.
  await b.goto('/client');
  await expect(b).toHaveURL(/\/login/);
  await a.goto('/client');
  await expect(a).toHaveURL(/\/client$/);
  await ctxA.close();
  await ctxB.close();
});

test('a reseller changes its own password on its account page: a wrong current one is refused, the new one signs in', async ({
  browser,
  request,
}) => {
  const r = await freshReseller(request);
  const ctx = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await ctx.newPage();
  await signIn(page, r.email, r.password, /\/reseller/);
  await page.goto('/reseller/account');
  const form = page.getByTestId('change-password-form');
  await form.getByLabel('Current password').fill('not-my-password');
  await form.getByLabel(/^New password/).fill('reseller-next-2');
  await form.getByLabel('Confirm new password').fill('reseller-next-2');
  await form.getByRole('button', { name: 'Change password' }).click();
  await expect(form.getByRole('alert').first()).toBeVisible();
  await expect(page.getByTestId('password-changed')).toHaveCount(0);
  await form.getByLabel('Current password').fill(r.password);
  await form.getByLabel(/^New password/).fill('reseller-next-2');
  await form.getByLabel('Confirm new password').fill('reseller-next-2');
  await form.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByTestId('password-changed')).toContainText('Other devices and browsers have been signed out.');
  await expect(page).toHaveURL(/\/reseller\/account/);
  // The old password no longer opens the API, the new one does.
  expect((await request.post('/api/reseller/auth/login', { data: r })).status()).toBe(401);
  expect((await request.post('/api/reseller/auth/login', { data: { email: r.email, password: 'reseller-next-2' } })).status()).toBe(200);
  await ctx.close();
});
