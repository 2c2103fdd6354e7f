// The client send API (docs/ARCHITECTURE.md#rules-quotas): POST /api/v1/sms/send, GET /api/v1/messages(/:id), validation,
// account status, encoding and segments.
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { GET as getRoute } from '@/app/api/v1/messages/[id]/route';
import { GET as listRoute } from '@/app/api/v1/messages/route';
import { POST as sendRoute } from '@/app/api/v1/sms/send/route';
import type { DbHandle } from '@/db';
import { blocklist, messages, subscriptions } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { useTestDbForRoutes } from './helpers/db';
import { makeAdmin, suspendUser } from './helpers/fixtures';
import { gatewayClient, gatewayLogin, recipientsOf, registerPhone } from './helpers/gateway';
import { call, expectError, fieldsOf } from './helpers/http';

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
const list = (token: string, query: Record<string, string | number> = {}) => call(listRoute, 'GET', '/api/v1/messages', { token, query });
async function messageCount(clientId: number) {
  const [{ n }] = await h.db.select({ n: count() }).from(messages).where(eq(messages.clientId, clientId));
  return n;
}
type View = {
  id: string;
  state: string;
  phone: string;
  recipients: { phone: string; state: string }[];
  message: string;
  segments: number;
  encoding: string;
  device_id: string | null;
};
const dataOf = (a: { json: Record<string, unknown> }) => a.json.data as View[];

