// The admin overview (docs/ARCHITECTURE.md#rules-tenancy): cards and 30-day series, days counted in the platform time zone. On a
// database of its own, so that every figure can be checked exactly (the shared one moves under other files).
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { GET as statsRoute } from '@/app/api/admin/stats/route';
import { type DbHandle, setDbHandle } from '@/db';
import type { Actor } from '@/lib/auth/permissions';
import { activatePackage } from '@/lib/services/activation';
import { setClientSuspended } from '@/lib/services/clients';
import { deleteReseller } from '@/lib/services/reseller-admin';
import { updateReseller } from '@/lib/services/resellers';
import { updateSettings } from '@/lib/services/settings';
import { type AdminStats, adminStats } from '@/lib/services/stats';
import { decideTopupRequest, fileTopupRequest } from '@/lib/services/topups';
import { makeClient, makeReseller } from './helpers/fixtures';
import { call, expectError } from './helpers/http';
import { assertLedgerInvariant } from './helpers/invariants';
import { openPrivateDb } from './helpers/private-db';
import { adminWithToken, tokenFor } from './helpers/sessions';

const DAY = 86_400_000;

let h: DbHandle;
let admin: Actor;
let adminToken: string;
beforeAll(async () => {
  h = await openPrivateDb();
  setDbHandle(h);
  ({ actor: admin, token: adminToken } = await adminWithToken(h.db));
});
afterEach(async () => {
  await assertLedgerInvariant(h.db);
});
afterAll(async () => {
  await h.close();
});

/** The calendar date of an instant in a time zone, as YYYY-MM-DD. */
const dateIn = (tz: string, at: Date) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
/** The 30 dates ending with `last`, oldest first. */
function thirtyDaysTo(last: string): string[] {
  const end = Date.parse(`${last}T00:00:00Z`);
  return Array.from({ length: 30 }, (_, i) => new Date(end - (29 - i) * DAY).toISOString().slice(0, 10));
}
const seriesSum = (s: AdminStats, key: 'revenue' | 'activations') => s.series.reduce((a, d) => a + d[key], 0);

test('an empty platform: every figure zero, 30 empty days ending today in Asia/Yangon', async () => {
  const now = new Date();
  const s = await adminStats(h.db, admin, now);
  expect(s).toMatchObject({
    time_zone: 'Asia/Yangon',
    active_resellers: 0,
    clients: { trial: 0, active: 0, expired: 0, suspended: 0, total: 0 },
    credit_outstanding: 0,
    commission_outstanding: 0,
    revenue_month: 0,
    activations_month: 0,
    pending_topups: 0,
  });
  expect(s.series.map((d) => d.day)).toEqual(thirtyDaysTo(dateIn('Asia/Yangon', now)));
  expect(s.series.every((d) => d.revenue === 0 && d.activations === 0)).toBe(true);
});

