// Endpoints the app and the official clients call (docs/device-protocol.md): the message list's limit clamp,
// sort and includeContent; devices with simCards and DELETE; health with releaseId and its probes; logs;
// deviceActiveWithin and the no_device warning; the app's change-password screen and its sign-up path.

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DELETE as deleteDeviceRoute } from '@/app/api/3rdparty/v1/devices/[id]/route';
import { GET as devicesRoute } from '@/app/api/3rdparty/v1/devices/route';
import { GET as liveRoute } from '@/app/api/3rdparty/v1/health/live/route';
import { GET as readyRoute } from '@/app/api/3rdparty/v1/health/ready/route';
import { GET as healthRoute } from '@/app/api/3rdparty/v1/health/route';
import { GET as startupRoute } from '@/app/api/3rdparty/v1/health/startup/route';
import { GET as logsRoute } from '@/app/api/3rdparty/v1/logs/route';
import { GET as listRoute, POST as sendRoute } from '@/app/api/3rdparty/v1/message/route';
import { PATCH as patchDeviceRoute, POST as registerRoute } from '@/app/api/mobile/v1/device/route';
import { PATCH as passwordRoute } from '@/app/api/mobile/v1/user/password/route';
import type { DbHandle } from '@/db';
import { devices } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { useTestDbForRoutes } from './helpers/db';
import { makeAdmin } from './helpers/fixtures';
import { basicAuth, gatewayClient, gatewayLogin } from './helpers/gateway';
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

async function account() {
  const c = await gatewayClient(h.db, admin, { pkg: 'business_elite' });
  const creds = await gatewayLogin(h.db, c.actor);
  return { c, creds, auth: creds.auth };
}
const as = (authorization: string) => ({ headers: { authorization } });
const send = (auth: string, body: unknown, query: Record<string, string | number> = {}) =>
  call(sendRoute, 'POST', '/api/3rdparty/v1/message', { ...as(auth), body, query });
// The app's DeviceRegisterRequest (GatewayApi.kt): name, pushToken, simCards with every SimCard field.
const appRegister = (authorization: string | null) =>
  call(registerRoute, 'POST', '/api/mobile/v1/device', {
    headers: authorization ? { authorization } : {},
    body: {
      name: 'samsung/a52q',
      pushToken: null,
      simCards: [
        { slotIndex: 0, simNumber: 1, phoneNumber: '+959420000001', carrierName: 'MPT', iccid: '8995010000000000001' },
        { slotIndex: 1, simNumber: 2, phoneNumber: null, carrierName: 'Ooredoo', iccid: null },
      ],
    },
  });

describe('GET /messages: limit, sort, includeContent (item 9)', () => {
  test('limit is clamped to 1..100, sort=created_at is oldest first, content only with includeContent=true', async () => {
    const { auth } = await account();
    const ids: string[] = [];
    for (const text of ['first', 'second', 'third'])
      ids.push(String((await send(auth, { phoneNumbers: ['+959111111111'], message: text })).json.id));
    const list = async (query: Record<string, string | number>) => {
      const res = await call(listRoute, 'GET', '/api/3rdparty/v1/messages', { ...as(auth), query });
      expect(res.status, JSON.stringify(query)).toBe(200);
      return JSON.parse(res.text) as { id: string; textMessage?: { text: string } }[];
    };
    expect((await list({ limit: 500 })).map((m) => m.id)).toEqual([...ids].reverse());
    expect(await list({ limit: 0 })).toHaveLength(1);
    expect(await list({ limit: -7, offset: -3 })).toHaveLength(1);
    expect((await list({ sort: 'created_at' })).map((m) => m.id)).toEqual(ids);
    expect((await list({ sort: '-created_at' })).map((m) => m.id)).toEqual([...ids].reverse());
    expect((await list({})).every((m) => m.textMessage === undefined)).toBe(true);
    expect((await list({ includeContent: 'true', sort: 'created_at' })).map((m) => m.textMessage?.text)).toEqual([
      'first',
      'second',
      'third',
    ]);
    expect((await call(listRoute, 'GET', '/x', { ...as(auth), query: { sort: 'name' } })).status).toBe(400);
  });
});

