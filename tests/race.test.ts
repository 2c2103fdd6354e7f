// Concurrency on the money path (docs/ARCHITECTURE.md#rules-money): only a real PostgreSQL server has true parallel transactions.
import { and, asc, count, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { DbHandle } from '@/db';
import { ledgerEntries, resellers, subscriptions } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { DomainError } from '@/lib/errors';
import { activatePackage } from '@/lib/services/activation';
import { creditReseller } from '@/lib/services/credit';
import { settleCommission } from '@/lib/services/reseller-admin';
import { onPostgres, openTestDb } from './helpers/db';
import { makeAdmin, makeClient, makeReseller } from './helpers/fixtures';
import { assertLedgerInvariant } from './helpers/invariants';

const DAY = 86_400_000;

if (!onPostgres()) console.log('race tests need PostgreSQL: set TEST_DATABASE_URL');

describe.skipIf(!onPostgres())('concurrent money movements', () => {
  let h: DbHandle;
  let admin: Actor;
  beforeAll(async () => {
    h = await openTestDb({ max: 20 });
    admin = await makeAdmin(h.db);
  });
  afterEach(async () => {
    await assertLedgerInvariant(h.db);
  });
  afterAll(async () => {
    await h.close();
  });

  const balanceOf = async (id: number) => {
    const [r] = await h.db.select({ b: resellers.creditBalance }).from(resellers).where(eq(resellers.id, id));
    return r.b;
  };
  const codesOf = (results: PromiseSettledResult<unknown>[]) =>
    results.flatMap((r) => (r.status === 'rejected' ? [r.reason instanceof DomainError ? r.reason.code : String(r.reason)] : []));

  test('50 parallel activations on credit for 7: exactly 7 succeed, balance 0', async () => {
    const { reseller, actor } = await makeReseller(h.db, admin, { credit: 350_000 });
    const clients = await Promise.all(Array.from({ length: 50 }, () => makeClient(h.db, actor)));
    const results = await Promise.allSettled(
      clients.map(({ client }) => activatePackage(h.db, actor, client.id, { package_type: 'starter_pro' })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(7);
    const codes = codesOf(results);
    expect(codes).toHaveLength(43);
    expect(new Set(codes)).toEqual(new Set(['insufficient_credit']));
    expect(await balanceOf(reseller.id)).toBe(0);
    const [{ subs }] = await h.db.select({ subs: count() }).from(subscriptions).where(eq(subscriptions.resellerId, reseller.id));
    expect(subs).toBe(7);
    const debits = await h.db.select().from(ledgerEntries).where(eq(ledgerEntries.resellerId, reseller.id));
    expect(debits.filter((r) => r.kind === 'activation')).toHaveLength(7);
    expect(debits.reduce((a, r) => a + r.amount, 0)).toBe(0);
  });

  test('20 parallel activations of one client on credit for 3: 3 succeed and chain without overlap', async () => {
    const { reseller, actor } = await makeReseller(h.db, admin, { credit: 150_000 });
    const { client } = await makeClient(h.db, actor);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => activatePackage(h.db, actor, client.id, { package_type: 'starter_pro' })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    expect(new Set(codesOf(results))).toEqual(new Set(['insufficient_credit']));
    expect(await balanceOf(reseller.id)).toBe(0);

    const subs = await h.db.select().from(subscriptions).where(eq(subscriptions.clientId, client.id)).orderBy(asc(subscriptions.startsAt));
    expect(subs.map((s) => s.kind)).toEqual(['new', 'renewal', 'renewal']);
    for (const s of subs) expect(s.endsAt.getTime() - s.startsAt.getTime()).toBe(30 * DAY);
    // Consecutive: each period starts exactly when the previous one ends.
    expect(subs[1].startsAt.getTime()).toBe(subs[0].endsAt.getTime());
    expect(subs[2].startsAt.getTime()).toBe(subs[1].endsAt.getTime());
  });

  test('30 parallel top-ups of 1,000 add up to exactly 30,000', async () => {
    const { reseller } = await makeReseller(h.db, admin);
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) => creditReseller(h.db, admin, reseller.id, { amount: 1_000, method: 'cash', reference: `T${i}` })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(30);
    expect(await balanceOf(reseller.id)).toBe(30_000);
    const rows = await h.db
      .select()
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.account, 'reseller_credit'), eq(ledgerEntries.accountId, reseller.id)))
      .orderBy(asc(ledgerEntries.id));
    expect(rows.map((r) => r.balanceAfter)).toEqual(Array.from({ length: 30 }, (_, i) => (i + 1) * 1_000));
  });

  test('commission settlements in parallel never pay out more than was earned', async () => {
    // A 10 % commission partner earns 4 × 5,000 on four Starter Pro activations.
    const { reseller, actor } = await makeReseller(h.db, admin, { credit: 200_000, partner_type: 'commission', commission_rate: 10 });
    for (let i = 0; i < 4; i++)
      await activatePackage(h.db, actor, (await makeClient(h.db, actor)).client.id, { package_type: 'starter_pro' });
    const balances = async () => {
      const [r] = await h.db
        .select({ credit: resellers.creditBalance, commission: resellers.commissionBalance })
        .from(resellers)
        .where(eq(resellers.id, reseller.id));
      return r;
    };
    expect(await balances()).toEqual({ credit: 0, commission: 20_000 });

    // Ten conversions of 3,000 at once: six fit, four are refused; each fitted one moves commission to credit.
    const converts = await Promise.allSettled(
      Array.from({ length: 10 }, () => settleCommission(h.db, admin, reseller.id, { mode: 'convert', amount: 3_000 })),
    );
    expect(converts.filter((r) => r.status === 'fulfilled')).toHaveLength(6);
    expect(codesOf(converts)).toEqual(Array(4).fill('insufficient_credit'));
    expect(await balances()).toEqual({ credit: 18_000, commission: 2_000 });

    // Five "pay out everything" at once: one pays the 2,000 left, the others find nothing to settle.
    const payouts = await Promise.allSettled(
      Array.from({ length: 5 }, () => settleCommission(h.db, admin, reseller.id, { mode: 'payout' })),
    );
    expect(
      payouts.filter((r) => r.status === 'fulfilled').map((r) => (r as PromiseFulfilledResult<{ amount: number }>).value.amount),
    ).toEqual([2_000]);
    expect(codesOf(payouts)).toEqual(Array(4).fill('conflict'));
    expect(await balances()).toEqual({ credit: 18_000, commission: 0 });
  });
});
