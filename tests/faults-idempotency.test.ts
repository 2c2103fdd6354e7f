// Fault tests, the HTTP money path with an Idempotency-Key (issue 6 item 4): the activation route's
// database connection dies mid-transaction, stays unreachable, or loses the COMMIT's answer; what does a
// retry with the same key get, and is the money moved at most once? The key row, the money move and the
// stored answer commit in one transaction, so every retry either replays a committed answer or runs afresh.
// PostgreSQL only.
import { and, count, eq } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { POST as activate } from '@/app/api/reseller/clients/[id]/activate/route';
import { setDbHandle } from '@/db';
import { idempotencyKeys, ledgerEntries, resellers, subscriptions } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { onPostgres } from './helpers/db';
import { driverBug, type FaultDb, faultProxy, faultSuite, installBlocker, reasonOf, waitFor, within } from './helpers/faults';
import { makeClient } from './helpers/fixtures';
import { call, expectError } from './helpers/http';
import { resellerWithToken } from './helpers/sessions';

const PRICE = 50_000;

if (!onPostgres())
  console.log('fault tests (idempotency) skipped: they terminate PostgreSQL backends and cut connections; set TEST_DATABASE_URL');

describe.skipIf(!onPostgres())('Idempotency-Key across a dropped database connection', () => {
  let f: FaultDb;
  let admin: Actor;
  faultSuite((s) => ({ f, admin } = s));

  async function setup() {
    const r = await resellerWithToken(f.db, admin, { credit: 3 * PRICE });
    const { client } = await makeClient(f.db, r.actor);
    const key = `fault-${Math.random().toString(36).slice(2)}`;
    const post = () =>
      call(activate, 'POST', '/api/reseller/clients/x/activate', {
        token: r.token,
        id: client.id,
        body: { package_type: 'starter_pro' },
        headers: { 'idempotency-key': key },
      });
    const state = async () => {
      const [b] = await f.db.select({ credit: resellers.creditBalance }).from(resellers).where(eq(resellers.id, r.id));
      const [{ subs }] = await f.db.select({ subs: count() }).from(subscriptions).where(eq(subscriptions.clientId, client.id));
      const [{ debits }] = await f.db
        .select({ debits: count() })
        .from(ledgerEntries)
        .where(and(eq(ledgerEntries.resellerId, r.id), eq(ledgerEntries.kind, 'activation')));
      const [k] = await f.db
        .select({ status: idempotencyKeys.status })
        .from(idempotencyKeys)
        .where(and(eq(idempotencyKeys.userId, r.id), eq(idempotencyKeys.key, key)));
      return { credit: b.credit, subs, debits, key: k?.status ?? null };
    };
    return { r, client, key, post, state };
  }

  test('killed mid-transaction → 500, nothing charged, key released; the retry with the same key charges once, then replays', async () => {
    const { r, post, state } = await setup();
    // A production-like pool (several connections): the key's clean-up runs on another connection.
    const v = f.victim({ max: 3 });
    setDbHandle(v);
    const blocker = await installBlocker(f, {
      table: 'ledger_entries',
      event: 'insert',
      when: `new.reseller_id = ${r.id} and new.kind = 'activation'`,
    });
    try {
      const first = post();
      await blocker.kill(await blocker.victimBlocked(v.appName), 'terminate');
      expectError(await within(first, 15_000, 'first request'), 500, 'internal_error');
    } finally {
      await blocker.remove();
    }
    expect(await state()).toEqual({ credit: 3 * PRICE, subs: 0, debits: 0, key: null });

    // What the retry gets: a fresh execution (no human action needed), charged once.
    setDbHandle(f.handle);
    const retry = await post();
    expect(retry.status).toBe(201);
    expect(await state()).toEqual({ credit: 2 * PRICE, subs: 1, debits: 1, key: 'done' });
    const again = await post();
    expect(again).toMatchObject({ status: 201, json: retry.json });
    expect(await state()).toEqual({ credit: 2 * PRICE, subs: 1, debits: 1, key: 'done' });
    await v.crash();
  });

  test('killed mid-transaction, then the database unreachable until the process dies → 500, nothing charged, no key left: the retry with the same key charges once', async () => {
    const { post, state } = await setup();
    const proxy = await faultProxy(f.url);
    const v = f.victim({ max: 3, url: proxy.url });
    setDbHandle(v);
    try {
      // The connection drops as the ledger insert is sent, and the server cannot be reached afterwards.
      proxy.arm({ at: 'client-sends', afterClientSent: 'insert into "ledger_entries"', downAfterCut: true });
      const first = post();
      expectError(await within(first, 20_000, 'first request'), 500, 'internal_error');
      expect(proxy.fired()).toBe(true);
      await v.crash();
      // The key was inserted in the transaction that died: it went with it.
      expect(await state()).toEqual({ credit: 3 * PRICE, subs: 0, debits: 0, key: null });

      // The database is back: the same key runs afresh, once, and from then on replays.
      proxy.setDown(false);
      setDbHandle(f.handle);
      const retry = await within(post(), 30_000, 'retry');
      expect(retry.status).toBe(201);
      expect(await state()).toEqual({ credit: 2 * PRICE, subs: 1, debits: 1, key: 'done' });
      expect(await post()).toMatchObject({ status: 201, json: retry.json });
      expect((await state()).debits).toBe(1);
    } finally {
      await v.crash();
      await proxy.close();
    }
  });

  test('the COMMIT happens but its answer is lost → 500 although charged; the key committed with the money, so the retry replays the answer and never charges twice', async () => {
    const { post, state } = await setup();
    const proxy = await faultProxy(f.url);
    const v = f.victim({ max: 3, url: proxy.url });
    setDbHandle(v);
    try {
      proxy.arm({ at: 'commit-ack', afterClientSent: 'insert into "subscriptions"' });
      expectError(await within(post(), 20_000, 'first request'), 500, 'internal_error');
      expect(proxy.fired()).toBe(true);
      // Applied in full, once, together with the key and its answer.
      expect(await state()).toEqual({ credit: 2 * PRICE, subs: 1, debits: 1, key: 'done' });

      setDbHandle(f.handle);
      const retry = await post();
      expect(retry.status).toBe(201);
      expect(retry.json.kind).toBe('new');
      expect(await state()).toEqual({ credit: 2 * PRICE, subs: 1, debits: 1, key: 'done' });
    } finally {
      await v.crash();
      await proxy.close();
    }
  });

  test('charged in the transaction, then the connection dies as the key records the answer → 500, all rolled back: the retry charges once', async () => {
    const { post, state } = await setup();
    const proxy = await faultProxy(f.url);
    const v = f.victim({ max: 3, url: proxy.url });
    setDbHandle(v);
    try {
      // The last statement before COMMIT is the key's "done" update: it never reaches the server.
      proxy.arm({ at: 'client-sends', afterClientSent: 'update "idempotency_keys"' });
      expectError(await within(post(), 20_000, 'first request'), 500, 'internal_error');
      expect(proxy.fired()).toBe(true);
      expect(await state()).toEqual({ credit: 3 * PRICE, subs: 0, debits: 0, key: null });
      setDbHandle(f.handle);
      expect((await within(post(), 30_000, 'retry')).status).toBe(201);
      expect(await state()).toEqual({ credit: 2 * PRICE, subs: 1, debits: 1, key: 'done' });
    } finally {
      await v.crash();
      await proxy.close();
    }
  });

  test('driver canary (postgres.js 3.4.9, porsager/postgres#1208): a transaction whose backend dies leaves that pool connection dead', async () => {
    // When this fails, the driver is fixed: drop shieldDriverBug and the fresh-pool retries above.
    const v = f.victim({ max: 1 });
    const hits = driverBug.hits;
    const blocker = await installBlocker(f, { table: 'idempotency_keys', event: 'insert', when: `new.key = 'canary'` });
    try {
      const tx = v.db.transaction(async (t) => {
        await t.insert(idempotencyKeys).values({ userId: 0, key: 'canary', requestHash: 'x' });
      });
      const settled = Promise.allSettled([tx]).then(([x]) => x);
      await blocker.kill(await blocker.victimBlocked(v.appName), 'terminate');
      expect(reasonOf(await within(settled, 15_000, 'transaction'))).toMatch(/CONNECTION_CLOSED|57P01/);
    } finally {
      await blocker.remove();
    }
    await waitFor(async () => (driverBug.hits > hits ? true : undefined), "the driver's uncaught TypeError", 5_000);
    expect(driverBug.hits).toBe(hits + 1);
    const next = await within(Promise.allSettled([v.db.select().from(idempotencyKeys).limit(1)]), 15_000, 'next query').then(([x]) => x);
    expect(reasonOf(next)).toMatch(/CONNECT_TIMEOUT/);
    await v.crash();
  });
});
