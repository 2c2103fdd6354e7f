// Parallel sends against one quota (docs/ARCHITECTURE.md#rules-quotas: "with 45 left, 100 parallel sends let exactly 45 through").
// Only a real PostgreSQL server has truly parallel transactions.
import { count, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { POST as thirdPartySend } from '@/app/api/3rdparty/v1/message/route';
import { POST as sendRoute } from '@/app/api/v1/sms/send/route';
import type { DbHandle } from '@/db';
import { setDbHandle } from '@/db';
import { messageRecipients, messages } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { onPostgres, openTestDb } from './helpers/db';
import { makeAdmin } from './helpers/fixtures';
import { gatewayClient, gatewayLogin } from './helpers/gateway';
import { call } from './helpers/http';
import { assertUsageInvariant } from './helpers/invariants';
import { apiKeyFor } from './helpers/reseller-keys';

if (!onPostgres()) console.log('quota race tests need PostgreSQL: set TEST_DATABASE_URL');

describe.skipIf(!onPostgres())('parallel sends against one quota', () => {
  let h: DbHandle;
  let admin: Actor;
  beforeAll(async () => {
    h = await openTestDb({ max: 20 });
    setDbHandle(h);
    admin = await makeAdmin(h.db);
  });
  // Every counter equals its messages recomputed, after each race (lib/services/usage.ts).
  afterEach(async () => {
    await assertUsageInvariant(h.db);
  });
  afterAll(async () => {
    await h.close();
  });

  const rowsOf = async (clientId: number) => {
    const [{ n }] = await h.db.select({ n: count() }).from(messages).where(eq(messages.clientId, clientId));
    const [{ r }] = await h.db
      .select({ r: count() })
      .from(messageRecipients)
      .innerJoin(messages, eq(messages.id, messageRecipients.messageId))
      .where(eq(messages.clientId, clientId));
    return { n, r };
  };

  test('Starter Pro (45 a day), 100 parallel single sends: exactly 45 accepted, 55 get 429, 45 rows', async () => {
    const c = await gatewayClient(h.db, admin, { pkg: 'starter_pro' });
    // Four API keys of the one client, so the per-key request rate limit stays out of the way.
    const keys = [c.token, ...(await Promise.all([1, 2, 3].map(() => apiKeyFor(h.db, c.actor)))).map((k) => k.key)];
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        call(sendRoute, 'POST', '/api/v1/sms/send', {
          token: keys[i % 4],
          body: { phone: `+9591000${String(i).padStart(5, '0')}`, message: `m${i}` },
        }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 202)).toHaveLength(45);
    expect(statuses.filter((s) => s === 429)).toHaveLength(55);
    for (const r of results.filter((x) => x.status === 429)) expect(r.json.error?.code).toBe('daily_limit_reached');
    expect(await rowsOf(c.id)).toEqual({ n: 45, r: 45 });
  });

  test('mixed bulk and single sends from both APIs never overrun: at most 45 recipients stored', async () => {
    const c = await gatewayClient(h.db, admin, { pkg: 'starter_pro' });
    const creds = await gatewayLogin(h.db, c.actor);
    const jobs = Array.from({ length: 60 }, (_, i) => {
      const n = (i % 3) + 1;
      const ph = Array.from({ length: n }, (_, k) => `+95920${String(i * 10 + k).padStart(6, '0')}`);
      return i % 2
        ? call(sendRoute, 'POST', '/api/v1/sms/send', { token: c.token, body: { phones: ph, message: 'bulk' } }).then((r) => ({
            ok: r.status === 202,
            n,
            status: r.status,
          }))
        : call(thirdPartySend, 'POST', '/api/3rdparty/v1/message', {
            headers: { authorization: creds.auth },
            body: { phoneNumbers: ph, message: 'tp' },
          }).then((r) => ({ ok: r.status === 202, n, status: r.status }));
    });
    const results = await Promise.all(jobs);
    for (const r of results) expect([202, 429]).toContain(r.status);
    const accepted = results.filter((r) => r.ok).reduce((a, r) => a + r.n, 0);
    const { r } = await rowsOf(c.id);
    expect(r).toBe(accepted);
    expect(accepted).toBeLessThanOrEqual(45);
    // Refusals only happen when the request did not fit: the day ends within 2 of full.
    expect(accepted).toBeGreaterThanOrEqual(43);
  });
});
