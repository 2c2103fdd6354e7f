// Fault tests, webhooks (issue 6 item 4): a real receiver on 127.0.0.1 that is first not listening
// (connection refused), then answers 503, then hangs, then is up; the delivery worker runs on an injected
// clock through the backoff schedule (10 s doubling, MAX_ATTEMPTS). Every event is delivered exactly once
// once the receiver is up, attempts follow the policy, parallel workers never send one attempt twice; a
// worker whose database connection dies after the POST re-sends the same delivery (at-least-once).
// The worker delivers every due row of its database, so the file has a database of its own. PostgreSQL only.
import { createHmac } from 'node:crypto';
import { createServer as createHttpServer } from 'node:http';
import { createServer, type Server, type Socket } from 'node:net';
import { eq, inArray } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { webhookDeliveries } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { BASE_BACKOFF_MS, createWebhook, deliverDueWebhooks, enqueueEvent, MAX_ATTEMPTS } from '@/lib/services/webhooks';
import { onPostgres } from './helpers/db';
import { type FaultDb, faultSuite, killDuring, reasonOf } from './helpers/faults';
import { gatewayClient } from './helpers/gateway';

type Mode = 'down' | 'error' | 'hang' | 'ok';
interface Receipt {
  id: number;
  event: string;
  mode: Mode;
  signed: boolean;
}

