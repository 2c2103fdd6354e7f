// Top-up requests (docs/ARCHITECTURE.md#rules-money): a reseller asks for credit, the admin approves (credit added, linked to the
// request) or rejects (with a reason), once. Through the route handlers.
import { and, asc, count, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { POST as approveRoute } from '@/app/api/admin/topup-requests/[id]/approve/route';
import { POST as rejectRoute } from '@/app/api/admin/topup-requests/[id]/reject/route';
import { GET as adminList } from '@/app/api/admin/topup-requests/route';
import { GET as profileRoute } from '@/app/api/reseller/profile/route';
import { POST as fileRoute, GET as resellerList } from '@/app/api/reseller/topup-requests/route';
import type { DbHandle } from '@/db';
import { ledgerEntries, resellers, topupRequests } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { listAudit } from '@/lib/services/audit';
import { useTestDbForRoutes } from './helpers/db';
import { type ApiAnswer, call, expectError, fieldsOf } from './helpers/http';
import { assertLedgerInvariant } from './helpers/invariants';
import { adminWithToken, resellerWithToken } from './helpers/sessions';

let h: DbHandle;
let admin: Actor;
let adminToken: string;
beforeAll(async () => {
  h = await useTestDbForRoutes();
  ({ actor: admin, token: adminToken } = await adminWithToken(h.db));
});
afterEach(async () => {
  await assertLedgerInvariant(h.db);
});
afterAll(async () => {
  await h.close();
});

const file = (token: string, body: unknown) => call(fileRoute, 'POST', '/api/reseller/topup-requests', { token, body });
const approve = (id: number | string, body: unknown = {}, token = adminToken) =>
  call(approveRoute, 'POST', '/approve', { token, id, body });
const reject = (id: number | string, body: unknown, token = adminToken) => call(rejectRoute, 'POST', '/reject', { token, id, body });
const idOf = (a: ApiAnswer) => Number(a.json.id);
const idsOf = (a: ApiAnswer) => (a.json.data as { id: number }[]).map((r) => r.id);

async function creditOf(id: number) {
  const [r] = await h.db.select({ b: resellers.creditBalance }).from(resellers).where(eq(resellers.id, id));
  return r.b;
}
const creditRows = (id: number) =>
  h.db
    .select()
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.account, 'reseller_credit'), eq(ledgerEntries.accountId, id)))
    .orderBy(asc(ledgerEntries.id));
async function requestCount(resellerId: number) {
  const [{ n }] = await h.db.select({ n: count() }).from(topupRequests).where(eq(topupRequests.resellerId, resellerId));
  return n;
}
async function auditFor(requestId: number, action: string) {
  const page = await listAudit(h.db, admin, { page: 1, limit: 10, action, target_type: 'topup_request', target_id: String(requestId) });
  return page.data;
}

describe('filing (POST /api/reseller/topup-requests)', () => {
  test('201 with the pending request; nothing is credited yet', async () => {
    const r = await resellerWithToken(h.db, admin, { credit: 10_000 });
    const res = await file(r.token, { amount: 250_000, method: 'kbzpay', reference: 'KBZ-77', note: 'For May' });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      id: expect.any(Number),
      reseller_id: r.id,
      reseller_name: r.reseller.name,
      amount: 250_000,
      method: 'kbzpay',
      reference: 'KBZ-77',
      note: 'For May',
      status: 'pending',
      decision_note: null,
      decided_at: null,
      ledger_entry_id: null,
      created_at: expect.any(String),
    });
    expect(await creditOf(r.id)).toBe(10_000);
    expect(await creditRows(r.id)).toHaveLength(1);
    const [created] = await auditFor(idOf(res), 'topup_request.create');
    expect(created).toMatchObject({ actor_id: r.id, actor_role: 'reseller', after: { amount: 250_000, method: 'kbzpay' } });
    // The note is optional.
    expect((await file(r.token, { amount: 1, method: 'cash', reference: 'C-1' })).json).toMatchObject({ note: null, status: 'pending' });
  });

  test('bad amount or method is 400 with per-field messages, and nothing is filed', async () => {
    const r = await resellerWithToken(h.db, admin);
    const cases: [unknown, string[]][] = [
      [{ amount: 0, method: 'cash' }, ['amount']],
      [{ amount: -5_000, method: 'cash' }, ['amount']],
      [{ amount: 10.5, method: 'cash' }, ['amount']],
      [{ amount: '5000', method: 'cash' }, ['amount']],
      [{ amount: 5_000, method: 'paypal' }, ['method']],
      [{ amount: 5_000 }, ['method']],
      [{ method: 'bitcoin' }, ['amount', 'method']],
    ];
    for (const [body, fields] of cases) {
      const res = await file(r.token, body);
      const details = fieldsOf(expectError(res, 400, 'validation_failed'));
      expect(Object.keys(details).sort(), JSON.stringify(body)).toEqual(fields);
    }
    expect(await requestCount(r.id)).toBe(0);
  });
});

