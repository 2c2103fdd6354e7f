// Idempotency-Key: a retried money move is applied once; a reused key with another body is refused.
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { POST as credit } from '@/app/api/admin/resellers/[id]/credit/route';
import { POST as activate } from '@/app/api/reseller/clients/[id]/activate/route';
import type { DbHandle } from '@/db';
import { ledgerEntries, subscriptions } from '@/db/schema';
import { onPostgres, useTestDbForRoutes } from './helpers/db';
import { makeClient } from './helpers/fixtures';
import { call, expectError } from './helpers/http';
import { assertLedgerInvariant } from './helpers/invariants';
import { adminWithToken, resellerWithToken } from './helpers/sessions';

let h: DbHandle;
beforeAll(async () => {
  h = await useTestDbForRoutes();
});
afterEach(async () => {
  await assertLedgerInvariant(h.db);
});
afterAll(async () => {
  await h.close();
});

const key = () => `key-${Math.random().toString(36).slice(2)}`;

test('the same key and body replays the first answer; the money moves once', async () => {
  const { actor: admin } = await adminWithToken(h.db);
  const r = await resellerWithToken(h.db, admin, { credit: 100_000 });
  const { client } = await makeClient(h.db, r.actor);
  const k = key();
  const first = await call(activate, 'POST', '/a', {
    token: r.token,
    id: client.id,
    body: { package_type: 'starter_pro' },
    headers: { 'idempotency-key': k },
  });
  const again = await call(activate, 'POST', '/a', {
    token: r.token,
    id: client.id,
    body: { package_type: 'starter_pro' },
    headers: { 'idempotency-key': k },
  });
  expect(first.status).toBe(201);
  expect(again.status).toBe(201);
  expect(again.json).toEqual(first.json);
  const subs = await h.db.select().from(subscriptions).where(eq(subscriptions.clientId, client.id));
  expect(subs).toHaveLength(1);
  expect(first.json.credit_balance).toBe(50_000);
});

test('the same key with another body answers 422 and changes nothing', async () => {
  const { actor: admin, token } = await adminWithToken(h.db);
  const r = await resellerWithToken(h.db, admin);
  const k = key();
  expect(
    (
      await call(credit, 'POST', '/c', {
        token,
        id: r.reseller.id,
        body: { amount: 1_000, method: 'cash' },
        headers: { 'idempotency-key': k },
      })
    ).status,
  ).toBe(201);
  expectError(
    await call(credit, 'POST', '/c', {
      token,
      id: r.reseller.id,
      body: { amount: 9_000, method: 'cash' },
      headers: { 'idempotency-key': k },
    }),
    422,
    'idempotency_mismatch',
  );
  const rows = await h.db.select().from(ledgerEntries).where(eq(ledgerEntries.accountId, r.reseller.id));
  expect(rows.map((x) => x.amount)).toEqual([1_000]);
});

test('an error answer is replayed too, and keys are per account', async () => {
  const { actor: admin } = await adminWithToken(h.db);
  const r = await resellerWithToken(h.db, admin, { credit: 10_000 });
  const other = await resellerWithToken(h.db, admin, { credit: 100_000 });
  const { client } = await makeClient(h.db, r.actor);
  const { client: otherClient } = await makeClient(h.db, other.actor);
  const k = key();
  const poor = await call(activate, 'POST', '/a', {
    token: r.token,
    id: client.id,
    body: { package_type: 'starter_pro' },
    headers: { 'idempotency-key': k },
  });
  expectError(poor, 402, 'insufficient_credit');
  expectError(
    await call(activate, 'POST', '/a', {
      token: r.token,
      id: client.id,
      body: { package_type: 'starter_pro' },
      headers: { 'idempotency-key': k },
    }),
    402,
    'insufficient_credit',
  );
  // Another reseller may use the same key for its own request.
  expect(
    (
      await call(activate, 'POST', '/a', {
        token: other.token,
        id: otherClient.id,
        body: { package_type: 'starter_pro' },
        headers: { 'idempotency-key': k },
      })
    ).status,
  ).toBe(201);
});

describe.skipIf(!onPostgres())('concurrent retries (PostgreSQL)', () => {
  test('ten simultaneous requests with one key: one activation, every answer the same', async () => {
    const { actor: admin } = await adminWithToken(h.db);
    const r = await resellerWithToken(h.db, admin, { credit: 500_000 });
    const { client } = await makeClient(h.db, r.actor);
    const k = key();
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        call(activate, 'POST', '/a', {
          token: r.token,
          id: client.id,
          body: { package_type: 'starter_pro' },
          headers: { 'idempotency-key': k },
        }),
      ),
    );
    const ok = answers.filter((a) => a.status === 201);
    // Each retry either waited for the first and replayed it, or (past the wait) got 409 request_in_progress.
    expect(ok.length + answers.filter((a) => a.status === 409).length).toBe(10);
    for (const a of ok) expect(a.json).toEqual(ok[0].json);
    const subs = await h.db.select().from(subscriptions).where(eq(subscriptions.clientId, client.id));
    expect(subs).toHaveLength(1);
  });
});
if (!onPostgres()) console.log('concurrent idempotency test needs PostgreSQL: set TEST_DATABASE_URL');