describe('POST /api/v1/sms/send', () => {
  test('{phone} → 202 with one pending message', async () => {
    const c = await gatewayClient(h.db, admin);
    const res = await send(c.token, { phone: '+95 9 123-456-789', message: 'Hello' });
    expect(res.status).toBe(202);
    const data = dataOf(res);
    expect(data).toHaveLength(1);
    expect(data[0]).toMatchObject({
      id: expect.any(String),
      state: 'pending',
      phone: '+959123456789',
      message: 'Hello',
      segments: 1,
      encoding: 'gsm7',
      device_id: null,
    });
    expect(data[0].recipients).toEqual([{ phone: '+959123456789', state: 'pending', error: null }]);
    expect(await recipientsOf(h.db, data[0].id)).toHaveLength(1);
  });

  test('{phones:[...]} → 202 with one message per recipient, all pending', async () => {
    const c = await gatewayClient(h.db, admin);
    const phones = ['+959111111111', '+959222222222', '+959333333333'];
    const res = await send(c.token, { phones, message: 'Bulk' });
    expect(res.status).toBe(202);
    const data = dataOf(res);
    expect(data.map((m) => m.phone)).toEqual(phones);
    expect(new Set(data.map((m) => m.id)).size).toBe(3);
    for (const m of data) expect(m.state).toBe('pending');
    expect(await messageCount(c.id)).toBe(3);
  });

  test('1,000 numbers in every spelling: E.164 in order, the blocked skipped, one id each, one instant for all', async () => {
    const c = await gatewayClient(h.db, admin, { pkg: 'enterprise_max' });
    await h.db.update(subscriptions).set({ dailyLimit: 5_000, periodLimit: 50_000 }).where(eq(subscriptions.clientId, c.id));
    // 09…, 9…, +95…, 0095… and spaced forms of distinct numbers: every national format the API reads.
    const e164 = Array.from({ length: 1_000 }, (_, i) => `+9594${String(20_000_000 + i).padStart(8, '0')}`);
    const typed = e164.map((p, i) => {
      const n = p.slice(3); // 94…, the national significant number
      return [`0${n}`, n, p, `00${p.slice(1)}`, `0${n.slice(0, 1)} ${n.slice(1, 4)} ${n.slice(4)}`][i % 5];
    });
    await h.db.insert(blocklist).values({ clientId: c.id, phone: e164[7], source: 'manual' });
    const res = await send(c.token, { phones: typed, message: 'Bulk in every format' });
    expect(res.status).toBe(202);
    const data = dataOf(res) as (View & { valid_until: string; created_at: string; updated_at: string })[];
    const kept = e164.filter((_, i) => i !== 7);
    expect(data.map((m) => m.phone)).toEqual(kept);
    expect(data.map((m) => m.recipients)).toEqual(kept.map((phone) => [{ phone, state: 'pending', error: null }]));
    expect(res.json.skipped).toEqual([{ phone: e164[7], reason: 'opted_out' }]);
    expect(new Set(data.map((m) => m.id)).size).toBe(999);
    for (const m of data) expect(m.id).toMatch(/^[A-Za-z0-9_-]{21}$/);
    expect(new Set(data.map((m) => `${m.valid_until} ${m.created_at} ${m.updated_at}`)).size).toBe(1);
    expect(data[0].created_at).toBe(data[0].updated_at);
    expect(Date.parse(data[0].valid_until)).toBeGreaterThan(Date.parse(data[0].created_at));
    expect(await messageCount(c.id)).toBe(999);
    expect((await recipientsOf(h.db, data[500].id)).map((r) => r.phone)).toEqual([kept[500]]);
    // One invalid number among them refuses the whole send, naming its position; nothing is queued.
    const bad = [...typed];
    bad[499] = '0942';
    bad[700] = '09 abc';
    const refused = await send(c.token, { phones: bad, message: 'x' });
    const details = expectError(refused, 400, 'validation_failed');
    expect(refused.json.error?.message).toBe('Recipient 500 (“0942”) is not a valid phone number. 1 more number(s) are not valid either.');
    expect(fieldsOf(details)).toEqual({
      'phones.499': ['“0942” is not a valid phone number (too short).'],
      'phones.700': ['“09 abc” is not a valid phone number (not a phone number).'],
    });
    expect(await messageCount(c.id)).toBe(999);
  });

  test('bad input is 400 with per-field errors, and nothing is queued', async () => {
    const c = await gatewayClient(h.db, admin);
    const cases: [unknown, string][] = [
      [{ message: 'no phone' }, 'phones'],
      [{ phone: '12ab', message: 'x' }, 'phone'],
      [{ phone: '+12', message: 'x' }, 'phone'],
      // The same number twice (in two spellings) names the second one.
      [{ phones: ['+959111111111', '+959 111 111 111'], message: 'dup' }, 'phones.1'],
      [{ phones: [], message: 'x' }, 'phones'],
      [{ phone: '+959111111111', message: '' }, 'message'],
      [{ phone: '+959111111111', message: '   ' }, 'message'],
      [{ phone: '+959111111111', message: 'a'.repeat(1601) }, 'message'],
      [{ phone: '+959111111111', message: 'x', valid_until: 'tomorrow' }, 'valid_until'],
      [{ phone: '+959111111111', message: 'x', valid_until: new Date(Date.now() - 60_000).toISOString() }, 'valid_until'],
    ];
    for (const [body, field] of cases) {
      const res = await send(c.token, body);
      const details = expectError(res, 400, 'validation_failed');
      expect(Object.keys(fieldsOf(details)), JSON.stringify(body)).toContain(field);
    }
    expect(await messageCount(c.id)).toBe(0);
  });

  test("device_id must be one of the client's own devices (another client's → 400)", async () => {
    const a = await gatewayClient(h.db, admin);
    const b = await gatewayClient(h.db, admin);
    const phoneB = await registerPhone(h.db, await gatewayLogin(h.db, b.actor));
    const res = await send(a.token, { phone: '+959111111111', message: 'x', device_id: phoneB.id });
    expect(Object.keys(fieldsOf(expectError(res, 400, 'validation_failed')))).toEqual(['device_id']);
    expect(await messageCount(a.id)).toBe(0);

    const phoneA = await registerPhone(h.db, await gatewayLogin(h.db, a.actor));
    const ok = await send(a.token, { phone: '+959111111111', message: 'x', device_id: phoneA.id });
    expect(ok.status).toBe(202);
    expect(dataOf(ok)[0].device_id).toBe(phoneA.id);
  });

  test('an expired client gets 403 subscription_expired; a suspended one 403 account_suspended', async () => {
    const expired = await gatewayClient(h.db, admin, { trial_days: 0 });
    expectError(await send(expired.token, { phone: '+959111111111', message: 'x' }), 403, 'subscription_expired');
    expect(await messageCount(expired.id)).toBe(0);

    const suspended = await gatewayClient(h.db, admin, { pkg: 'starter_pro' });
    await suspendUser(h.db, suspended.id);
    expectError(await send(suspended.token, { phone: '+959111111111', message: 'x' }), 403, 'account_suspended');
    expectError(await list(suspended.token), 403, 'account_suspended');
    expect(await messageCount(suspended.id)).toBe(0);
  });

  test('Myanmar text is UCS-2: 70 characters one segment, 71 two (67 per part)', async () => {
    const c = await gatewayClient(h.db, admin);
    const mm = 'မင်္ဂလာပါ';
    const one = await send(c.token, { phone: '+959111111111', message: mm });
    expect(dataOf(one)[0]).toMatchObject({ encoding: 'ucs2', segments: 1 });
    const seventy = await send(c.token, { phone: '+959111111111', message: 'က'.repeat(70) });
    expect(dataOf(seventy)[0]).toMatchObject({ encoding: 'ucs2', segments: 1 });
    const long = await send(c.token, { phone: '+959111111111', message: 'က'.repeat(71) });
    expect(dataOf(long)[0]).toMatchObject({ encoding: 'ucs2', segments: 2 });
    const three = await send(c.token, { phone: '+959111111111', message: 'က'.repeat(135) });
    expect(dataOf(three)[0]).toMatchObject({ encoding: 'ucs2', segments: 3 });
  });
});