describe('lists', () => {
  test('a reseller sees only its own requests, whatever it asks for', async () => {
    const a = await resellerWithToken(h.db, admin);
    const b = await resellerWithToken(h.db, admin);
    const a1 = idOf(await file(a.token, { amount: 1_000, method: 'cash' }));
    const a2 = idOf(await file(a.token, { amount: 2_000, method: 'wavepay' }));
    const b1 = idOf(await file(b.token, { amount: 3_000, method: 'cash' }));
    const list = (token: string, query: Record<string, string | number> = {}) =>
      call(resellerList, 'GET', '/api/reseller/topup-requests', { token, query });
    const own = await list(a.token);
    expect(own.status).toBe(200);
    expect(idsOf(own)).toEqual([a2, a1]);
    expect(own.json.pagination).toEqual({ page: 1, limit: 20, total: 2, pages: 1 });
    expect(idsOf(await list(a.token, { reseller_id: b.id }))).toEqual([a2, a1]);
    expect(idsOf(await list(b.token))).toEqual([b1]);
    await approve(a1);
    expect(idsOf(await list(a.token, { status: 'approved' }))).toEqual([a1]);
    expect(idsOf(await list(a.token, { status: 'pending' }))).toEqual([a2]);
    expect(fieldsOf(expectError(await list(a.token, { status: 'done' }), 400, 'validation_failed'))).toHaveProperty('status');
  });

  test("the admin sees every reseller's requests, filtered by status and by reseller", async () => {
    const a = await resellerWithToken(h.db, admin);
    const b = await resellerWithToken(h.db, admin);
    const a1 = idOf(await file(a.token, { amount: 1_000, method: 'cash' }));
    const a2 = idOf(await file(a.token, { amount: 2_000, method: 'cash' }));
    const b1 = idOf(await file(b.token, { amount: 3_000, method: 'other' }));
    await reject(a2, { reason: 'No payment received' });
    const list = (query: Record<string, string | number>) =>
      call(adminList, 'GET', '/api/admin/topup-requests', { token: adminToken, query });

    const pending = await list({ status: 'pending', limit: 100 });
    expect(pending.status).toBe(200);
    const rows = pending.json.data as { id: number; status: string }[];
    expect(rows.every((r) => r.status === 'pending')).toBe(true);
    expect(idsOf(pending)).toEqual(expect.arrayContaining([a1, b1]));
    expect(idsOf(pending)).not.toContain(a2);

    expect(idsOf(await list({ reseller_id: a.id }))).toEqual([a2, a1]);
    expect(idsOf(await list({ reseller_id: a.id, status: 'rejected' }))).toEqual([a2]);
    expect(idsOf(await list({ reseller_id: b.id }))).toEqual([b1]);
    expect((await list({ reseller_id: b.id })).json.data).toMatchObject([{ reseller_name: b.reseller.name, amount: 3_000 }]);
  });
});

