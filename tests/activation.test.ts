// The money path (docs/ARCHITECTURE.md#rules-money): trial, new activation, renewal, switch with refund, commission, refusals.
import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { DbHandle } from '@/db';
import { ledgerEntries, packages, resellers, subscriptions } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { activatePackage } from '@/lib/services/activation';
import { getClient } from '@/lib/services/clients';
import { creditReseller } from '@/lib/services/credit';
import type { LedgerAccount } from '@/lib/services/ledger';
import { createClientInput } from '@/lib/validation/clients';
import { openTestDb } from './helpers/db';
import { domainError, errorText, rejection } from './helpers/errors';
import { makeAdmin, makeClient, makeReseller, uid } from './helpers/fixtures';
import { assertLedgerInvariant, ledgerMismatches, moneyFootprint } from './helpers/invariants';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const t0 = new Date('2026-03-01T08:00:00.000Z');
const plus = (ms: number) => new Date(t0.getTime() + ms);

let h: DbHandle;
let admin: Actor;
beforeAll(async () => {
  h = await openTestDb();
  admin = await makeAdmin(h.db);
});
afterEach(async () => {
  await assertLedgerInvariant(h.db);
});
afterAll(async () => {
  await h.close();
});

async function setup(credit: number, opts: { partner_type?: 'own_plans' | 'commission'; commission_rate?: number } = {}) {
  const { reseller, actor } = await makeReseller(h.db, admin, { credit, ...opts });
  const { client } = await makeClient(h.db, actor, { now: t0 });
  return { resellerId: reseller.id, actor, clientId: client.id };
}

const ledgerOf = (account: LedgerAccount, accountId: number) =>
  h.db
    .select()
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.account, account), eq(ledgerEntries.accountId, accountId)))
    .orderBy(asc(ledgerEntries.id));

const subsOf = (clientId: number) =>
  h.db.select().from(subscriptions).where(eq(subscriptions.clientId, clientId)).orderBy(asc(subscriptions.id));

describe('trial', () => {
  test('a new client is in trial for the default 3 days', async () => {
    const { actor } = await makeReseller(h.db, admin);
    const { client } = await makeClient(h.db, actor, { now: t0 });
    expect(client.status).toBe('trial');
    expect(client.trial_ends_at).toBe(plus(3 * DAY).toISOString());
    expect(client.package).toBeNull();
    expect((await getClient(h.db, actor, client.id, plus(3 * DAY - 1))).status).toBe('trial');
    expect((await getClient(h.db, actor, client.id, plus(3 * DAY))).status).toBe('expired');
  });

  test('trial_days 0 is expired at once; 30 is allowed; 31 is refused by the schema', async () => {
    const { actor } = await makeReseller(h.db, admin);
    const none = await makeClient(h.db, actor, { now: t0, trial_days: 0 });
    expect(none.client.status).toBe('expired');
    expect(none.client.trial_ends_at).toBe(t0.toISOString());
    const month = await makeClient(h.db, actor, { now: t0, trial_days: 30 });
    expect(month.client.status).toBe('trial');
    expect(month.client.trial_ends_at).toBe(plus(30 * DAY).toISOString());

    const base = { name: 'X', email: `x-${uid()}@test.local`, password: 'secret1' };
    expect(createClientInput.safeParse({ ...base, trial_days: 30 }).success).toBe(true);
    const bad = createClientInput.safeParse({ ...base, trial_days: 31 });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join('.'))).toEqual(['trial_days']);
  });
});

