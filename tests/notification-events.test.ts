// Every event of issue 16's table, raised where it happens or by the scan job, once and only once: the
// service events by their row's key; the scheduled ones by the occurrence's key, with two "instances" (two
// database handles running the scan at the same moment) on PostgreSQL.
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DbHandle } from '@/db';
import { devices, notifications, resellerNoticeSettings } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { scanNotifications } from '@/lib/notifications/scheduled';
import { activatePackage } from '@/lib/services/activation';
import { creditReseller } from '@/lib/services/credit';
import { queueMessages } from '@/lib/services/messages';
import { settleCommission } from '@/lib/services/reseller-admin';
import { decideTopupRequest, fileTopupRequest } from '@/lib/services/topups';
import { transferCredit } from '@/lib/services/transfers';
import { onPostgres, openTestDb } from './helpers/db';
import { makeAdmin, makeClient, makeReseller } from './helpers/fixtures';
import { insertDevice } from './helpers/gateway';

let h: DbHandle;
let admin: Actor;
beforeAll(async () => {
  h = await openTestDb();
  admin = await makeAdmin(h.db);
});
afterAll(async () => {
  await h.close();
});

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const events = async (userId: number, event: string) =>
  h.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.event, event)))
    // In the order raised: without it PostgreSQL may return them in any order (seen under load).
    .orderBy(asc(notifications.id));

/** The scan as two instances at once (PostgreSQL), or twice in a row (PGlite has one connection). */
async function scanTwice(now: Date) {
  if (!onPostgres()) {
    await scanNotifications(h.db, now);
    await scanNotifications(h.db, now);
    return;
  }
  const other = await openTestDb();
  try {
    await Promise.all([scanNotifications(h.db, now), scanNotifications(other.db, now)]);
  } finally {
    await other.close();
  }
}

describe('raised by the services', () => {
  test('a top-up request reaches the admins once; its approval or rejection the reseller once', async () => {
    const { actor } = await makeReseller(h.db, admin);
    const t = await fileTopupRequest(h.db, actor, { amount: 70_000, method: 'kbzpay', reference: `ref-${Date.now()}` });
    const mine = (await events(admin.userId, 'topup_requested')).filter((n) => n.eventKey === `topup_requested:${t.id}`);
    expect(mine).toHaveLength(1);
    expect(mine[0].params).toMatchObject({ amount: 70_000 });
    await decideTopupRequest(h.db, admin, t.id, { approve: true });
    await expect(decideTopupRequest(h.db, admin, t.id, { approve: true })).rejects.toThrow();
    expect(await events(actor.userId, 'topup_approved')).toHaveLength(1);
    const t2 = await fileTopupRequest(h.db, actor, { amount: 5_000, method: 'kbzpay' });
    await decideTopupRequest(h.db, admin, t2.id, { approve: false, reason: 'No payment found.' });
    const rejected = await events(actor.userId, 'topup_rejected');
    expect(rejected).toHaveLength(1);
    expect(rejected[0].params).toMatchObject({ reason: 'No payment found.' });
  });

  test('credit added (not an adjustment) and commission settled reach the reseller once each', async () => {
    const { actor } = await makeReseller(h.db, admin, { partner_type: 'commission', commission_rate: 10 });
    await creditReseller(h.db, admin, actor.userId, { amount: 200_000, method: 'cash' });
    await creditReseller(h.db, admin, actor.userId, { amount: -1_000, method: 'cash' });
    expect(await events(actor.userId, 'credit_added')).toHaveLength(1);
    const { client } = await makeClient(h.db, actor);
    await activatePackage(h.db, actor, client.id, { package_type: 'starter_pro' });
    await settleCommission(h.db, admin, actor.userId, { mode: 'payout' });
    await expect(settleCommission(h.db, admin, actor.userId, { mode: 'payout' })).rejects.toThrow();
    expect(await events(actor.userId, 'commission_settled')).toHaveLength(1);
  });

  test('80 % and 100 % of the daily trial limit (20): each once, whatever the sends in between', async () => {
    const { actor: r } = await makeReseller(h.db, admin);
    const c = await makeClient(h.db, r);
    const send = (n: number) =>
      queueMessages(h.db, c.actor, {
        messages: Array.from({ length: n }, (_, i) => ({ phones: [`+95942000${String(1000 + i)}`] })),
        text: 'hi',
        source: 'api',
      });
    await send(15);
    expect(await events(c.client.id, 'usage_limit')).toHaveLength(0);
    await send(1);
    await send(1);
    const at80 = await events(c.client.id, 'usage_limit');
    expect(at80.map((n) => n.params)).toEqual([expect.objectContaining({ limitKind: 'day', percent: 80, used: 16, limit: 20 })]);
    await send(3);
    const all = await events(c.client.id, 'usage_limit');
    expect(all.map((n) => (n.params as { percent: number }).percent).sort()).toEqual([100, 80]);
  });
});

