// Gateway devices (docs/ARCHITECTURE.md#rules-devices): credentials, registration (Basic, one-time Code, Bearer pairing token),
// the package's device limit, enable/disable/remove, last seen and the online flag.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PATCH as patchDeviceRoute, POST as registerRoute } from '@/app/api/mobile/v1/device/route';
import { GET as pullRoute } from '@/app/api/mobile/v1/message/route';
import { PATCH as patchRoute, DELETE as removeRoute } from '@/app/api/v1/devices/[id]/route';
import { GET as devicesRoute } from '@/app/api/v1/devices/route';
import { POST as credentialsRoute } from '@/app/api/v1/gateway/credentials/route';
import { POST as pairingRoute } from '@/app/api/v1/gateway/pairing-code/route';
import type { DbHandle } from '@/db';
import { apiTokens, devices } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { newToken } from '@/lib/auth/tokens';
import { registerDevice } from '@/lib/services/devices';
import { useTestDbForRoutes } from './helpers/db';
import { domainError } from './helpers/errors';
import { makeAdmin } from './helpers/fixtures';
import { basicAuth, gatewayClient } from './helpers/gateway';
import { call, expectError } from './helpers/http';

let h: DbHandle;
let admin: Actor;
beforeAll(async () => {
  h = await useTestDbForRoutes();
  admin = await makeAdmin(h.db);
});
afterAll(async () => {
  await h.close();
});

type Creds = { login: string; password: string; mobile_api_url: string; third_party_api_url: string };
async function issue(token: string): Promise<Creds> {
  const res = await call(credentialsRoute, 'POST', '/api/v1/gateway/credentials', { token });
  expect(res.status).toBe(201);
  return res.json as unknown as Creds;
}
const register = (authorization: string, name = 'Pixel') =>
  call(registerRoute, 'POST', '/api/mobile/v1/device', {
    headers: { authorization },
    body: { name, pushToken: null, simCards: [{ slotIndex: 0, simNumber: 1 }] },
  });
const listDevices = async (token: string) =>
  (await call(devicesRoute, 'GET', '/api/v1/devices', { token })).json.data as {
    id: string;
    name: string;
    enabled: boolean;
    online: boolean;
    last_seen_at: string | null;
  }[];
const setEnabled = (token: string, id: string, enabled: boolean) =>
  call(patchRoute, 'PATCH', `/api/v1/devices/${id}`, { token, id, body: { enabled } });

describe('gateway credentials', () => {
  test('POST /api/v1/gateway/credentials → login, password and the two API URLs; the password works once issued', async () => {
    const c = await gatewayClient(h.db, admin);
    const creds = await issue(c.token);
    expect(creds).toEqual({
      login: expect.stringMatching(/^[A-Z0-9]{6}$/),
      password: expect.stringMatching(/^[a-z0-9]{14}$/),
      mobile_api_url: 'http://test/api/mobile/v1',
      third_party_api_url: 'http://test/api/3rdparty/v1',
    });
    const res = await register(basicAuth(creds.login, creds.password));
    expect(res.status).toBe(201);
    expect(res.json).toEqual({ id: expect.stringMatching(/^.{21}$/), token: expect.any(String), login: creds.login });
  });

  test('a re-issue keeps the login and invalidates the old password', async () => {
    const c = await gatewayClient(h.db, admin, { pkg: 'business_elite' });
    const first = await issue(c.token);
    const second = await issue(c.token);
    expect(second.login).toBe(first.login);
    expect(second.password).not.toBe(first.password);
    const old = await register(basicAuth(first.login, first.password));
    expect(old.status).toBe(401);
    expect(old.json).toMatchObject({ message: expect.any(String) });
    expect((await register(basicAuth(second.login, second.password))).status).toBe(201);
  });

  test('wrong credentials → 401 {message}; a missing header → 401; nothing is registered', async () => {
    const c = await gatewayClient(h.db, admin);
    const creds = await issue(c.token);
    for (const auth of [
      basicAuth(creds.login, 'wrong-password'),
      basicAuth('NOUSER', creds.password),
      'Code 000000000',
      'Bearer nope',
      '',
    ]) {
      const res = await call(registerRoute, 'POST', '/api/mobile/v1/device', {
        headers: auth ? { authorization: auth } : {},
        body: { name: 'x' },
      });
      expect(res.status, auth).toBe(401);
      expect(typeof res.json.message).toBe('string');
    }
    expect(await listDevices(c.token)).toEqual([]);
  });
});

