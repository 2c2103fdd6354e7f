// The admin API and login contract (docs/ARCHITECTURE.md#rules-apis), through the route handlers themselves.
import { count, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { POST as adminLogin } from '@/app/api/admin/auth/login/route';
import { GET as getResellerRoute, PATCH as patchReseller } from '@/app/api/admin/resellers/[id]/route';
import { POST as createResellerRoute, GET as listResellersRoute } from '@/app/api/admin/resellers/route';
import { POST as resellerLogin } from '@/app/api/reseller/auth/login/route';
import { GET as profileRoute } from '@/app/api/reseller/profile/route';
import type { DbHandle } from '@/db';
import { resellers, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { useTestDbForRoutes } from './helpers/db';
import { makeAdmin, makeReseller, uid } from './helpers/fixtures';
import { call, expectError, fieldsOf } from './helpers/http';
import { assertLedgerInvariant } from './helpers/invariants';

let h: DbHandle;
let admin: Actor;
let adminEmail: string;
let adminToken: string;
beforeAll(async () => {
  h = await useTestDbForRoutes();
  admin = await makeAdmin(h.db);
  const [u] = await h.db.select({ email: users.email }).from(users).where(eq(users.id, admin.userId));
  adminEmail = u.email;
  const res = await call(adminLogin, 'POST', '/api/admin/auth/login', { body: { email: adminEmail, password: 'admin-pass-1' } });
  adminToken = String(res.json.token);
});
afterEach(async () => {
  await assertLedgerInvariant(h.db);
});
afterAll(async () => {
  await h.close();
});

const resellerBody = (over: Record<string, unknown> = {}) => {
  const id = uid();
  return {
    partner_type: 'own_plans',
    name: `Shop ${id}`,
    email: `shop-${id}@test.local`,
    phone: '+95 9 450 000 111',
    password: 'shop-pass-1',
    password_confirmation: 'shop-pass-1',
    subdomain: `shop-${id}`,
    ...over,
  };
};
const resellerLoginAs = (email: string, password: string) =>
  call(resellerLogin, 'POST', '/api/reseller/auth/login', { body: { email, password } });
const creditBalance = async (id: number) =>
  (await h.db.select({ b: resellers.creditBalance }).from(resellers).where(eq(resellers.id, id)))[0].b;

describe('login', () => {
  test('admin: the right password gives a Bearer token valid for 24 hours', async () => {
    const res = await call(adminLogin, 'POST', '/api/admin/auth/login', {
      body: { email: adminEmail.toUpperCase(), password: 'admin-pass-1' },
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      token: expect.stringMatching(/^sess_.{40,}/),
      token_type: 'Bearer',
      admin: { id: admin.userId, email: adminEmail },
    });
    const ttl = Date.parse(String(res.json.expires_at)) - Date.now();
    expect(ttl).toBeGreaterThan(23 * 3_600_000);
    expect(ttl).toBeLessThanOrEqual(24 * 3_600_000);
  });

  test('wrong password and unknown email get the same 401 invalid_credentials', async () => {
    const wrong = await call(adminLogin, 'POST', '/api/admin/auth/login', { body: { email: adminEmail, password: 'nope-nope' } });
    const unknown = await call(adminLogin, 'POST', '/api/admin/auth/login', {
      body: { email: `ghost-${uid()}@test.local`, password: 'nope-nope' },
    });
    expectError(wrong, 401, 'invalid_credentials');
    expectError(unknown, 401, 'invalid_credentials');
    expect(unknown.json).toEqual(wrong.json);
  });

  test('reseller: token, expiry and the reseller object; a reseller cannot use the admin login', async () => {
    const { reseller, password } = await makeReseller(h.db, admin, { credit: 70_000 });
    const res = await resellerLoginAs(reseller.email, password);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      token: expect.any(String),
      expires_at: expect.any(String),
      reseller: { id: reseller.id, email: reseller.email, credit_balance: 70_000, commission_balance: 0 },
    });
    expectError(
      await call(adminLogin, 'POST', '/api/admin/auth/login', { body: { email: reseller.email, password } }),
      401,
      'invalid_credentials',
    );
    expectError(await resellerLoginAs(reseller.email, 'wrong-pass'), 401, 'invalid_credentials');
  });

  test('a reseller token on an admin route, or an admin token on a reseller route, is 401', async () => {
    const { reseller, password } = await makeReseller(h.db, admin);
    const rTok = String((await resellerLoginAs(reseller.email, password)).json.token);
    expectError(await call(listResellersRoute, 'GET', '/api/admin/resellers', { token: rTok }), 401, 'unauthorized');
    expectError(await call(getResellerRoute, 'GET', '/api/admin/resellers/x', { token: rTok, id: reseller.id }), 401, 'unauthorized');
    expectError(await call(profileRoute, 'GET', '/api/reseller/profile', { token: adminToken }), 401, 'unauthorized');
  });

  test('missing, malformed or unknown Authorization is 401 unauthorized', async () => {
    expectError(await call(listResellersRoute, 'GET', '/api/admin/resellers'), 401, 'unauthorized');
    expectError(
      await call(listResellersRoute, 'GET', '/api/admin/resellers', { headers: { authorization: 'Basic abc' } }),
      401,
      'unauthorized',
    );
    expectError(await call(listResellersRoute, 'GET', '/api/admin/resellers', { token: 'sess_notarealtoken' }), 401, 'unauthorized');
    // Authentication comes before the body: no token and a bad body is still 401.
    expectError(await call(createResellerRoute, 'POST', '/api/admin/resellers', { rawBody: '{"name":' }), 401, 'unauthorized');
  });
});