/** A receiver on a fixed port of 127.0.0.1: down (nothing listening), 503, hanging, or 200. */
async function receiver(secrets: Map<string, string>) {
  const probe: Server = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  const port = (probe.address() as { port: number }).port;
  await new Promise<void>((r) => probe.close(() => r()));
  const got: Receipt[] = [];
  const sockets = new Set<Socket>();
  let mode: Mode = 'down';
  let http: ReturnType<typeof createHttpServer> | null = null;
  const start = async () => {
    http = createHttpServer((req, res) => {
      let body = '';
      req.on('data', (c) => {
        body += c;
      });
      req.on('end', () => {
        const parsed = JSON.parse(body) as { id: number; event: string };
        const secret = secrets.get(req.url ?? '') ?? '';
        const want = createHmac('sha256', secret).update(`${req.headers['x-timestamp']}.${body}`).digest('hex');
        got.push({ id: parsed.id, event: parsed.event, mode, signed: req.headers['x-signature'] === want });
        if (mode === 'hang') return; // never answers
        res.statusCode = mode === 'error' ? 503 : 200;
        res.end('ok');
      });
    });
    http.on('connection', (s) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
    await new Promise<void>((r) => http?.listen(port, '127.0.0.1', r));
  };
  const stop = async () => {
    if (!http) return;
    const h = http;
    http = null;
    for (const s of sockets) s.destroy();
    await new Promise<void>((r) => h.close(() => r()));
  };
  return {
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    got,
    set: async (m: Mode) => {
      if (m === 'down') await stop();
      else if (!http) await start();
      mode = m;
    },
    close: stop,
  };
}

/** The worker's fetch with a shorter timeout than its own 10 s, so a hanging receiver costs 300 ms a try. */
const shortFetch = ((url: string, init: RequestInit) =>
  fetch(url, { ...init, signal: AbortSignal.timeout(300) })) as unknown as typeof fetch;

if (!onPostgres())
  console.log('fault tests (webhooks) skipped: parallel workers and killed worker connections need PostgreSQL; set TEST_DATABASE_URL');

describe.skipIf(!onPostgres())('webhook receiver down, then up', () => {
  let f: FaultDb;
  let admin: Actor;
  faultSuite((s) => ({ f, admin } = s), {
    afterEach: async () => {
      // Nothing due left for the next test's worker.
      await f.db
        .update(webhookDeliveries)
        .set({ status: 'failed' })
        .where(inArray(webhookDeliveries.status, ['pending', 'delivering']));
    },
  });

  /** `hooks` clients with a webhook each on the receiver, `perHook` events each, due at t0. */
  async function events(rx: Awaited<ReturnType<typeof receiver>>, secrets: Map<string, string>, hooks: number, perHook: number, t0: Date) {
    const ids: number[] = [];
    for (let h = 0; h < hooks; h++) {
      const c = await gatewayClient(f.db, admin);
      const path = `/hook-${h}-${Math.random().toString(36).slice(2, 8)}`;
      const w = await createWebhook(f.db, c.actor, { url: rx.url(path), events: ['message.sent'] });
      secrets.set(path, w.secret);
      for (let i = 0; i < perHook; i++)
        await enqueueEvent(f.db, c.id, 'message.sent', { message_id: `m-${h}-${i}` }, new Date(t0.getTime() - 1000));
      ids.push(
        ...(await f.db.select({ id: webhookDeliveries.id }).from(webhookDeliveries).where(eq(webhookDeliveries.webhookId, w.id))).map(
          (d) => d.id,
        ),
      );
    }
    return ids.sort((a, b) => a - b);
  }
  const rowsOf = (ids: number[]) =>
    f.db.select().from(webhookDeliveries).where(inArray(webhookDeliveries.id, ids)).orderBy(webhookDeliveries.id);

  /** Four workers at once, each in small batches until nothing is due at `now`; answers how many attempts were made. */
  async function tick(now: Date, fetchImpl: typeof fetch = shortFetch): Promise<number> {
    const runs = await Promise.all(
      Array.from({ length: 4 }, async () => {
        let n = 0;
        for (let k = 0; k < 50; k++) {
          const got = await deliverDueWebhooks(f.db, now, fetchImpl, 2);
          if (!got) break;
          n += got;
        }
        return n;
      }),
    );
    return runs.reduce((a, b) => a + b, 0);
  }
  const countBy = (rs: Receipt[], pred: (r: Receipt) => boolean) => {
    const m = new Map<number, number>();
    for (const r of rs) if (pred(r)) m.set(r.id, (m.get(r.id) ?? 0) + 1);
    return m;
  };

  test('refused → 503 → hanging → up: one attempt per event per due time, backoff 10 s, 20 s, 40 s; then each event delivered exactly once', async () => {
    const secrets = new Map<string, string>();
    const rx = await receiver(secrets);
    try {
      const t0 = new Date();
      const ids = await events(rx, secrets, 2, 4, t0);
      const at = (ms: number) => new Date(t0.getTime() + ms);
      const B = BASE_BACKOFF_MS;
      const schedule: { mode: Mode; at: number; expect: Partial<typeof webhookDeliveries.$inferSelect> }[] = [
        { mode: 'down', at: 0, expect: { status: 'pending', attempts: 1, lastStatusCode: null } },
        { mode: 'error', at: B, expect: { status: 'pending', attempts: 2, lastStatusCode: 503 } },
        { mode: 'hang', at: 3 * B, expect: { status: 'pending', attempts: 3, lastStatusCode: null, lastError: 'timeout' } },
        { mode: 'ok', at: 7 * B, expect: { status: 'delivered', attempts: 4, lastStatusCode: 200, lastError: null } },
      ];
      for (const [i, step] of schedule.entries()) {
        await rx.set(step.mode);
        // Not a moment early.
        if (step.at > 0) expect(await tick(at(step.at - 1))).toBe(0);
        const before = rx.got.length;
        expect(await tick(at(step.at))).toBe(ids.length);
        const rows = await rowsOf(ids);
        for (const d of rows) {
          expect(d).toMatchObject(step.expect);
          if (d.status === 'pending') expect(d.nextAttemptAt.getTime() - at(step.at).getTime()).toBe(B * 2 ** i);
        }
        if (step.mode === 'down') expect(rows.every((d) => /fetch failed|ECONNREFUSED/.test(d.lastError ?? ''))).toBe(true);
        // Whatever reached the receiver in this round: each event once, signed.
        const round = rx.got.slice(before);
        expect(round.map((r) => r.id).sort((a, b) => a - b)).toEqual(step.mode === 'down' ? [] : ids);
        expect(round.every((r) => r.signed)).toBe(true);
      }
      // Delivered once each; the worker has nothing more to do, ever.
      expect([...countBy(rx.got, (r) => r.mode === 'ok').entries()].sort((a, b) => a[0] - b[0])).toEqual(ids.map((id) => [id, 1]));
      expect([...countBy(rx.got, () => true).values()]).toEqual(ids.map(() => 3));
      expect(await tick(at(86_400_000))).toBe(0);
      expect(rx.got).toHaveLength(3 * ids.length);
    } finally {
      await rx.close();
    }
  });

  test('a receiver that never comes back: exactly MAX_ATTEMPTS tries per event on the doubling schedule, then failed for good', async () => {
    const secrets = new Map<string, string>();
    const rx = await receiver(secrets);
    try {
      let now = new Date();
      const ids = await events(rx, secrets, 1, 3, now);
      const gaps: number[] = [];
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        await rx.set(attempt % 2 ? 'down' : 'error');
        expect(await tick(now)).toBe(ids.length);
        const rows = await rowsOf(ids);
        expect(new Set(rows.map((d) => d.attempts))).toEqual(new Set([attempt]));
        if (attempt < MAX_ATTEMPTS) {
          expect(new Set(rows.map((d) => d.status))).toEqual(new Set(['pending']));
          gaps.push(rows[0].nextAttemptAt.getTime() - now.getTime());
          now = rows[0].nextAttemptAt;
        } else {
          expect(rows.every((d) => d.status === 'failed' && d.lastStatusCode === 503)).toBe(true);
        }
      }
      expect(gaps).toEqual([1, 2, 4, 8, 16].map((k) => k * BASE_BACKOFF_MS));
      // The receiver saw only the 503 rounds (attempts 2, 4, 6): three per event.
      expect([...countBy(rx.got, () => true).values()]).toEqual(ids.map(() => MAX_ATTEMPTS / 2));
      await rx.set('ok');
      expect(await tick(new Date(now.getTime() + 86_400_000))).toBe(0);
    } finally {
      await rx.close();
    }
  });

  test('a hanging receiver with the worker\'s own 10 s timeout: the attempt fails as "timeout" and is retried; delivered once when up', async () => {
    const secrets = new Map<string, string>();
    const rx = await receiver(secrets);
    try {
      const t0 = new Date();
      const [id] = await events(rx, secrets, 1, 1, t0);
      await rx.set('hang');
      expect(await deliverDueWebhooks(f.db, t0)).toBe(1);
      const [d] = await rowsOf([id]);
      expect(d).toMatchObject({ status: 'pending', attempts: 1, lastError: 'timeout' });
      await rx.set('ok');
      expect(await deliverDueWebhooks(f.db, d.nextAttemptAt)).toBe(1);
      expect((await rowsOf([id]))[0]).toMatchObject({ status: 'delivered', attempts: 2 });
      expect(rx.got.map((r) => [r.id, r.mode])).toEqual([
        [id, 'hang'],
        [id, 'ok'],
      ]);
    } finally {
      await rx.close();
    }
  }, 30_000);

  test("the worker's database connection dies after a POST succeeded, before recording it → that delivery is re-sent once its lock expires (same id and payload, validly signed); the others of the batch once", async () => {
    const secrets = new Map<string, string>();
    const rx = await receiver(secrets);
    try {
      const t0 = new Date();
      const ids = await events(rx, secrets, 1, 3, t0);
      await rx.set('ok');
      const v = f.victim();
      try {
        const r = await killDuring(
          f,
          v,
          { table: 'webhook_deliveries', event: 'update', when: `new.status = 'delivered'` },
          'terminate',
          () => deliverDueWebhooks(v.db, t0, fetch, 10),
        );
        expect(r.status).toBe('rejected');
        expect(reasonOf(r)).toMatch(/CONNECTION_CLOSED|57P01/);
      } finally {
        await v.crash();
      }
      // One POST went out and was answered 200; the database does not know.
      expect(rx.got).toHaveLength(1);
      const first = rx.got[0].id;
      expect((await rowsOf(ids)).map((d) => d.status)).toEqual(['delivering', 'delivering', 'delivering']);
      // Claimed rows stay with the dead worker until their lock (2 × the 10 s timeout) runs out.
      expect(await tick(new Date(t0.getTime() + 20_000))).toBe(0);
      expect(await tick(new Date(t0.getTime() + 20_001))).toBe(3);
      const rows = await rowsOf(ids);
      expect(rows.every((d) => d.status === 'delivered')).toBe(true);
      // `attempts` counts claims: the dead worker's claim cost every row of its batch one attempt, sent or not.
      expect(rows.map((d) => d.attempts)).toEqual([2, 2, 2]);
      // At least once: the receiver got `first` twice, with the same delivery id (its de-duplication key).
      expect(countBy(rx.got, () => true)).toEqual(new Map(ids.map((id) => [id, id === first ? 2 : 1])));
      expect(rx.got.every((x) => x.signed && x.mode === 'ok')).toBe(true);
      expect(new Set(rx.got.map((x) => x.id)).size).toBe(3);
    } finally {
      await rx.close();
    }
  });
});
