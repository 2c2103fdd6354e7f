// The blocklist (docs/engagement.md): GET/POST/DELETE /api/v1/blocklist, and every send skipping the numbers
// on it — reported as skipped, not queued, not counted against the quota, inside the send's own four
// statements. On PGlite and PostgreSQL.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { POST as thirdPartySend } from '@/app/api/3rdparty/v1/message/route';
import { GET as blocklistRoute, POST as blockRoute, DELETE as unblockRoute } from '@/app/api/v1/blocklist/route';
import { POST as sendRoute } from '@/app/api/v1/sms/send/route';
import type { DbHandle } from '@/db';
import { blocklist, messageRecipients, messages } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { blockedAmong, notBlocklisted } from '@/lib/services/blocklist';
import { clientLimits } from '@/lib/services/limits';
import { queueMessages } from '@/lib/services/messages';
import { useTestDbForRoutes } from './helpers/db';
import { makeAdmin } from './helpers/fixtures';
import { gatewayClient, gatewayLogin } from './helpers/gateway';
import { call, expectError } from './helpers/http';
import { assertUsageInvariant } from './helpers/invariants';

let h: DbHandle;
let admin: Actor;
beforeAll(async () => {
  h = await useTestDbForRoutes();
  admin = await makeAdmin(h.db);
});
afterAll(async () => {
  await h.close();
});

const A = '+959420000201';
const B = '+959420000202';
const C = '+959420000203';
const used = async (id: number) => (await clientLimits(h.db, id, new Date())).used;

describe('the blocklist API', () => {
  test('add (national formats too), list newest first, search, remove; another client does not see it', async () => {
    const c = await gatewayClient(h.db, admin);
    const other = await gatewayClient(h.db, admin);
    const add = await call(blockRoute, 'POST', '/api/v1/blocklist', { token: c.token, body: { phones: ['09 420 000 201', B] } });
    expect(add.status).toBe(201);
    expect(add.json).toEqual({ added: [A, B], already: [] });
    const again = await call(blockRoute, 'POST', '/api/v1/blocklist', { token: c.token, body: { phone: A } });
    expect(again.json).toEqual({ added: [], already: [A] });
    const bad = await call(blockRoute, 'POST', '/api/v1/blocklist', { token: c.token, body: { phone: '123' } });
    expectError(bad, 400, 'validation_failed');
    const list = await call(blocklistRoute, 'GET', '/api/v1/blocklist', { token: c.token });
    expect((list.json.data as { phone: string; source: string }[]).map((r) => [r.phone, r.source]).sort()).toEqual([
      [A, 'manual'],
      [B, 'manual'],
    ]);
    expect(list.json.pagination).toMatchObject({ total: 2 });
    const found = await call(blocklistRoute, 'GET', '/api/v1/blocklist', { token: c.token, query: { search: '09420000202' } });
    expect((found.json.data as { phone: string }[]).map((r) => r.phone)).toEqual([B]);
    const theirs = await call(blocklistRoute, 'GET', '/api/v1/blocklist', { token: other.token });
    expect(theirs.json.data).toEqual([]);
    expectError(await call(unblockRoute, 'DELETE', '/api/v1/blocklist', { token: other.token, query: { phone: A } }), 404, 'not_found');
    const del = await call(unblockRoute, 'DELETE', '/api/v1/blocklist', { token: c.token, query: { phone: '09420000201' } });
    expect(del.json).toEqual({ phone: A, deleted: true });
    expect([...(await blockedAmong(h.db, c.id, [A, B, C]))]).toEqual([B]);
  });
});

