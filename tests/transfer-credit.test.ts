// Transfer to client (docs/ARCHITECTURE.md#rules-money): POST /api/reseller/clients/:id/transfer-credit moves reseller credit into a
// client's own balance (negative takes unused credit back); both sides are ledger rows of one transaction.
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { POST as transferRoute } from '@/app/api/reseller/clients/[id]/transfer-credit/route';
import type { DbHandle } from '@/db';
import { clients, ledgerEntries, resellers, subscriptions } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { DomainError } from '@/lib/errors';
import { activatePackage } from '@/lib/services/activation';
import { transferCredit } from '@/lib/services/transfers';
import { onPostgres, openTestDb, useTestDbForRoutes } from './helpers/db';
import { domainError } from './helpers/errors';
import { makeAdmin, makeClient, makeReseller } from './helpers/fixtures';
import { call, expectError, fieldsOf } from './helpers/http';
import { assertLedgerInvariant, moneyFootprint } from './helpers/invariants';
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

async function setup(credit: number) {
  const r = await resellerWithToken(h.db, admin, { credit });
  const { client } = await makeClient(h.db, r.actor);
  return { r, clientId: client.id };
}
const transfer = (token: string, id: number, body: unknown) =>
  call(transferRoute, 'POST', `/api/reseller/clients/${id}/transfer-credit`, { token, id, body });
const transferRows = (clientId: number) =>
  h.db
    .select()
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.clientId, clientId), inArray(ledgerEntries.kind, ['transfer_in', 'transfer_out'])))
    .orderBy(ledgerEntries.id);
async function balances(resellerId: number, clientId: number) {
  const [r] = await h.db.select({ b: resellers.creditBalance }).from(resellers).where(eq(resellers.id, resellerId));
  const [c] = await h.db.select({ b: clients.creditBalance }).from(clients).where(eq(clients.id, clientId));
  return { reseller: r.b, client: c.b };
}

test('a positive amount moves reseller credit to the client: two ledger rows of one transaction', async () => {
  const { r, clientId } = await setup(100_000);
  const res = await transfer(r.token, clientId, { amount: 30_000, note: 'for auto-renew' });
  expect(res.status).toBe(201);
  expect(res.json).toEqual({ client_id: clientId, amount: 30_000, credit_balance: 70_000, client_credit_balance: 30_000 });
  expect(await balances(r.id, clientId)).toEqual({ reseller: 70_000, client: 30_000 });
  const rows = await transferRows(clientId);
  expect(rows.map((x) => [x.account, x.accountId, x.kind, x.amount, x.balanceAfter, x.resellerId])).toEqual([
    ['reseller_credit', r.id, 'transfer_out', -30_000, 70_000, r.id],
    ['client_credit', clientId, 'transfer_in', 30_000, 30_000, r.id],
  ]);
  // now() is the transaction's start time: equal timestamps mean both rows were written by one transaction.
  expect(rows[0].createdAt.getTime()).toBe(rows[1].createdAt.getTime());
  expect(rows.every((x) => x.note === 'for auto-renew' && x.actorId === r.id)).toBe(true);
});

test('a negative amount takes unused client credit back', async () => {
  const { r, clientId } = await setup(100_000);
  expect((await transfer(r.token, clientId, { amount: 40_000 })).status).toBe(201);
  const back = await transfer(r.token, clientId, { amount: -15_000 });
  expect(back.status).toBe(201);
  expect(back.json).toEqual({ client_id: clientId, amount: -15_000, credit_balance: 75_000, client_credit_balance: 25_000 });
  const rows = (await transferRows(clientId)).slice(2);
  expect(rows.map((x) => [x.account, x.kind, x.amount, x.balanceAfter])).toEqual([
    ['reseller_credit', 'transfer_in', 15_000, 75_000],
    ['client_credit', 'transfer_out', -15_000, 25_000],
  ]);
  // All of it may come back, leaving the client at zero.
  expect((await transfer(r.token, clientId, { amount: -25_000 })).json).toMatchObject({
    credit_balance: 100_000,
    client_credit_balance: 0,
  });
});

test('more than the reseller has is 402 insufficient_credit and changes nothing', async () => {
  const { r, clientId } = await setup(20_000);
  const before = await moneyFootprint(h.db, r.id, clientId);
  const res = await transfer(r.token, clientId, { amount: 20_001 });
  expect(expectError(res, 402, 'insufficient_credit')).toMatchObject({ balance: 20_000, required: 20_001 });
  expect(await moneyFootprint(h.db, r.id, clientId)).toEqual(before);
  expect(await transferRows(clientId)).toEqual([]);
});

test('taking back more than the client has is 402 and changes nothing', async () => {
  const { r, clientId } = await setup(50_000);
  await transfer(r.token, clientId, { amount: 10_000 });
  const before = await moneyFootprint(h.db, r.id, clientId);
  const res = await transfer(r.token, clientId, { amount: -10_001 });
  expect(expectError(res, 402, 'insufficient_credit')).toMatchObject({ balance: 10_000, required: 10_001 });
  expect(await moneyFootprint(h.db, r.id, clientId)).toEqual(before);
  expect(await transferRows(clientId)).toHaveLength(2);
});