describe('devices (item 9)', () => {
  test("GET /devices lists the phone's simCards; DELETE /devices/:id removes it (its token stops working)", async () => {
    const { creds, auth } = await account();
    const reg = await appRegister(creds.auth);
    expect(reg.status).toBe(201);
    const id = String(reg.json.id);
    const listed = JSON.parse((await call(devicesRoute, 'GET', '/api/3rdparty/v1/devices', as(auth))).text);
    expect(listed).toEqual([
      {
        id,
        name: 'samsung/a52q',
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
        lastSeen: expect.any(String),
        simCards: [
          { slotIndex: 0, simNumber: 1, phoneNumber: '+959420000001', carrierName: 'MPT', iccid: '8995010000000000001' },
          { slotIndex: 1, simNumber: 2, carrierName: 'Ooredoo' },
        ],
      },
    ]);
    const other = await account();
    expect((await call(deleteDeviceRoute, 'DELETE', '/x', { ...as(other.auth), id })).status).toBe(404);
    expect((await call(deleteDeviceRoute, 'DELETE', `/api/3rdparty/v1/devices/${id}`, { ...as(auth), id })).status).toBe(204);
    expect(JSON.parse((await call(devicesRoute, 'GET', '/x', as(auth))).text)).toEqual([]);
    const gone = await call(patchDeviceRoute, 'PATCH', '/api/mobile/v1/device', {
      token: String(reg.json.token),
      body: { id, pushToken: null },
    });
    expect(gone.status).toBe(401);
  });
});

describe('health and logs (item 9)', () => {
  test('/health has releaseId; /health/live, /ready, /startup answer 200 pass without auth; /logs is an empty list', async () => {
    for (const [route, path] of [
      [healthRoute, '/api/3rdparty/v1/health'],
      [liveRoute, '/api/3rdparty/v1/health/live'],
      [readyRoute, '/api/3rdparty/v1/health/ready'],
      [startupRoute, '/api/3rdparty/v1/health/startup'],
    ] as const) {
      const res = await call(route, 'GET', path);
      expect(res.status, path).toBe(200);
      expect(res.json).toMatchObject({ status: 'pass', version: expect.any(String), releaseId: expect.any(Number) });
    }
    expect((await call(readyRoute, 'GET', '/x')).json).toMatchObject({ checks: { 'db:ping': { status: 'pass' } } });
    const { auth } = await account();
    const logs = await call(logsRoute, 'GET', '/api/3rdparty/v1/logs', { ...as(auth), query: { from: new Date(0).toISOString() } });
    expect(logs.status).toBe(200);
    expect(JSON.parse(logs.text)).toEqual([]);
    expect((await call(logsRoute, 'GET', '/x')).status).toBe(401);
  });
});

describe('deviceActiveWithin and the no_device warning (item 11)', () => {
  test('refused without a phone seen that recently; accepted with a warning when the client has no phone', async () => {
    const { creds, auth } = await account();
    const body = { phoneNumbers: ['+959111111111'], message: 'x' };
    const refused = await send(auth, body, { deviceActiveWithin: 1 });
    expect(refused.status).toBe(400);
    expect(refused.json.message).toMatch(/device/i);
    const warned = await send(auth, body);
    expect(warned.status).toBe(202);
    expect(warned.json.warning).toBe('no_device');

    const reg = await appRegister(creds.auth);
    const ok = await send(auth, body, { deviceActiveWithin: 1 });
    expect(ok.status).toBe(202);
    expect(ok.json).not.toHaveProperty('warning');
    // Seen three hours ago: within 4 hours, not within 2.
    await h.db
      .update(devices)
      .set({ lastSeenAt: new Date(Date.now() - 3 * 3_600_000) })
      .where(eq(devices.id, String(reg.json.id)));
    expect((await send(auth, body, { deviceActiveWithin: 2 })).status).toBe(400);
    expect((await send(auth, body, { deviceActiveWithin: 4 })).status).toBe(202);
    expect((await send(auth, body, { deviceActiveWithin: 0 })).status).toBe(202);
  });
});

describe("the app's account screens (item 7)", () => {
  test('PATCH /user/password {currentPassword, newPassword}: 204, the new password signs in, the old one no longer', async () => {
    const { creds } = await account();
    const reg = await appRegister(creds.auth);
    const token = String(reg.json.token);
    const change = (body: unknown) => call(passwordRoute, 'PATCH', '/api/mobile/v1/user/password', { token, body });
    expect((await change({ currentPassword: 'wrong-password-1', newPassword: 'brand-new-pass-14' })).status).toBe(401);
    const short = await change({ currentPassword: creds.password, newPassword: 'short' });
    expect(short.status).toBe(400);
    expect(typeof short.json.message).toBe('string');
    expect((await change({ currentPassword: creds.password, newPassword: 'brand-new-pass-14' })).status).toBe(204);
    expect((await appRegister(creds.auth)).status).toBe(401);
    expect((await appRegister(basicAuth(creds.login, 'brand-new-pass-14'))).status).toBe(201);
    // The phone keeps its own token.
    expect((await call(patchDeviceRoute, 'PATCH', '/x', { token, body: { id: String(reg.json.id), pushToken: null } })).status).toBe(204);
  });

  test('"Sign up" (POST /device with no credentials and no private token) is refused in the app\'s error shape', async () => {
    const res = await appRegister(null);
    expect(res.status).toBe(401);
    expect(res.json).toEqual({ message: expect.any(String), code: 'unauthorized' });
    expect((await appRegister('Bearer not-a-pairing-token')).status).toBe(401);
  });
});