describe('activation', () => {
  test('from trial: a 30-day period from now, the price debited, one activation ledger row', async () => {
    const { resellerId, actor, clientId } = await setup(120_000);
    const res = await activatePackage(h.db, actor, clientId, { package_type: 'starter_pro' }, t0);
    expect(res.kind).toBe('new');
    expect(res.subscription).toMatchObject({
      package_type: 'starter_pro',
      price: 50_000,
      starts_at: t0.toISOString(),
      ends_at: plus(30 * DAY).toISOString(),
      daily_limit: 45,
      period_limit: 1350,
      device_limit: 1,
    });
    expect(res.credit_balance).toBe(70_000);
    expect(res.client.status).toBe('active');
    expect(res.client.package?.package_type).toBe('starter_pro');

    const rows = await ledgerOf('reseller_credit', resellerId);
    expect(rows.map((r) => [r.kind, r.amount, r.balanceAfter])).toEqual([
      ['topup', 120_000, 120_000],
      ['activation', -50_000, 70_000],
    ]);
    expect(rows[1]).toMatchObject({ clientId, subscriptionId: res.subscription.id, actorId: actor.userId });
  });

  test('renewal of the same package chains each new period onto the end of the last one', async () => {
    const { resellerId, actor, clientId } = await setup(150_000);
    await activatePackage(h.db, actor, clientId, { package_type: 'starter_pro' }, t0);
    const r1 = await activatePackage(h.db, actor, clientId, { package_type: 'starter_pro' }, plus(5 * DAY));
    expect(r1.kind).toBe('renewal');
    expect(r1.subscription.starts_at).toBe(plus(30 * DAY).toISOString());
    expect(r1.subscription.ends_at).toBe(plus(60 * DAY).toISOString());
    expect(r1.client.status).toBe('active');
    expect(r1.client.package?.ends_at).toBe(plus(30 * DAY).toISOString());
    expect(r1.client.paid_until).toBe(plus(60 * DAY).toISOString());

    const r2 = await activatePackage(h.db, actor, clientId, { package_type: 'starter_pro' }, plus(6 * DAY));
    expect(r2.kind).toBe('renewal');
    expect(r2.subscription.starts_at).toBe(plus(60 * DAY).toISOString());
    expect(r2.subscription.ends_at).toBe(plus(90 * DAY).toISOString());
    expect(r2.client.paid_until).toBe(plus(90 * DAY).toISOString());
    expect(r2.credit_balance).toBe(0);

    // Still active on the last day of the third period, expired right after it.
    expect((await getClient(h.db, actor, clientId, plus(90 * DAY - 1))).status).toBe('active');
    expect((await getClient(h.db, actor, clientId, plus(90 * DAY))).status).toBe('expired');
    expect((await subsOf(clientId)).map((s) => s.kind)).toEqual(['new', 'renewal', 'renewal']);
    expect((await ledgerOf('reseller_credit', resellerId)).filter((r) => r.kind === 'activation')).toHaveLength(3);
  });

  test('a renewal quoted at a time before the queued period starts still chains (clock race)', async () => {
    const { actor, clientId } = await setup(100_000);
    await activatePackage(h.db, actor, clientId, { package_type: 'starter_pro' }, plus(1000));
    // A second request whose `now` was taken a moment before the first one's: it must not buy an overlapping period.
    const r = await activatePackage(h.db, actor, clientId, { package_type: 'starter_pro' }, t0);
    expect(r.kind).toBe('renewal');
    expect(r.subscription.starts_at).toBe(plus(30 * DAY + 1000).toISOString());
  });

  test('switch: the unused whole days are refunded pro rata in a separate row; the new package starts now', async () => {
    const { resellerId, actor, clientId } = await setup(1_000_000);
    const first = await activatePackage(h.db, actor, clientId, { package_type: 'starter_pro' }, t0);
    const at = plus(10 * DAY + 5 * HOUR);
    const sw = await activatePackage(h.db, actor, clientId, { package_type: 'business_elite' }, at);
    expect(sw.kind).toBe('switch');
    expect(sw.refund).toBe(31_666); // floor(50,000 × 19 / 30): 19 whole days unused
    expect(sw.subscription).toMatchObject({
      package_type: 'business_elite',
      price: 100_000,
      starts_at: at.toISOString(),
      ends_at: new Date(at.getTime() + 30 * DAY).toISOString(),
    });
    expect(sw.credit_balance).toBe(1_000_000 - 50_000 + 31_666 - 100_000);
    expect(sw.client.package?.package_type).toBe('business_elite');

    const [old] = (await subsOf(clientId)).filter((s) => s.id === first.subscription.id);
    expect(old.canceledAt?.toISOString()).toBe(at.toISOString());
    expect(old.refundAmount).toBe(31_666);

    const rows = await ledgerOf('reseller_credit', resellerId);
    expect(rows.map((r) => [r.kind, r.amount, r.balanceAfter])).toEqual([
      ['topup', 1_000_000, 1_000_000],
      ['activation', -50_000, 950_000],
      ['refund', 31_666, 981_666],
      ['activation', -100_000, 881_666],
    ]);
    expect(rows[2].subscriptionId).toBe(first.subscription.id);
    expect(rows[3].subscriptionId).toBe(sw.subscription.id);
  });

  test('switch with a queued renewal refunds the queued period in full', async () => {
    const { resellerId, actor, clientId } = await setup(300_000);
    const cur = await activatePackage(h.db, actor, clientId, { package_type: 'starter_pro' }, t0);
    const queued = await activatePackage(h.db, actor, clientId, { package_type: 'starter_pro' }, plus(DAY));
    const at = plus(10 * DAY + 5 * HOUR);
    const sw = await activatePackage(h.db, actor, clientId, { package_type: 'business_elite' }, at);
    expect(sw.refund).toBe(31_666 + 50_000);
    expect(sw.credit_balance).toBe(300_000 - 50_000 - 50_000 + 31_666 + 50_000 - 100_000);

    const subs = await subsOf(clientId);
    const byId = new Map(subs.map((s) => [s.id, s]));
    expect(byId.get(cur.subscription.id)?.refundAmount).toBe(31_666);
    expect(byId.get(queued.subscription.id)?.refundAmount).toBe(50_000);
    expect(byId.get(queued.subscription.id)?.canceledAt?.toISOString()).toBe(at.toISOString());
    const refunds = (await ledgerOf('reseller_credit', resellerId)).filter((r) => r.kind === 'refund');
    expect(refunds.map((r) => [r.subscriptionId, r.amount])).toEqual([
      [cur.subscription.id, 31_666],
      [queued.subscription.id, 50_000],
    ]);
    // Service ends with the switched-to package, not with the refunded queue.
    expect((await getClient(h.db, actor, clientId, new Date(at.getTime() + 30 * DAY))).status).toBe('expired');
  });
});

