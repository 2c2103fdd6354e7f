// The 3rd-party API of SMS Gateway for Android (/api/3rdparty/v1, Basic gateway login), so its client
// libraries send through us: MessageState shape, Location, ids, listing, cancel, devices, health, quota.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { GET as devicesRoute } from '@/app/api/3rdparty/v1/devices/route';
import { GET as healthRoute } from '@/app/api/3rdparty/v1/health/route';
import { DELETE as cancelRoute, GET as getRoute } from '@/app/api/3rdparty/v1/message/[id]/route';
import { GET as listRoute, POST as sendRoute } from '@/app/api/3rdparty/v1/message/route';
import { GET as getPlural } from '@/app/api/3rdparty/v1/messages/[id]/route';
import { POST as sendPlural } from '@/app/api/3rdparty/v1/messages/route';
import { POST as v1Send } from '@/app/api/v1/sms/send/route';
import type { DbHandle } from '@/db';
import { messages } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { pullMessages, reportStates } from '@/lib/services/device-queue';
import { clientLimits } from '@/lib/services/limits';
import { getSettings } from '@/lib/services/settings';
import { useTestDbForRoutes } from './helpers/db';
import { makeAdmin } from './helpers/fixtures';
import { basicAuth, gatewayClient, gatewayLogin, messageRow, registerPhone } from './helpers/gateway';
import { call } from './helpers/http';

let h: DbHandle;
let admin: Actor;
beforeAll(async () => {
  h = await useTestDbForRoutes();
  admin = await makeAdmin(h.db);
});
afterAll(async () => {
  await h.close();
});

async function account(pkg?: 'starter_pro') {
  const c = await gatewayClient(h.db, admin, { pkg });
  const creds = await gatewayLogin(h.db, c.actor);
  return { c, creds, auth: creds.auth };
}
const tp = (
  handler: Parameters<typeof call>[0],
  method: string,
  path: string,
  auth: string | null,
  opts: Parameters<typeof call>[3] = {},
) => call(handler, method, path, { ...opts, headers: auth ? { authorization: auth } : {} });