describe('GET /api/v1/messages', () => {
  test('lists own messages, newest first, filtered by status, phone and search', async () => {
    const c = await gatewayClient(h.db, admin);
    const other = await gatewayClient(h.db, admin);
    await send(other.token, { phone: '+959999999999', message: 'someone else order 42' });
    const first = dataOf(await send(c.token, { phone: '+959111111111', message: 'Your order 42 shipped' }))[0];
    const second = dataOf(await send(c.token, { phones: ['+959222222222', '+959333333333'], message: 'Meeting at noon' }));
    await h.db.update(messages).set({ state: 'delivered' }).where(eq(messages.id, first.id));

    const all = await list(c.token);
    expect(all.status).toBe(200);
    expect((all.json.data as View[]).map((m) => m.id).sort()).toEqual([first.id, ...second.map((m) => m.id)].sort());
    expect(all.json.pagination).toEqual({ page: 1, limit: expect.any(Number), total: 3, pages: 1 });

    const delivered = await list(c.token, { status: 'delivered' });
    expect((delivered.json.data as View[]).map((m) => m.id)).toEqual([first.id]);
    const pending = await list(c.token, { status: 'pending' });
    expect((pending.json.data as View[]).map((m) => m.id).sort()).toEqual(second.map((m) => m.id).sort());

    const byPhone = await list(c.token, { phone: '+95 9 333 333 333' });
    expect((byPhone.json.data as View[]).map((m) => m.phone)).toEqual(['+959333333333']);

    const byText = await list(c.token, { search: 'order 42' });
    expect((byText.json.data as View[]).map((m) => m.id)).toEqual([first.id]);
    const byPhoneSearch = await list(c.token, { search: '22222' });
    expect((byPhoneSearch.json.data as View[]).map((m) => m.phone)).toEqual(['+959222222222']);

    expectError(await list(c.token, { status: 'bogus' }), 400, 'validation_failed');
  });

  test("GET /api/v1/messages/:id: own message 200; another client's or unknown id 404", async () => {
    const a = await gatewayClient(h.db, admin);
    const b = await gatewayClient(h.db, admin);
    const mine = dataOf(await send(a.token, { phone: '+959111111111', message: 'mine' }))[0];
    const theirs = dataOf(await send(b.token, { phone: '+959111111111', message: 'theirs' }))[0];
    const ok = await call(getRoute, 'GET', `/api/v1/messages/${mine.id}`, { token: a.token, id: mine.id });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ id: mine.id, message: 'mine', state: 'pending' });
    expectError(await call(getRoute, 'GET', '/x', { token: a.token, id: theirs.id }), 404, 'not_found');
    expectError(await call(getRoute, 'GET', '/x', { token: a.token, id: 'nope' }), 404, 'not_found');
    expectError(await call(getRoute, 'GET', '/x', { id: mine.id }), 401, 'unauthorized');
  });
});