describe('POST /api/admin/resellers', () => {
  test('201 with the Reseller object', async () => {
    const body = resellerBody({ partner_type: 'commission', commission_rate: 12.5, subdomain: `Brand-${uid()}` });
    const res = await call(createResellerRoute, 'POST', '/api/admin/resellers', { token: adminToken, body });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      id: expect.any(Number),
      name: body.name,
      email: body.email,
      phone: '+959450000111',
      partner_type: 'commission',
      subdomain: String(body.subdomain).toLowerCase(),
      status: 'active',
      credit_balance: 0,
      commission_balance: 0,
      commission_rate: 12.5,
      created_at: expect.any(String),
    });
    expect(res.json).not.toHaveProperty('password');
    expect(res.text).not.toContain('shop-pass-1');
    expect((await resellerLoginAs(body.email, body.password)).status).toBe(200);
  });

  test('bad input is 400 validation_failed with per-field messages, and nothing is created', async () => {
    const body = resellerBody({ email: 'not-an-email', subdomain: '-Bad_Sub-', phone: '12', password_confirmation: 'other' });
    const res = await call(createResellerRoute, 'POST', '/api/admin/resellers', { token: adminToken, body });
    const fields = fieldsOf(expectError(res, 400, 'validation_failed'));
    expect(Object.keys(fields).sort()).toEqual(['email', 'password_confirmation', 'phone', 'subdomain']);
    for (const messages of Object.values(fields)) expect(messages[0]).toEqual(expect.any(String));
    const [{ n }] = await h.db.select({ n: count() }).from(users).where(eq(users.name, body.name));
    expect(n).toBe(0);
  });

  test('a taken subdomain is 409 subdomain_taken; a taken email 409 email_taken; a reserved subdomain 400', async () => {
    const first = resellerBody();
    expect((await call(createResellerRoute, 'POST', '/api/admin/resellers', { token: adminToken, body: first })).status).toBe(201);
    const dupSub = await call(createResellerRoute, 'POST', '/api/admin/resellers', {
      token: adminToken,
      body: resellerBody({ subdomain: first.subdomain }),
    });
    expect(fieldsOf(expectError(dupSub, 409, 'subdomain_taken'))).toHaveProperty('subdomain');
    const dupEmail = await call(createResellerRoute, 'POST', '/api/admin/resellers', {
      token: adminToken,
      body: resellerBody({ email: first.email.toUpperCase() }),
    });
    expect(fieldsOf(expectError(dupEmail, 409, 'email_taken'))).toHaveProperty('email');
    const reserved = await call(createResellerRoute, 'POST', '/api/admin/resellers', {
      token: adminToken,
      body: resellerBody({ subdomain: 'admin' }),
    });
    expect(Object.keys(fieldsOf(expectError(reserved, 400, 'validation_failed')))).toEqual(['subdomain']);
  });

  test('a malformed JSON body is 400 invalid_json', async () => {
    const res = await call(createResellerRoute, 'POST', '/api/admin/resellers', { token: adminToken, rawBody: '{"name": "x",' });
    expectError(res, 400, 'invalid_json');
  });
});

describe('PATCH /api/admin/resellers/:id', () => {
  test("suspension refuses the reseller's existing token and its logins with 403 account_suspended", async () => {
    const { reseller, password } = await makeReseller(h.db, admin);
    const token = String((await resellerLoginAs(reseller.email, password)).json.token);
    expect((await call(profileRoute, 'GET', '/api/reseller/profile', { token })).status).toBe(200);

    const res = await call(patchReseller, 'PATCH', '/api/admin/resellers/x', {
      token: adminToken,
      id: reseller.id,
      body: { status: 'suspended' },
    });
    expect(res.status).toBe(200);
    expect(res.json.status).toBe('suspended');
    expectError(await call(profileRoute, 'GET', '/api/reseller/profile', { token }), 403, 'account_suspended');
    expectError(await resellerLoginAs(reseller.email, password), 403, 'account_suspended');

    await call(patchReseller, 'PATCH', '/api/admin/resellers/x', { token: adminToken, id: reseller.id, body: { status: 'active' } });
    expect((await resellerLoginAs(reseller.email, password)).status).toBe(200);
  });

  test('unknown fields and unknown ids are refused', async () => {
    const { reseller } = await makeReseller(h.db, admin);
    const extra = await call(patchReseller, 'PATCH', '/api/admin/resellers/x', {
      token: adminToken,
      id: reseller.id,
      body: { credit_balance: 1e9 },
    });
    expectError(extra, 400, 'validation_failed');
    expect(await creditBalance(reseller.id)).toBe(0);
    expectError(
      await call(patchReseller, 'PATCH', '/api/admin/resellers/x', { token: adminToken, id: 2_000_000_000, body: { name: 'X' } }),
      404,
      'not_found',
    );
    expectError(await call(getResellerRoute, 'GET', '/api/admin/resellers/abc', { token: adminToken, id: 'abc' }), 404, 'not_found');
  });
});
