// Client webhooks (docs/ARCHITECTURE.md#rules-devices): CRUD and delivery log through the routes; the delivery worker with an
// injected fetch and with a real receiver: HMAC signature, exponential backoff, 4xx not retried,
// timeouts retried, MAX_ATTEMPTS, and no double delivery by parallel workers. The worker delivers every
// due row in the database, so this file has a database of its own.
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { GET as deliveriesRoute } from '@/app/api/v1/webhooks/[id]/deliveries/route';
import { DELETE as deleteRoute, PATCH as patchRoute } from '@/app/api/v1/webhooks/[id]/route';
import { POST as createRoute, GET as listRoute } from '@/app/api/v1/webhooks/route';
import { type DbHandle, setDbHandle } from '@/db';
import { webhooks } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { BASE_BACKOFF_MS, createWebhook, deliverDueWebhooks, enqueueEvent, MAX_ATTEMPTS } from '@/lib/services/webhooks';
import { onPostgres } from './helpers/db';
import { makeAdmin } from './helpers/fixtures';
import { deliveriesOf, gatewayClient } from './helpers/gateway';
import { call, expectError } from './helpers/http';
import { openPrivateDb } from './helpers/private-db';

let h: DbHandle;
let admin: Actor;
beforeAll(async () => {
  h = await openPrivateDb({ max: 10 });
  setDbHandle(h);
  admin = await makeAdmin(h.db);
});
afterAll(async () => {
  await h.close();
});

const S = 1000;

/** A receiver on 127.0.0.1 answering with the statuses given (the last one repeats), recording every request. */
async function receiver(statuses: number[]) {
  const got: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      got.push({ headers: req.headers, body });
      res.statusCode = statuses[Math.min(got.length - 1, statuses.length - 1)];
      res.end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return { url, got, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** A fetch that answers each call with the next status or error. */
function fakeFetch(outcomes: (number | Error)[]) {
  const calls: { url: string; init: RequestInit }[] = [];
  const f = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    const o = outcomes[Math.min(calls.length - 1, outcomes.length - 1)];
    if (o instanceof Error) throw o;
    return new Response('x', { status: o });
  }) as unknown as typeof fetch;
  return { f, calls };
}

async function hookWithEvent(url: string) {
  const c = await gatewayClient(h.db, admin);
  const w = await createWebhook(h.db, c.actor, { url, events: ['message.sent'] });
  await enqueueEvent(h.db, c.id, 'message.sent', { message_id: 'm1' }, new Date(Date.now() - S));
  return { c, w };
}

describe('webhook routes', () => {
  test("create (secret shown once), list, update, delete, delivery log; another client's → 404", async () => {
    const c = await gatewayClient(h.db, admin);
    const other = await gatewayClient(h.db, admin);
    const created = await call(createRoute, 'POST', '/api/v1/webhooks', {
      token: c.token,
      body: { url: 'https://example.test/h', events: ['message.sent', 'sms.received'] },
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      id: expect.any(Number),
      url: 'https://example.test/h',
      events: ['message.sent', 'sms.received'],
      enabled: true,
      secret: expect.stringMatching(/^whsec_/),
    });
    const id = Number(created.json.id);
    const listed = await call(listRoute, 'GET', '/api/v1/webhooks', { token: c.token });
    expect(listed.json.data).toEqual([expect.objectContaining({ id })]);
    expect(listed.text).not.toContain(String(created.json.secret));
    expect((await call(listRoute, 'GET', '/api/v1/webhooks', { token: other.token })).json.data).toEqual([]);

    expectError(await call(createRoute, 'POST', '/x', { token: c.token, body: { url: 'ftp://x', events: [] } }), 400, 'validation_failed');
    expectError(
      await call(createRoute, 'POST', '/x', { token: c.token, body: { url: 'https://x.test', events: ['nope'] } }),
      400,
      'validation_failed',
    );

    const patched = await call(patchRoute, 'PATCH', '/x', { token: c.token, id, body: { events: ['message.failed'], enabled: false } });
    expect(patched.json).toMatchObject({ id, events: ['message.failed'], enabled: false });
    expectError(await call(patchRoute, 'PATCH', '/x', { token: other.token, id, body: { enabled: true } }), 404, 'not_found');
    expectError(await call(deliveriesRoute, 'GET', '/x', { token: other.token, id }), 404, 'not_found');

    await call(patchRoute, 'PATCH', '/x', { token: c.token, id, body: { enabled: true } });
    await enqueueEvent(h.db, c.id, 'message.failed', { message_id: 'abc' });
    const log = await call(deliveriesRoute, 'GET', '/x', { token: c.token, id });
    expect(log.json.data).toEqual([
      expect.objectContaining({
        event: 'message.failed',
        status: 'pending',
        attempts: 0,
        payload: expect.objectContaining({ data: { message_id: 'abc' } }),
      }),
    ]);

    expectError(await call(deleteRoute, 'DELETE', '/x', { token: other.token, id }), 404, 'not_found');
    expect((await call(deleteRoute, 'DELETE', '/x', { token: c.token, id })).json).toEqual({ id, deleted: true });
    expect((await call(listRoute, 'GET', '/api/v1/webhooks', { token: c.token })).json.data).toEqual([]);
    expect(await enqueueEvent(h.db, c.id, 'message.failed', {})).toBe(0);
    // Drain this test's delivery so the worker tests below start from an empty queue.
    await deliverDueWebhooks(h.db, new Date(), fakeFetch([200]).f);
  });
});

