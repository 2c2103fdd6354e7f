// Retail prices and profit (docs/ARCHITECTURE.md#rules-tenancy): own_plans resellers set retail prices and display names, activations
// snapshot the retail price, and the profit report sums actual activations; commission resellers sell at
// list prices and see their commission.
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { GET as packagesRoute } from '@/app/api/reseller/packages/route';
import { PUT as pricingRoute } from '@/app/api/reseller/pricing/route';
import { GET as profitRoute } from '@/app/api/reseller/profit/route';
import type { DbHandle } from '@/db';
import { subscriptions } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { activatePackage } from '@/lib/services/activation';
import { profitReport, resellerCatalog } from '@/lib/services/pricing';
import { useTestDbForRoutes } from './helpers/db';
import { makeAdmin, makeClient } from './helpers/fixtures';
import { call, expectError, fieldsOf } from './helpers/http';
import { assertLedgerInvariant } from './helpers/invariants';
import { resellerWithToken } from './helpers/sessions';

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

type Pkg = {
  package_type: string;
  name: string;
  price: number;
  cost: number;
  retail_price: number;
  display_name: string;
  profit: number;
  margin_pct: number;
  commission: number;
};
const setPrice = (token: string, body: unknown) => call(pricingRoute, 'PUT', '/api/reseller/pricing', { token, body });
async function packagesOf(token: string): Promise<Record<string, Pkg>> {
  const res = await call(packagesRoute, 'GET', '/api/reseller/packages', { token });
  expect(res.status).toBe(200);
  return Object.fromEntries((res.json.data as Pkg[]).map((p) => [p.package_type, p]));
}
async function activate(actor: Actor, package_type: string) {
  const { client } = await makeClient(h.db, actor);
  const res = await activatePackage(h.db, actor, client.id, { package_type });
  const [sub] = await h.db.select().from(subscriptions).where(eq(subscriptions.id, res.subscription.id));
  return sub;
}
const profit = (token: string, query: Record<string, string> = {}) => call(profitRoute, 'GET', '/api/reseller/profit', { token, query });

describe('own_plans retail prices', () => {
  test('PUT sets the retail price and display name; GET /packages shows cost, retail, profit and margin', async () => {
    const r = await resellerWithToken(h.db, admin, { partner_type: 'own_plans' });
    const before = await packagesOf(r.token);
    expect(before.starter_pro).toMatchObject({
      cost: 50_000,
      retail_price: 50_000,
      profit: 0,
      margin_pct: 0,
      display_name: 'Starter Pro',
      commission: 0,
    });

    const res = await setPrice(r.token, { package_type: 'starter_pro', retail_price: 80_000, display_name: 'Basic SMS' });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      package_type: 'starter_pro',
      cost: 50_000,
      retail_price: 80_000,
      profit: 30_000,
      margin_pct: 60,
      display_name: 'Basic SMS',
    });

    const after = await packagesOf(r.token);
    expect(after.starter_pro).toMatchObject({
      package_type: 'starter_pro',
      name: 'Starter Pro',
      price: 50_000,
      cost: 50_000,
      retail_price: 80_000,
      profit: 30_000,
      margin_pct: 60,
      display_name: 'Basic SMS',
      commission: 0,
      daily_limit: 45,
    });
    // The other packages are untouched, and so is another reseller's price list.
    expect(after.business_elite).toMatchObject({ cost: 100_000, retail_price: 100_000, profit: 0, display_name: 'Business Elite' });
    const other = await resellerWithToken(h.db, admin);
    expect((await packagesOf(other.token)).starter_pro).toMatchObject({ retail_price: 50_000, display_name: 'Starter Pro' });
  });

  test('setting again replaces the price; leaving out display_name goes back to the catalog name', async () => {
    const r = await resellerWithToken(h.db, admin);
    await setPrice(r.token, { package_type: 'business_elite', retail_price: 150_000, display_name: 'Pro SMS' });
    const res = await setPrice(r.token, { package_type: 'business_elite', retail_price: 125_000 });
    expect(res.json).toMatchObject({ retail_price: 125_000, profit: 25_000, margin_pct: 25, display_name: 'Business Elite' });
    // Below cost saves only on purpose (a promotion): without allow_below_cost it is 409 below_cost and nothing changes.
    const refused = await setPrice(r.token, { package_type: 'starter_pro', retail_price: 45_000 });
    expect(fieldsOf(expectError(refused, 409, 'below_cost')).retail_price[0]).toMatch(/below your cost of 50,000 MMK: you lose 5,000 MMK/);
    expect((await packagesOf(r.token)).starter_pro).toMatchObject({ retail_price: 50_000 });
    const promo = await setPrice(r.token, { package_type: 'starter_pro', retail_price: 45_000, allow_below_cost: true });
    expect(promo.json).toMatchObject({ profit: -5_000, margin_pct: -10 });
  });

  test('bad input is 400 on the field; an unknown package is 400 on package_type', async () => {
    const r = await resellerWithToken(h.db, admin);
    const cases: [unknown, string][] = [
      [{ package_type: 'starter_pro', retail_price: -1 }, 'retail_price'],
      [{ package_type: 'starter_pro', retail_price: 80_000.5 }, 'retail_price'],
      [{ package_type: 'starter_pro', retail_price: '80000' }, 'retail_price'],
      [{ package_type: 'starter_pro' }, 'retail_price'],
      [{ retail_price: 80_000 }, 'package_type'],
      [{ package_type: 'platinum', retail_price: 80_000 }, 'package_type'],
      [{ package_type: 'starter_pro', retail_price: 80_000, display_name: 'x'.repeat(81) }, 'display_name'],
    ];
    for (const [body, field] of cases) {
      expect(Object.keys(fieldsOf(expectError(await setPrice(r.token, body), 400, 'validation_failed')))).toEqual([field]);
    }
    expect((await packagesOf(r.token)).starter_pro.retail_price).toBe(50_000);
  });
});

