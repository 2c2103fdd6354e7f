// Usage counters (lib/services/usage.ts, docs/scaling.md#usage-counters): a send is four statements in one
// transaction and reads no aggregate over messages, bulk sends are set-based, expiry and cancel give quota
// back, and every counter equals its messages recomputed. On PGlite and PostgreSQL.
import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { POST as sendRoute } from '@/app/api/v1/sms/send/route';
import { type DbHandle, rowsOf } from '@/db';
import { messageRecipients, messages, subscriptions } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { clientLimits } from '@/lib/services/limits';
import { cancelMessage, queueMessages } from '@/lib/services/messages';
import { sweepMessages } from '@/lib/services/sweeps';
import { pgArray } from '@/lib/services/usage';
import { useTestDbForRoutes } from './helpers/db';
import { makeAdmin } from './helpers/fixtures';
import { gatewayClient, gatewayLogin, registerPhone } from './helpers/gateway';
import { call } from './helpers/http';
import { assertUsageInvariant } from './helpers/invariants';
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

/** A client whose package allows `daily` a day (a subscription edited in place, for the bulk sizes). */
async function sender(daily = 550, period = 16_500) {
  const c = await gatewayClient(h.db, admin, { pkg: 'enterprise_max' });
  await h.db.update(subscriptions).set({ dailyLimit: daily, periodLimit: period }).where(eq(subscriptions.clientId, c.id));
  return c;
}
const phones = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `+9591${String(from + i).padStart(8, '0')}`);