describe('refusals', () => {
  test('insufficient credit: insufficient_credit with balance and required, nothing changes', async () => {
    const { resellerId, actor, clientId } = await setup(49_999);
    const before = await moneyFootprint(h.db, resellerId, clientId);
    const err = await domainError(activatePackage(h.db, actor, clientId, { package_type: 'starter_pro' }, t0));
    expect(err.code).toBe('insufficient_credit');
    expect(err.status).toBe(402);
    expect(err.details).toEqual({ balance: 49_999, required: 50_000 });
    expect(await moneyFootprint(h.db, resellerId, clientId)).toEqual(before);
    expect((await getClient(h.db, actor, clientId, t0)).status).toBe('trial');
  });

  test('an unknown or disabled package is a validation error on package_type', async () => {
    const { resellerId, actor, clientId } = await setup(500_000);
    const code = `retired_${uid()}`;
    await h.db
      .insert(packages)
      .values({ code, name: 'Retired', price: 1000, dailyLimit: 1, periodLimit: 1, deviceLimit: 1, active: false });
    const before = await moneyFootprint(h.db, resellerId, clientId);
    for (const package_type of ['gold_unlimited', code]) {
      const err = await domainError(activatePackage(h.db, actor, clientId, { package_type }, t0));
      expect(err.code).toBe('validation_failed');
      expect(Object.keys(err.details.fields as object)).toEqual(['package_type']);
    }
    expect(await moneyFootprint(h.db, resellerId, clientId)).toEqual(before);
  });
});

