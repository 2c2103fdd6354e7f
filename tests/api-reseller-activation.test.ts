// The reseller API, activation and tenancy over HTTP (docs/ARCHITECTURE.md#rules-apis; profile and clients:
// api-reseller.test.ts).
import { count, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { POST as resellerLogin } from '@/app/api/reseller/auth/login/route';
import { POST as activateRoute } from '@/app/api/reseller/clients/[id]/activate/route';
import { GET as getClientRoute, PATCH as patchClient } from '@/app/api/reseller/clients/[id]/route';
import { POST as suspendRoute } from '@/app/api/reseller/clients/[id]/suspend/route';
import { POST as unsuspendRoute } from '@/app/api/reseller/clients/[id]/unsuspend/route';
import { POST as createClientRoute, GET as listClientsRoute } from '@/app/api/reseller/clients/route';
import { GET as ledgerRoute } from '@/app/api/reseller/ledger/route';
import { GET as packagesRoute } from '@/app/api/reseller/packages/route';
import { GET as profileRoute } from '@/app/api/reseller/profile/route';
import type { DbHandle } from '@/db';
import { clients, subscriptions, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { useTestDbForRoutes } from './helpers/db';
import { makeAdmin, makeReseller, uid } from './helpers/fixtures';
import { call, expectError, fieldsOf } from './helpers/http';
import { assertLedgerInvariant, moneyFootprint } from './helpers/invariants';

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

describe('activation', () => {
  test('POST /:id/activate is 201 with the subscription, the new balance and the client', async () => {
    const r = await signedInReseller(120_000);
    const id = await newClientVia(r.token);
    const before = Date.now();
    const res = await call(activateRoute, 'POST', '/a', { token: r.token, id, body: { package_type: 'starter_pro' } });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      subscription: {
        id: expect.any(Number),
        package_type: 'starter_pro',
        price: 50_000,
        starts_at: expect.any(String),
        ends_at: expect.any(String),
      },
      credit_balance: 70_000,
      client: { id, status: 'active', package: { package_type: 'starter_pro' }, usage: { daily_limit: 45, period_limit: 1350 } },
    });
    const sub = res.json.subscription as { starts_at: string; ends_at: string };
    expect(Date.parse(sub.starts_at)).toBeGreaterThanOrEqual(before - 1);
    expect(Date.parse(sub.ends_at) - Date.parse(sub.starts_at)).toBe(30 * DAY);
    const profile = await call(profileRoute, 'GET', '/api/reseller/profile', { token: r.token });
    expect(profile.json.credit_balance).toBe(70_000);
  });

  test('not enough credit is 402 with balance and required; nothing changes', async () => {
    const r = await signedInReseller(60_000);
    const id = await newClientVia(r.token);
    const before = await moneyFootprint(h.db, r.id, id);
    const res = await call(activateRoute, 'POST', '/a', { token: r.token, id, body: { package_type: 'business_elite' } });
    expect(expectError(res, 402, 'insufficient_credit')).toEqual({ balance: 60_000, required: 100_000 });
    expect(await moneyFootprint(h.db, r.id, id)).toEqual(before);
  });

  test('an unknown package_type is 400 on that field', async () => {
    const r = await signedInReseller(60_000);
    const id = await newClientVia(r.token);
    for (const package_type of ['platinum', 'Starter Pro', undefined]) {
      const res = await call(activateRoute, 'POST', '/a', { token: r.token, id, body: { package_type } });
      expect(Object.keys(fieldsOf(expectError(res, 400, 'validation_failed')))).toEqual(['package_type']);
    }
  });

  test('GET /api/reseller/packages lists the four seeded packages', async () => {
    const r = await signedInReseller();
    const res = await call(packagesRoute, 'GET', '/api/reseller/packages', { token: r.token });
    expect(res.status).toBe(200);
    const rows = res.json.data as { package_type: string; price: number }[];
    expect(rows.map((p) => [p.package_type, p.price])).toEqual([
      ['starter_pro', 50_000],
      ['business_elite', 100_000],
      ['enterprise_pro', 200_000],
      ['enterprise_max', 400_000],
    ]);
    expect(rows[0]).toMatchObject({ name: 'Starter Pro', daily_limit: 45, period_limit: 1350, device_limit: 1, period_days: 30 });
  });

  test("GET /api/reseller/ledger is the reseller's own ledger, newest first", async () => {
    const r = await signedInReseller(80_000);
    const other = await signedInReseller(999_000);
    const id = await newClientVia(r.token);
    await call(activateRoute, 'POST', '/a', { token: r.token, id, body: { package_type: 'starter_pro' } });
    const res = await call(ledgerRoute, 'GET', '/api/reseller/ledger', { token: r.token });
    expect(res.status).toBe(200);
    expect(res.json.pagination).toEqual({ page: 1, limit: 20, total: 2, pages: 1 });
    expect(res.json.data).toMatchObject([
      { kind: 'activation', amount: -50_000, balance_after: 30_000, client_id: id },
      { kind: 'topup', amount: 80_000, balance_after: 80_000 },
    ]);
    const kinds = await call(ledgerRoute, 'GET', '/api/reseller/ledger', { token: other.token, query: { kind: 'activation' } });
    expect(kinds.json.data).toEqual([]);
    // Date-only bounds cover whole days in the platform time zone (Asia/Yangon): the Yangon days the rows
    // were written find both of them.
    const yangonDay = (iso: string) =>
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Yangon', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
        new Date(iso),
      );
    const days = (res.json.data as { created_at: string }[]).map((e) => yangonDay(e.created_at));
    const total = async (query: Record<string, string>) =>
      ((await call(ledgerRoute, 'GET', '/api/reseller/ledger', { token: r.token, query })).json.pagination as { total: number }).total;
    expect(await total({ from: days[1], to: days[0] })).toBe(2);
    expect(await total({ from: '2999-01-01' })).toBe(0);
    expect(await total({ to: '2000-01-01' })).toBe(0);
    expect(
      fieldsOf(
        expectError(await call(ledgerRoute, 'GET', '/l', { token: r.token, query: { from: 'yesterday' } }), 400, 'validation_failed'),
      ),
    ).toHaveProperty('from');
  });
});

