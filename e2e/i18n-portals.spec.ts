// Issue 13: a user switches to Burmese and every portal page the suite visits is in Burmese — admin,
// reseller and client — with the bundled Myanmar font loaded. Fresh accounts (an admin, its reseller, the
// reseller's client), so the demo users stay English for the other specs. What counts as English left over
// is decided by e2e/i18n-check.ts: Latin words in the main region that are not data (names, e-mails,
// references, codes) nor product and protocol names.
import { type Browser, expect, type Page, test } from '@playwright/test';
import { adminToken, apiToken, bearer } from './api';
import { unique } from './helpers';
import { apiData, englishOnPage, myanmarFontLoaded } from './i18n-check';

test.describe.configure({ mode: 'serial' });

async function signedInBurmese(browser: Browser, email: string, password: string, portal: RegExp): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByTestId('login-submit').click();
  await expect(page).toHaveURL(portal);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  // The user's own choice, from the switcher in the footer: stored on the account.
  await page.getByTestId('language-switcher').locator('select').selectOption('my');
  await expect(page.locator('html')).toHaveAttribute('lang', 'my');
  return page;
}

/** Opens each page and collects the English left on it; every page must be in Burmese. */
async function visitAll(page: Page, paths: string[], data: Set<string>): Promise<string[]> {
  const found: string[] = [];
  for (const p of paths) {
    const res = await page.goto(p);
    expect(res?.status(), p).toBeLessThan(400);
    await expect(page.locator('html'), p).toHaveAttribute('lang', 'my');
    await expect(page.locator('main'), p).toBeVisible();
    for (const left of await englishOnPage(page, data)) found.push(`${p}: ${left}`);
  }
  return found;
}

