// SMS quotas (docs/ARCHITECTURE.md#rules-quotas): one SMS per recipient, daily (platform time zone) and per period, refused whole
// with 429 and {limit, used}; an SMS that expires without leaving the server gives its quota back.
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { POST as sendRoute } from '@/app/api/v1/sms/send/route';
import type { DbHandle } from '@/db';
import { messages } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { clientLimits } from '@/lib/services/limits';
import { queueMessages } from '@/lib/services/messages';
import { getSettings } from '@/lib/services/settings';
import { sweepMessages } from '@/lib/services/sweeps';
import { useTestDbForRoutes } from './helpers/db';
import { domainError } from './helpers/errors';
import { makeAdmin } from './helpers/fixtures';
import { gatewayClient } from './helpers/gateway';
import { call, expectError } from './helpers/http';

const MIN = 60_000;
const DAY = 86_400_000;

let h: DbHandle;
let admin: Actor;
beforeAll(async () => {
  h = await useTestDbForRoutes();
  admin = await makeAdmin(h.db);
});
afterAll(async () => {
  await h.close();
});

const send = (token: string, body: unknown) => call(sendRoute, 'POST', '/api/v1/sms/send', { token, body });
const phones = (n: number, base = 959100000000) => Array.from({ length: n }, (_, i) => `+${base + i}`);
async function messageCount(clientId: number) {
  const [{ n }] = await h.db.select({ n: count() }).from(messages).where(eq(messages.clientId, clientId));
  return n;
}
/** Service-level send with an explicit clock. */
const queue = (actor: Actor, n: number, now: Date) =>
  queueMessages(h.db, actor, { messages: phones(n).map((p) => ({ phones: [p] })), text: 'q', source: 'api' }, now);

test('trial: the daily limit from the settings; one over → 429 daily_limit_reached with {limit, used}', async () => {
  const { trial_daily_limit: daily } = await getSettings(h.db);
  expect(daily).toBe(20);
  const c = await gatewayClient(h.db, admin);
  expect((await send(c.token, { phones: phones(daily - 1), message: 'a' })).status).toBe(202);
  expect((await send(c.token, { phone: '+959200000000', message: 'b' })).status).toBe(202);
  const res = await send(c.token, { phone: '+959200000001', message: 'c' });
  const details = expectError(res, 429, 'daily_limit_reached');
  expect(details).toMatchObject({ limit: daily, used: daily });
  expect(await messageCount(c.id)).toBe(daily);
});

test('a bulk send that does not fit is refused whole: nothing inserted', async () => {
  const c = await gatewayClient(h.db, admin, { pkg: 'starter_pro' });
  expect((await send(c.token, { phones: phones(40), message: 'first' })).status).toBe(202);
  const res = await send(c.token, { phones: phones(6, 959300000000), message: 'too many' });
  expect(expectError(res, 429, 'daily_limit_reached')).toMatchObject({ limit: 45, used: 40 });
  expect(await messageCount(c.id)).toBe(40);
  // Exactly what is left still fits.
  expect((await send(c.token, { phones: phones(5, 959300000000), message: 'fits' })).status).toBe(202);
  expect(await messageCount(c.id)).toBe(45);
});

test('package limits: Starter Pro allows 45 a day', async () => {
  const c = await gatewayClient(h.db, admin, { pkg: 'starter_pro' });
  const l = await clientLimits(h.db, c.id, new Date());
  expect(l).toMatchObject({ status: 'active', dailyLimit: 45, periodLimit: 1350, deviceLimit: 1 });
  expect((await send(c.token, { phones: phones(45), message: 'x' })).status).toBe(202);
  expect(expectError(await send(c.token, { phone: '+959400000000', message: 'x' }), 429, 'daily_limit_reached')).toMatchObject({
    limit: 45,
    used: 45,
  });
});

