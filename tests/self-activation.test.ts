// A client's own balance (docs/ARCHITECTURE.md#rules-money): a reseller transfers credit, the client activates its package from it
// (POST /api/v1/activate), auto-renew at expiry, and the reseller's extend-trial. autoRenewDue scans every
// client, so this file has a database of its own.
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { POST as extendRoute } from '@/app/api/reseller/clients/[id]/extend-trial/route';
import { POST as activateRoute } from '@/app/api/v1/activate/route';
import { type DbHandle, setDbHandle } from '@/db';
import { clients, ledgerEntries, subscriptions } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { activatePackage } from '@/lib/services/activation';
import { transferCredit } from '@/lib/services/transfers';
import { autoRenewDue } from '@/lib/services/trial-renewal';
import { makeAdmin, makeClient } from './helpers/fixtures';
import { call, expectError } from './helpers/http';
import { assertLedgerInvariant } from './helpers/invariants';
import { openPrivateDb } from './helpers/private-db';
import { apiKeyFor } from './helpers/reseller-keys';
import { resellerWithToken } from './helpers/sessions';

const DAY = 86_400_000;
let h: DbHandle;
let admin: Actor;
beforeAll(async () => {
  h = await openPrivateDb();
  setDbHandle(h);
  admin = await makeAdmin(h.db);
});
afterEach(async () => {
  await assertLedgerInvariant(h.db);
});
afterAll(async () => {
  await h.close();
});

async function clientWithCredit(transfer: number, opts: { now?: Date } = {}) {
  const r = await resellerWithToken(h.db, admin, { credit: 500_000 });
  const c = await makeClient(h.db, r.actor, { now: opts.now });
  if (transfer) await transferCredit(h.db, r.actor, c.client.id, transfer);
  const key = await apiKeyFor(h.db, c.actor);
  return { r, c, id: c.client.id, token: key.key };
}
const creditOf = async (id: number) => (await h.db.select({ b: clients.creditBalance }).from(clients).where(eq(clients.id, id)))[0].b;
const subsOf = (id: number) => h.db.select().from(subscriptions).where(eq(subscriptions.clientId, id)).orderBy(asc(subscriptions.startsAt));

describe('POST /api/v1/activate', () => {
  test("paid from the client's own credit: client_credit ledger row, subscription paid_by client", async () => {
    const { r, id, token } = await clientWithCredit(60_000);
    const res = await call(activateRoute, 'POST', '/api/v1/activate', { token, body: { package_type: 'starter_pro' } });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      kind: 'new',
      credit_balance: 10_000,
      subscription: expect.objectContaining({ package_type: 'starter_pro' }),
    });
    expect(await creditOf(id)).toBe(10_000);
    const [s] = await subsOf(id);
    expect(s).toMatchObject({ paidBy: 'client', packageCode: 'starter_pro', kind: 'new' });
    const rows = await h.db
      .select()
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.account, 'client_credit'), eq(ledgerEntries.accountId, id)))
      .orderBy(asc(ledgerEntries.id));
    expect(rows.map((x) => [x.kind, x.amount, x.balanceAfter])).toEqual([
      ['transfer_in', 60_000, 60_000],
      ['activation', -50_000, 10_000],
    ]);
    // The reseller's own balance paid only the transfer.
    const rRows = await h.db
      .select()
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.account, 'reseller_credit'), eq(ledgerEntries.accountId, r.id)));
    expect(rRows.map((x) => x.kind).sort()).toEqual(['topup', 'transfer_out']);
  });

  test('not enough client credit → 402 insufficient_credit with balance and required; nothing changes', async () => {
    const { id, token } = await clientWithCredit(49_999);
    const res = await call(activateRoute, 'POST', '/api/v1/activate', { token, body: { package_type: 'starter_pro' } });
    expect(expectError(res, 402, 'insufficient_credit')).toMatchObject({ balance: 49_999, required: 50_000 });
    expect(await creditOf(id)).toBe(49_999);
    expect(await subsOf(id)).toEqual([]);
    expectError(await call(activateRoute, 'POST', '/x', { token, body: { package_type: 'nope' } }), 400, 'validation_failed');
  });
});

