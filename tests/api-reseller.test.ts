// The reseller API (docs/ARCHITECTURE.md#rules-apis), through the route handlers: profile, clients, activation, packages, ledger, tenancy.
import { count, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { POST as resellerLogin } from '@/app/api/reseller/auth/login/route';
import { GET as getClientRoute, PATCH as patchClient } from '@/app/api/reseller/clients/[id]/route';
import { POST as suspendRoute } from '@/app/api/reseller/clients/[id]/suspend/route';
import { POST as unsuspendRoute } from '@/app/api/reseller/clients/[id]/unsuspend/route';
import { POST as createClientRoute, GET as listClientsRoute } from '@/app/api/reseller/clients/route';
import { GET as profileRoute } from '@/app/api/reseller/profile/route';
import type { DbHandle } from '@/db';
import { clients, subscriptions, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { verifyCredentials } from '@/lib/services/auth';
import { useTestDbForRoutes } from './helpers/db';
import { domainError } from './helpers/errors';
import { makeAdmin, makeReseller, uid } from './helpers/fixtures';
import { call, expectError, fieldsOf } from './helpers/http';
import { assertLedgerInvariant } from './helpers/invariants';

const DAY = 86_400_000;

let h: DbHandle;
let admin: Actor;
beforeAll(async () => {
  h = await useTestDbForRoutes();
  admin = await makeAdmin(h.db);
});
afterEach(async () => {
  await assertLedgerInvariant(h.db);
});
afterAll(async () => {
  await h.close();
});

/** A reseller with credit, signed in through the API. */
async function signedInReseller(credit = 0) {
  const { reseller, password } = await makeReseller(h.db, admin, { credit });
  const res = await call(resellerLogin, 'POST', '/api/reseller/auth/login', { body: { email: reseller.email, password } });
  return { id: reseller.id, email: reseller.email, token: String(res.json.token) };
}
const clientBody = (over: Record<string, unknown> = {}) => ({
  name: `Client ${uid()}`,
  email: `c-${uid()}@test.local`,
  password: 'secret-1',
  phone: '+95 9 222 333 444',
  ...over,
});
async function newClientVia(token: string, over: Record<string, unknown> = {}): Promise<number> {
  const res = await call(createClientRoute, 'POST', '/api/reseller/clients', { token, body: clientBody(over) });
  expect(res.status).toBe(201);
  return Number(res.json.id);
}
async function storedClient(id: number) {
  const [u] = await h.db.select().from(users).where(eq(users.id, id));
  const [c] = await h.db.select().from(clients).where(eq(clients.id, id));
  const [{ subs }] = await h.db.select({ subs: count() }).from(subscriptions).where(eq(subscriptions.clientId, id));
  return { u, c, subs };
}

test('GET /api/reseller/profile is the signed-in reseller with its balances', async () => {
  const r = await signedInReseller(25_000);
  const res = await call(profileRoute, 'GET', '/api/reseller/profile', { token: r.token });
  expect(res.status).toBe(200);
  expect(res.json).toMatchObject({
    id: r.id,
    email: r.email,
    status: 'active',
    credit_balance: 25_000,
    commission_balance: 0,
    partner_type: 'own_plans',
  });
});

describe('clients', () => {
  test('POST creates a client in trial: 201 with the Client object', async () => {
    const r = await signedInReseller();
    const body = clientBody({ email: `New-${uid()}@Test.Local` });
    const before = Date.now();
    const res = await call(createClientRoute, 'POST', '/api/reseller/clients', { token: r.token, body });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      id: expect.any(Number),
      name: body.name,
      email: String(body.email).toLowerCase(),
      phone: '+959222333444',
      status: 'trial',
      package: null,
      usage: { today: 0, period: 0, daily_limit: expect.any(Number), period_limit: expect.any(Number) },
      credit_balance: 0,
      created_at: expect.any(String),
      reseller_id: r.id,
    });
    const trialEnds = Date.parse(String(res.json.trial_ends_at));
    expect(trialEnds).toBeGreaterThanOrEqual(before + 3 * DAY);
    expect(trialEnds).toBeLessThanOrEqual(Date.now() + 3 * DAY);
    expect(res.text).not.toContain('secret-1');
    expect(res.text).not.toContain('password');
  });

  test('bad input is 400 with per-field messages: trial_days 31, short password, bad email', async () => {
    const r = await signedInReseller();
    const res = await call(createClientRoute, 'POST', '/api/reseller/clients', { token: r.token, body: clientBody({ trial_days: 31 }) });
    expect(Object.keys(fieldsOf(expectError(res, 400, 'validation_failed')))).toEqual(['trial_days']);
    const bad = await call(createClientRoute, 'POST', '/api/reseller/clients', {
      token: r.token,
      body: { name: '', email: 'x@', password: '12345' },
    });
    expect(Object.keys(fieldsOf(expectError(bad, 400, 'validation_failed'))).sort()).toEqual(['email', 'name', 'password']);
    const ok = await call(createClientRoute, 'POST', '/api/reseller/clients', { token: r.token, body: clientBody({ trial_days: 30 }) });
    expect(ok.status).toBe(201);
    const list = await call(listClientsRoute, 'GET', '/api/reseller/clients', { token: r.token });
    expect(list.json.pagination).toMatchObject({ total: 1 });
  });

  test('a taken email is 409 email_taken', async () => {
    const r = await signedInReseller();
    const email = `taken-${uid()}@test.local`;
    await newClientVia(r.token, { email });
    const res = await call(createClientRoute, 'POST', '/api/reseller/clients', {
      token: r.token,
      body: clientBody({ email: email.toUpperCase() }),
    });
    expect(fieldsOf(expectError(res, 409, 'email_taken'))).toHaveProperty('email');
  });

  test('GET list searches, filters by status and pages', async () => {
    const r = await signedInReseller();
    const tag = uid();
    const a = await newClientVia(r.token, { name: `Alpha ${tag}` });
    const b = await newClientVia(r.token, { name: `Beta ${tag}`, trial_days: 0 });
    await newClientVia(r.token, { name: 'Gamma' });
    const list = (query: Record<string, string | number>) =>
      call(listClientsRoute, 'GET', '/api/reseller/clients', { token: r.token, query });
    const all = await list({ limit: 2 });
    expect(all.json.pagination).toEqual({ page: 1, limit: 2, total: 3, pages: 2, next_cursor: expect.any(String) });
    const ids = (x: { json: Record<string, unknown> }) => (x.json.data as { id: number }[]).map((c) => c.id);
    expect(ids(await list({ search: tag })).sort()).toEqual([a, b].sort());
    expect(ids(await list({ search: tag, status: 'expired' }))).toEqual([b]);
    expect(ids(await list({ search: tag, status: 'trial' }))).toEqual([a]);
    expect(fieldsOf(expectError(await list({ status: 'gone' }), 400, 'validation_failed'))).toHaveProperty('status');
    expect(fieldsOf(expectError(await list({ limit: 101 }), 400, 'validation_failed'))).toHaveProperty('limit');
  });

  test('GET and PATCH one client', async () => {
    const r = await signedInReseller();
    const id = await newClientVia(r.token);
    const got = await call(getClientRoute, 'GET', '/c', { token: r.token, id });
    expect(got.status).toBe(200);
    expect(got.json).toMatchObject({ id, status: 'trial' });
    const renamed = await call(patchClient, 'PATCH', '/c', { token: r.token, id, body: { name: 'Renamed Co' } });
    expect(renamed.status).toBe(200);
    // Fields left out of a PATCH keep their value.
    expect(renamed.json).toMatchObject({ id, name: 'Renamed Co', phone: '+959222333444', email: got.json.email });
    const cleared = await call(patchClient, 'PATCH', '/c', { token: r.token, id, body: { phone: '' } });
    expect(cleared.json).toMatchObject({ id, name: 'Renamed Co', phone: null });
    expectError(await call(patchClient, 'PATCH', '/c', { token: r.token, id, body: { reseller_id: 1 } }), 400, 'validation_failed');
    expect((await storedClient(id)).c.resellerId).toBe(r.id);
  });

  test('suspend and unsuspend; a suspended client cannot sign in', async () => {
    const r = await signedInReseller();
    const email = `sus-${uid()}@test.local`;
    const id = await newClientVia(r.token, { email });
    const s = await call(suspendRoute, 'POST', '/s', { token: r.token, id });
    expect(s.status).toBe(200);
    expect(s.json.status).toBe('suspended');
    expect((await domainError(verifyCredentials(h.db, { email, password: 'secret-1' }))).code).toBe('account_suspended');
    const u = await call(unsuspendRoute, 'POST', '/u', { token: r.token, id });
    expect(u.json.status).toBe('trial');
    expect((await verifyCredentials(h.db, { email, password: 'secret-1' })).id).toBe(id);
  });
});