describe('registration', () => {
  test('with a one-time Code from POST /api/v1/gateway/pairing-code: works once', async () => {
    const c = await gatewayClient(h.db, admin, { pkg: 'business_elite' });
    const res = await call(pairingRoute, 'POST', '/api/v1/gateway/pairing-code', { token: c.token });
    expect(res.status).toBe(201);
    const code = String(res.json.code);
    expect(res.json.valid_until).toEqual(expect.any(String));
    expect((await register(`Code ${code}`)).status).toBe(201);
    expect((await register(`Code ${code}`)).status).toBe(401);
    expect(await listDevices(c.token)).toHaveLength(1);
  });

  test('a pairing code expires after 10 minutes', async () => {
    const c = await gatewayClient(h.db, admin);
    const res = await call(pairingRoute, 'POST', '/api/v1/gateway/pairing-code', { token: c.token });
    const code = String(res.json.code);
    const late = new Date(Date.parse(String(res.json.valid_until)) + 1000);
    const err = await domainError(registerDevice(h.db, { kind: 'code', code }, { name: 'late' }, late));
    expect(err.code).toBe('unauthorized');
    expect((await register(`Code ${code}`)).status).toBe(201);
  });

  test('with a Bearer pairing token (api_tokens kind pairing); a revoked one → 401', async () => {
    const c = await gatewayClient(h.db, admin, { pkg: 'business_elite' });
    const { token, hash, display } = newToken('pair');
    const [row] = await h.db
      .insert(apiTokens)
      .values({ userId: c.id, kind: 'pairing', name: 'pairing', tokenHash: hash, prefix: display })
      .returning();
    const res = await register(`Bearer ${token}`);
    expect(res.status).toBe(201);
    expect((await listDevices(c.token)).map((d) => d.id)).toEqual([res.json.id]);
    await h.db.update(apiTokens).set({ revokedAt: new Date() }).where(eq(apiTokens.id, row.id));
    expect((await register(`Bearer ${token}`)).status).toBe(401);
    // The client's API key is not a pairing token.
    expect((await register(`Bearer ${c.token}`)).status).toBe(401);
  });

  test('an expired client cannot register a phone (403)', async () => {
    const c = await gatewayClient(h.db, admin, { trial_days: 0 });
    const creds = await issue(c.token);
    const res = await register(basicAuth(creds.login, creds.password));
    expect(res.status).toBe(403);
    expect(res.json).toMatchObject({ message: expect.any(String), code: 'subscription_expired' });
  });
});

