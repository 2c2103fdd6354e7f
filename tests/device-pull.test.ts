// The device pull (lib/services/device-queue.ts pullMessages) is one statement: the claim, the recipients'
// move and the answer (new claims and the ones the phone has not accepted yet, cancellations to confirm)
// together, so it is atomic without a transaction and reads no more as the log grows. On PGlite and PostgreSQL.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DbHandle } from '@/db';
import { devices, rateLimits } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { pullMessages, reportStates } from '@/lib/services/device-queue';
import { deviceFromToken } from '@/lib/services/devices';
import { cancelMessage, queueMessages } from '@/lib/services/messages';
import { onPostgres, useTestDbForRoutes } from './helpers/db';
import { makeAdmin, suspendUser } from './helpers/fixtures';
import { gatewayClient, gatewayLogin, messageRow, recipientsOf, registerPhone } from './helpers/gateway';
import { logStatements } from './helpers/statements';

let h: DbHandle;
let admin: Actor;
beforeAll(async () => {
  h = await useTestDbForRoutes();
  admin = await makeAdmin(h.db);
});
afterAll(async () => {
  await h.close();
});

async function phoneWithQueue(n: number) {
  const c = await gatewayClient(h.db, admin, { pkg: 'enterprise_max' });
  const phone = await registerPhone(h.db, await gatewayLogin(h.db, c.actor));
  const queued = await queueMessages(h.db, c.actor, {
    messages: Array.from({ length: n }, (_, i) => ({
      phones: [`+95920000${String(i).padStart(4, '0')}`, `+95930000${String(i).padStart(4, '0')}`],
    })),
    text: 'pull me',
    source: 'api',
  });
  return { c, phone, ids: queued.map((m) => m.id) };
}

describe('the device pull', () => {
  test('one statement, outside any transaction: claims, moves the recipients and answers with both', async () => {
    const { phone, ids } = await phoneWithQueue(3);
    const { result, log } = await logStatements(h.db, () => pullMessages(h.db, phone.device, 'fifo'));
    expect(log.inTx).toEqual([]);
    expect(log.outside.length).toBe(1);
    // One send's messages share their creation time: their order among themselves is not promised.
    expect(result.map((m) => m.id).sort()).toEqual([...ids].sort());
    for (const m of result) {
      expect(m.state).toBe('processing');
      expect(m.device_id).toBe(phone.device.id);
      expect(m.recipients.map((r) => r.state)).toEqual(['processing', 'processing']);
      expect(m.recipients.map((r) => r.phone)).toEqual([m.phone, expect.stringMatching(/^\+95930000/)]);
      expect(Object.keys(m.states)).toEqual(expect.arrayContaining(['pending', 'processing']));
    }
    // What the phone got is what the database holds.
    const row = await messageRow(h.db, ids[0]);
    expect(row.state).toBe('processing');
    expect(row.claimedBy).toBe(phone.device.id);
    expect((await recipientsOf(h.db, ids[0])).map((r) => r.state)).toEqual(['processing', 'processing']);
  });

  test('a second pull offers again what the phone has not accepted, a cancellation to confirm, and nothing accepted', async () => {
    const { c, phone, ids } = await phoneWithQueue(3);
    expect((await pullMessages(h.db, phone.device)).length).toBe(3);
    await reportStates(h.db, phone.device, [{ id: ids[0], state: 'Processed', recipients: [] }]);
    await cancelMessage(h.db, c.actor, ids[1]);
    const again = await pullMessages(h.db, phone.device, 'fifo');
    expect(new Map(again.map((m) => [m.id, m.state]))).toEqual(
      new Map([
        [ids[1], 'cancelling'],
        [ids[2], 'processing'],
      ]),
    );
    // New work and held work come back together, newest first by default.
    const [more] = await queueMessages(h.db, c.actor, { messages: [{ phones: ['+959400000001'] }], text: 'later', source: 'api' });
    const lifo = await pullMessages(h.db, phone.device);
    expect(lifo[0].id).toBe(more.id);
    expect(
      lifo
        .slice(1)
        .map((m) => m.id)
        .sort(),
    ).toEqual([ids[1], ids[2]].sort());
    expect(lifo[0].recipients).toEqual([{ phone: '+959400000001', state: 'processing', error: null }]);
  });

  test('a disabled phone gets nothing and claims nothing', async () => {
    const { phone, ids } = await phoneWithQueue(1);
    expect(await pullMessages(h.db, { ...phone.device, enabled: false })).toEqual([]);
    expect((await messageRow(h.db, ids[0])).state).toBe('pending');
  });
});