describe('sending', () => {
  test('Zawgyi text is queued as Unicode (docs/zawgyi.md); an encrypted message is sent as given', async () => {
    const { auth } = await account();
    const zawgyi = 'ၾကည့္႐ႈစစ္ေဆးသည္။';
    const res = await tp(sendRoute, 'POST', '/api/3rdparty/v1/message', auth, {
      body: { phoneNumbers: ['+959111111111'], message: zawgyi },
    });
    expect(res.status).toBe(202);
    expect(res.json.textMessage).toEqual({ text: 'ကြည့်ရှုစစ်ဆေးသည်။' });
    const enc = await tp(sendRoute, 'POST', '/api/3rdparty/v1/message', auth, {
      body: { phoneNumbers: ['+959111111111'], message: zawgyi, isEncrypted: true },
    });
    expect(enc.status).toBe(202);
    expect(enc.json.textMessage).toEqual({ text: zawgyi });
  });

  test('POST /message {phoneNumbers, message} → 202 with Location and MessageState', async () => {
    const { auth } = await account();
    const res = await tp(sendRoute, 'POST', '/api/3rdparty/v1/message', auth, {
      body: { phoneNumbers: ['+959111111111', '959222222222'], message: 'hi', withDeliveryReport: true },
    });
    expect(res.status).toBe(202);
    const id = String(res.json.id);
    expect(res.json).toEqual({
      id,
      deviceId: null,
      state: 'Pending',
      isHashed: false,
      isEncrypted: false,
      recipients: [
        { phoneNumber: '+959111111111', state: 'Pending' },
        { phoneNumber: '+959222222222', state: 'Pending' },
      ],
      states: { Pending: expect.any(String) },
      textMessage: { text: 'hi' },
      // No phone on this account yet: accepted, and the answer says so.
      warning: 'no_device',
    });
    const raw = await sendRoute(
      new Request('http://test/api/3rdparty/v1/message', {
        method: 'POST',
        headers: { authorization: auth, 'content-type': 'application/json' },
        body: JSON.stringify({ phoneNumbers: ['+959111111111'], message: 'x' }),
      }),
    );
    expect(raw.status).toBe(202);
    const loc = raw.headers.get('location');
    expect(loc).toBe(`/api/3rdparty/v1/messages/${((await raw.json()) as { id: string }).id}`);
    expect(await messageRow(h.db, id)).toMatchObject({ source: '3rdparty', recipientCount: 2 });
  });

  test('the textMessage form, and POST /messages (plural)', async () => {
    const { auth } = await account();
    const res = await tp(sendPlural, 'POST', '/api/3rdparty/v1/messages', auth, {
      body: { phoneNumbers: ['+959111111111'], textMessage: { text: 'from textMessage' } },
    });
    expect(res.status).toBe(202);
    expect(res.json.textMessage).toEqual({ text: 'from textMessage' });
  });

  test('an id given by the caller is used; a duplicate → 409', async () => {
    const { auth } = await account();
    const id = `my-id-${Date.now()}`;
    const first = await tp(sendRoute, 'POST', '/x', auth, { body: { id, phoneNumbers: ['+959111111111'], message: 'x' } });
    expect(first.status).toBe(202);
    expect(first.json.id).toBe(id);
    const dup = await tp(sendRoute, 'POST', '/x', auth, { body: { id, phoneNumbers: ['+959111111111'], message: 'x' } });
    expect(dup.status).toBe(409);
    expect(typeof dup.json.message).toBe('string');
  });

  test("ids are per client: B's `order-1001` neither refuses nor reveals A's; each reads, lists and cancels its own", async () => {
    const a = await account();
    const b = await account();
    const id = `order-${Date.now()}`;
    const sendAs = (auth: string, phone: string) =>
      tp(sendRoute, 'POST', '/x', auth, { body: { id, phoneNumbers: [phone], message: 'x' } });
    expect((await sendAs(b.auth, '+959222222222')).status).toBe(202);
    const mine = await sendAs(a.auth, '+959111111111');
    expect(mine.status).toBe(202);
    expect(mine.json.id).toBe(id);
    const readA = await tp(getRoute, 'GET', '/x', a.auth, { id });
    expect((readA.json.recipients as { phoneNumber: string }[]).map((r: { phoneNumber: string }) => r.phoneNumber)).toEqual([
      '+959111111111',
    ]);
    const readB = await tp(getRoute, 'GET', '/x', b.auth, { id });
    expect((readB.json.recipients as { phoneNumber: string }[]).map((r: { phoneNumber: string }) => r.phoneNumber)).toEqual([
      '+959222222222',
    ]);
    // A cancels its own; B's stays pending. Repeating the id within one client is still a conflict.
    expect((await tp(cancelRoute, 'DELETE', '/x', a.auth, { id })).json.state).toBe('Cancelled');
    expect((await tp(getRoute, 'GET', '/x', b.auth, { id })).json.state).toBe('Pending');
    expect((await sendAs(b.auth, '+959333333333')).status).toBe(409);
    // The phone sees the client's id and reports by it; the right message moves.
    const phone = await registerPhone(h.db, b.creds);
    const [pulled] = await pullMessages(h.db, phone.device);
    expect(pulled.id).toBe(id);
    await reportStates(h.db, phone.device, [{ id, state: 'Sent', recipients: [{ phoneNumber: '+959222222222', state: 'Sent' }] }]);
    expect((await tp(getRoute, 'GET', '/x', b.auth, { id })).json.state).toBe('Sent');
    expect((await tp(getRoute, 'GET', '/x', a.auth, { id })).json.state).toBe('Cancelled');
  });

  test('bad input → 400 {message}; wrong or missing credentials → 401', async () => {
    const { auth, creds } = await account();
    for (const body of [
      { phoneNumbers: [], message: 'x' },
      { phoneNumbers: ['+959111111111'] },
      { phoneNumbers: ['abc'], message: 'x' },
      { phoneNumbers: ['+959111111111', '+959111111111'], message: 'x' },
      { phoneNumbers: ['+959111111111'], message: 'x', ttl: 60, validUntil: new Date(Date.now() + 60_000).toISOString() },
    ]) {
      const res = await tp(sendRoute, 'POST', '/x', auth, { body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(typeof res.json.message).toBe('string');
    }
    expect(
      (await tp(sendRoute, 'POST', '/x', basicAuth(creds.login, 'wrong'), { body: { phoneNumbers: ['+959111111111'], message: 'x' } }))
        .status,
    ).toBe(401);
    expect((await tp(sendRoute, 'POST', '/x', null, { body: { phoneNumbers: ['+959111111111'], message: 'x' } })).status).toBe(401);
    expect((await tp(listRoute, 'GET', '/x', null)).status).toBe(401);
  });

  test('a 3rd-party send counts against the same quota as /api/v1, one per recipient', async () => {
    const { c, auth } = await account();
    const { trial_daily_limit: daily } = await getSettings(h.db);
    const phones = Array.from({ length: daily - 3 }, (_, i) => `+95940000${String(i).padStart(4, '0')}`);
    expect((await call(v1Send, 'POST', '/api/v1/sms/send', { token: c.token, body: { phones, message: 'v1' } })).status).toBe(202);
    expect(
      (await tp(sendRoute, 'POST', '/x', auth, { body: { phoneNumbers: ['+959111111111', '+959222222222'], message: 'x' } })).status,
    ).toBe(202);
    expect((await clientLimits(h.db, c.id, new Date())).used.today).toBe(daily - 1);
    const over = await tp(sendRoute, 'POST', '/x', auth, { body: { phoneNumbers: ['+959111111111', '+959222222222'], message: 'x' } });
    expect(over.status).toBe(429);
    expect(over.json).toMatchObject({ code: 'daily_limit_reached' });
    expect((await tp(sendRoute, 'POST', '/x', auth, { body: { phoneNumbers: ['+959333333333'], message: 'x' } })).status).toBe(202);
  });
});

describe('reading and cancelling', () => {
  test("GET /message/:id and /messages/:id; another account's id → 404", async () => {
    const a = await account();
    const b = await account();
    const sent = await tp(sendRoute, 'POST', '/x', a.auth, { body: { phoneNumbers: ['+959111111111'], message: 'x' } });
    const id = String(sent.json.id);
    const one = await tp(getRoute, 'GET', `/api/3rdparty/v1/message/${id}`, a.auth, { id });
    expect(one.status).toBe(200);
    // The send's answer adds warning: no_device (this account has no phone); the state is the same.
    const { warning, ...state } = sent.json;
    expect(warning).toBe('no_device');
    expect(one.json).toEqual(state);
    expect((await tp(getPlural, 'GET', `/api/3rdparty/v1/messages/${id}`, a.auth, { id })).json).toEqual(state);
    expect((await tp(getRoute, 'GET', '/x', b.auth, { id })).status).toBe(404);
    expect((await tp(getRoute, 'GET', '/x', a.auth, { id: 'nope' })).status).toBe(404);
  });

  test('GET /messages lists with X-Total-Count, limit/offset and the state filter', async () => {
    const { auth } = await account();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++)
      ids.push(
        String((await tp(sendRoute, 'POST', '/x', auth, { body: { phoneNumbers: [`+95911111111${i}`], message: `m${i}` } })).json.id),
      );
    const res = await listRoute(new Request('http://test/api/3rdparty/v1/messages?limit=2', { headers: { authorization: auth } }));
    expect(res.status).toBe(200);
    expect(res.headers.get('x-total-count')).toBe('3');
    const page = (await res.json()) as { id: string }[];
    expect(page).toHaveLength(2);
    const rest = await tp(listRoute, 'GET', '/x', auth, { query: { limit: 2, offset: 2 } });
    expect([...page, ...(JSON.parse(rest.text) as { id: string }[])].map((m) => m.id).sort()).toEqual([...ids].sort());
    await tp(cancelRoute, 'DELETE', '/x', auth, { id: ids[0] });
    expect(
      (JSON.parse((await tp(listRoute, 'GET', '/x', auth, { query: { state: 'Cancelled' } })).text) as { id: string }[]).map((m) => m.id),
    ).toEqual([ids[0]]);
    expect(JSON.parse((await tp(listRoute, 'GET', '/x', auth, { query: { state: 'Pending' } })).text) as unknown[]).toHaveLength(2);
  });

  test('DELETE /messages/:id while pending → Cancelled and the quota given back; held by a phone → Cancelling; once sent → 409', async () => {
    const { c, creds, auth } = await account();
    const sent = await tp(sendRoute, 'POST', '/x', auth, { body: { phoneNumbers: ['+959111111111', '+959222222222'], message: 'x' } });
    const id = String(sent.json.id);
    expect((await clientLimits(h.db, c.id, new Date())).used.today).toBe(2);
    const del = await tp(cancelRoute, 'DELETE', '/x', auth, { id });
    expect(del.status).toBe(200);
    expect(del.json).toMatchObject({ id, state: 'Cancelled', recipients: [{ state: 'Cancelled' }, { state: 'Cancelled' }] });
    expect((await clientLimits(h.db, c.id, new Date())).used.today).toBe(0);
    expect((await tp(cancelRoute, 'DELETE', '/x', auth, { id })).status).toBe(409);

    const phone = await registerPhone(h.db, creds);
    const next = await tp(sendRoute, 'POST', '/x', auth, { body: { phoneNumbers: ['+959111111111'], message: 'y' } });
    await pullMessages(h.db, phone.device);
    const held = await tp(cancelRoute, 'DELETE', '/x', auth, { id: String(next.json.id) });
    expect(held.status).toBe(200);
    expect(held.json).toMatchObject({ state: 'Cancelling', recipients: [{ state: 'Cancelling' }] });
    expect((await messageRow(h.db, String(next.json.id))).state).toBe('cancelling');
    const other = await account();
    expect((await tp(cancelRoute, 'DELETE', '/x', other.auth, { id: String(next.json.id) })).status).toBe(404);
    // Still counted until the phone confirms.
    expect((await messageRow(h.db, String(next.json.id))).countsTowardQuota).toBe(true);

    const third = await tp(sendRoute, 'POST', '/x', auth, { body: { phoneNumbers: ['+959111111111'], message: 'z' } });
    await pullMessages(h.db, phone.device);
    await reportStates(h.db, phone.device, [
      { id: String(third.json.id), state: 'Sent', recipients: [{ phoneNumber: '+959111111111', state: 'Sent' }] },
    ]);
    const late = await tp(cancelRoute, 'DELETE', '/x', auth, { id: String(third.json.id) });
    expect(late.status).toBe(409);
    expect(typeof late.json.message).toBe('string');
    expect(
      (
        await h.db
          .select()
          .from(messages)
          .where(eq(messages.id, String(third.json.id)))
      )[0].countsTowardQuota,
    ).toBe(true);
  });

  test("GET /devices lists the account's phones; GET /health needs no auth", async () => {
    const { creds, auth } = await account();
    const phone = await registerPhone(h.db, creds, 'Galaxy');
    const res = await tp(devicesRoute, 'GET', '/api/3rdparty/v1/devices', auth);
    expect(JSON.parse(res.text)).toEqual([
      { id: phone.id, name: 'Galaxy', createdAt: expect.any(String), updatedAt: expect.any(String), lastSeen: expect.any(String) },
    ]);
    expect((await tp(devicesRoute, 'GET', '/x', null)).status).toBe(401);
    const health = await healthRoute(new Request('http://test/api/3rdparty/v1/health'));
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'pass', checks: { 'db:ping': { status: 'pass' } } });
  });
});