describe('a platform with some business', () => {
  let expected: { credit: number; revenue: number };
  beforeAll(async () => {
    // r1 own_plans with four clients in four states, one of them switched; r2 a commission partner;
    // r3 suspended with some credit; r4 deleted (archived).
    const r1 = await makeReseller(h.db, admin, { credit: 300_000 });
    const r2 = await makeReseller(h.db, admin, { credit: 100_000, partner_type: 'commission', commission_rate: 10 });
    const r3 = await makeReseller(h.db, admin, { credit: 5_000 });
    const r4 = await makeReseller(h.db, admin);
    await updateReseller(h.db, admin, r3.reseller.id, { status: 'suspended' });
    await deleteReseller(h.db, admin, r4.reseller.id, r4.reseller.name);

    await makeClient(h.db, r1.actor);
    const { client: switched } = await makeClient(h.db, r1.actor);
    await makeClient(h.db, r1.actor, { trial_days: 0 });
    const { client: suspended } = await makeClient(h.db, r1.actor);
    await setClientSuspended(h.db, r1.actor, suspended.id, true);
    const { client: paying } = await makeClient(h.db, r2.actor);

    await activatePackage(h.db, r1.actor, switched.id, { package_type: 'starter_pro' });
    const sw = await activatePackage(h.db, r1.actor, switched.id, { package_type: 'business_elite' });
    expect(sw.kind).toBe('switch');
    expect(sw.refund).toBeGreaterThan(0);
    await activatePackage(h.db, r2.actor, paying.id, { package_type: 'business_elite' });

    const approved = await fileTopupRequest(h.db, r1.actor, { amount: 20_000, method: 'kbzpay' });
    await fileTopupRequest(h.db, r1.actor, { amount: 30_000, method: 'cash' });
    const rejected = await fileTopupRequest(h.db, r2.actor, { amount: 40_000, method: 'cash' });
    await decideTopupRequest(h.db, admin, approved.id, { approve: true });
    await decideTopupRequest(h.db, admin, rejected.id, { approve: false, reason: 'Not paid' });

    expected = {
      // r1: bought 300,000 + 20,000, spent 50,000 + 100,000, got the refund back; r2 spent all; r3 keeps 5,000.
      credit: 300_000 + 20_000 - 50_000 - 100_000 + sw.refund + 0 + 5_000,
      revenue: 50_000 + 100_000 + 100_000 - sw.refund,
    };
  });

  test('the cards: resellers, clients by status, credit and commission outstanding, revenue, pending top-ups', async () => {
    const s = await adminStats(h.db, admin);
    expect(s).toMatchObject({
      active_resellers: 2,
      clients: { trial: 1, active: 2, expired: 1, suspended: 1, total: 5 },
      credit_outstanding: expected.credit,
      commission_outstanding: 10_000,
      revenue_month: expected.revenue,
      activations_month: 3,
      pending_topups: 1,
    });
  });

  test("the series: today's activations and revenue on the last of 30 days", async () => {
    const now = new Date();
    const s = await adminStats(h.db, admin, now);
    expect(s.series.map((d) => d.day)).toEqual(thirtyDaysTo(dateIn('Asia/Yangon', now)));
    expect(s.series.at(-1)).toMatchObject({ activations: 3, revenue: expected.revenue });
    expect(seriesSum(s, 'activations')).toBe(3);
    expect(seriesSum(s, 'revenue')).toBe(expected.revenue);
  });

  test('GET /api/admin/stats answers the same figures; a reseller token is 401', async () => {
    const res = await call(statsRoute, 'GET', '/api/admin/stats', { token: adminToken });
    expect(res.status).toBe(200);
    expect(res.json).toEqual(JSON.parse(JSON.stringify(await adminStats(h.db, admin))));
    const r = await makeReseller(h.db, admin);
    expectError(
      await call(statsRoute, 'GET', '/api/admin/stats', { token: await tokenFor(h.db, r.reseller.id, 'reseller', r.password) }),
      401,
      'unauthorized',
    );
  });
});

test('days and months are counted in the platform time zone, not in UTC', async () => {
  // 2020-03-31 18:00 UTC is already 1 April, 00:30, in Yangon (UTC+6:30).
  const soldAt = new Date('2020-03-31T18:00:00Z');
  const later = new Date('2020-04-02T12:00:00Z');
  const r = await makeReseller(h.db, admin, { credit: 50_000 });
  const { client } = await makeClient(h.db, r.actor);
  await activatePackage(h.db, r.actor, client.id, { package_type: 'starter_pro' }, soldAt);
  const byDay = (s: AdminStats) => Object.fromEntries(s.series.map((d) => [d.day, d.activations]));

  const yangon = await adminStats(h.db, admin, later);
  expect(yangon.series.map((d) => d.day)).toEqual(thirtyDaysTo('2020-04-02'));
  expect(byDay(yangon)).toMatchObject({ '2020-03-31': 0, '2020-04-01': 1 });
  expect(yangon.activations_month).toBe(1);

  await updateSettings(h.db, admin, { time_zone: 'UTC' });
  try {
    const utc = await adminStats(h.db, admin, later);
    expect(utc.time_zone).toBe('UTC');
    expect(byDay(utc)).toMatchObject({ '2020-03-31': 1, '2020-04-01': 0 });
    expect(utc.activations_month).toBe(0);
    // Just after UTC midnight it is still the day before in Honolulu: the series ends a day earlier there.
    await updateSettings(h.db, admin, { time_zone: 'Pacific/Honolulu' });
    const justAfterMidnight = new Date('2020-04-02T00:30:00Z');
    expect((await adminStats(h.db, admin, justAfterMidnight)).series.at(-1)?.day).toBe('2020-04-01');
  } finally {
    await updateSettings(h.db, admin, { time_zone: 'Asia/Yangon' });
  }
});
