// Commission (docs/ARCHITECTURE.md#rules-money): a commission partner earns commission_rate% of each activation's list price into a
// separate balance; the admin pays it out (commission only) or converts it to credit (both, in one go).
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { POST as settleRoute } from '@/app/api/admin/resellers/[id]/commission/settle/route';
import type { DbHandle } from '@/db';
import { ledgerEntries, resellers } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { activatePackage } from '@/lib/services/activation';
import { listAudit } from '@/lib/services/audit';
import type { LedgerAccount } from '@/lib/services/ledger';
import { useTestDbForRoutes } from './helpers/db';
import { makeClient, makeReseller } from './helpers/fixtures';
import { call, expectError, fieldsOf } from './helpers/http';
import { assertLedgerInvariant } from './helpers/invariants';
import { adminWithToken, tokenFor } from './helpers/sessions';

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

const settle = (id: number, body: unknown, token = adminToken) => call(settleRoute, 'POST', '/commission/settle', { token, id, body });
async function balancesOf(id: number) {
  const [r] = await h.db
    .select({ credit: resellers.creditBalance, commission: resellers.commissionBalance })
    .from(resellers)
    .where(eq(resellers.id, id));
  return r;
}
const rowsOf = (account: LedgerAccount, id: number) =>
  h.db
    .select()
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.account, account), eq(ledgerEntries.accountId, id)))
    .orderBy(asc(ledgerEntries.id));

/** A commission partner (10 %) that sold Starter Pro and Business Elite: 15,000 MMK of commission, no credit left. */
async function earningPartner() {
  const { reseller, actor } = await makeReseller(h.db, admin, { credit: 150_000, partner_type: 'commission', commission_rate: 10 });
  for (const package_type of ['starter_pro', 'business_elite']) {
    const { client } = await makeClient(h.db, actor);
    await activatePackage(h.db, actor, client.id, { package_type });
  }
  return reseller.id;
}

test("a commission partner earns its rate of each activation's list price", async () => {
  const id = await earningPartner();
  expect(await balancesOf(id)).toEqual({ credit: 0, commission: 15_000 });
  const rows = await rowsOf('reseller_commission', id);
  expect(rows.map((r) => [r.kind, r.amount, r.balanceAfter])).toEqual([
    ['commission', 5_000, 5_000],
    ['commission', 10_000, 15_000],
  ]);
  expect(rows.every((r) => r.subscriptionId !== null)).toBe(true);
});

test('an own_plans reseller earns no commission, and has nothing to settle (409)', async () => {
  const { reseller, actor } = await makeReseller(h.db, admin, { credit: 100_000 });
  const { client } = await makeClient(h.db, actor);
  await activatePackage(h.db, actor, client.id, { package_type: 'business_elite' });
  expect(await balancesOf(reseller.id)).toEqual({ credit: 0, commission: 0 });
  expect(await rowsOf('reseller_commission', reseller.id)).toEqual([]);
  expect(expectError(await settle(reseller.id, { mode: 'payout' }), 409, 'conflict')).toMatchObject({ commission_balance: 0 });
  expectError(await settle(reseller.id, { mode: 'convert' }), 409, 'conflict');
});