describe('the delivery worker', () => {
  test('a real receiver: signed POST, X-Signature = HMAC-SHA256(secret, `${ts}.${body}`)', async () => {
    const rx = await receiver([204]);
    try {
      const { w } = await hookWithEvent(rx.url);
      expect(await deliverDueWebhooks(h.db)).toBe(1);
      expect(rx.got).toHaveLength(1);
      const { headers, body } = rx.got[0];
      const want = createHmac('sha256', w.secret).update(`${headers['x-timestamp']}.${body}`).digest('hex');
      expect(headers['x-signature']).toBe(want);
      expect(headers['content-type']).toBe('application/json');
      expect(headers['x-webhook-event']).toBe('message.sent');
      expect(Math.abs(Number(headers['x-timestamp']) - Date.now() / 1000)).toBeLessThan(60);
      expect(JSON.parse(body)).toMatchObject({ id: expect.any(Number), event: 'message.sent', data: { message_id: 'm1' } });
      const [d] = await deliveriesOf(h.db, w.id);
      expect(d).toMatchObject({ status: 'delivered', attempts: 1, lastStatusCode: 204 });
      expect(await deliverDueWebhooks(h.db, new Date(Date.now() + 3600 * S))).toBe(0);
      expect(rx.got).toHaveLength(1);
    } finally {
      await rx.close();
    }
  });

  test('5xx → retried with exponential backoff (10 s, 20 s, ...), delivered when the receiver recovers', async () => {
    const rx = await receiver([500, 503, 200]);
    try {
      const { w } = await hookWithEvent(rx.url);
      const t0 = new Date();
      expect(await deliverDueWebhooks(h.db, t0)).toBe(1);
      let [d] = await deliveriesOf(h.db, w.id);
      expect(d).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: 500 });
      expect(d.nextAttemptAt.getTime() - t0.getTime()).toBe(BASE_BACKOFF_MS);
      expect(await deliverDueWebhooks(h.db, new Date(t0.getTime() + BASE_BACKOFF_MS - 1))).toBe(0);
      const t1 = new Date(t0.getTime() + BASE_BACKOFF_MS);
      expect(await deliverDueWebhooks(h.db, t1)).toBe(1);
      [d] = await deliveriesOf(h.db, w.id);
      expect(d).toMatchObject({ status: 'pending', attempts: 2, lastStatusCode: 503 });
      expect(d.nextAttemptAt.getTime() - t1.getTime()).toBe(2 * BASE_BACKOFF_MS);
      expect(await deliverDueWebhooks(h.db, new Date(t1.getTime() + 2 * BASE_BACKOFF_MS))).toBe(1);
      [d] = await deliveriesOf(h.db, w.id);
      expect(d).toMatchObject({ status: 'delivered', attempts: 3, lastStatusCode: 200, lastError: null });
      expect(rx.got).toHaveLength(3);
      // The same delivery id every time (the receiver can de-duplicate).
      expect(new Set(rx.got.map((g) => JSON.parse(g.body).id)).size).toBe(1);
    } finally {
      await rx.close();
    }
  });

  test('4xx → failed at once, no retry', async () => {
    const rx = await receiver([404]);
    try {
      const { w } = await hookWithEvent(rx.url);
      await deliverDueWebhooks(h.db);
      const [d] = await deliveriesOf(h.db, w.id);
      expect(d).toMatchObject({ status: 'failed', attempts: 1, lastStatusCode: 404 });
      expect(await deliverDueWebhooks(h.db, new Date(Date.now() + 86_400 * S))).toBe(0);
      expect(rx.got).toHaveLength(1);
    } finally {
      await rx.close();
    }
  });

  test('a timeout (or network error) is retryable; after MAX_ATTEMPTS it is failed', async () => {
    const timeout = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    const { f, calls } = fakeFetch([timeout, new Error('connect ECONNREFUSED'), 502]);
    const { w } = await hookWithEvent('https://receiver.test/hook');
    let now = new Date();
    await deliverDueWebhooks(h.db, now, f);
    let [d] = await deliveriesOf(h.db, w.id);
    expect(d).toMatchObject({ status: 'pending', attempts: 1, lastError: 'timeout', lastStatusCode: null });
    const gaps: number[] = [d.nextAttemptAt.getTime() - now.getTime()];
    for (let i = 2; i <= MAX_ATTEMPTS; i++) {
      now = d.nextAttemptAt;
      expect(await deliverDueWebhooks(h.db, now, f)).toBe(1);
      [d] = await deliveriesOf(h.db, w.id);
      if (d.status === 'pending') gaps.push(d.nextAttemptAt.getTime() - now.getTime());
    }
    expect(d).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, lastStatusCode: 502 });
    expect(gaps).toEqual(Array.from({ length: MAX_ATTEMPTS - 1 }, (_, i) => BASE_BACKOFF_MS * 2 ** i));
    expect(calls).toHaveLength(MAX_ATTEMPTS);
    expect(await deliverDueWebhooks(h.db, new Date(now.getTime() + 86_400 * S), f)).toBe(0);
    expect(calls[0].url).toBe('https://receiver.test/hook');
  });

  test('a disabled webhook gets no new deliveries', async () => {
    const c = await gatewayClient(h.db, admin);
    const w = await createWebhook(h.db, c.actor, { url: 'https://x.test', events: ['message.sent'] });
    await h.db.update(webhooks).set({ enabled: false }).where(eq(webhooks.id, w.id));
    expect(await enqueueEvent(h.db, c.id, 'message.sent', {})).toBe(0);
  });
});