describe('commission resellers', () => {
  test('PUT /pricing is 403; the catalog shows list prices and the commission per package', async () => {
    const r = await resellerWithToken(h.db, admin, { partner_type: 'commission', commission_rate: 10 });
    expectError(await setPrice(r.token, { package_type: 'starter_pro', retail_price: 80_000 }), 403, 'forbidden');
    const pkgs = await packagesOf(r.token);
    expect(Object.values(pkgs).map((p) => [p.package_type, p.cost, p.retail_price, p.profit, p.commission])).toEqual([
      ['starter_pro', 50_000, 50_000, 0, 5_000],
      ['business_elite', 100_000, 100_000, 0, 10_000],
      ['enterprise_pro', 200_000, 200_000, 0, 20_000],
      ['enterprise_max', 400_000, 400_000, 0, 40_000],
    ]);
    expect(pkgs.starter_pro.display_name).toBe('Starter Pro');
  });

  test('an activation snapshots the list price as the retail price', async () => {
    const r = await resellerWithToken(h.db, admin, { partner_type: 'commission', commission_rate: 10, credit: 100_000 });
    const sub = await activate(r.actor, 'starter_pro');
    expect({ price: sub.price, retail: sub.retailPrice }).toEqual({ price: 50_000, retail: 50_000 });
  });
});

