// Realtime for every phone (docs/device-protocol.md §5): GET /settings hands the app its notification channel
// (SSE_ONLY unless the client chose AUTO for that device), a change is pushed with SettingsUpdated, the
// optional upstream push relay wakes AUTO phones (a local stub stands in for it), and device.online /
// device.offline webhooks. A database of its own: the offline sweep looks at every device.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { GET as eventsRoute } from '@/app/api/mobile/v1/events/route';
import { GET as settingsRoute } from '@/app/api/mobile/v1/settings/route';
import { PATCH as deviceApi } from '@/app/api/v1/devices/[id]/route';
import { type DbHandle, setDbHandle } from '@/db';
import type { Actor } from '@/lib/auth/permissions';
import { sweepOffline } from '@/lib/services/device-presence';
import { deviceFromToken, registerDevice, updateDevice } from '@/lib/services/devices';
import { queueMessages } from '@/lib/services/messages';
import { startPushRelay } from '@/lib/services/push-relay';
import { createWebhook } from '@/lib/services/webhooks';
import { makeAdmin } from './helpers/fixtures';
import { deliveriesOf, gatewayClient, gatewayLogin, registerPhone } from './helpers/gateway';
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

async function account() {
  const c = await gatewayClient(h.db, admin, { pkg: 'business_elite' });
  const creds = await gatewayLogin(h.db, c.actor);
  return { c, creds };
}

/** Reads a device's SSE stream while `during` runs, until `until` matches or `ms` pass. */
async function sse(token: string, ms: number, during: () => Promise<unknown>, until: RegExp): Promise<string> {
  const ctrl = new AbortController();
  const res = await eventsRoute(
    new Request('http://test/api/mobile/v1/events', { headers: { authorization: `Bearer ${token}` }, signal: ctrl.signal }),
    {
      params: Promise.resolve({}),
    },
  );
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const dec = new TextDecoder();
  let text = '';
  let started = false;
  const deadline = Date.now() + ms;
  while (Date.now() < deadline && !until.test(text)) {
    const chunk = await Promise.race([
      reader.read(),
      new Promise<null>((r) => setTimeout(() => r(null), Math.max(1, deadline - Date.now()))),
    ]);
    if (chunk?.done) break;
    if (chunk) text += dec.decode(chunk.value);
    if (!started && text.includes(':connected')) {
      started = true;
      await during();
    }
  }
  ctrl.abort();
  await reader.cancel().catch(() => {});
  return text;
}

describe('GET /api/mobile/v1/settings and SettingsUpdated (item 1)', () => {
  test("a new phone gets the app's SSE-only channel; the client's per-device AUTO is pushed with SettingsUpdated", async () => {
    const { c, creds } = await account();
    const a = await registerPhone(h.db, creds, 'A');
    const b = await registerPhone(h.db, creds, 'B');
    const first = await call(settingsRoute, 'GET', '/api/mobile/v1/settings', { token: a.token });
    expect(first.status).toBe(200);
    // The app imports each section (SettingsService.update → GatewaySettings.import "notification_channel").
    expect(JSON.parse(first.text)).toEqual({ gateway: { notification_channel: 'SSE_ONLY' } });

    const stream = await sse(
      a.token,
      2_000,
      async () => {
        const res = await call(deviceApi, 'PATCH', `/api/v1/devices/${a.id}`, {
          token: c.token,
          id: a.id,
          body: { notification_channel: 'AUTO' },
        });
        expect(res.status).toBe(200);
        expect(res.json).toMatchObject({ id: a.id, notification_channel: 'AUTO' });
      },
      /SettingsUpdated/,
    );
    expect(stream).toContain('event: SettingsUpdated\ndata: null\n\n');
    expect(JSON.parse((await call(settingsRoute, 'GET', '/x', { token: a.token })).text)).toEqual({
      gateway: { notification_channel: 'AUTO' },
    });
    // Per device: the other phone keeps SSE_ONLY.
    expect(JSON.parse((await call(settingsRoute, 'GET', '/x', { token: b.token })).text)).toEqual({
      gateway: { notification_channel: 'SSE_ONLY' },
    });
    const bad = await call(deviceApi, 'PATCH', `/api/v1/devices/${a.id}`, {
      token: c.token,
      id: a.id,
      body: { notification_channel: 'FCM' },
    });
    expect(bad.status).toBe(400);
  });
});

