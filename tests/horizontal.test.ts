// Horizontal scale (issue 6): two app processes on different ports against one PostgreSQL database, every
// race split between them request by request, as a load balancer would. Locks, limits and keys live in
// PostgreSQL, so the outcomes are exactly those of one instance: credit for 7 → 7 activations; 45 SMS left →
// 45 accepted; every message claimed by one phone; a top-up decided once; one Idempotency-Key → one charge;
// a rate limit of 30 → 30 pass (the notices: horizontal-notices.test.ts). The instances are real servers of the production build (scripts/serve.mjs, as `npm start`).
import { and, count, eq, gte } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { jobRuns, ledgerEntries, messages, resellers, subscriptions, topupRequests, usageCounters, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { queueMessages } from '@/lib/services/messages';
import { fileTopupRequest } from '@/lib/services/topups';
import { onPostgres } from './helpers/db';
import { makeAdmin, makeClient, makeReseller, uid } from './helpers/fixtures';
import { gatewayClient, insertDevice } from './helpers/gateway';
import { type Answer, type Instance, request } from './helpers/instances';
import { assertLedgerInvariant } from './helpers/invariants';
import { apiKeyFor } from './helpers/reseller-keys';
import { SWEEP_MS, startTwoInstances, stopTwoInstances, type TwoInstances } from './helpers/two-instances';

if (!onPostgres()) console.log('multi-instance tests need PostgreSQL (PGlite is one process): set TEST_DATABASE_URL');

describe.skipIf(!onPostgres())('two app instances on one PostgreSQL', () => {
  let t: TwoInstances;
  let h: TwoInstances['h'];
  let admin: Actor;
  let a: Instance;
  let b: Instance;
  /** The instance for the i-th request: alternating, like a round-robin balancer. */
  const at = (i: number) => (i % 2 ? b : a).url;

  beforeAll(async () => {
    t = await startTwoInstances();
    ({ h, admin, a, b } = t);
  }, 120_000);
  afterEach(async () => {
    await assertLedgerInvariant(h.db);
  });
  afterAll(async () => {
    await stopTwoInstances(t);
  }, 30_000);

  const login = async (role: 'admin' | 'reseller', email: string, password: string) => {
    const r = await request(a.url, 'POST', `/api/${role}/auth/login`, { body: { email, password } });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    return r.json.token as string;
  };
  const emailOf = async (id: number) => {
    const [u] = await h.db.select({ email: users.email }).from(users).where(eq(users.id, id));
    return u.email;
  };
  const statuses = (rs: Answer[]) => rs.map((r) => r.status);
  const served = () => ({ a: a.output(), b: b.output() });

  test('both instances serve: a token issued by one is accepted by the other', async () => {
    const { reseller, password } = await makeReseller(h.db, admin);
    const token = await login('reseller', await emailOf(reseller.id), password);
    const [ra, rb] = await Promise.all([
      request(a.url, 'GET', '/api/reseller/profile', { token }),
      request(b.url, 'GET', '/api/reseller/profile', { token }),
    ]);
    expect([ra.status, rb.status]).toEqual([200, 200]);
    expect(ra.json).toEqual(rb.json);
  });

  test('the job registry: both instances poll the message sweep, each due run is claimed once, never two at once', async () => {
    const since = new Date();
    await new Promise((r) => setTimeout(r, 4000));
    const runs = (
      await h.db
        .select()
        .from(jobRuns)
        .where(and(eq(jobRuns.job, 'message-sweep'), gte(jobRuns.startedAt, since)))
    ).sort((x, y) => x.startedAt.getTime() - y.startedAt.getTime());
    // One schedule for the two of them: about 4000 / 400 runs, where two independent timers would make twice that.
    expect(runs.length, JSON.stringify(served()).slice(0, 2000)).toBeGreaterThanOrEqual(4);
    expect(runs.length).toBeLessThanOrEqual(4000 / SWEEP_MS + 2);
    expect(new Set(runs.map((r) => r.dueAt.getTime())).size).toBe(runs.length);
    for (const r of runs) expect(r.ok).not.toBe(false);
    for (let i = 1; i < runs.length; i++)
      expect(runs[i].startedAt.getTime()).toBeGreaterThanOrEqual(runs[i - 1].finishedAt?.getTime() ?? Infinity);
  });

  test('a scheduled campaign, both instances polling every 300 ms: started exactly once, one message per recipient', async () => {
    const c = await gatewayClient(h.db, admin, { pkg: 'enterprise_max' });
    await insertDevice(h.db, c.id);
    const phones = Array.from({ length: 50 }, (_, i) => `+95942${String(i).padStart(7, '0')}`);
    const at = new Date(Date.now() + 1500);
    const r = await request(a.url, 'POST', '/api/v1/campaigns', {
      token: c.token,
      body: { name: 'hz', message: 'Hi {{phone}}', phones, scheduled_at: at.toISOString() },
    });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    expect(r.json).toMatchObject({ state: 'scheduled', recipients: 50 });
    await expect
      .poll(async () => (await request(b.url, 'GET', `/api/v1/campaigns/${r.json.id}`, { token: c.token })).json.state, { timeout: 15_000 })
      .toBe('sending');
    // Both went on polling past the start: still one set of messages.
    await new Promise((res) => setTimeout(res, 1500));
    const rows = await h.db.select({ text: messages.text }).from(messages).where(eq(messages.clientId, c.id));
    expect(rows).toHaveLength(50);
    expect(new Set(rows.map((x) => x.text)).size).toBe(50);
    const [{ used }] = await h.db
      .select({ used: usageCounters.used })
      .from(usageCounters)
      .where(and(eq(usageCounters.clientId, c.id), eq(usageCounters.kind, 'day')));
    expect(used).toBe(50);
    const starts = await h.db.select().from(jobRuns).where(eq(jobRuns.job, 'campaign-start'));
    expect(starts.filter((x) => (x.result as { started?: number } | null)?.started === 1)).toHaveLength(1);
  });

  test('50 activations split over both, credit for 7: exactly 7 succeed, 43 insufficient_credit, balance 0', async () => {
    const { reseller, actor, password } = await makeReseller(h.db, admin, { credit: 350_000 });
    const clients = await Promise.all(Array.from({ length: 50 }, () => makeClient(h.db, actor)));
    const token = await login('reseller', await emailOf(reseller.id), password);
    const rs = await Promise.all(
      clients.map(({ client }, i) =>
        request(at(i), 'POST', `/api/reseller/clients/${client.id}/activate`, { token, body: { package_type: 'starter_pro' } }),
      ),
    );
    expect(
      statuses(rs).filter((s) => s === 201),
      JSON.stringify(served()).slice(0, 2000),
    ).toHaveLength(7);
    expect(rs.filter((r) => r.status !== 201).map((r) => `${r.status} ${r.json.error?.code}`)).toEqual(
      Array(43).fill('402 insufficient_credit'),
    );
    const [row] = await h.db.select({ credit: resellers.creditBalance }).from(resellers).where(eq(resellers.id, reseller.id));
    expect(row.credit).toBe(0);
    const [{ subs }] = await h.db.select({ subs: count() }).from(subscriptions).where(eq(subscriptions.resellerId, reseller.id));
    expect(subs).toBe(7);
  });

  test('one Idempotency-Key sent to both instances at once: one activation, the other replays or waits', async () => {
    const { reseller, actor, password } = await makeReseller(h.db, admin, { credit: 500_000 });
    const { client } = await makeClient(h.db, actor);
    const token = await login('reseller', await emailOf(reseller.id), password);
    const key = `hz-${uid()}`;
    const rs = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        request(at(i), 'POST', `/api/reseller/clients/${client.id}/activate`, {
          token,
          body: { package_type: 'starter_pro' },
          headers: { 'idempotency-key': key },
        }),
      ),
    );
    for (const r of rs) expect([201, 409]).toContain(r.status);
    for (const r of rs.filter((x) => x.status === 409)) expect(r.json.error?.code).toBe('request_in_progress');
    const done = rs.filter((r) => r.status === 201);
    expect(done.length).toBeGreaterThanOrEqual(1);
    // Every 201 is the same activation: the first answer, replayed.
    expect(new Set(done.map((r) => JSON.stringify(r.json))).size).toBe(1);
    const [row] = await h.db.select({ credit: resellers.creditBalance }).from(resellers).where(eq(resellers.id, reseller.id));
    expect(row.credit).toBe(450_000);
    const debits = await h.db
      .select()
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.resellerId, reseller.id), eq(ledgerEntries.kind, 'activation')));
    expect(debits).toHaveLength(1);
  });

  test('Starter Pro (45 a day), 100 sends split over both: exactly 45 accepted, 55 daily_limit_reached', async () => {
    const c = await gatewayClient(h.db, admin, { pkg: 'starter_pro' });
    const keys = [c.token, ...(await Promise.all([1, 2, 3].map(() => apiKeyFor(h.db, c.actor)))).map((k) => k.key)];
    const rs = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        request(at(i), 'POST', '/api/v1/sms/send', {
          token: keys[i % 4],
          body: { phone: `+9591200${String(i).padStart(5, '0')}`, message: `hz${i}` },
        }),
      ),
    );
    expect(statuses(rs).filter((s) => s === 202)).toHaveLength(45);
    expect(rs.filter((r) => r.status !== 202).map((r) => `${r.status} ${r.json.error?.code}`)).toEqual(
      Array(55).fill('429 daily_limit_reached'),
    );
    const [{ n }] = await h.db.select({ n: count() }).from(messages).where(eq(messages.clientId, c.id));
    expect(n).toBe(45);
  });

  test('four phones pulling 200 messages through both instances: each message handed out once', async () => {
    const c = await gatewayClient(h.db, admin, { pkg: 'enterprise_max' });
    const queued = await queueMessages(h.db, c.actor, {
      messages: Array.from({ length: 200 }, (_, i) => ({ phones: [`+95931${String(i).padStart(6, '0')}`] })),
      text: 'hz pull',
      source: 'api',
    });
    const phones = await Promise.all(Array.from({ length: 4 }, () => insertDevice(h.db, c.id)));
    const got = await Promise.all(
      phones.map(async (p, k) => {
        const mine: string[] = [];
        for (let round = 0; round < 60; round++) {
          // Each phone alternates between the instances, the way its requests would land behind a balancer.
          const base = at(k + round);
          const res = await request(base, 'GET', '/api/mobile/v1/message', { token: p.token });
          expect(res.status).toBe(200);
          const batch = res.json as unknown as { id: string; phoneNumbers: string[] }[];
          if (!batch.length) break;
          mine.push(...batch.map((m) => m.id));
          const rep = await request(at(k + round + 1), 'PATCH', '/api/mobile/v1/message', {
            token: p.token,
            body: batch.map((m) => ({
              id: m.id,
              state: 'Processed',
              recipients: m.phoneNumbers.map((phoneNumber) => ({ phoneNumber, state: 'Processed' })),
            })),
          });
          expect(rep.status).toBe(204);
        }
        return { id: p.id, mine };
      }),
    );
    const all = got.flatMap((g) => g.mine);
    expect(all).toHaveLength(200);
    expect(new Set(all)).toEqual(new Set(queued.map((m) => m.id)));
    const owner = new Map(got.flatMap((g) => g.mine.map((id) => [id, g.id] as const)));
    const rows = await h.db.select().from(messages).where(eq(messages.clientId, c.id));
    for (const m of rows) expect({ state: m.state, by: m.claimedBy }).toEqual({ state: 'processing', by: owner.get(m.id) });
  });

  test('two admins approve the same top-up on different instances, 10 rounds: one credit each time', async () => {
    const admins = await Promise.all([makeAdmin(h.db), makeAdmin(h.db)]);
    const tokens = await Promise.all(admins.map(async (x) => login('admin', await emailOf(x.userId), 'admin-pass-1')));
    for (let round = 0; round < 10; round++) {
      const { reseller, actor } = await makeReseller(h.db, admin);
      const req = await fileTopupRequest(h.db, actor, { amount: 125_000, method: 'bank_transfer', reference: `HZ-${round}-${uid()}` });
      const rs = await Promise.all([
        request(a.url, 'POST', `/api/admin/topup-requests/${req.id}/approve`, { token: tokens[0], body: {} }),
        request(b.url, 'POST', `/api/admin/topup-requests/${req.id}/approve`, { token: tokens[1], body: {} }),
      ]);
      expect(statuses(rs).sort()).toEqual([200, 409]);
      expect(rs.find((r) => r.status === 409)?.json.error?.code).toBe('already_decided');
      const [r] = await h.db.select({ credit: resellers.creditBalance }).from(resellers).where(eq(resellers.id, reseller.id));
      expect(r.credit).toBe(125_000);
      const [t] = await h.db.select().from(topupRequests).where(eq(topupRequests.id, req.id));
      expect(t.status).toBe('approved');
    }
  });

  test('a reseller limited to 30 requests a minute: 60 requests split over both → exactly 30 pass', async () => {
    const { reseller, password } = await makeReseller(h.db, admin);
    const token = await login('reseller', await emailOf(reseller.id), password);
    await h.db.update(resellers).set({ apiRateLimit: 30 }).where(eq(resellers.id, reseller.id));
    // A minute boundary in the middle would start a new window: wait it out when it is close.
    const msIntoMinute = Date.now() % 60_000;
    if (msIntoMinute > 50_000) await new Promise((r) => setTimeout(r, 60_000 - msIntoMinute + 200));
    const rs = await Promise.all(Array.from({ length: 60 }, (_, i) => request(at(i), 'GET', '/api/reseller/profile', { token })));
    expect(statuses(rs).filter((s) => s === 200)).toHaveLength(30);
    const limited = rs.filter((r) => r.status === 429);
    expect(limited).toHaveLength(30);
    for (const r of limited) expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
  }, 90_000);
});
