// The app's options end to end (docs/device-protocol.md): what a 3rd-party caller gives reaches the phone
// exactly (simNumber, withDeliveryReport, priority, isEncrypted, id), ttl/validUntil and the platform's
// default validity, disabled phones never woken. State reports and cancelling: device-app-states.test.ts.
// Bodies are the app's JSON (GatewayApi.kt). A database of its own: it changes a platform setting.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { POST as sendRoute } from '@/app/api/3rdparty/v1/message/route';
import { GET as pullRoute } from '@/app/api/mobile/v1/message/route';
import { type DbHandle, setDbHandle } from '@/db';
import type { Actor } from '@/lib/auth/permissions';
import { deviceWake } from '@/lib/services/device-queue';
import { updateDevice } from '@/lib/services/devices';
import { queueMessages } from '@/lib/services/messages';
import { updateSettings } from '@/lib/services/settings';
import { sse } from './helpers/device-sse';
import { makeAdmin } from './helpers/fixtures';
import { gatewayClient, gatewayLogin, messageRow, registerPhone } from './helpers/gateway';
import { call } from './helpers/http';
import { openPrivateDb } from './helpers/private-db';

let h: DbHandle;
let admin: Actor;
beforeAll(async () => {
  h = await openPrivateDb();
  setDbHandle(h);
  admin = await makeAdmin(h.db);
});
afterAll(async () => {
  await h.close();
});

async function account(pkg: 'starter_pro' | 'business_elite' = 'business_elite') {
  const c = await gatewayClient(h.db, admin, { pkg });
  const creds = await gatewayLogin(h.db, c.actor);
  const phone = await registerPhone(h.db, creds, 'A');
  return { c, creds, auth: creds.auth, phone };
}
const send = (auth: string, body: unknown) =>
  call(sendRoute, 'POST', '/api/3rdparty/v1/message', { headers: { authorization: auth }, body });
const pull = async (token: string) => {
  const res = await call(pullRoute, 'GET', '/api/mobile/v1/message', { token });
  expect(res.status).toBe(200);
  return JSON.parse(res.text) as Record<string, unknown>[];
};

describe('options reach the phone as given (item 4)', () => {
  test('simNumber, withDeliveryReport, priority, isEncrypted and the id are in the pull exactly', async () => {
    const { auth, phone } = await account();
    const res = await send(auth, {
      id: 'order-42_a',
      textMessage: { text: 'Q2lwaGVydGV4dA==' },
      phoneNumbers: ['bm90LWEtbnVtYmVy'],
      simNumber: 2,
      withDeliveryReport: false,
      priority: 100,
      isEncrypted: true,
      ttl: 600,
    });
    expect(res.status).toBe(202);
    expect(res.json).toMatchObject({ id: 'order-42_a', isEncrypted: true, recipients: [{ phoneNumber: 'bm90LWEtbnVtYmVy' }] });
    const plain = await send(auth, { phoneNumbers: ['+959111111111'], message: 'plain' });
    const list = await pull(phone.token);
    const byId = new Map(list.map((m) => [m.id, m]));
    expect(byId.get('order-42_a')).toEqual({
      id: 'order-42_a',
      message: 'Q2lwaGVydGV4dA==',
      textMessage: { text: 'Q2lwaGVydGV4dA==' },
      phoneNumbers: ['bm90LWEtbnVtYmVy'],
      simNumber: 2,
      withDeliveryReport: false,
      isEncrypted: true,
      priority: 100,
      ttl: expect.any(Number),
      validUntil: expect.any(String),
      state: 'Pending',
      createdAt: expect.any(String),
    });
    expect(byId.get('order-42_a')?.ttl).toBeGreaterThan(590);
    // Unset options are left out, as the app server's JSON does; a missing withDeliveryReport is true.
    const p = byId.get(String(plain.json.id)) ?? {};
    expect(p).not.toHaveProperty('simNumber');
    expect(p).not.toHaveProperty('priority');
    expect(p).not.toHaveProperty('isEncrypted');
    expect(p.withDeliveryReport).toBe(true);
  });

  test('priority outside -128..127 and simNumber outside 1..3 are 400', async () => {
    const { auth } = await account();
    for (const extra of [{ priority: 128 }, { priority: -129 }, { simNumber: 0 }, { simNumber: 4 }]) {
      expect((await send(auth, { phoneNumbers: ['+959111111111'], message: 'x', ...extra })).status).toBe(400);
    }
  });
});