describe('every send skips blocklisted numbers', () => {
  test('API bulk: the blocked are skipped and reported, the quota counts only the rest', async () => {
    const c = await gatewayClient(h.db, admin, { pkg: 'starter_pro' });
    await h.db.insert(blocklist).values({ clientId: c.id, phone: B, source: 'stop_word' });
    const before = await used(c.id);
    const r = await call(sendRoute, 'POST', '/api/v1/sms/send', { token: c.token, body: { phones: [A, B, C], message: 'promo' } });
    expect(r.status).toBe(202);
    expect((r.json.data as { phone: string }[]).map((m) => m.phone)).toEqual([A, C]);
    expect(r.json.skipped).toEqual([{ phone: B, reason: 'opted_out' }]);
    expect(await used(c.id)).toEqual({ today: before.today + 2, period: before.period + 2 });
    const toB = await h.db
      .select()
      .from(messageRecipients)
      .innerJoin(messages, eq(messages.id, messageRecipients.messageId))
      .where(eq(messageRecipients.phone, B));
    expect(toB.filter((row) => row.messages.clientId === c.id)).toEqual([]);
    await assertUsageInvariant(h.db, [c.id]);
  });

  test('API single to a blocked number: 202 with nothing queued, the quota unchanged', async () => {
    const c = await gatewayClient(h.db, admin, { pkg: 'starter_pro' });
    await h.db.insert(blocklist).values({ clientId: c.id, phone: A, source: 'manual' });
    const before = await used(c.id);
    const r = await call(sendRoute, 'POST', '/api/v1/sms/send', { token: c.token, body: { phone: '09420000201', message: 'x' } });
    expect(r.status).toBe(202);
    expect(r.json.data).toEqual([]);
    expect(r.json.skipped).toEqual([{ phone: A, reason: 'opted_out' }]);
    expect(await used(c.id)).toEqual(before);
    // Another client's blocklist is not this one's.
    const other = await gatewayClient(h.db, admin, { pkg: 'starter_pro' });
    const theirs = await call(sendRoute, 'POST', '/api/v1/sms/send', { token: other.token, body: { phone: A, message: 'x' } });
    expect((theirs.json.data as unknown[]).length).toBe(1);
  });

  test('the service (OTP, SMPP): all blocked is refused opted_out and counts nothing', async () => {
    const c = await gatewayClient(h.db, admin, { pkg: 'starter_pro' });
    await h.db.insert(blocklist).values({ clientId: c.id, phone: A, source: 'manual' });
    const before = await used(c.id);
    await expect(queueMessages(h.db, c.actor, { messages: [{ phones: [A] }], text: 'x', source: 'smpp' })).rejects.toMatchObject({
      code: 'opted_out',
    });
    expect(await used(c.id)).toEqual(before);
  });

  test('3rd-party API: the blocked recipient is Failed in the answer and not counted; all blocked is 422', async () => {
    const c = await gatewayClient(h.db, admin, { pkg: 'starter_pro' });
    const creds = await gatewayLogin(h.db, c.actor);
    await h.db.insert(blocklist).values({ clientId: c.id, phone: B, source: 'manual' });
    const before = await used(c.id);
    const headers = { authorization: creds.auth };
    const r = await call(thirdPartySend, 'POST', '/api/3rdparty/v1/message', {
      headers,
      body: { textMessage: { text: 'hi' }, phoneNumbers: [A, B] },
    });
    expect(r.status).toBe(202);
    const recipients = (r.json as unknown as { recipients: { phoneNumber: string; state: string }[] }).recipients;
    expect(recipients.map((x) => [x.phoneNumber, x.state])).toEqual([
      [A, 'Pending'],
      [B, 'Failed'],
    ]);
    expect(await used(c.id)).toEqual({ today: before.today + 1, period: before.period + 1 });
    const all = await call(thirdPartySend, 'POST', '/api/3rdparty/v1/message', {
      headers,
      body: { textMessage: { text: 'hi' }, phoneNumbers: [B] },
    });
    expect(all.status).toBe(422);
  });

  test('notBlocklisted() filters a set-based insert (the campaigns use it)', async () => {
    const c = await gatewayClient(h.db, admin);
    await h.db.insert(blocklist).values({ clientId: c.id, phone: B, source: 'manual' });
    const rows = await h.db.execute(
      sql`select p from unnest(${`{${A},${B},${C}}`}::text[]) as u(p) where ${notBlocklisted(c.id, sql`u.p`)} order by p`,
    );
    const list = (Array.isArray(rows) ? rows : (rows as { rows: { p: string }[] }).rows) as { p: string }[];
    expect(list.map((r) => r.p)).toEqual([A, C]);
  });
});