test('admin, reseller and client portals are all in Burmese once the user switches, in the Myanmar font', async ({ browser, request }) => {
  test.setTimeout(240_000);
  const id = unique();
  const data = new Set<string>();

  // A fresh admin, and a reseller and client it owns, with a little history on every page.
  const root = await adminToken(request);
  const adminBody = { name: `Lin Admin ${id}`, email: `lin-${id}@example.com`, password: 'admin-pass-12' };
  expect((await request.post('/api/admin/admins', { headers: bearer(root), data: adminBody })).status()).toBe(201);
  const admin = await apiToken(request, '/api/admin/auth/login', adminBody.email, adminBody.password);
  const resellerBody = {
    partner_type: 'own_plans',
    name: `Shwe Co ${id}`,
    email: `shwe-${id}@example.com`,
    phone: '09 420 000 130',
    password: 'reseller-pass-1',
    subdomain: `shwe${id}`,
  };
  const created = await request.post('/api/admin/resellers', { headers: bearer(admin), data: resellerBody });
  expect(created.status(), await created.text()).toBe(201);
  const rid = (await created.json()).id as number;
  await request.post(`/api/admin/resellers/${rid}/credit`, {
    headers: bearer(admin),
    data: { amount: 500_000, method: 'kbzpay', reference: `TX${id}` },
  });
  const reseller = await apiToken(request, '/api/reseller/auth/login', resellerBody.email, resellerBody.password);
  const clientBody = { name: `Mya Shop ${id}`, email: `mya-${id}@example.com`, password: 'client-pass-1', phone: '09 420 000 131' };
  const client = await request.post('/api/reseller/clients', { headers: bearer(reseller), data: clientBody });
  expect(client.status(), await client.text()).toBe(201);
  const cid = (await client.json()).id as number;
  const catalog = await (await request.get('/api/reseller/packages', { headers: bearer(reseller) })).json();
  const packages = (Array.isArray(catalog) ? catalog : catalog.data) as { package_type: string }[];
  const act = await request.post(`/api/reseller/clients/${cid}/activate`, {
    headers: bearer(reseller),
    data: { package_type: packages[0].package_type },
  });
  expect(act.status(), await act.text()).toBeLessThan(300);
  await request.post('/api/reseller/topup-requests', {
    headers: bearer(reseller),
    data: { amount: 100_000, method: 'wavepay', reference: `REF${id}` },
  });

  // The messaging pages with something on them: a group of contacts, a template, a keyword (the reseller
  // allows two), a campaign sent now and one scheduled for tomorrow.
  const ct = await apiToken(request, '/api/v1/auth/login', clientBody.email, clientBody.password);
  const post = async (p: string, body: unknown) => {
    const res = await request.post(p, { headers: bearer(ct), data: body });
    expect(res.status(), `${p}: ${await res.text()}`).toBeLessThan(300);
    return res.json();
  };
  const group = await post('/api/v1/groups', { name: `Regulars ${id}` });
  const contact = await post('/api/v1/contacts', {
    phone: '09 420 000 141',
    name: 'Daw Hla',
    fields: { city: 'Yangon' },
    groups: [group.id],
  });
  await post('/api/v1/contacts', { phone: '09 420 000 142', name: 'U Ba', groups: [group.id] });
  const template = await post('/api/v1/templates', { name: `Promo ${id}`, text: 'မင်္ဂလာပါ {{name}}၊ ဒီအပတ် ၂၀% လျှော့ဈေး။' });
  const limit = await request.put(`/api/reseller/clients/${cid}/keywords`, { headers: bearer(reseller), data: { keyword_limit: 2 } });
  expect(limit.status(), await limit.text()).toBe(200);
  // Keywords are what the customers type: data, like a name.
  for (const word of ['JOIN', 'PROMO']) {
    await post('/api/v1/keywords', { keyword: word, reply: 'ကျေးဇူးတင်ပါသည်။ စာရင်းသွင်းပြီးပါပြီ။', group_id: group.id });
    data.add(word);
  }
  const campaign = await post('/api/v1/campaigns', { name: `Sale ${id}`, template_id: template.id, group_ids: [group.id] });
  await post('/api/v1/campaigns', {
    name: `Later ${id}`,
    message: 'မနက်ဖြန် ဆိုင်ဖွင့်ပါမည်။',
    phones: ['09 420 000 143'],
    scheduled_at: new Date(Date.now() + 86_400_000).toISOString(),
  });
  await apiData(request, ct, ['/api/v1/contacts', '/api/v1/groups', '/api/v1/templates', '/api/v1/campaigns'], data);

  for (const v of [adminBody.name, adminBody.email, resellerBody.name, resellerBody.email, clientBody.name, clientBody.email]) data.add(v);
  // The clients page's reseller filter names the first 100 resellers by name, whoever created them.
  await apiData(
    request,
    admin,
    [
      '/api/admin/packages',
      '/api/admin/payment-accounts',
      '/api/admin/admins',
      '/api/admin/settings',
      '/api/admin/resellers?limit=100&sort=name&dir=asc',
    ],
    data,
  );
  await apiData(request, reseller, ['/api/reseller/profile', '/api/reseller/payment-accounts', '/api/reseller/packages'], data);
  const pkgList = await (await request.get('/api/admin/packages', { headers: bearer(admin) })).json();
  const firstPackage = (Array.isArray(pkgList) ? pkgList : pkgList.data)[0].id as number;

  const found: string[] = [];

  const a = await signedInBurmese(browser, adminBody.email, adminBody.password, /\/admin$/);
  expect(await myanmarFontLoaded(a), 'Myanmar font on the admin portal').toBe(true);
  found.push(
    ...(await visitAll(
      a,
      [
        '/admin',
        `/admin/resellers?search=shwe${id}`,
        `/admin/resellers/${rid}`,
        `/admin/resellers/${rid}/edit`,
        '/admin/resellers/new',
        `/admin/clients?reseller_id=${rid}`,
        '/admin/packages',
        `/admin/packages/${firstPackage}`,
        `/admin/topups?status=all&reseller_id=${rid}`,
        '/admin/payment-accounts',
        `/admin/audit?actor=lin-${id}`,
        '/admin/settings',
        '/admin/account',
        '/admin/notifications',
      ],
      data,
    )),
  );
  await a.context().close();

  const r = await signedInBurmese(browser, resellerBody.email, resellerBody.password, /\/reseller$/);
  expect(await myanmarFontLoaded(r), 'Myanmar font on the reseller portal').toBe(true);
  found.push(
    ...(await visitAll(
      r,
      [
        '/reseller',
        '/reseller/clients',
        '/reseller/clients/new',
        `/reseller/clients/${cid}`,
        '/reseller/credit',
        '/reseller/pricing',
        '/reseller/branding',
        '/reseller/api',
        '/reseller/payment-accounts',
        '/reseller/account',
        '/reseller/notifications',
      ],
      data,
    )),
  );
  await r.context().close();

  const c = await signedInBurmese(browser, clientBody.email, clientBody.password, /\/client$/);
  expect(await myanmarFontLoaded(c), 'Myanmar font on the client portal').toBe(true);
  found.push(
    ...(await visitAll(
      c,
      [
        '/client',
        '/client/send',
        '/client/messages',
        '/client/inbox',
        '/client/contacts',
        `/client/contacts/${contact.id}`,
        '/client/blocklist',
        '/client/templates',
        '/client/keywords',
        '/client/campaigns',
        '/client/campaigns/new',
        `/client/campaigns/${campaign.id}`,
        '/client/devices',
        '/client/api',
        '/client/smpp',
        '/client/webhooks',
        '/client/account',
        '/client/notifications',
      ],
      data,
    )),
  );
  await c.context().close();

  expect(found).toEqual([]);
});

test('the English check notices English, and lets data and product names through', async () => {
  const { englishLeft } = await import('./i18n-check');
  const data = new Set(['Shwe Co 42', 'Starter Pro']);
  expect(
    englishLeft(
      ['ဖောက်သည် Shwe Co 42 · Starter Pro · 1,000 ကျပ်', 'SMS ပို့ရန်', 'a@b.com', 'Asia/Yangon', 'မင်္ဂလာပါ {{name}}၊ {{fields.city}}'],
      data,
    ),
  ).toEqual([]);
  expect(englishLeft(['Save changes', 'သိမ်းမည် Cancel'], data)).toHaveLength(2);
});