test("another reseller's client is 404 and nothing changes on either side", async () => {
  const owner = await setup(50_000);
  const other = await resellerWithToken(h.db, admin, { credit: 50_000 });
  await transfer(owner.r.token, owner.clientId, { amount: 5_000 });
  const ownerBefore = await moneyFootprint(h.db, owner.r.id, owner.clientId);
  const otherBefore = await balances(other.id, owner.clientId);
  expectError(await transfer(other.token, owner.clientId, { amount: 1_000 }), 404, 'not_found');
  expectError(await transfer(other.token, owner.clientId, { amount: -1_000 }), 404, 'not_found');
  expectError(await transfer(other.token, 2_000_000_000, { amount: 1_000 }), 404, 'not_found');
  expect(await moneyFootprint(h.db, owner.r.id, owner.clientId)).toEqual(ownerBefore);
  expect(await balances(other.id, owner.clientId)).toEqual(otherBefore);
});

test('amount 0, a fraction, a string or nothing is 400 on amount; nothing changes', async () => {
  const { r, clientId } = await setup(50_000);
  const before = await moneyFootprint(h.db, r.id, clientId);
  for (const amount of [0, 1.5, '1000', null, undefined, 1e16]) {
    const res = await transfer(r.token, clientId, { amount });
    expect(Object.keys(fieldsOf(expectError(res, 400, 'validation_failed')))).toEqual(['amount']);
  }
  expectError(await call(transferRoute, 'POST', '/t', { token: r.token, id: clientId, rawBody: '{"amount":' }), 400, 'invalid_json');
  // The service checks too, for callers that bypass the route.
  expect((await domainError(transferCredit(h.db, r.actor, clientId, 0.5))).code).toBe('validation_failed');
  expect(await moneyFootprint(h.db, r.id, clientId)).toEqual(before);
  expectError(await call(transferRoute, 'POST', '/t', { id: clientId, body: { amount: 1 } }), 401, 'unauthorized');
});

if (!onPostgres()) console.log('transfer race tests need PostgreSQL (true parallel transactions): set TEST_DATABASE_URL');

describe.skipIf(!onPostgres())('concurrent transfers (PostgreSQL)', () => {
  let p: DbHandle;
  beforeAll(async () => {
    p = await openTestDb({ max: 20 });
  });
  afterAll(async () => {
    await p.close();
  });
  const codesOf = (results: PromiseSettledResult<unknown>[]) =>
    results.flatMap((x) => (x.status === 'rejected' ? [x.reason instanceof DomainError ? x.reason.code : String(x.reason)] : []));

  test('30 parallel transfers of 10,000 from 100,000: exactly 10 succeed', async () => {
    const { reseller, actor } = await makeReseller(p.db, admin, { credit: 100_000 });
    const targets = await Promise.all(Array.from({ length: 3 }, () => makeClient(p.db, actor)));
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) => transferCredit(p.db, actor, targets[i % 3].client.id, 10_000)),
    );
    expect(results.filter((x) => x.status === 'fulfilled')).toHaveLength(10);
    expect(codesOf(results)).toEqual(Array(20).fill('insufficient_credit'));
    const [r] = await p.db.select({ b: resellers.creditBalance }).from(resellers).where(eq(resellers.id, reseller.id));
    expect(r.b).toBe(0);
    const cs = await p.db.select({ b: clients.creditBalance }).from(clients).where(eq(clients.resellerId, reseller.id));
    expect(cs.reduce((a, c) => a + c.b, 0)).toBe(100_000);
    const outs = await p.db
      .select()
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.resellerId, reseller.id), eq(ledgerEntries.kind, 'transfer_out')));
    expect(outs).toHaveLength(10);
    await assertLedgerInvariant(p.db);
  });

  test('parallel transfers and activations on one reseller never overdraw', async () => {
    const { reseller, actor } = await makeReseller(p.db, admin, { credit: 175_000 });
    const targets = await Promise.all(Array.from({ length: 6 }, () => makeClient(p.db, actor)));
    const work: Promise<{ kind: 'transfer' | 'activation'; amount: number }>[] = [];
    for (let i = 0; i < 12; i++) {
      const c = targets[i % 6].client.id;
      work.push(transferCredit(p.db, actor, c, 15_000).then(() => ({ kind: 'transfer' as const, amount: 15_000 })));
      if (i < 6)
        work.push(
          activatePackage(p.db, actor, c, { package_type: 'starter_pro' }).then(() => ({ kind: 'activation' as const, amount: 50_000 })),
        );
    }
    const results = await Promise.allSettled(work);
    expect(new Set(codesOf(results))).toEqual(new Set(['insufficient_credit']));
    const spent = results.reduce((a, x) => a + (x.status === 'fulfilled' ? x.value.amount : 0), 0);
    const [r] = await p.db.select({ b: resellers.creditBalance }).from(resellers).where(eq(resellers.id, reseller.id));
    expect(r.b).toBeGreaterThanOrEqual(0);
    expect(r.b).toBe(175_000 - spent);
    // Every refusal was right: what was left could not pay for the cheapest refused request.
    expect(r.b).toBeLessThan(15_000);
    const subs = await p.db.select().from(subscriptions).where(eq(subscriptions.resellerId, reseller.id));
    expect(subs).toHaveLength(results.filter((x) => x.status === 'fulfilled' && x.value.kind === 'activation').length);
    await assertLedgerInvariant(p.db);
  });
});