describe('the upstream push relay (PUSH_UPSTREAM_URL, item 1)', () => {
  test("AUTO phones with a push token get the app server's upstream push; SSE-only and disabled phones do not", async () => {
    const got: { path: string; body: unknown; headers: http.IncomingHttpHeaders }[] = [];
    const stub = http.createServer((req, res) => {
      let raw = '';
      req.on('data', (d) => {
        raw += d;
      });
      req.on('end', () => {
        got.push({ path: req.url ?? '', body: JSON.parse(raw), headers: req.headers });
        res.writeHead(202).end();
      });
    });
    await new Promise<void>((r) => stub.listen(0, '127.0.0.1', r));
    const port = (stub.address() as AddressInfo).port;
    const stop = startPushRelay({ url: `http://127.0.0.1:${port}/upstream/v1/`, getDb: async () => h.db, debounceMs: 100 });
    try {
      const { c, creds } = await account();
      const reg = (name: string, pushToken: string) =>
        registerDevice(h.db, { kind: 'basic', login: creds.login, password: creds.password }, { name, pushToken });
      const auto = await reg('auto', 'fcm-auto-token');
      const sseOnly = await reg('sse', 'fcm-sse-token');
      await updateDevice(h.db, c.actor, auto.id, { notification_channel: 'AUTO' });
      // The switch itself is pushed to the (now AUTO) phone as SettingsUpdated.
      for (let i = 0; i < 50 && !got.length; i++) await new Promise((r) => setTimeout(r, 50));
      expect(got.map((g) => g.body)).toEqual([[{ token: 'fcm-auto-token', event: 'SettingsUpdated', data: {} }]]);
      got.length = 0;
      await queueMessages(h.db, c.actor, {
        messages: [{ phones: ['+959111111111'] }, { phones: ['+959222222222'] }],
        text: 'x',
        source: 'api',
      });
      for (let i = 0; i < 50 && !got.length; i++) await new Promise((r) => setTimeout(r, 50));
      // One batch for both messages (debounced), as the app server's upstream client sends it.
      expect(got).toEqual([
        {
          path: '/upstream/v1/push',
          body: [{ token: 'fcm-auto-token', event: 'MessageEnqueued', data: {} }],
          headers: expect.objectContaining({ 'content-type': 'application/json' }),
        },
      ]);
      expect(sseOnly.id).not.toBe(auto.id);
      await updateDevice(h.db, c.actor, auto.id, { enabled: false });
      got.length = 0;
      await queueMessages(h.db, c.actor, { messages: [{ phones: ['+959333333333'] }], text: 'y', source: 'api' });
      await new Promise((r) => setTimeout(r, 400));
      expect(got).toEqual([]);
    } finally {
      await stop();
      await new Promise((r) => stub.close(r));
    }
  });
});

describe('device.online / device.offline webhooks (item 12)', () => {
  test('announced once per transition: registration, silence past 5 minutes, the next request', async () => {
    const { c, creds } = await account();
    const hook = await createWebhook(h.db, c.actor, { url: 'https://example.test/devices', events: ['device.online', 'device.offline'] });
    const t0 = new Date();
    const phone = await registerPhone(h.db, creds, 'Presence', t0);
    const events = async () => (await deliveriesOf(h.db, hook.id)).map((d) => d.event);
    expect(await events()).toEqual(['device.online']);
    expect((await deliveriesOf(h.db, hook.id))[0].payload).toEqual({
      event: 'device.online',
      created_at: expect.any(String),
      data: { device_id: phone.id, name: 'Presence', state: 'online', last_seen_at: t0.toISOString() },
    });
    await deviceFromToken(h.db, phone.token, new Date(t0.getTime() + 60_000));
    // (Other tests' phones in this database go offline too: only this phone's webhook is looked at.)
    await sweepOffline(h.db, new Date(t0.getTime() + 5 * 60_000));
    expect(await events()).toEqual(['device.online']);
    await sweepOffline(h.db, new Date(t0.getTime() + 6 * 60_000));
    expect(await events()).toEqual(['device.online', 'device.offline']);
    expect((await deliveriesOf(h.db, hook.id))[1].payload).toMatchObject({ data: { device_id: phone.id, state: 'offline' } });
    await sweepOffline(h.db, new Date(t0.getTime() + 7 * 60_000));
    expect(await events()).toEqual(['device.online', 'device.offline']);
    // Back: two requests at once announce it once.
    const back = new Date(t0.getTime() + 10 * 60_000);
    await Promise.all([deviceFromToken(h.db, phone.token, back), deviceFromToken(h.db, phone.token, back)]);
    expect(await events()).toEqual(['device.online', 'device.offline', 'device.online']);
  });
});