describe('the device limit', () => {
  test('beyond the package limit → 429 device_limit_reached; disabling frees a place; re-enabling beyond it → 429', async () => {
    const c = await gatewayClient(h.db, admin, { pkg: 'business_elite' }); // 2 devices
    const creds = await issue(c.token);
    const auth = basicAuth(creds.login, creds.password);
    const a = await register(auth, 'A');
    const b = await register(auth, 'B');
    expect([a.status, b.status]).toEqual([201, 201]);
    const third = await register(auth, 'C');
    expect(third.status).toBe(429);
    expect(third.json).toMatchObject({ code: 'device_limit_reached', message: expect.any(String) });

    const off = await setEnabled(c.token, String(a.json.id), false);
    expect(off.status).toBe(200);
    expect(off.json).toMatchObject({ id: a.json.id, enabled: false });
    const c3 = await register(auth, 'C');
    expect(c3.status).toBe(201);
    expect(expectError(await setEnabled(c.token, String(a.json.id), true), 429, 'device_limit_reached')).toMatchObject({
      limit: 2,
      used: 2,
    });

    // Removing one makes room to enable the disabled one again.
    expect((await call(removeRoute, 'DELETE', '/x', { token: c.token, id: String(b.json.id) })).status).toBe(200);
    expect((await setEnabled(c.token, String(a.json.id), true)).json).toMatchObject({ enabled: true });
    expect((await listDevices(c.token)).map((d) => d.name).sort()).toEqual(['A', 'C']);
  });

  test('a trial allows the trial device limit (1)', async () => {
    const c = await gatewayClient(h.db, admin);
    const creds = await issue(c.token);
    expect((await register(basicAuth(creds.login, creds.password))).status).toBe(201);
    expect((await register(basicAuth(creds.login, creds.password))).status).toBe(429);
  });
});

describe('device management and last seen', () => {
  test("a removed device's token → 401; another client's device → 404", async () => {
    const c = await gatewayClient(h.db, admin);
    const other = await gatewayClient(h.db, admin);
    const creds = await issue(c.token);
    const d = await register(basicAuth(creds.login, creds.password));
    const token = String(d.json.token);
    expect((await call(pullRoute, 'GET', '/api/mobile/v1/message', { token })).status).toBe(200);
    expectError(await call(removeRoute, 'DELETE', '/x', { token: other.token, id: String(d.json.id) }), 404, 'not_found');
    expectError(await setEnabled(other.token, String(d.json.id), false), 404, 'not_found');
    expect((await call(removeRoute, 'DELETE', '/x', { token: c.token, id: String(d.json.id) })).json).toEqual({
      id: d.json.id,
      removed: true,
    });
    const after = await call(pullRoute, 'GET', '/api/mobile/v1/message', { token });
    expect(after.status).toBe(401);
    expect(after.json).toMatchObject({ message: expect.any(String) });
    expect(await listDevices(c.token)).toEqual([]);
  });

  test('every device request updates last seen: the online flag in GET /api/v1/devices', async () => {
    const c = await gatewayClient(h.db, admin);
    const creds = await issue(c.token);
    const d = await register(basicAuth(creds.login, creds.password));
    const id = String(d.json.id);
    expect((await listDevices(c.token))[0]).toMatchObject({ id, online: true });
    const longAgo = new Date(Date.now() - 10 * 60_000);
    await h.db.update(devices).set({ lastSeenAt: longAgo }).where(eq(devices.id, id));
    expect((await listDevices(c.token))[0]).toMatchObject({ id, online: false, last_seen_at: longAgo.toISOString() });
    expect((await call(pullRoute, 'GET', '/api/mobile/v1/message', { token: String(d.json.token) })).status).toBe(200);
    const seen = (await listDevices(c.token))[0];
    expect(seen.online).toBe(true);
    expect(Date.parse(String(seen.last_seen_at))).toBeGreaterThan(longAgo.getTime());

    // PATCH /device (the app's start-up call) too, and it records battery.
    await h.db.update(devices).set({ lastSeenAt: longAgo }).where(eq(devices.id, id));
    const patched = await call(patchDeviceRoute, 'PATCH', '/api/mobile/v1/device', {
      token: String(d.json.token),
      body: { id, pushToken: null, battery: 55 },
    });
    expect(patched.status).toBe(204);
    const [row] = await h.db.select().from(devices).where(eq(devices.id, id));
    expect(row.battery).toBe(55);
    expect(row.lastSeenAt!.getTime()).toBeGreaterThan(longAgo.getTime());
    // Another device's id → 403.
    expect(
      (await call(patchDeviceRoute, 'PATCH', '/api/mobile/v1/device', { token: String(d.json.token), body: { id: 'someone-else' } }))
        .status,
    ).toBe(403);
  });
});
