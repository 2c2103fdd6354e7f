// Issue 10 items 1-2: what is charged is exactly what the preview showed. The activation service takes the
// quote the caller saw (expected_price, expected_refund) and refuses with 409 price_changed, charging
// nothing, when it moved; the preview lists each refund line of a switch (the current period's unused
// days, each queued renewal in full).
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { POST as activateRoute } from '@/app/api/reseller/clients/[id]/activate/route';
import type { DbHandle } from '@/db';
import { packages, resellers } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { activatePackage, previewActivation } from '@/lib/services/activation';
import { useTestDbForRoutes } from './helpers/db';
import { makeAdmin, makeClient, makeReseller } from './helpers/fixtures';
import { call, expectError } from './helpers/http';
import { assertLedgerInvariant, moneyFootprint } from './helpers/invariants';
import { apiKeyFor } from './helpers/reseller-keys';

const DAY = 86_400_000;
const t0 = new Date('2026-03-01T08:00:00.000Z');
const plus = (ms: number) => new Date(t0.getTime() + ms);

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

async function setup(credit: number) {
  const { reseller, actor } = await makeReseller(h.db, admin, { credit });
  const { client } = await makeClient(h.db, actor, { now: t0 });
  return { resellerId: reseller.id, actor, clientId: client.id };
}
const balanceOf = async (id: number) => (await h.db.select().from(resellers).where(eq(resellers.id, id)))[0].creditBalance;

describe('expected_price / expected_refund', () => {
  test('a matching quote is charged; a package price that moved is refused with price_changed and nothing changes', async () => {
    const { actor, clientId, resellerId } = await setup(500_000);
    await activatePackage(h.db, actor, clientId, { package_type: 'starter_pro', expected_price: 50_000 }, t0);
    expect(await balanceOf(resellerId)).toBe(450_000);
    const before = await moneyFootprint(h.db, resellerId, clientId);
    await expect(
      activatePackage(h.db, actor, clientId, { package_type: 'business_elite', expected_price: 90_000 }, plus(DAY)),
    ).rejects.toMatchObject({
      code: 'price_changed',
      message: expect.stringMatching(/Business Elite now costs 100,000 MMK, not 90,000 MMK/),
      details: { package_type: 'business_elite', expected_price: 90_000, price: 100_000 },
    });
    expect(await moneyFootprint(h.db, resellerId, clientId)).toEqual(before);
  });

  test('a refund that moved (a day passed since the preview) is refused too', async () => {
    const { actor, clientId, resellerId } = await setup(500_000);
    await activatePackage(h.db, actor, clientId, { package_type: 'starter_pro' }, t0);
    const seen = await previewActivation(h.db, actor, clientId, { package_type: 'business_elite' }, plus(DAY / 2));
    expect(seen.refund).toBe(48_333);
    const before = await moneyFootprint(h.db, resellerId, clientId);
    await expect(
      activatePackage(
        h.db,
        actor,
        clientId,
        { package_type: 'business_elite', expected_price: seen.price, expected_refund: seen.refund },
        plus(DAY + DAY / 2),
      ),
    ).rejects.toMatchObject({ code: 'price_changed', details: { expected_refund: 48_333, refund: 46_666 } });
    expect(await moneyFootprint(h.db, resellerId, clientId)).toEqual(before);
    // The same quote, still valid, goes through.
    const ok = await activatePackage(
      h.db,
      actor,
      clientId,
      { package_type: 'business_elite', expected_price: seen.price, expected_refund: seen.refund },
      plus(DAY / 2 + 1000),
    );
    expect(ok).toMatchObject({ kind: 'switch', refund: 48_333 });
  });

  test('the API answers 409 price_changed when the catalog price changed after the preview', async () => {
    const { actor, clientId, resellerId } = await setup(500_000);
    const { key } = await apiKeyFor(h.db, actor);
    const [pkg] = await h.db.select().from(packages).where(eq(packages.code, 'enterprise_max'));
    await h.db.update(packages).set({ price: 410_000 }).where(eq(packages.id, pkg.id));
    try {
      const res = await call(activateRoute, 'POST', '/x', {
        token: key,
        id: clientId,
        body: { package_type: 'enterprise_max', expected_price: 400_000 },
      });
      expectError(res, 409, 'price_changed');
      expect(await balanceOf(resellerId)).toBe(500_000);
      const ok = await call(activateRoute, 'POST', '/x', {
        token: key,
        id: clientId,
        body: { package_type: 'enterprise_max', expected_price: 410_000 },
      });
      expect(ok.status).toBe(201);
      expect(await balanceOf(resellerId)).toBe(90_000);
    } finally {
      await h.db.update(packages).set({ price: pkg.price }).where(eq(packages.id, pkg.id));
    }
  });
});

describe('the preview of a switch over a queued renewal', () => {
  test('lists the current period’s unused days and each queued renewal in full', async () => {
    const { actor, clientId } = await setup(1_000_000);
    await activatePackage(h.db, actor, clientId, { package_type: 'business_elite' }, t0);
    await activatePackage(h.db, actor, clientId, { package_type: 'business_elite' }, plus(DAY));
    const p = await previewActivation(h.db, actor, clientId, { package_type: 'starter_pro' }, plus(10 * DAY + 1000));
    expect(p.kind).toBe('switch');
    expect(p.refunds).toEqual([
      expect.objectContaining({ package_type: 'business_elite', queued: false, unused_days: 19, amount: 63_333, paid_by: 'reseller' }),
      expect.objectContaining({ package_type: 'business_elite', queued: true, unused_days: 30, amount: 100_000 }),
    ]);
    expect(p.refund).toBe(163_333);
    expect(p.net).toBe(50_000 - 163_333);
    // What the preview said is what the switch does.
    const res = await activatePackage(
      h.db,
      actor,
      clientId,
      { package_type: 'starter_pro', expected_price: p.price, expected_refund: p.refund },
      plus(10 * DAY + 2000),
    );
    expect(res.refund).toBe(163_333);
    expect(res.credit_balance).toBe(p.balance_after);
  });
});