describe('tenancy over HTTP', () => {
  test("reseller B gets 404 not_found for A's client on every route, and the row is unchanged", async () => {
    const a = await signedInReseller(100_000);
    const b = await signedInReseller(100_000);
    const id = await newClientVia(a.token);
    const before = await storedClient(id);
    const bBefore = await moneyFootprint(h.db, b.id, id);
    const attempts = [
      () => call(getClientRoute, 'GET', '/c', { token: b.token, id }),
      () => call(patchClient, 'PATCH', '/c', { token: b.token, id, body: { name: 'Mine now', password: 'hijacked-1' } }),
      () => call(activateRoute, 'POST', '/a', { token: b.token, id, body: { package_type: 'starter_pro' } }),
      () => call(suspendRoute, 'POST', '/s', { token: b.token, id }),
      () => call(unsuspendRoute, 'POST', '/u', { token: b.token, id }),
    ];
    for (const attempt of attempts) expectError(await attempt(), 404, 'not_found');
    expect(await storedClient(id)).toEqual(before);
    expect(await moneyFootprint(h.db, b.id, id)).toEqual(bBefore);
    const list = await call(listClientsRoute, 'GET', '/api/reseller/clients', { token: b.token });
    expect(list.json.data).toEqual([]);
  });

  test('a non-numeric or out-of-range id is 404', async () => {
    const r = await signedInReseller();
    for (const id of ['abc', '0', '-1', '1.5', '99999999999']) {
      expectError(await call(getClientRoute, 'GET', '/c', { token: r.token, id }), 404, 'not_found');
    }
    expectError(
      await call(activateRoute, 'POST', '/a', { token: r.token, id: 'abc', body: { package_type: 'starter_pro' } }),
      404,
      'not_found',
    );
  });

  test('malformed JSON is 400 invalid_json; no token is 401', async () => {
    const r = await signedInReseller();
    const id = await newClientVia(r.token);
    expectError(
      await call(activateRoute, 'POST', '/a', { token: r.token, id, rawBody: '{package_type: starter_pro}' }),
      400,
      'invalid_json',
    );
    expectError(await call(createClientRoute, 'POST', '/api/reseller/clients', { token: r.token, rawBody: '[' }), 400, 'invalid_json');
    expectError(await call(activateRoute, 'POST', '/a', { id, body: { package_type: 'starter_pro' } }), 401, 'unauthorized');
    expectError(await call(listClientsRoute, 'GET', '/api/reseller/clients'), 401, 'unauthorized');
  });
});