describe('commission partners', () => {
  test('earn commission_rate % of the list price into the commission balance', async () => {
    const { resellerId, actor, clientId } = await setup(100_000, { partner_type: 'commission', commission_rate: 10 });
    const res = await activatePackage(h.db, actor, clientId, { package_type: 'starter_pro' }, t0);
    expect(res.credit_balance).toBe(50_000);
    const rows = await ledgerOf('reseller_commission', resellerId);
    expect(rows.map((r) => [r.kind, r.amount, r.balanceAfter, r.subscriptionId])).toEqual([
      ['commission', 5_000, 5_000, res.subscription.id],
    ]);
    expect((await moneyFootprint(h.db, resellerId, clientId)).commission).toBe(5_000);
  });

  test('a switch takes back the commission share of its refund', async () => {
    const { resellerId, actor, clientId } = await setup(200_000, { partner_type: 'commission', commission_rate: 10 });
    await activatePackage(h.db, actor, clientId, { package_type: 'starter_pro' }, t0);
    await activatePackage(h.db, actor, clientId, { package_type: 'business_elite' }, plus(10 * DAY + 5 * HOUR));
    const rows = await ledgerOf('reseller_commission', resellerId);
    expect(rows.map((r) => [r.kind, r.amount])).toEqual([
      ['commission', 5_000],
      ['commission', 10_000],
      ['commission_reversal', -3_166],
    ]);
    expect((await moneyFootprint(h.db, resellerId, clientId)).commission).toBe(11_834);
  });

  test('an own_plans reseller earns no commission', async () => {
    const { resellerId, actor, clientId } = await setup(100_000);
    await activatePackage(h.db, actor, clientId, { package_type: 'starter_pro' }, t0);
    expect(await ledgerOf('reseller_commission', resellerId)).toEqual([]);
  });
});

describe('expiry', () => {
  test('after the period the client is expired, and the next activation starts a fresh period', async () => {
    const { actor, clientId } = await setup(100_000);
    await activatePackage(h.db, actor, clientId, { package_type: 'starter_pro' }, t0);
    const later = plus(31 * DAY);
    const view = await getClient(h.db, actor, clientId, later);
    expect(view.status).toBe('expired');
    expect(view.package).toBeNull();
    expect(view.paid_until).toBeNull();
    const res = await activatePackage(h.db, actor, clientId, { package_type: 'starter_pro' }, later);
    expect(res.kind).toBe('new');
    expect(res.subscription.starts_at).toBe(later.toISOString());
    expect(res.client.status).toBe('active');
  });
});

describe('ledger', () => {
  test('the invariant check notices a balance moved without a ledger row', async () => {
    const { reseller } = await makeReseller(h.db, admin, { credit: 1_000 });
    const rollback = new Error('rollback');
    const err = await rejection(
      h.db.transaction(async (tx) => {
        await tx.update(resellers).set({ creditBalance: 1_001 }).where(eq(resellers.id, reseller.id));
        const mine = (await ledgerMismatches(tx)).filter((m) => Number(m.account_id) === reseller.id);
        expect(mine).toEqual([
          { problem: 'balance_vs_sum', account: 'reseller_credit', account_id: reseller.id, balance: '1001', ledger: '1000' },
        ]);
        throw rollback;
      }),
    );
    expect(err).toBe(rollback);
  });

  test('is append-only: UPDATE and DELETE are refused by the database', async () => {
    const { reseller } = await makeReseller(h.db, admin);
    const { ledger_entry } = await creditReseller(h.db, admin, reseller.id, { amount: 10_000, method: 'cash' });
    const upd = await rejection(h.db.execute(sql`update ledger_entries set amount = 1 where id = ${ledger_entry.id}`));
    expect(errorText(upd)).toMatch(/append-only/);
    const del = await rejection(h.db.execute(sql`delete from ledger_entries where id = ${ledger_entry.id}`));
    expect(errorText(del)).toMatch(/append-only/);
    const [row] = await h.db.select().from(ledgerEntries).where(eq(ledgerEntries.id, ledger_entry.id));
    expect(row.amount).toBe(10_000);
  });
});