describe('deciding', () => {
  test('approve credits exactly the amount, linked both ways to one topup ledger row, and is audited', async () => {
    const r = await resellerWithToken(h.db, admin, { credit: 40_000 });
    const id = idOf(await file(r.token, { amount: 600_000, method: 'bank_transfer', reference: 'KBZ-TX-9', note: 'June' }));
    const res = await approve(id, { note: 'Received in bank' });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      id,
      status: 'approved',
      decision_note: 'Received in bank',
      decided_at: expect.any(String),
      ledger_entry_id: expect.any(Number),
      credit_balance: 640_000,
    });
    expect(await creditOf(r.id)).toBe(640_000);

    const rows = await creditRows(r.id);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({
      id: res.json.ledger_entry_id,
      kind: 'topup',
      amount: 600_000,
      balanceAfter: 640_000,
      topupRequestId: id,
      method: 'bank_transfer',
      reference: 'KBZ-TX-9',
      actorId: admin.userId,
    });
    const [stored] = await h.db.select().from(topupRequests).where(eq(topupRequests.id, id));
    expect(stored).toMatchObject({ status: 'approved', ledgerEntryId: rows[1].id, decidedBy: admin.userId });
    expect((await call(profileRoute, 'GET', '/api/reseller/profile', { token: r.token })).json.credit_balance).toBe(640_000);

    const [audit] = await auditFor(id, 'topup_request.approve');
    expect(audit).toMatchObject({
      actor_id: admin.userId,
      actor_role: 'admin',
      target_type: 'topup_request',
      target_id: String(id),
      before: { status: 'pending' },
      after: { status: 'approved', amount: 600_000, reseller_id: r.id, ledger_entry_id: rows[1].id },
    });
  });

  test('reject needs a reason, adds no credit, and is audited', async () => {
    const r = await resellerWithToken(h.db, admin, { credit: 5_000 });
    const id = idOf(await file(r.token, { amount: 90_000, method: 'wavepay', reference: 'WP-1' }));
    for (const body of [{}, { reason: '' }, { reason: '   ' }, { reason: 42 }]) {
      expect(Object.keys(fieldsOf(expectError(await reject(id, body), 400, 'validation_failed')))).toEqual(['reason']);
    }
    const [still] = await h.db.select().from(topupRequests).where(eq(topupRequests.id, id));
    expect(still.status).toBe('pending');

    const res = await reject(id, { reason: 'Reference not found in WavePay' });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ id, status: 'rejected', decision_note: 'Reference not found in WavePay', ledger_entry_id: null });
    expect(res.json).not.toHaveProperty('credit_balance');
    expect(await creditOf(r.id)).toBe(5_000);
    expect(await creditRows(r.id)).toHaveLength(1);
    const [audit] = await auditFor(id, 'topup_request.reject');
    expect(audit).toMatchObject({
      actor_id: admin.userId,
      before: { status: 'pending' },
      after: { status: 'rejected', reason: 'Reference not found in WavePay', ledger_entry_id: null },
    });
  });

  test('a request is decided once: any second decision is 409 already_decided and changes nothing', async () => {
    const r = await resellerWithToken(h.db, admin);
    const approved = idOf(await file(r.token, { amount: 7_000, method: 'cash' }));
    const rejected = idOf(await file(r.token, { amount: 8_000, method: 'cash' }));
    expect((await approve(approved)).status).toBe(200);
    expect((await reject(rejected, { reason: 'Duplicate' })).status).toBe(200);
    const { token: otherAdmin } = await adminWithToken(h.db);

    const again = [
      await approve(approved),
      await approve(approved, {}, otherAdmin),
      await reject(approved, { reason: 'Changed my mind' }),
      await approve(rejected),
      await reject(rejected, { reason: 'Again' }),
    ];
    const statuses = again.map((a) => expectError(a, 409, 'already_decided').status);
    expect(statuses).toEqual(['approved', 'approved', 'approved', 'rejected', 'rejected']);
    expect(await creditOf(r.id)).toBe(7_000);
    expect((await creditRows(r.id)).map((e) => e.topupRequestId)).toEqual([approved]);
    const decisions = await listAudit(h.db, admin, {
      page: 1,
      limit: 10,
      action: 'topup_request.',
      target_type: 'topup_request',
      target_id: String(approved),
    });
    expect(decisions.data.map((a) => a.action)).toEqual(['topup_request.approve', 'topup_request.create']);
  });

  test('an unknown or malformed id is 404', async () => {
    expectError(await approve(2_000_000_000), 404, 'not_found');
    expectError(await reject(2_000_000_000, { reason: 'x' }), 404, 'not_found');
    expectError(await approve('abc'), 404, 'not_found');
    expectError(await reject('-3', { reason: 'x' }), 404, 'not_found');
  });

  test('a reseller token on the admin routes is 401, and the request stays pending', async () => {
    const r = await resellerWithToken(h.db, admin);
    const id = idOf(await file(r.token, { amount: 1_000_000, method: 'cash' }));
    expectError(await call(adminList, 'GET', '/api/admin/topup-requests', { token: r.token }), 401, 'unauthorized');
    expectError(await approve(id, {}, r.token), 401, 'unauthorized');
    expectError(await reject(id, { reason: 'x' }, r.token), 401, 'unauthorized');
    expectError(await approve(id, {}, ''), 401, 'unauthorized');
    // And an admin token is no reseller: it cannot file.
    expectError(await file(adminToken, { amount: 1_000, method: 'cash' }), 401, 'unauthorized');
    const [stored] = await h.db.select().from(topupRequests).where(eq(topupRequests.id, id));
    expect(stored.status).toBe('pending');
    expect(await creditOf(r.id)).toBe(0);
  });
});
