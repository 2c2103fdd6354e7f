// Reseller branding (docs/ARCHITECTURE.md#rules-tenancy: the login subdomain and the branding page): GET/PATCH /api/reseller/branding, the public
// logo at /brand/<subdomain>/logo, and brandForSubdomain for the subdomain's login page.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { GET as getBrandingRoute, PATCH as patchBrandingRoute } from '@/app/api/reseller/branding/route';
import { GET as logoRoute } from '@/app/brand/[subdomain]/logo/route';
import type { DbHandle } from '@/db';
import type { Actor } from '@/lib/auth/permissions';
import { brandForSubdomain } from '@/lib/services/branding';
import { useTestDbForRoutes } from './helpers/db';
import { makeAdmin, uid } from './helpers/fixtures';
import { call, expectError, fieldsOf } from './helpers/http';
import { resellerWithToken } from './helpers/sessions';

let h: DbHandle;
let admin: Actor;
beforeAll(async () => {
  h = await useTestDbForRoutes();
  admin = await makeAdmin(h.db);
});
afterAll(async () => {
  await h.close();
});

// A 1×1 transparent PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const dataUrl = (type: string, bytes: Buffer) => `data:${type};base64,${bytes.toString('base64')}`;

const patch = (token: string, body: unknown) => call(patchBrandingRoute, 'PATCH', '/api/reseller/branding', { token, body });
const getBranding = (token: string) => call(getBrandingRoute, 'GET', '/api/reseller/branding', { token });
async function fetchLogo(subdomain: string) {
  const res = await logoRoute(new Request(`http://test/brand/${subdomain}/logo`), { params: Promise.resolve({ subdomain }) });
  return { status: res.status, type: res.headers.get('content-type'), headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}
const newSub = () => `brand-${uid()}`;

test('GET is the current branding with the login URL; a new reseller has no brand yet', async () => {
  const r = await resellerWithToken(h.db, admin);
  const res = await getBranding(r.token);
  expect(res.status).toBe(200);
  expect(res.json).toEqual({
    subdomain: r.reseller.subdomain,
    brand_name: null,
    color: null,
    logo_url: null,
    support_email: null,
    support_phone: null,
    support_viber: null,
    support_telegram: null,
    login_url: expect.stringMatching(new RegExp(`^https://${r.reseller.subdomain}\\.[^/]+/login$`)),
  });
  expectError(await call(getBrandingRoute, 'GET', '/api/reseller/branding'), 401, 'unauthorized');
});

test('PATCH sets every field; fields left out keep their value; GET shows the same', async () => {
  const r = await resellerWithToken(h.db, admin);
  const sub = newSub();
  const res = await patch(r.token, {
    subdomain: sub.toUpperCase(),
    brand_name: 'Golden SMS',
    color: '#1D4ED8',
    support_email: 'help@golden.example',
    support_phone: '+95 9 777 888 999',
  });
  expect(res.status).toBe(200);
  expect(res.json).toMatchObject({
    subdomain: sub,
    brand_name: 'Golden SMS',
    color: '#1d4ed8',
    logo_url: null,
    support_email: 'help@golden.example',
    support_phone: '+95 9 777 888 999',
  });
  const partial = await patch(r.token, { brand_name: 'Golden SMS Myanmar' });
  expect(partial.json).toMatchObject({
    subdomain: sub,
    brand_name: 'Golden SMS Myanmar',
    color: '#1d4ed8',
    support_email: 'help@golden.example',
  });
  expect((await getBranding(r.token)).json).toEqual(partial.json);
  // null (or an empty string) clears a field.
  const cleared = await patch(r.token, { color: null, support_email: '', brand_name: null });
  expect(cleared.json).toMatchObject({ color: null, support_email: null, brand_name: null, support_phone: '+95 9 777 888 999' });
});

describe('subdomain', () => {
  test("another reseller's subdomain is 409 subdomain_taken and nothing changes", async () => {
    const a = await resellerWithToken(h.db, admin);
    const b = await resellerWithToken(h.db, admin);
    const res = await patch(b.token, { subdomain: a.reseller.subdomain, brand_name: 'Should not stick' });
    expect(fieldsOf(expectError(res, 409, 'subdomain_taken'))).toHaveProperty('subdomain');
    expect((await getBranding(b.token)).json).toMatchObject({ subdomain: b.reseller.subdomain, brand_name: null });
    // Keeping one's own subdomain is not a conflict.
    expect((await patch(a.token, { subdomain: a.reseller.subdomain })).status).toBe(200);
  });

  test('reserved or malformed subdomains are 400 on subdomain', async () => {
    const r = await resellerWithToken(h.db, admin);
    for (const subdomain of ['admin', 'www', 'api', 'app', 'a', '-abc', 'abc-', 'my_brand', 'my.brand', 'x'.repeat(41), '', 7]) {
      const res = await patch(r.token, { subdomain });
      expect(Object.keys(fieldsOf(expectError(res, 400, 'validation_failed')))).toEqual(['subdomain']);
    }
    expect((await getBranding(r.token)).json.subdomain).toBe(r.reseller.subdomain);
  });

  test('unknown fields and bad colours, emails, phones are 400 on the field', async () => {
    const r = await resellerWithToken(h.db, admin);
    const cases: [Record<string, unknown>, string][] = [
      [{ color: 'red' }, 'color'],
      [{ color: '#123' }, 'color'],
      [{ color: '1d4ed8' }, 'color'],
      [{ color: '#12345g' }, 'color'],
      [{ support_email: 'nope' }, 'support_email'],
      [{ support_phone: 'call us' }, 'support_phone'],
      [{ brand_name: 'x'.repeat(81) }, 'brand_name'],
    ];
    for (const [body, field] of cases) {
      expect(Object.keys(fieldsOf(expectError(await patch(r.token, body), 400, 'validation_failed')))).toEqual([field]);
    }
    expectError(await patch(r.token, { credit_balance: 1_000_000 }), 400, 'validation_failed');
    expect((await getBranding(r.token)).json).toMatchObject({ color: null, support_email: null, support_phone: null, brand_name: null });
  });
});

describe('logo', () => {
  test('a PNG data URL is stored and served by /brand/<subdomain>/logo with its type and bytes', async () => {
    const r = await resellerWithToken(h.db, admin);
    const sub = newSub();
    const res = await patch(r.token, { subdomain: sub, logo_url: dataUrl('image/png', PNG) });
    expect(res.status).toBe(200);
    expect(res.json.logo_url).toMatch(new RegExp(`^/brand/${sub}/logo\\?v=\\d+$`));
    expect(res.text).not.toContain(PNG.toString('base64'));
    const logo = await fetchLogo(sub);
    expect(logo.status).toBe(200);
    expect(logo.type).toBe('image/png');
    expect(logo.bytes.equals(PNG)).toBe(true);
    expect(logo.headers.get('x-content-type-options')).toBe('nosniff');
    // Upper case in the URL is not a subdomain; another reseller's subdomain without a logo is 404.
    expect((await fetchLogo(sub.toUpperCase())).status).toBe(404);
    expect((await fetchLogo(`none-${uid()}`)).status).toBe(404);
  });

  test('other image types keep their own Content-Type', async () => {
    const r = await resellerWithToken(h.db, admin);
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>');
    expect((await patch(r.token, { logo_url: dataUrl('image/svg+xml', svg) })).status).toBe(200);
    const logo = await fetchLogo(r.reseller.subdomain);
    expect(logo.type).toBe('image/svg+xml');
    expect(logo.bytes.equals(svg)).toBe(true);
    // An SVG opened directly must not run script on our origin.
    expect(logo.headers.get('content-security-policy')).toContain('sandbox');
  });

  test('a non-image, non-base64, remote or too-large logo is 400 on logo_url and the old logo stays', async () => {
    const r = await resellerWithToken(h.db, admin);
    await patch(r.token, { logo_url: dataUrl('image/png', PNG) });
    const before = (await getBranding(r.token)).json.logo_url;
    const bad = [
      dataUrl('text/html', Buffer.from('<script>alert(1)</script>')),
      dataUrl('application/pdf', Buffer.from('%PDF-1.4')),
      'data:image/png,not-base64',
      'data:image/png;base64,@@@@',
      'https://example.com/logo.png',
      dataUrl('image/png', Buffer.alloc(300_000, 1)),
      // Just over the documented 200 kB.
      dataUrl('image/png', Buffer.alloc(205_000, 1)),
    ];
    for (const logo_url of bad) {
      expect(Object.keys(fieldsOf(expectError(await patch(r.token, { logo_url }), 400, 'validation_failed')))).toEqual(['logo_url']);
    }
    expect((await getBranding(r.token)).json.logo_url).toBe(before);
    expect((await fetchLogo(r.reseller.subdomain)).bytes.equals(PNG)).toBe(true);
    // Exactly 200 kB is accepted.
    expect((await patch(r.token, { logo_url: dataUrl('image/png', Buffer.alloc(200_000, 1)) })).status).toBe(200);
    expect((await fetchLogo(r.reseller.subdomain)).bytes.length).toBe(200_000);
  });

  test('null removes the logo: 404 afterwards', async () => {
    const r = await resellerWithToken(h.db, admin);
    await patch(r.token, { logo_url: dataUrl('image/png', PNG) });
    expect((await fetchLogo(r.reseller.subdomain)).status).toBe(200);
    const res = await patch(r.token, { logo_url: null });
    expect(res.json.logo_url).toBeNull();
    expect((await fetchLogo(r.reseller.subdomain)).status).toBe(404);
  });

  test('the logo follows a subdomain change', async () => {
    const r = await resellerWithToken(h.db, admin);
    await patch(r.token, { logo_url: dataUrl('image/png', PNG) });
    const sub = newSub();
    await patch(r.token, { subdomain: sub });
    expect((await fetchLogo(sub)).status).toBe(200);
    expect((await fetchLogo(r.reseller.subdomain)).status).toBe(404);
  });
});

describe('brandForSubdomain', () => {
  test('the brand name, or the company name without one; null for unknown subdomains', async () => {
    const r = await resellerWithToken(h.db, admin);
    const sub = r.reseller.subdomain;
    expect(await brandForSubdomain(h.db, sub)).toMatchObject({ reseller_id: r.id, subdomain: sub, name: r.reseller.name, logo_url: null });
    await patch(r.token, {
      brand_name: 'Golden SMS',
      color: '#aa0000',
      support_phone: '+95 9 1234 5678',
      logo_url: dataUrl('image/png', PNG),
    });
    expect(await brandForSubdomain(h.db, sub.toUpperCase())).toEqual({
      reseller_id: r.id,
      subdomain: sub,
      name: 'Golden SMS',
      color: '#aa0000',
      logo_url: expect.stringMatching(new RegExp(`^/brand/${sub}/logo`)),
      support_email: null,
      support_phone: '+95 9 1234 5678',
      support_viber: null,
      support_telegram: null,
    });
    expect(await brandForSubdomain(h.db, `unknown-${uid()}`)).toBeNull();
    const moved = newSub();
    await patch(r.token, { subdomain: moved });
    expect(await brandForSubdomain(h.db, sub)).toBeNull();
    expect((await brandForSubdomain(h.db, moved))?.name).toBe('Golden SMS');
  });
});