describe('found by the scan job (two instances)', () => {
  test('a trial ending within 24 h: the client and its reseller, once', async () => {
    const now = new Date();
    const { actor: r } = await makeReseller(h.db, admin);
    const { client } = await makeClient(h.db, r, { trial_days: 1, now: new Date(now.getTime() - HOUR) });
    await scanTwice(now);
    await scanTwice(new Date(now.getTime() + HOUR));
    expect(await events(client.id, 'trial_ending')).toHaveLength(1);
    expect((await events(r.userId, 'trial_ending')).filter((n) => n.eventKey.includes(`client:${client.id}:`))).toHaveLength(1);
    // And when it has ended: expired, once.
    await scanTwice(new Date(now.getTime() + DAY));
    await scanTwice(new Date(now.getTime() + DAY + HOUR));
    expect(await events(client.id, 'client_expired')).toHaveLength(1);
  });

  test('a paid period ending within 3 days (not 8 days before): the client and its reseller, once', async () => {
    const { actor: r } = await makeReseller(h.db, admin, { credit: 200_000 });
    const { client } = await makeClient(h.db, r);
    const start = new Date(Date.now() - 28 * DAY);
    await activatePackage(h.db, r, client.id, { package_type: 'starter_pro' }, start);
    await scanTwice(new Date(start.getTime() + 20 * DAY));
    expect(await events(client.id, 'period_ending')).toHaveLength(0);
    const near = new Date(Date.now());
    await scanTwice(near);
    await scanTwice(new Date(near.getTime() + HOUR));
    const got = await events(client.id, 'period_ending');
    expect(got).toHaveLength(1);
    expect((await events(r.userId, 'period_ending')).filter((n) => n.eventKey === got[0].eventKey)).toHaveLength(1);
  });

  test('a phone offline 30 minutes while messages wait: the client, once', async () => {
    const now = new Date();
    const { actor: r } = await makeReseller(h.db, admin);
    // The client's trial starts at this test's now: a send dated before the client existed has no usage period.
    const c = await makeClient(h.db, r, { now });
    const { id } = await insertDevice(h.db, c.client.id, new Date(now.getTime() - 40 * 60_000));
    await h.db.update(devices).set({ online: false }).where(eq(devices.id, id));
    await scanTwice(now);
    expect(await events(c.client.id, 'device_offline')).toHaveLength(0);
    await queueMessages(h.db, c.actor, { messages: [{ phones: ['+959420009999'] }], text: 'waiting', source: 'api' }, now);
    await scanTwice(now);
    await scanTwice(new Date(now.getTime() + 60_000));
    const got = await events(c.client.id, 'device_offline');
    expect(got).toHaveLength(1);
    expect(got[0].params).toMatchObject({ waiting: 1 });
  });

  test("credit below the reseller's threshold: once per refill; the threshold is the reseller's own", async () => {
    const { actor: r } = await makeReseller(h.db, admin, { credit: 120_000 });
    const { client } = await makeClient(h.db, r);
    await scanTwice(new Date());
    expect(await events(r.userId, 'low_credit')).toHaveLength(0);
    await transferCredit(h.db, r, client.id, 30_000);
    await scanTwice(new Date());
    await scanTwice(new Date());
    expect(await events(r.userId, 'low_credit')).toHaveLength(1);
    // A refill and a new drop is news again; a higher threshold of its own counts.
    await creditReseller(h.db, admin, r.userId, { amount: 10_000, method: 'cash' });
    await h.db.insert(resellerNoticeSettings).values({ resellerId: r.userId, lowCreditThreshold: 200_000 });
    await scanTwice(new Date());
    const got = await events(r.userId, 'low_credit');
    expect(got).toHaveLength(2);
    expect(got[1].params).toMatchObject({ thresholdAmount: 200_000, balanceAmount: 100_000 });
  });
});
