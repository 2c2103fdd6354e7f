// The admin API, credit and lists (docs/ARCHITECTURE.md#rules-apis): POST /api/admin/resellers/:id/credit, the
// list envelopes, and what an unexpected error shows (login and resellers: api.test.ts).
import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { POST as adminLogin } from '@/app/api/admin/auth/login/route';
import { POST as creditRoute } from '@/app/api/admin/resellers/[id]/credit/route';
import { GET as adminLedger } from '@/app/api/admin/resellers/[id]/ledger/route';
import { POST as createResellerRoute, GET as listResellersRoute } from '@/app/api/admin/resellers/route';
import type { DbHandle } from '@/db';
import { ledgerEntries, resellers, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { errorResponse } from '@/lib/http/errors';
import { useTestDbForRoutes } from './helpers/db';
import { rejection } from './helpers/errors';
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
const creditBalance = async (id: number) =>
  (await h.db.select({ b: resellers.creditBalance }).from(resellers).where(eq(resellers.id, id)))[0].b;
const ledgerCount = async (id: number) =>
  (
    await h.db
      .select({ n: count() })
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.account, 'reseller_credit'), eq(ledgerEntries.accountId, id)))
  )[0].n;

describe('POST /api/admin/resellers/:id/credit', () => {
  test('a top-up is 201 with the ledger entry and the new balance', async () => {
    const { reseller } = await makeReseller(h.db, admin);
    const res = await call(creditRoute, 'POST', '/credit', {
      token: adminToken,
      id: reseller.id,
      body: { amount: 1_000_000, method: 'bank_transfer', reference: 'TX1', note: 'March invoice' },
    });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      ledger_entry: {
        id: expect.any(Number),
        kind: 'topup',
        amount: 1_000_000,
        balance_after: 1_000_000,
        reference: 'TX1',
        note: 'March invoice',
        method: 'bank_transfer',
        created_at: expect.any(String),
      },
      credit_balance: 1_000_000,
    });
    expect(await creditBalance(reseller.id)).toBe(1_000_000);
  });

  test('an adjustment needs a note, cannot go below zero, and a bad method is 400', async () => {
    const { reseller } = await makeReseller(h.db, admin, { credit: 5_000 });
    const post = (body: unknown) => call(creditRoute, 'POST', '/credit', { token: adminToken, id: reseller.id, body });
    expect(Object.keys(fieldsOf(expectError(await post({ amount: -1_000 }), 400, 'validation_failed')))).toEqual(['note']);
    expect(Object.keys(fieldsOf(expectError(await post({ amount: 1_000, method: 'paypal' }), 400, 'validation_failed')))).toEqual([
      'method',
    ]);
    expect(Object.keys(fieldsOf(expectError(await post({ amount: 10.5 }), 400, 'validation_failed')))).toEqual(['amount']);
    expect(Object.keys(fieldsOf(expectError(await post({ amount: '1000' }), 400, 'validation_failed')))).toEqual(['amount']);
    const ledgerBefore = await ledgerCount(reseller.id);
    const below = await post({ amount: -5_001, note: 'correction' });
    expect(expectError(below, 402, 'insufficient_credit')).toMatchObject({ balance: 5_000, required: 5_001 });
    expect(await creditBalance(reseller.id)).toBe(5_000);
    expect(await ledgerCount(reseller.id)).toBe(ledgerBefore);

    const ok = await post({ amount: -5_000, note: 'refunded by bank' });
    expect(ok.status).toBe(201);
    expect(ok.json).toMatchObject({
      ledger_entry: { kind: 'adjustment', amount: -5_000, balance_after: 0, note: 'refunded by bank' },
      credit_balance: 0,
    });
  });

  test('crediting an unknown reseller is 404', async () => {
    expectError(
      await call(creditRoute, 'POST', '/credit', { token: adminToken, id: 2_000_000_000, body: { amount: 1 } }),
      404,
      'not_found',
    );
  });
});

describe('lists', () => {
  test('GET /api/admin/resellers pages with the standard envelope; limit above 100 is 400', async () => {
    const tag = uid();
    for (let i = 0; i < 3; i++)
      await call(createResellerRoute, 'POST', '/api/admin/resellers', {
        token: adminToken,
        body: resellerBody({ name: `Tagged ${tag} ${i}` }),
      });
    const res = await call(listResellersRoute, 'GET', '/api/admin/resellers', { token: adminToken, query: { search: tag, limit: 2 } });
    expect(res.status).toBe(200);
    expect(res.json.pagination).toEqual({ page: 1, limit: 2, total: 3, pages: 2 });
    expect(res.json.data).toHaveLength(2);
    const p2 = await call(listResellersRoute, 'GET', '/api/admin/resellers', {
      token: adminToken,
      query: { search: tag, limit: 2, page: 2 },
    });
    expect(p2.json.data).toHaveLength(1);
    expect(
      fieldsOf(
        expectError(
          await call(listResellersRoute, 'GET', '/api/admin/resellers', { token: adminToken, query: { limit: 101 } }),
          400,
          'validation_failed',
        ),
      ),
    ).toHaveProperty('limit');
  });

  test("GET /api/admin/resellers/:id/ledger lists the reseller's entries newest first", async () => {
    const { reseller } = await makeReseller(h.db, admin, { credit: 10_000 });
    await call(creditRoute, 'POST', '/credit', {
      token: adminToken,
      id: reseller.id,
      body: { amount: 2_500, method: 'kbzpay', reference: 'KBZ-9' },
    });
    const res = await call(adminLedger, 'GET', '/ledger', { token: adminToken, id: reseller.id });
    expect(res.status).toBe(200);
    expect(res.json.pagination).toEqual({ page: 1, limit: 20, total: 2, pages: 1 });
    expect(res.json.data).toMatchObject([
      { kind: 'topup', amount: 2_500, balance_after: 12_500, method: 'kbzpay', reference: 'KBZ-9' },
      { kind: 'topup', amount: 10_000, balance_after: 10_000 },
    ]);
    expectError(await call(adminLedger, 'GET', '/ledger', { token: adminToken, id: 2_000_000_000 }), 404, 'not_found');
  });
});

test('an unexpected error is a bare 500: no message, stack or SQL from below', async () => {
  const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
  try {
    // A real driver error from a failing statement, as drizzle throws it.
    const dbError = await rejection(h.db.execute(sql`select password_hash from no_such_table`));
    for (const err of [dbError, new Error('boom at /srv/app/lib/x.ts:12:3')]) {
      const res = errorResponse(err);
      expect(res.status).toBe(500);
      const text = await res.text();
      expect(JSON.parse(text)).toEqual({ error: { code: 'internal_error', message: expect.any(String), details: {} } });
      expect(text).not.toMatch(/select|password_hash|no_such_table|stack|boom|x\.ts/i);
    }
  } finally {
    spy.mockRestore();
  }
});