test('the period limit: trial 60 over several days → 429 period_limit_reached with {limit, used}', async () => {
  const s = await getSettings(h.db);
  const t0 = new Date(Date.now() - 10 * DAY);
  const c = await gatewayClient(h.db, admin, { trial_days: 7, now: t0 });
  const days = Math.ceil(s.trial_period_limit / s.trial_daily_limit);
  let sent = 0;
  for (let d = 0; d < days; d++) {
    const n = Math.min(s.trial_daily_limit, s.trial_period_limit - sent);
    await queue(c.actor, n, new Date(t0.getTime() + d * DAY + MIN));
    sent += n;
  }
  expect(sent).toBe(s.trial_period_limit);
  const err = await domainError(queue(c.actor, 1, new Date(t0.getTime() + days * DAY + MIN)));
  expect(err.code).toBe('period_limit_reached');
  expect(err.details).toMatchObject({ limit: s.trial_period_limit, used: s.trial_period_limit });
});

test('the day boundary is midnight in Asia/Yangon (UTC+06:30), not UTC', async () => {
  // 2025-03-10 23:30 Yangon = 17:00 UTC; Yangon midnight = 17:30 UTC.
  const start = new Date('2025-03-09T12:00:00Z');
  const c = await gatewayClient(h.db, admin, { pkg: 'starter_pro', now: start });
  await queue(c.actor, 45, new Date('2025-03-10T17:00:00Z'));
  const before = await domainError(queue(c.actor, 1, new Date('2025-03-10T17:29:00Z')));
  expect(before.code).toBe('daily_limit_reached');
  // Still the same UTC day, but a new day in Yangon.
  const after = await queue(c.actor, 45, new Date('2025-03-10T17:31:00Z'));
  expect(after).toHaveLength(45);
  expect((await domainError(queue(c.actor, 1, new Date('2025-03-10T23:59:00Z')))).code).toBe('daily_limit_reached');
});

test('an expired (never claimed) message gives its quota back after sweepMessages', async () => {
  // Midday in Yangon, so "now + 3 minutes" is the same platform day (with the wall clock it failed near 17:30 UTC).
  const now = new Date('2025-06-10T05:00:00Z');
  const c = await gatewayClient(h.db, admin, { pkg: 'starter_pro', now: new Date(now.getTime() - DAY) });
  const short = await queueMessages(
    h.db,
    c.actor,
    { messages: phones(10).map((p) => ({ phones: [p] })), text: 'short-lived', source: 'api', validUntil: new Date(now.getTime() + MIN) },
    now,
  );
  await queue(c.actor, 35, now);
  expect((await domainError(queue(c.actor, 1, new Date(now.getTime() + 2 * MIN)))).code).toBe('daily_limit_reached');
  await sweepMessages(h.db, new Date(now.getTime() + 2 * MIN));
  const rows = await h.db.select().from(messages).where(eq(messages.clientId, c.id));
  const expired = rows.filter((m) => short.some((s) => s.id === m.id));
  expect(expired.every((m) => m.state === 'expired' && !m.countsTowardQuota)).toBe(true);
  const l = await clientLimits(h.db, c.id, new Date(now.getTime() + 3 * MIN));
  expect(l.used.today).toBe(35);
  expect(await queue(c.actor, 10, new Date(now.getTime() + 3 * MIN))).toHaveLength(10);
  expect((await domainError(queue(c.actor, 1, new Date(now.getTime() + 3 * MIN)))).code).toBe('daily_limit_reached');
});

describe('usage is per client', () => {
  test('one client at its limit does not affect another of the same reseller', async () => {
    const a = await gatewayClient(h.db, admin);
    const { trial_daily_limit: daily } = await getSettings(h.db);
    expect((await send(a.token, { phones: phones(daily), message: 'x' })).status).toBe(202);
    const b = await gatewayClient(h.db, admin);
    expect((await send(b.token, { phone: '+959111111111', message: 'x' })).status).toBe(202);
  });
});