describe('activation snapshot and profit report', () => {
  test('an own_plans activation snapshots the retail price; a later change does not alter it', async () => {
    const r = await resellerWithToken(h.db, admin, { credit: 200_000 });
    await setPrice(r.token, { package_type: 'starter_pro', retail_price: 80_000 });
    const sub = await activate(r.actor, 'starter_pro');
    expect({ price: sub.price, retail: sub.retailPrice }).toEqual({ price: 50_000, retail: 80_000 });
    await setPrice(r.token, { package_type: 'starter_pro', retail_price: 95_000 });
    const [again] = await h.db.select().from(subscriptions).where(eq(subscriptions.id, sub.id));
    expect(again.retailPrice).toBe(80_000);
    // Without a retail price of its own the reseller sells at the list price.
    expect((await activate(r.actor, 'business_elite')).retailPrice).toBe(100_000);
  });

  test("the current month's report sums activations; later retail changes leave past rows alone", async () => {
    const r = await resellerWithToken(h.db, admin, { credit: 500_000 });
    const empty = await profit(r.token);
    expect(empty.status).toBe(200);
    expect(empty.json.month).toMatch(/^\d{4}-\d{2}$/);
    expect(empty.json).toMatchObject({
      rows: [],
      totals: { activations: 0, cost: 0, revenue: 0, refunds: 0, client_refunds: 0, profit: 0 },
    });

    await setPrice(r.token, { package_type: 'starter_pro', retail_price: 80_000 });
    await activate(r.actor, 'starter_pro');
    await activate(r.actor, 'starter_pro');
    await activate(r.actor, 'business_elite');
    const expected = {
      rows: [
        {
          package_type: 'business_elite',
          name: 'Business Elite',
          activations: 1,
          cost: 100_000,
          revenue: 100_000,
          refunds: 0,
          client_refunds: 0,
          profit: 0,
        },
        {
          package_type: 'starter_pro',
          name: 'Starter Pro',
          activations: 2,
          cost: 100_000,
          revenue: 160_000,
          refunds: 0,
          client_refunds: 0,
          profit: 60_000,
        },
      ],
      totals: { activations: 3, cost: 200_000, revenue: 260_000, refunds: 0, client_refunds: 0, profit: 60_000 },
    };
    const report = await profit(r.token);
    expect(report.json).toEqual({ month: empty.json.month, ...expected });
    // Asked by month, the same answer; the service agrees with the route.
    expect((await profit(r.token, { month: String(empty.json.month) })).json).toEqual(report.json);
    expect(await profitReport(h.db, r.actor)).toEqual(report.json);

    await setPrice(r.token, { package_type: 'starter_pro', retail_price: 20_000, allow_below_cost: true });
    await setPrice(r.token, { package_type: 'business_elite', retail_price: 150_000 });
    expect((await profit(r.token)).json).toEqual(report.json);

    // A new activation at the new price adds to the month; another reseller's report is its own.
    await activate(r.actor, 'starter_pro');
    const later = await profit(r.token);
    expect(later.json.totals).toEqual({ activations: 4, cost: 250_000, revenue: 280_000, refunds: 0, client_refunds: 0, profit: 30_000 });
    const other = await resellerWithToken(h.db, admin);
    expect((await profit(other.token)).json).toMatchObject({ rows: [], totals: { activations: 0 } });
  });

  test('a month without activations is empty; a malformed month is 400', async () => {
    const r = await resellerWithToken(h.db, admin, { credit: 100_000 });
    await activate(r.actor, 'starter_pro');
    expect((await profit(r.token, { month: '2020-01' })).json).toEqual({
      month: '2020-01',
      rows: [],
      totals: { activations: 0, cost: 0, revenue: 0, refunds: 0, client_refunds: 0, profit: 0 },
    });
    for (const month of ['bad', '2024-1', '202401', '2024-13', '2024-00', '2024-02-01']) {
      expect(Object.keys(fieldsOf(expectError(await profit(r.token, { month }), 400, 'validation_failed')))).toEqual(['month']);
    }
  });

  test('a switch refund is subtracted: billed less the switched-away days at retail, cost less the platform refund', async () => {
    const r = await resellerWithToken(h.db, admin, { credit: 500_000 });
    await setPrice(r.token, { package_type: 'business_elite', retail_price: 150_000 });
    const { client } = await makeClient(h.db, r.actor);
    await activatePackage(h.db, r.actor, client.id, { package_type: 'business_elite' }, new Date('2026-01-05T04:00:00Z'));
    // Ten days later the client switches: 20 whole days of Business Elite come back (66,666 at cost, 99,999 at retail).
    await activatePackage(h.db, r.actor, client.id, { package_type: 'starter_pro' }, new Date('2026-01-15T04:00:00Z'));
    const report = (await profitReport(h.db, r.actor, '2026-01')).rows.find((x) => x.package_type === 'business_elite');
    expect(report).toMatchObject({ activations: 1, cost: 100_000, revenue: 150_000, refunds: 66_666, client_refunds: 99_999 });
    expect(report?.profit).toBe(150_000 - 99_999 - (100_000 - 66_666));
  });

  test("resellerCatalog is what the reseller's clients see: retail prices and display names", async () => {
    const r = await resellerWithToken(h.db, admin);
    await setPrice(r.token, { package_type: 'enterprise_max', retail_price: 480_000, display_name: 'Max' });
    const cat = await resellerCatalog(h.db, r.id);
    expect(cat.find((p) => p.package_type === 'enterprise_max')).toMatchObject({
      retail_price: 480_000,
      display_name: 'Max',
      profit: 80_000,
      margin_pct: 20,
    });
  });
});
