// The admin overview counts real SMS (one per recipient, today / month / per day) and online gateways.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { DbHandle } from '@/db';
import { queueMessages } from '@/lib/services/messages';
import { adminStats } from '@/lib/services/stats';
import { sweepMessages } from '@/lib/services/sweeps';
import { makeAdmin } from './helpers/fixtures';
import { gatewayClient, insertDevice } from './helpers/gateway';
import { openPrivateDb } from './helpers/private-db';

// A database of its own: the figures are platform-wide totals.
let h: DbHandle;
beforeAll(async () => {
  h = await openPrivateDb();
});
afterAll(async () => {
  await h.close();
});

test('SMS today, this month and per day count recipients; expired-unsent ones and offline phones do not count', async () => {
  const admin = await makeAdmin(h.db);
  const now = new Date();
  const c = await gatewayClient(h.db, admin, { pkg: 'starter_pro' });
  await queueMessages(h.db, c.actor, { messages: [{ phones: ['+959111'] }, { phones: ['+959222'] }], text: 'hi', source: 'api' }, now);
  await queueMessages(h.db, c.actor, { messages: [{ phones: ['+959333', '+959444', '+959555'] }], text: 'hi', source: '3rdparty' }, now);
  const short = await queueMessages(
    h.db,
    c.actor,
    { messages: [{ phones: ['+959666'] }], text: 'soon gone', source: 'api', validUntil: new Date(now.getTime() + 1_000) },
    now,
  );
  expect(short).toHaveLength(1);
  await sweepMessages(h.db, new Date(now.getTime() + 2_000));
  await insertDevice(h.db, c.id, now);
  await insertDevice(h.db, c.id, new Date(now.getTime() - 10 * 60_000));

  const s = await adminStats(h.db, admin, new Date(now.getTime() + 3_000));
  expect(s.sms_today).toBe(5);
  expect(s.sms_month).toBe(5);
  expect(s.gateways_online).toBe(1);
  expect(s.series.at(-1)?.sms).toBe(5);
  expect(s.series.slice(0, -1).every((d) => d.sms === 0)).toBe(true);
});

test("a reseller's overview counts only its own clients' SMS and phones", async () => {
  const { resellerOverview } = await import('@/lib/services/reseller-stats');
  const admin = await makeAdmin(h.db);
  const now = new Date();
  const mine = await gatewayClient(h.db, admin, { pkg: 'starter_pro' });
  const other = await gatewayClient(h.db, admin, { pkg: 'starter_pro' });
  await queueMessages(h.db, mine.actor, { messages: [{ phones: ['+959777', '+959888'] }], text: 'hi', source: '3rdparty' }, now);
  await queueMessages(h.db, other.actor, { messages: [{ phones: ['+959999'] }], text: 'hi', source: 'api' }, now);
  await insertDevice(h.db, mine.id, now);
  await insertDevice(h.db, other.id, now);
  const o = await resellerOverview(h.db, mine.reseller.actor, new Date(now.getTime() + 1_000));
  expect(o.sms).toEqual({ today: 2, month: 2 });
  expect(o.gateways_online).toBe(1);
});

test("a commission partner's overview shows commission earned this month from its ledger, net of reversals", async () => {
  const { resellerOverview } = await import('@/lib/services/reseller-stats');
  const { activatePackage } = await import('@/lib/services/activation');
  const { makeClient, makeReseller } = await import('./helpers/fixtures');
  const admin = await makeAdmin(h.db);
  const r = await makeReseller(h.db, admin, { partner_type: 'commission', commission_rate: 10, credit: 200_000 });
  const { client } = await makeClient(h.db, r.actor);
  const now = new Date();
  await activatePackage(h.db, r.actor, client.id, { package_type: 'starter_pro' }, now);
  // Switch the same moment: 30 unused days refunded, so the 5,000 commission is reversed whole.
  await activatePackage(h.db, r.actor, client.id, { package_type: 'business_elite' }, now);
  const o = await resellerOverview(h.db, r.actor, new Date(now.getTime() + 1_000));
  expect(o.commission_month).toBe(5_000 - 5_000 + 10_000);
});

test('the admin and reseller overviews read the usage counters, no aggregate over the messages (issue 12)', async () => {
  const { resellerOverview } = await import('@/lib/services/reseller-stats');
  const { logStatements } = await import('./helpers/statements');
  const admin = await makeAdmin(h.db);
  const c = await gatewayClient(h.db, admin, { pkg: 'starter_pro' });
  await queueMessages(h.db, c.actor, { messages: [{ phones: ['+959123', '+959124'] }], text: 'hi', source: 'api' });
  const { log } = await logStatements(h.db, async () => {
    await adminStats(h.db, admin);
    await resellerOverview(h.db, c.reseller.actor);
  });
  const all = [...log.outside, ...log.inTx];
  expect(all.some((q) => /usage_counters/.test(q))).toBe(true);
  for (const q of all) expect(q).not.toMatch(/from\s+"?messages"?(\s|$)|recipient_count/i);
  expect((await resellerOverview(h.db, c.reseller.actor)).sms).toEqual({ today: 2, month: 2 });
});
