// Notices across instances (issue 16): two app processes of the production build on one PostgreSQL database,
// both running the notification-scan job and the mail delivery (tests/helpers/two-instances.ts). Each
// scheduled notice (trial/period ending, expired, phone offline, low credit) and each usage notice reaches each
// person once, with one mail each at the SMTP server.
import { and, eq, gte, inArray } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { devices, emailOutbox, jobRuns, notifications, subscriptions, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { activatePackage } from '@/lib/services/activation';
import { queueMessages } from '@/lib/services/messages';
import { transferCredit } from '@/lib/services/transfers';
import { onPostgres } from './helpers/db';
import { makeClient, makeReseller } from './helpers/fixtures';
import { insertDevice } from './helpers/gateway';
import { type Answer, type Instance, request } from './helpers/instances';
import { assertLedgerInvariant } from './helpers/invariants';
import { apiKeyFor } from './helpers/reseller-keys';
import { SCAN_MS, startTwoInstances, stopTwoInstances, type TwoInstances } from './helpers/two-instances';

if (!onPostgres()) console.log('multi-instance tests need PostgreSQL (PGlite is one process): set TEST_DATABASE_URL');

describe.skipIf(!onPostgres())('notices: both instances run the notification-scan job; each event reaches each person once', () => {
  let t: TwoInstances;
  let h: TwoInstances['h'];
  let admin: Actor;
  let a: Instance;
  let b: Instance;
  let smtp: TwoInstances['smtp'];
  /** The instance for the i-th request: alternating, like a round-robin balancer. */
  const at = (i: number) => (i % 2 ? b : a).url;
  const statuses = (rs: Answer[]) => rs.map((r) => r.status);

  beforeAll(async () => {
    t = await startTwoInstances();
    ({ h, admin, a, b, smtp } = t);
  }, 120_000);
  afterEach(async () => {
    await assertLedgerInvariant(h.db);
  });
  afterAll(async () => {
    await stopTwoInstances(t);
  }, 30_000);

  const HOUR = 3_600_000;
  const DAY = 24 * HOUR;
  /** One person's notices of an event whose key names the subject (`client:7:`, `subscription:3:`…). */
  const notices = (userId: number, event: string, keyPart: string) =>
    h.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, userId), eq(notifications.event, event)))
      .then((rows) => rows.filter((n) => n.eventKey.includes(keyPart)));
  /** The scan runs (of this test) and which instances they ran on. */
  const scansSince = (since: Date) =>
    h.db
      .select()
      .from(jobRuns)
      .where(and(eq(jobRuns.job, 'notification-scan'), gte(jobRuns.startedAt, since)));

  /**
   * Exactly one notice for each (user, event), one queued mail for it (its dedup key), sent, and one mail
   * with that subject at the SMTP server.
   */
  async function expectOnce(expected: { userId: number; event: string; keyPart: string }[]) {
    for (const x of expected) {
      const got = await notices(x.userId, x.event, x.keyPart);
      expect(got, JSON.stringify(x)).toHaveLength(1);
      const mails = await h.db
        .select()
        .from(emailOutbox)
        .where(and(eq(emailOutbox.userId, x.userId), eq(emailOutbox.kind, x.event)))
        .then((rows) => rows.filter((m) => m.dedupKey?.startsWith(`${got[0].eventKey}:`)));
      expect(mails, JSON.stringify(x)).toHaveLength(1);
      expect(mails[0].state, JSON.stringify(x)).toBe('sent');
      const [u] = await h.db.select({ email: users.email }).from(users).where(eq(users.id, x.userId));
      const arrived = smtp.mails.filter((m) => m.to.includes(u.email.toLowerCase()) && m.subject === mails[0].subject);
      expect(arrived, JSON.stringify(x)).toHaveLength(1);
    }
  }

  /** Waits until every expected notice is there and mailed (and, for the scan's events, both instances have scanned). */
  async function settle(since: Date, expected: { userId: number; event: string; keyPart: string }[], bothScan = true) {
    // The job registry hands each due run to whichever instance claims it first: wait until each has
    // scanned with the situations in place, so both saw them.
    if (bothScan)
      await expect
        .poll(
          async () => {
            const runs = (await scansSince(since)).filter((r) => r.ok);
            return new Set(runs.map((r) => r.instance)).size;
          },
          { timeout: 60_000, interval: 250 },
        )
        .toBe(2);
    await expect
      .poll(
        async () => {
          let done = 0;
          for (const x of expected) {
            const got = await notices(x.userId, x.event, x.keyPart);
            const sent = await h.db
              .select({ id: emailOutbox.id })
              .from(emailOutbox)
              .where(and(eq(emailOutbox.userId, x.userId), eq(emailOutbox.kind, x.event), eq(emailOutbox.state, 'sent')));
            if (got.length && sent.length) done++;
          }
          return done;
        },
        { timeout: 30_000, interval: 250 },
      )
      .toBe(expected.length);
    // A few more passes by either instance change nothing.
    await new Promise((r) => setTimeout(r, 4 * SCAN_MS));
  }

  test('trial ending within 24 h, paid period ending within 3 days, client expired: client and reseller, once each', async () => {
    const now = new Date();
    const r1 = await makeReseller(h.db, admin, { credit: 200_000 });
    // Trial of one day started an hour ago: it ends within 24 h.
    const ending = await makeClient(h.db, r1.actor, { trial_days: 1, now: new Date(now.getTime() - HOUR) });
    // Trial of one day that ended an hour ago: expired.
    const expired = await makeClient(h.db, r1.actor, { trial_days: 1, now: new Date(now.getTime() - DAY - HOUR) });
    // A package started 28 days ago (a 30-day period): ends within 3 days; its trial is long over.
    const start = new Date(now.getTime() - 28 * DAY);
    const paid = await makeClient(h.db, r1.actor, { now: start });
    await activatePackage(h.db, r1.actor, paid.client.id, { package_type: 'starter_pro' }, start);
    const [sub] = await h.db.select({ id: subscriptions.id }).from(subscriptions).where(eq(subscriptions.clientId, paid.client.id));
    const since = new Date();
    const expected = [
      ...[ending.client.id, r1.reseller.id].map((userId) => ({ userId, event: 'trial_ending', keyPart: `client:${ending.client.id}:` })),
      ...[expired.client.id, r1.reseller.id].map((userId) => ({
        userId,
        event: 'client_expired',
        keyPart: `client:${expired.client.id}:`,
      })),
      ...[paid.client.id, r1.reseller.id].map((userId) => ({ userId, event: 'period_ending', keyPart: `subscription:${sub.id}:` })),
    ];
    await settle(since, expected);
    await expectOnce(expected);
    // Nothing else about these three: no expiry for the running ones, no "ending" for the expired one.
    expect(await notices(ending.client.id, 'client_expired', '')).toHaveLength(0);
    expect(await notices(paid.client.id, 'client_expired', '')).toHaveLength(0);
    expect(await notices(expired.client.id, 'trial_ending', '')).toHaveLength(0);
  }, 150_000);

  test('a phone offline 30 min while messages wait (client), credit below the threshold (reseller): once each', async () => {
    const now = new Date();
    const r = await makeReseller(h.db, admin, { credit: 120_000 });
    const c = await makeClient(h.db, r.actor, { now });
    const { id } = await insertDevice(h.db, c.client.id, new Date(now.getTime() - 40 * 60_000));
    await h.db.update(devices).set({ online: false }).where(eq(devices.id, id));
    await queueMessages(h.db, c.actor, { messages: [{ phones: ['+959420008888'] }], text: 'waiting', source: 'api' }, now);
    // 120,000 → 90,000: below the default threshold of 100,000.
    await transferCredit(h.db, r.actor, c.client.id, 30_000);
    const since = new Date();
    const expected = [
      { userId: c.client.id, event: 'device_offline', keyPart: `device:${id}:` },
      { userId: r.reseller.id, event: 'low_credit', keyPart: `reseller:${r.reseller.id}:` },
    ];
    await settle(since, expected);
    await expectOnce(expected);
  }, 150_000);

  test('80 % and 100 % of the daily limit, 20 sends split over both instances: each notice once', async () => {
    const r = await makeReseller(h.db, admin);
    const c = await makeClient(h.db, r.actor);
    const token = (await apiKeyFor(h.db, c.actor)).key;
    const rs = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        request(at(i), 'POST', '/api/v1/sms/send', {
          token,
          body: { phone: `+9591300${String(i).padStart(5, '0')}`, message: `hz usage ${i}` },
        }),
      ),
    );
    expect(statuses(rs).filter((s) => s === 202)).toHaveLength(20);
    const expected = [
      { userId: c.client.id, event: 'usage_limit', keyPart: ':80' },
      { userId: c.client.id, event: 'usage_limit', keyPart: ':100' },
    ];
    await expect.poll(async () => (await notices(c.client.id, 'usage_limit', '')).length, { timeout: 15_000 }).toBe(2);
    await settle(new Date(), expected, false);
    const all = await notices(c.client.id, 'usage_limit', '');
    expect(all.map((n) => (n.params as { percent: number }).percent).sort()).toEqual([100, 80]);
    const mails = await h.db
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.userId, c.client.id), eq(emailOutbox.kind, 'usage_limit')));
    expect(mails.map((m) => m.state)).toEqual(['sent', 'sent']);
    const [u] = await h.db
      .select({ email: users.email })
      .from(users)
      .where(inArray(users.id, [c.client.id]));
    expect(smtp.mails.filter((m) => m.to.includes(u.email.toLowerCase()) && mails.some((x) => x.subject === m.subject))).toHaveLength(2);
  }, 150_000);
});