if (!onPostgres()) console.log('parallel webhook workers need PostgreSQL: set TEST_DATABASE_URL');

describe.skipIf(!onPostgres())('parallel workers', () => {
  test('four workers at once never deliver the same attempt twice (counted at the receiver)', async () => {
    const rx = await receiver([200]);
    try {
      const c = await gatewayClient(h.db, admin);
      const w = await createWebhook(h.db, c.actor, { url: rx.url, events: ['message.sent'] });
      const at = new Date(Date.now() - S);
      for (let i = 0; i < 60; i++) await enqueueEvent(h.db, c.id, 'message.sent', { n: i }, at);
      const runs = await Promise.all(
        Array.from({ length: 4 }, async () => {
          let n = 0;
          for (let k = 0; k < 20; k++) {
            const got = await deliverDueWebhooks(h.db, new Date(), fetch, 5);
            if (!got) break;
            n += got;
          }
          return n;
        }),
      );
      expect(runs.reduce((a, b) => a + b, 0)).toBe(60);
      expect(rx.got).toHaveLength(60);
      const ids = rx.got.map((g) => JSON.parse(g.body).id);
      expect(new Set(ids).size).toBe(60);
      expect((await deliveriesOf(h.db, w.id)).every((d) => d.status === 'delivered' && d.attempts === 1)).toBe(true);
    } finally {
      await rx.close();
    }
  });
});
