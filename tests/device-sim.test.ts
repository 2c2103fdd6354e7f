// The simulated phone (npm run device:sim, scripts/lib/device-sim-core.mjs) against the API's handlers over
// HTTP: the app's SSE-only mode (stream kept open, pulls on MessageEnqueued, no periodic poll), the send
// options of a pull (simNumber, priority ≥ 100 without the send pause, withDeliveryReport false), the app's
// sms:sent webhook posted to our relay after WebhooksUpdated, cancellation (MessageCancelled → Cancelled)
// and SettingsUpdated switching it to AUTO (polling).
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type DbHandle, setDbHandle } from '@/db';
import { messages, webhookDeliveries } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { updateDevice } from '@/lib/services/devices';
import { runDevice } from '../scripts/lib/device-sim-core.mjs';
import { makeAdmin } from './helpers/fixtures';
import { gatewayClient, gatewayLogin } from './helpers/gateway';
import { openPrivateDb } from './helpers/private-db';
import { type RouteServer, startRouteServer } from './helpers/route-server';

let h: DbHandle;
let admin: Actor;
let server: RouteServer;
beforeAll(async () => {
  h = await openPrivateDb();
  setDbHandle(h);
  admin = await makeAdmin(h.db);
  server = await startRouteServer();
});
afterAll(async () => {
  await server?.close();
  await h.close();
});

async function until<T>(what: string, read: () => Promise<T> | T, ok: (v: T) => boolean, ms = 8_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function phone(delayMs: number, pingMs = 0) {
  const c = await gatewayClient(h.db, admin, { pkg: 'business_elite' });
  const creds = await gatewayLogin(h.db, c.actor);
  const lines: string[] = [];
  const dev = await runDevice({
    url: server.url,
    login: creds.login,
    password: creds.password,
    delayMs,
    pollMs: 300,
    pingMs,
    log: (l) => lines.push(l),
  });
  const api = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${server.url}/api/3rdparty/v1${path}`, {
      method,
      headers: { authorization: creds.auth, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json().catch(() => null)) as Record<string, unknown> };
  };
  return { c, dev, api, lines };
}
const pulls = (from: number) => server.requests.slice(from).filter((r) => r === 'GET /api/mobile/v1/message').length;

/** A message's state by the id the caller gave. */
const stateOf = async (ref: string) => (await h.db.select({ state: messages.state }).from(messages).where(eq(messages.ref, ref)))[0]?.state;

describe('npm run device:sim', () => {
  test('SSE-only: pulls on MessageEnqueued only; options of the pull taken as given; sms:sent relayed after WebhooksUpdated', async () => {
    const { dev, api, lines } = await phone(100);
    try {
      expect(dev.channel).toBe('SSE_ONLY');
      await until(
        'SSE connected',
        () => lines.join('\n'),
        // The pulls of the start and of the stream's connect are over.
        (t) => /pulled \d+ \(sse connect\)/.test(t) && /pulled \d+ \(start\)/.test(t),
      );
      await new Promise((r) => setTimeout(r, 100));
      const mark = server.requests.length;
      await new Promise((r) => setTimeout(r, 1_200));
      // pollMs is 300: in SSE-only mode no periodic poll happens.
      expect(pulls(mark), lines.join('\n')).toBe(0);

      const hook = await api('POST', '/webhooks', { url: 'https://hooks.example.com/sent', event: 'sms:sent' });
      expect(hook.status).toBe(201);
      await until(
        'the webhook list',
        () => dev.webhooks.map((w) => w.event),
        (e) => e.includes('sms:sent'),
      );

      const sent = await api('POST', '/message', {
        id: 'sim-opt-1',
        textMessage: { text: 'hello' },
        phoneNumbers: ['+959111111111'],
        simNumber: 2,
        priority: 100,
        withDeliveryReport: false,
      });
      expect(sent.status).toBe(202);
      await until(
        'sent',
        () => stateOf('sim-opt-1'),
        (s) => s === 'sent',
      );
      const entry = dev.processed.get('sim-opt-1')!;
      expect(entry.message).toMatchObject({ simNumber: 2, priority: 100, withDeliveryReport: false, isEncrypted: false });
      await new Promise((r) => setTimeout(r, 300));
      // No delivery report asked: it stays Sent.
      expect(entry.state).toBe('Sent');
      expect(lines.some((l) => /pulled 1 \(MessageEnqueued\)/.test(l))).toBe(true);

      const [d] = await until(
        'the relayed sms:sent',
        () =>
          h.db
            .select()
            .from(webhookDeliveries)
            .where(eq(webhookDeliveries.appWebhookId, String(hook.json.id))),
        (rows) => rows.length > 0,
      );
      expect(d.payload).toMatchObject({
        id: expect.stringMatching(/^[\w-]{21}$/),
        webhookId: hook.json.id,
        event: 'sms:sent',
        deviceId: dev.deviceId,
        payload: { messageId: 'sim-opt-1', phoneNumber: '+959111111111', simNumber: 2, partsCount: 1, sentAt: expect.any(String) },
      });
    } finally {
      await dev.stop();
    }
  });

  test('MessageCancelled while the phone holds it: reported Cancelled; SettingsUpdated to AUTO starts the poll', async () => {
    const { c, dev, api, lines } = await phone(1_500);
    try {
      const sent = await api('POST', '/message', { id: 'sim-cancel-1', message: 'later', phoneNumbers: ['+959222222222'] });
      expect(sent.status).toBe(202);
      await until(
        'processed',
        () => stateOf('sim-cancel-1'),
        (s) => s === 'processing',
      );
      await until(
        'Processed reported',
        () => (dev.processed.get('sim-cancel-1') as { reported?: string } | undefined)?.reported,
        (s) => s === 'Processed',
      );
      const del = await api('DELETE', '/message/sim-cancel-1');
      expect(del.status).toBe(200);
      expect(del.json).toMatchObject({ state: 'Cancelling' });
      await until(
        'cancelled',
        () => stateOf('sim-cancel-1'),
        (s) => s === 'cancelled',
        5_000,
      );
      await until(
        'Cancelled on the phone',
        () => dev.processed.get('sim-cancel-1')?.state,
        (st) => st === 'Cancelled',
      );
      // Told by the stream, not by a poll.
      expect(lines).toContainEqual('event MessageCancelled sim-cancel-1');

      await updateDevice(h.db, c.actor, dev.deviceId, { notification_channel: 'AUTO' });
      await until(
        'AUTO',
        () => dev.channel,
        (ch) => ch === 'AUTO',
      );
      const mark = server.requests.length;
      await new Promise((r) => setTimeout(r, 1_000));
      expect(pulls(mark)).toBeGreaterThanOrEqual(2);
    } finally {
      await dev.stop();
    }
  });
});

test("--ping-ms: the app's system:ping reaches a registered system:ping webhook through our relay", async () => {
  const { dev, api } = await phone(100, 300);
  try {
    const hook = await api('POST', '/webhooks', { url: 'https://hooks.example.com/ping', event: 'system:ping' });
    expect(hook.status).toBe(201);
    const rows = await until(
      'two relayed pings',
      () =>
        h.db
          .select()
          .from(webhookDeliveries)
          .where(eq(webhookDeliveries.appWebhookId, String(hook.json.id))),
      (r) => r.length >= 2,
    );
    expect(rows[0].payload).toMatchObject({
      webhookId: hook.json.id,
      event: 'system:ping',
      deviceId: dev.deviceId,
      payload: { health: { status: 'pass', checks: { 'battery:level': { observedValue: 87 } } } },
    });
  } finally {
    await dev.stop();
  }
});