describe('autoRenewDue', () => {
  test('renews a client with auto_renew on whose period ends within the hour; twice renews once', async () => {
    const t0 = new Date(Date.now() - 29 * DAY);
    const { c, id } = await clientWithCredit(100_000, { now: t0 });
    await activatePackage(h.db, c.actor, id, { package_type: 'starter_pro' }, t0);
    await h.db.update(clients).set({ autoRenew: true }).where(eq(clients.id, id));
    const [first] = await subsOf(id);
    const early = new Date(first.endsAt.getTime() - 2 * 3_600_000);
    expect(await autoRenewDue(h.db, early)).toBe(0);
    const due = new Date(first.endsAt.getTime() - 30 * 60_000);
    const [a, b] = await Promise.all([autoRenewDue(h.db, due), autoRenewDue(h.db, due)]);
    expect(a + b).toBe(1);
    expect(await autoRenewDue(h.db, due)).toBe(0);
    const subs = await subsOf(id);
    expect(subs).toHaveLength(2);
    expect(subs[1]).toMatchObject({ kind: 'renewal', paidBy: 'client', packageCode: 'starter_pro' });
    expect(subs[1].startsAt.getTime()).toBe(first.endsAt.getTime());
    expect(await creditOf(id)).toBe(0);
  });

  test('does nothing when the balance is short, when auto_renew is off, or when a renewal is queued', async () => {
    const t0 = new Date(Date.now() - 29 * DAY);
    const short = await clientWithCredit(60_000, { now: t0 });
    await activatePackage(h.db, short.c.actor, short.id, { package_type: 'starter_pro' }, t0);
    await h.db.update(clients).set({ autoRenew: true }).where(eq(clients.id, short.id));
    const off = await clientWithCredit(100_000, { now: t0 });
    await activatePackage(h.db, off.c.actor, off.id, { package_type: 'starter_pro' }, t0);
    const queued = await clientWithCredit(0, { now: t0 });
    await activatePackage(h.db, queued.r.actor, queued.id, { package_type: 'starter_pro' }, t0);
    await activatePackage(h.db, queued.r.actor, queued.id, { package_type: 'starter_pro' }, t0);
    await h.db.update(clients).set({ autoRenew: true }).where(eq(clients.id, queued.id));

    const due = new Date((await subsOf(short.id))[0].endsAt.getTime() - 30 * 60_000);
    expect(await autoRenewDue(h.db, due)).toBe(0);
    expect(await subsOf(short.id)).toHaveLength(1);
    expect(await creditOf(short.id)).toBe(10_000);
    expect(await subsOf(off.id)).toHaveLength(1);
    expect(await subsOf(queued.id)).toHaveLength(2);
  });
});

describe('POST /api/reseller/clients/:id/extend-trial', () => {
  test("extends from the trial end, or from now when it ended; 31 → 400; another reseller's client → 404", async () => {
    const r = await resellerWithToken(h.db, admin);
    const other = await resellerWithToken(h.db, admin);
    const { client } = await makeClient(h.db, r.actor, { trial_days: 3 });
    const [before] = await h.db.select().from(clients).where(eq(clients.id, client.id));
    const res = await call(extendRoute, 'POST', '/x', { token: r.token, id: client.id, body: { days: 5 } });
    expect(res.status).toBe(200);
    const [after] = await h.db.select().from(clients).where(eq(clients.id, client.id));
    expect(after.trialEndsAt.getTime() - before.trialEndsAt.getTime()).toBe(5 * DAY);
    expect(res.json).toMatchObject({ id: client.id, status: 'trial' });

    const { client: ended } = await makeClient(h.db, r.actor, { trial_days: 0, now: new Date(Date.now() - 10 * DAY) });
    const t = Date.now();
    expect((await call(extendRoute, 'POST', '/x', { token: r.token, id: ended.id, body: { days: 5 } })).json).toMatchObject({
      status: 'trial',
    });
    const [e] = await h.db.select().from(clients).where(eq(clients.id, ended.id));
    expect(e.trialEndsAt.getTime()).toBeGreaterThanOrEqual(t + 5 * DAY);
    expect(e.trialEndsAt.getTime()).toBeLessThan(Date.now() + 5 * DAY + 1000);

    expectError(await call(extendRoute, 'POST', '/x', { token: r.token, id: client.id, body: { days: 31 } }), 400, 'validation_failed');
    expectError(await call(extendRoute, 'POST', '/x', { token: r.token, id: client.id, body: { days: 0 } }), 400, 'validation_failed');
    expectError(await call(extendRoute, 'POST', '/x', { token: other.token, id: client.id, body: { days: 5 } }), 404, 'not_found');
    const [unchanged] = await h.db.select().from(clients).where(eq(clients.id, client.id));
    expect(unchanged.trialEndsAt).toEqual(after.trialEndsAt);
  });
});