describe('validity (item 3)', () => {
  test('ttl is seconds from now, validUntil is kept as given; huge ttl values are 400', async () => {
    const { auth } = await account();
    const before = Date.now();
    const withTtl = await send(auth, { phoneNumbers: ['+959111111111'], message: 'x', ttl: 120 });
    expect(withTtl.status).toBe(202);
    const vu = (await messageRow(h.db, String(withTtl.json.id))).validUntil.getTime();
    expect(vu).toBeGreaterThanOrEqual(before + 120_000);
    expect(vu).toBeLessThanOrEqual(Date.now() + 120_000);
    const at = new Date(Date.now() + 3 * 3_600_000);
    at.setMilliseconds(0);
    const withUntil = await send(auth, { phoneNumbers: ['+959111111111'], message: 'x', validUntil: at.toISOString() });
    expect((await messageRow(h.db, String(withUntil.json.id))).validUntil.toISOString()).toBe(at.toISOString());
    for (const ttl of [604_801, 2 ** 53, 9.3e18, 1e300, 4]) {
      const res = await send(auth, { phoneNumbers: ['+959111111111'], message: 'x', ttl });
      expect(res.status, `ttl ${ttl}`).toBe(400);
      expect(typeof res.json.message).toBe('string');
    }
    const raw = await sendRoute(
      new Request('http://test/api/3rdparty/v1/message', {
        method: 'POST',
        headers: { authorization: auth, 'content-type': 'application/json' },
        body: '{"phoneNumbers":["+959111111111"],"message":"x","ttl":1e400}',
      }),
    );
    expect(raw.status).toBe(400);
  });

  test('without ttl or validUntil the platform setting decides (one hour unless changed)', async () => {
    const { auth, c } = await account();
    const one = await send(auth, { phoneNumbers: ['+959111111111'], message: 'x' });
    const m1 = await messageRow(h.db, String(one.json.id));
    expect(m1.validUntil.getTime() - m1.createdAt.getTime()).toBe(3_600_000);
    await updateSettings(h.db, admin, { default_validity_minutes: 30 });
    try {
      const two = await send(auth, { phoneNumbers: ['+959111111111'], message: 'x' });
      const m2 = await messageRow(h.db, String(two.json.id));
      expect(m2.validUntil.getTime() - m2.createdAt.getTime()).toBe(30 * 60_000);
      const [v1] = await queueMessages(h.db, c.actor, { messages: [{ phones: ['+959111111111'] }], text: 'api', source: 'api' });
      expect(Date.parse(v1.valid_until) - Date.parse(v1.created_at)).toBe(30 * 60_000);
    } finally {
      await updateSettings(h.db, admin, { default_validity_minutes: 60 });
    }
  });
});

describe('a disabled device is not woken (item 2)', () => {
  test('the re-check and the in-process event skip a disabled phone; an enabled one is woken', async () => {
    const { c, creds, phone } = await account();
    const other = await registerPhone(h.db, creds, 'B');
    await updateDevice(h.db, c.actor, phone.id, { enabled: false });
    const [m] = await queueMessages(h.db, c.actor, { messages: [{ phones: ['+959111111111'] }], text: 'x', source: 'api' });
    expect(await deviceWake(h.db, phone.device)).toMatchObject({ enabled: false, waiting: false });
    expect(await deviceWake(h.db, other.device)).toMatchObject({ enabled: true, waiting: true });
    const queue = () => queueMessages(h.db, c.actor, { messages: [{ phones: ['+959222222222'] }], text: 'y', source: 'api' });
    expect(await sse(phone.token, 400, queue)).not.toContain('MessageEnqueued');
    expect(await sse(other.token, 2_000, queue, /MessageEnqueued/)).toContain('event: MessageEnqueued\ndata: null\n\n');
    expect((await messageRow(h.db, m.id)).state).toBe('pending');
  });
});