describe('the send', () => {
  test('four statements in one transaction, none reading messages, with a device named and an id given', async () => {
    const c = await sender();
    const creds = await gatewayLogin(h.db, c.actor);
    const phone = await registerPhone(h.db, creds);
    // The same with little and with much sent before: the statements do not grow with the usage.
    for (const before of [0, 300]) {
      if (before) await queueMessages(h.db, c.actor, { messages: phones(before).map((p) => ({ phones: [p] })), text: 'x', source: 'api' });
      const { log } = await logStatements(h.db, () =>
        queueMessages(h.db, c.actor, {
          messages: [{ ref: `r${before}`, phones: phones(2) }],
          text: 'hi',
          deviceId: phone.id,
          source: '3rdparty',
        }),
      );
      expect(log.outside).toEqual([]);
      expect(log.inTx.length).toBeLessThanOrEqual(4);
      for (const q of log.inTx) expect(q).not.toMatch(/from\s+"?messages"?\b|sum\(/i);
    }
    expect((await clientLimits(h.db, c.id, new Date())).used).toEqual({ today: 304, period: 304 });
    await assertUsageInvariant(h.db, [c.id]);
  });

  test('a bulk send of 10,000 recipients in one request: set-based (four statements), counted once', async () => {
    const c = await sender(15_000, 50_000);
    const list = phones(10_000);
    const { result, log } = await logStatements(h.db, () =>
      call(sendRoute, 'POST', '/api/v1/sms/send', { token: c.token, body: { phones: list, message: 'bulk' } }),
    );
    expect(result.status).toBe(202);
    expect((result.json.data as unknown[]).length).toBe(10_000);
    expect(log.inTx.length).toBeLessThanOrEqual(4);
    const [{ n }] = await h.db
      .select({ n: count() })
      .from(messageRecipients)
      .innerJoin(messages, eq(messages.id, messageRecipients.messageId))
      .where(eq(messages.clientId, c.id));
    expect(n).toBe(10_000);
    expect((await clientLimits(h.db, c.id, new Date())).used).toEqual({ today: 10_000, period: 10_000 });
    // One more than the day allows is refused whole and moves no counter.
    const over = await call(sendRoute, 'POST', '/api/v1/sms/send', {
      token: c.token,
      body: { phones: phones(5_001, 20_000), message: 'x' },
    });
    expect(over.status).toBe(429);
    expect(over.json.error?.details).toMatchObject({ limit: 15_000, used: 10_000, requested: 5_001 });
    expect((await clientLimits(h.db, c.id, new Date())).used).toEqual({ today: 10_000, period: 10_000 });
    await assertUsageInvariant(h.db, [c.id]);
  });

  test('the day limit is exact at its edge; the period limit is refused with its own code', async () => {
    const c = await sender(5, 7);
    const send = (n: number, from: number) =>
      call(sendRoute, 'POST', '/api/v1/sms/send', { token: c.token, body: { phones: phones(n, from), message: 'x' } });
    expect((await send(5, 0)).status).toBe(202);
    const full = await send(1, 10);
    expect(full.json.error?.code).toBe('daily_limit_reached');
    expect(full.json.error?.details).toMatchObject({ limit: 5, used: 5, requested: 1 });
    // Tomorrow (platform day): the day counter starts again, the period one goes on and stops at 7.
    const tomorrow = new Date(Date.now() + 86_400_000);
    await queueMessages(h.db, c.actor, { messages: [{ phones: phones(2, 20) }], text: 'x', source: 'api' }, tomorrow);
    await expect(
      queueMessages(h.db, c.actor, { messages: [{ phones: phones(1, 30) }], text: 'x', source: 'api' }, tomorrow),
    ).rejects.toMatchObject({ code: 'period_limit_reached', details: { limit: 7, used: 7, requested: 1 } });
    expect((await clientLimits(h.db, c.id, tomorrow)).used).toEqual({ today: 2, period: 7 });
    await assertUsageInvariant(h.db, [c.id]);
  });
});

describe('pgArray (the set-based inserts pass their columns as one array literal each)', () => {
  test('quotes, backslashes, braces, commas, NULL, empty and non-ASCII text come back as given', async () => {
    const values = ['+959420000202', 'a"b', 'c\\d', '\\"', '{x,y}', 'NULL', '', ' sp ', 'မင်္ဂလာပါ', null];
    // Read back as JSON: postgres.js's own text[] reader turns a NULL element into the string 'NULL'.
    const [row] = rowsOf<{ a: (string | null)[] }>(await h.db.execute(sql`select array_to_json(${pgArray(values)}::text[]) as a`));
    expect(row.a).toEqual(values);
    const [ints] = rowsOf<{ a: number[] }>(await h.db.execute(sql`select array_to_json(${pgArray([0, 1, -7])}::int[]) as a`));
    expect(ints.a).toEqual([0, 1, -7]);
  });
});

describe('quota given back', () => {
  test('a cancel and an expiry give back to the day and period they were counted in; others stay', async () => {
    const c = await sender();
    const now = new Date();
    const [a] = await queueMessages(h.db, c.actor, { messages: [{ phones: phones(3) }], text: 'x', source: 'api' }, now);
    await queueMessages(
      h.db,
      c.actor,
      { messages: [{ phones: phones(2, 5) }], text: 'x', source: 'api', validUntil: new Date(now.getTime() + 60_000) },
      now,
    );
    await queueMessages(h.db, c.actor, { messages: [{ phones: phones(4, 9) }], text: 'x', source: 'api' }, now);
    expect((await clientLimits(h.db, c.id, now)).used).toEqual({ today: 9, period: 9 });
    await cancelMessage(h.db, c.actor, a.id, now);
    expect((await clientLimits(h.db, c.id, now)).used).toEqual({ today: 6, period: 6 });
    // A second cancel is refused and gives nothing back twice.
    await expect(cancelMessage(h.db, c.actor, a.id, now)).rejects.toMatchObject({ code: 'cannot_cancel' });
    await sweepMessages(h.db, new Date(now.getTime() + 120_000));
    expect((await clientLimits(h.db, c.id, now)).used).toEqual({ today: 4, period: 4 });
    await assertUsageInvariant(h.db, [c.id]);
  });

  test('the invariant catches a counter that moved without its messages', async () => {
    const c = await sender();
    await queueMessages(h.db, c.actor, { messages: [{ phones: phones(2) }], text: 'x', source: 'api' });
    await h.db.execute(sql`update usage_counters set used = used + 1 where client_id = ${c.id} and kind = 'day'`);
    await expect(assertUsageInvariant(h.db, [c.id])).rejects.toThrow();
    await h.db.execute(sql`update usage_counters set used = used - 1 where client_id = ${c.id} and kind = 'day'`);
    await assertUsageInvariant(h.db, [c.id]);
  });
});