describe('the device token (every mobile request before its work)', () => {
  const countHit = { bucketPrefix: 'api:device:', limit: 600, windowMs: 60_000 };
  const bucketOf = async (id: string) =>
    (
      await h.db
        .select()
        .from(rateLimits)
        .where(eq(rateLimits.bucket, `api:device:${id}`))
    )[0]?.count ?? null;
  const lastSeenOf = async (id: string) =>
    (await h.db.select({ at: devices.lastSeenAt, v: devices.appVersion }).from(devices).where(eq(devices.id, id)))[0];

  test('one statement reads the device, marks it seen (at most every 15 s, or on a new app version) and counts the request', async () => {
    const { phone } = await phoneWithQueue(0);
    // At the start of a minute: every call below falls in the same rate-limit window.
    const t0 = new Date(Math.ceil(Date.now() / 60_000) * 60_000 + 60_000);
    const first = await logStatements(h.db, () => deviceFromToken(h.db, phone.token, t0, { appVersion: '1.68.0', countHit }));
    expect(first.log.inTx).toEqual([]);
    expect(first.log.outside).toHaveLength(1);
    // The row as it was before the statement's own write; the write is in the table.
    expect(first.result).toMatchObject({ id: phone.id, hits: 1 });
    expect((await lastSeenOf(phone.id)).at?.toISOString()).toBe(t0.toISOString());
    expect((await lastSeenOf(phone.id)).v).toBe('1.68.0');
    // Ten seconds later, same version: counted, last seen left as it is.
    const t1 = new Date(t0.getTime() + 10_000);
    expect((await deviceFromToken(h.db, phone.token, t1, { appVersion: '1.68.0', countHit })).hits).toBe(2);
    expect((await lastSeenOf(phone.id)).at?.toISOString()).toBe(t0.toISOString());
    // A new version is written at once; past 15 seconds last seen is written again.
    await deviceFromToken(h.db, phone.token, t1, { appVersion: '1.69.0', countHit });
    expect(await lastSeenOf(phone.id)).toEqual({ at: t1, v: '1.69.0' });
    const t2 = new Date(t1.getTime() + 15_001);
    await deviceFromToken(h.db, phone.token, t2, { countHit });
    expect(await lastSeenOf(phone.id)).toEqual({ at: t2, v: '1.69.0' });
    expect(await bucketOf(phone.id)).toBe(4);
    // Without countHit (GET /device): seen, not counted.
    const t3 = new Date(t2.getTime() + 20_000);
    expect(await deviceFromToken(h.db, phone.token, t3)).not.toHaveProperty('hits');
    expect((await lastSeenOf(phone.id)).at?.toISOString()).toBe(t3.toISOString());
    expect(await bucketOf(phone.id)).toBe(4);
  });

  test("a suspended client's phone is refused, neither counted nor marked seen; an unknown token is 401", async () => {
    const { c, phone } = await phoneWithQueue(0);
    const before = await lastSeenOf(phone.id);
    await suspendUser(h.db, c.actor.userId);
    const later = new Date(Date.now() + 120_000);
    await expect(deviceFromToken(h.db, phone.token, later, { appVersion: '9.9.9', countHit })).rejects.toMatchObject({
      code: 'account_suspended',
    });
    expect(await lastSeenOf(phone.id)).toEqual(before);
    expect(await bucketOf(phone.id)).toBeNull();
    await expect(deviceFromToken(h.db, `${phone.token}x`, later, { countHit })).rejects.toMatchObject({ code: 'unauthorized' });
  });
});

describe.skipIf(!onPostgres())('the device token under concurrency (PostgreSQL)', () => {
  test('40 requests of one phone at once: each counted exactly once, every count given once, over the limit refused', async () => {
    const { phone } = await phoneWithQueue(0);
    // One rate-limit window for all of them.
    const at = new Date(Math.ceil(Date.now() / 60_000) * 60_000 + 120_000);
    const countHit = { bucketPrefix: 'api:device:', limit: 30, windowMs: 60_000 };
    const results = await Promise.all(Array.from({ length: 40 }, () => deviceFromToken(h.db, phone.token, at, { countHit })));
    expect(results.map((r) => r.hits).sort((a, b) => Number(a) - Number(b))).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    const [bucket] = await h.db
      .select()
      .from(rateLimits)
      .where(eq(rateLimits.bucket, `api:device:${phone.id}`));
    expect(bucket).toMatchObject({ count: 40, limit: 30, windowStart: new Date(Math.floor(at.getTime() / 60_000) * 60_000) });
    // Ten over the limit: the core refuses exactly those (settleHit throws past the limit).
    const { settleHit } = await import('@/lib/http/rate-limit');
    const refused = results.filter((r) => {
      try {
        settleHit(`api:device:${phone.id}:t`, Number(r.hits), countHit.limit, countHit.windowMs, at);
        return false;
      } catch {
        return true;
      }
    });
    expect(refused).toHaveLength(10);
    const [row] = await h.db.select({ at: devices.lastSeenAt }).from(devices).where(eq(devices.id, phone.id));
    expect(row.at?.toISOString()).toBe(at.toISOString());
  });
});
