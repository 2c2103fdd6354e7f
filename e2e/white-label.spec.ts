// Issue 10 items 6-8, at desktop and at 390 px (projects "chromium" and "phone"): a reseller signing in on its
// own subdomain lands in its portal under its brand; anyone else is told whose page it is; on a brand host
// titles, the favicon and the 404 page name the brand, never the platform; there is a favicon everywhere;
// sign-out ends the session on the server, so a cookie copied before it opens nothing.
import { type Browser, expect, test } from '@playwright/test';
import { bearer, newClient, newReseller } from './api';
import { DEMO, submitLogin } from './helpers';

test.use({ storageState: { cookies: [], origins: [] } });

const PLATFORM = 'SMS Reseller Platform';
// A 1×1 PNG: the brand's logo, and so its favicon.
const LOGO = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

async function brandedReseller(request: Parameters<typeof newReseller>[0]) {
  const r = await newReseller(request, 0, 'wl');
  const brand = `Shwe Brand ${r.subdomain.slice(2)}`;
  const res = await request.patch('/api/reseller/branding', { headers: bearer(r.token), data: { brand_name: brand, logo_url: LOGO } });
  expect(res.status(), await res.text()).toBe(200);
  return { ...r, brand };
}

const hostOf = (baseURL: string | undefined, sub: string) => `http://${sub}.localhost:${new URL(baseURL ?? 'http://localhost:3100').port}`;

async function contextAt(browser: Browser, baseURL: string, project: { use: { viewport?: { width: number; height: number } | null } }) {
  return browser.newContext({ storageState: { cookies: [], origins: [] }, baseURL, viewport: project.use.viewport ?? undefined });
}

test('a reseller signs in on its own subdomain into its branded portal; nothing there names the platform', async ({
  browser,
  request,
  baseURL,
}) => {
  const r = await brandedReseller(request);
  const host = hostOf(baseURL, r.subdomain);
  const ctx = await contextAt(browser, host, test.info().project);
  const page = await ctx.newPage();
  try {
    await page.goto('/login');
    await expect(page.getByTestId('login-brand')).toContainText(r.brand);
    await expect(page).toHaveTitle(`Sign in · ${r.brand}`);
    await submitLogin(page, r.email, r.password);
    await expect(page).toHaveURL(/\/reseller$/);
    await expect(page.getByRole('banner')).toContainText(r.brand);
    await expect(page).toHaveTitle(new RegExp(`· ${r.brand}$`));
    const html = await page.content();
    expect(html).not.toContain(PLATFORM);
    // The favicon is the brand's logo, on every page of the host.
    const icon = await page.locator('link[rel="icon"]').first().getAttribute('href');
    expect(icon).toContain(`/brand/${r.subdomain}/logo`);
    // Asked by the browser (it resolves *.localhost; the test runner's own requests do not).
    const fav = await page.goto('/favicon.ico');
    expect(fav?.status()).toBe(200);
    expect(fav?.headers()['content-type']).toBe('image/png');

    await page.goto('/no-such-page');
    await expect(page.getByTestId('not-found')).toContainText(r.brand);
    await expect(page).toHaveTitle(`Page not found · ${r.brand}`);
    expect(await page.content()).not.toContain(PLATFORM);
  } finally {
    await ctx.close();
  }
});

test('someone else is told whose page it is; a wrong password stays "incorrect"; the platform host has its own icon', async ({
  browser,
  request,
  baseURL,
}) => {
  const r = await brandedReseller(request);
  const client = await newClient(request, r);
  const host = hostOf(baseURL, r.subdomain);
  const ctx = await contextAt(browser, host, test.info().project);
  const page = await ctx.newPage();
  try {
    const main = `http://localhost:${new URL(baseURL ?? 'http://localhost:3100').port}/login`;
    await submitLogin(page, DEMO.reseller.email, DEMO.reseller.password);
    await expect(page.getByRole('main').getByRole('alert')).toHaveText(
      `This sign-in page is for ${r.brand}'s clients; sign in at ${main}.`,
    );
    await submitLogin(page, DEMO.client.email, DEMO.client.password);
    await expect(page.getByRole('main').getByRole('alert')).toContainText(`for ${r.brand}'s clients`);
    await submitLogin(page, DEMO.reseller.email, 'not-the-password');
    await expect(page.getByRole('main').getByRole('alert')).toHaveText('Email or password is incorrect.');
    // Its own client gets in, under the brand, and the client portal's titles carry it too.
    await submitLogin(page, client.email, client.password);
    await expect(page).toHaveURL(/\/client$/);
    await expect(page).toHaveTitle(new RegExp(`${r.brand}$`));
  } finally {
    await ctx.close();
  }
  // The platform's own host: its name in the title, a neutral icon (no 404).
  const plain = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const p = await plain.newPage();
  await p.goto('/login');
  await expect(p).toHaveTitle(`Sign in · ${PLATFORM}`);
  const fav = await p.request.get('/favicon.ico');
  expect(fav.status()).toBe(200);
  expect(fav.headers()['content-type']).toBe('image/svg+xml');
  await plain.close();
});

test('sign-out ends the session on the server: a cookie copied before it opens nothing', async ({ browser }) => {
  const ctx = await browser.newContext({
    storageState: { cookies: [], origins: [] },
    viewport: test.info().project.use.viewport ?? undefined,
  });
  const page = await ctx.newPage();
  await submitLogin(page, DEMO.client.email, DEMO.client.password);
  await expect(page).toHaveURL(/\/client$/);
  const copied = await ctx.storageState();

  // Phones: sign out sits in the header, beside the menu.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login/);
  await ctx.close();

  const thief = await browser.newContext({ storageState: copied });
  const t = await thief.newPage();
  for (const path of ['/client', '/client/messages', '/client/send']) {
    await t.goto(path);
    await expect(t, path).toHaveURL(/\/login\?signed_out=1$/);
  }
  await thief.close();

  // Signing in again works as usual (a new session).
  const again = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const a = await again.newPage();
  await submitLogin(a, DEMO.client.email, DEMO.client.password);
  await expect(a).toHaveURL(/\/client$/);
  await again.close();
});