describe('POST /api/admin/resellers/:id/commission/settle', () => {
  test('payout lowers the commission balance only, with one ledger row and an audit row', async () => {
    const id = await earningPartner();
    const creditRowsBefore = (await rowsOf('reseller_credit', id)).length;
    const res = await settle(id, { mode: 'payout', amount: 6_000, reference: 'BANK-PAY-1', note: 'June payout' });
    expect(res.status).toBe(201);
    expect(res.json).toEqual({ mode: 'payout', amount: 6_000, commission_balance: 9_000, credit_balance: 0 });
    expect(await balancesOf(id)).toEqual({ credit: 0, commission: 9_000 });
    const [, , payout] = await rowsOf('reseller_commission', id);
    expect(payout).toMatchObject({
      kind: 'commission_payout',
      amount: -6_000,
      balanceAfter: 9_000,
      reference: 'BANK-PAY-1',
      note: 'June payout',
      actorId: admin.userId,
    });
    expect(await rowsOf('reseller_credit', id)).toHaveLength(creditRowsBefore);
    const [audit] = (await listAudit(h.db, admin, { page: 1, limit: 1, action: 'reseller.commission_payout', target_id: String(id) })).data;
    expect(audit).toMatchObject({
      actor_id: admin.userId,
      target_type: 'reseller',
      before: { commission_balance: 15_000, credit_balance: 0 },
      after: { commission_balance: 9_000, credit_balance: 0, amount: 6_000 },
    });
  });

  test('convert without an amount moves the whole commission balance into credit: two ledger rows', async () => {
    const id = await earningPartner();
    const res = await settle(id, { mode: 'convert' });
    expect(res.status).toBe(201);
    expect(res.json).toEqual({ mode: 'convert', amount: 15_000, commission_balance: 0, credit_balance: 15_000 });
    expect(await balancesOf(id)).toEqual({ credit: 15_000, commission: 0 });
    const commission = (await rowsOf('reseller_commission', id)).at(-1);
    const credit = (await rowsOf('reseller_credit', id)).at(-1);
    expect(commission).toMatchObject({ kind: 'commission_conversion', amount: -15_000, balanceAfter: 0 });
    expect(credit).toMatchObject({ kind: 'commission_conversion', amount: 15_000, balanceAfter: 15_000 });
    const [audit] = (await listAudit(h.db, admin, { page: 1, limit: 1, action: 'reseller.commission_convert', target_id: String(id) }))
      .data;
    expect(audit.after).toMatchObject({ commission_balance: 0, credit_balance: 15_000, amount: 15_000 });
    // Nothing left: a second settlement is 409.
    expectError(await settle(id, { mode: 'convert' }), 409, 'conflict');
  });

  test('more than the balance is 402 insufficient_credit and changes nothing', async () => {
    const id = await earningPartner();
    const before = (await rowsOf('reseller_commission', id)).length;
    for (const mode of ['payout', 'convert']) {
      const details = expectError(await settle(id, { mode, amount: 15_001 }), 402, 'insufficient_credit');
      expect(details).toMatchObject({ balance: 15_000, required: 15_001 });
    }
    expect(await balancesOf(id)).toEqual({ credit: 0, commission: 15_000 });
    expect(await rowsOf('reseller_commission', id)).toHaveLength(before);
    // Exactly the balance is fine.
    expect((await settle(id, { mode: 'payout', amount: 15_000 })).json).toMatchObject({ commission_balance: 0 });
  });

  test('bad input is 400; unknown reseller 404; a reseller token 401', async () => {
    const id = await earningPartner();
    expect(Object.keys(fieldsOf(expectError(await settle(id, {}), 400, 'validation_failed')))).toEqual(['mode']);
    expect(Object.keys(fieldsOf(expectError(await settle(id, { mode: 'cash' }), 400, 'validation_failed')))).toEqual(['mode']);
    expect(Object.keys(fieldsOf(expectError(await settle(id, { mode: 'payout', amount: 0 }), 400, 'validation_failed')))).toEqual([
      'amount',
    ]);
    expect(Object.keys(fieldsOf(expectError(await settle(id, { mode: 'payout', amount: 2.5 }), 400, 'validation_failed')))).toEqual([
      'amount',
    ]);
    expectError(await settle(2_000_000_000, { mode: 'payout' }), 404, 'not_found');
    const token = await tokenFor(h.db, id, 'reseller', 'reseller-pass-1');
    expectError(await settle(id, { mode: 'convert' }, token), 401, 'unauthorized');
    expect(await balancesOf(id)).toEqual({ credit: 0, commission: 15_000 });
  });
});
