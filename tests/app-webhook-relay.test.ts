// Issue 15 item 8: the app's own webhooks registered through the 3rd-party API reach the phones
// (WebhooksUpdated on the event stream, GET /mobile/v1/webhooks) and the events the phone posts are relayed
// to the registered URLs through the webhook delivery queue: the app's exact JSON (WebHooksService.emit:
// WebHookEventDTO {id, webhookId, event, deviceId, payload} with SmsEventPayload and Gson dates), once per
// event id, retried on 5xx; the phone never gets the client's URL.

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DELETE as deleteHookRoute } from '@/app/api/3rdparty/v1/webhooks/[id]/route';
import { POST as addHookRoute } from '@/app/api/3rdparty/v1/webhooks/route';
import { POST as inboundRoute } from '@/app/api/mobile/v1/inbound/[id]/route';
import { GET as mobileWebhooks } from '@/app/api/mobile/v1/webhooks/route';
import { type DbHandle, setDbHandle } from '@/db';
import { inboundMessages, webhookDeliveries } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { BASE_BACKOFF_MS, deliverDueWebhooks } from '@/lib/services/webhooks';
import { sse } from './helpers/device-sse';
import { makeAdmin } from './helpers/fixtures';
import { gatewayClient, gatewayLogin, registerPhone } from './helpers/gateway';
import { call, type RouteHandler } from './helpers/http';
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

function fakeFetch(outcomes: number[]) {
  const calls: { url: string; headers: Record<string, string>; body: string }[] = [];
  const f = (async (url: string, init: RequestInit) => {
    calls.push({ url, headers: init.headers as Record<string, string>, body: String(init.body) });
    return new Response('ok', { status: outcomes[Math.min(calls.length - 1, outcomes.length - 1)] });
  }) as unknown as typeof fetch;
  return { f, calls };
}

async function setup() {
  const c = await gatewayClient(h.db, admin, { pkg: 'business_elite' });
  const creds = await gatewayLogin(h.db, c.actor);
  const phone = await registerPhone(h.db, creds, 'relay');
  const register = (body: unknown) =>
    call(addHookRoute, 'POST', '/api/3rdparty/v1/webhooks', { headers: { authorization: creds.auth }, body });
  return { c, creds, phone, register };
}

/** The phone's webhook list, as the app reads it (WebHookDTO). */
async function phoneList(token: string) {
  const res = await call(mobileWebhooks, 'GET', '/api/mobile/v1/webhooks', { token });
  expect(res.status).toBe(200);
  return JSON.parse(res.text) as { id: string; deviceId: string; url: string; event: string }[];
}

/** The phone posts an event to a URL of its list (SendWebhookWorker: JSON body, no auth header). */
function phonePost(url: string, body: unknown) {
  const u = new URL(url);
  const id = u.pathname.split('/').at(-1) ?? '';
  return call(inboundRoute as RouteHandler, 'POST', u.pathname, { id, query: Object.fromEntries(u.searchParams), body });
}

const deliveriesFor = (hookId: string) =>
  h.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.appWebhookId, hookId)).orderBy(webhookDeliveries.id);

describe('app webhooks registered through the API', () => {
  test('a registration is pushed with WebhooksUpdated on the open stream, and listed with our receiver URL', async () => {
    const { creds, phone, register } = await setup();
    let created: Awaited<ReturnType<typeof register>> | undefined;
    const stream = await sse(
      phone.token,
      3_000,
      async () => {
        created = await register({ url: 'https://hooks.example.com/sent', event: 'sms:sent' });
      },
      /WebhooksUpdated/,
    );
    expect(created?.status).toBe(201);
    expect(stream).toMatch(/event: WebhooksUpdated\ndata: [^\n]*\n\n/);
    const id = String(created?.json.id);
    const list = await phoneList(phone.token);
    expect(list.map((w) => w.event)).toEqual(['sms:received', 'sms:data-received', 'sms:sent']);
    const entry = list[2];
    expect(entry).toMatchObject({ id, deviceId: phone.id, event: 'sms:sent' });
    // The phone posts to us, never to the client's URL (so nothing is sent twice, nor from the phone).
    expect(entry.url).not.toContain('hooks.example.com');
    expect(new URL(entry.url).pathname).toBe(`/api/mobile/v1/inbound/${phone.id}`);
    expect(new URL(entry.url).searchParams.get('hook')).toBe(id);
    // Deleting it is pushed too, and the entry leaves the list.
    const gone = await sse(
      phone.token,
      3_000,
      () =>
        call(deleteHookRoute, 'DELETE', `/api/3rdparty/v1/webhooks/${id}`, { headers: { authorization: creds.auth }, id }).then(() => null),
      /WebhooksUpdated/,
    );
    expect(gone).toContain('event: WebhooksUpdated');
    expect((await phoneList(phone.token)).map((w) => w.event)).toEqual(['sms:received', 'sms:data-received']);
  });

  test("sms:sent, sms:failed and system:ping: the app's JSON relayed unchanged, once per event id, retried on 5xx", async () => {
    const { phone, register } = await setup();
    const sent = await register({ id: 'hook-sent', url: 'https://hooks.example.com/sent', event: 'sms:sent' });
    const failed = await register({ url: 'https://hooks.example.com/failed', event: 'sms:failed', deviceId: phone.id });
    const ping = await register({ url: 'https://hooks.example.com/ping', event: 'system:ping' });
    expect([sent.status, failed.status, ping.status]).toEqual([201, 201, 201]);
    const list = await phoneList(phone.token);
    const urlOf = (id: string) => list.find((w) => w.id === id)?.url ?? '';

    const sentEvent = {
      id: 'V1StGXR8_Z5jdHi6B-myT',
      webhookId: 'hook-sent',
      event: 'sms:sent',
      deviceId: phone.id,
      payload: {
        messageId: 'order-42',
        phoneNumber: '+959111111111',
        simNumber: 1,
        partsCount: 2,
        sentAt: '2026-01-01T10:00:00.000+06:30',
      },
    };
    expect((await phonePost(urlOf('hook-sent'), sentEvent)).status).toBe(204);
    // The app's worker retries a post it saw fail: one delivery.
    expect((await phonePost(urlOf('hook-sent'), sentEvent)).status).toBe(204);
    const failedId = String(failed.json.id);
    const failedEvent = {
      id: 'Uakgb_J5m9g-0JDMbcJqL',
      webhookId: failedId,
      event: 'sms:failed',
      deviceId: phone.id,
      payload: {
        messageId: 'order-43',
        phoneNumber: '+959222222222',
        simNumber: null,
        failedAt: '2026-01-01T10:00:05.000+06:30',
        reason: 'RESULT_ERROR_GENERIC_FAILURE',
      },
    };
    expect((await phonePost(urlOf(failedId), failedEvent)).status).toBe(204);
    const pingId = String(ping.json.id);
    const pingEvent = {
      id: 'pg-1',
      webhookId: pingId,
      event: 'system:ping',
      deviceId: phone.id,
      payload: {
        health: {
          status: 'pass',
          version: '1.68.0',
          releaseId: 68,
          checks: {
            'battery:level': { status: 'pass', description: 'Battery level in percent', observedUnit: 'percent', observedValue: 87 },
          },
        },
      },
    };
    expect((await phonePost(urlOf(pingId), pingEvent)).status).toBe(204);
    // An event posted under the wrong registration (an outdated list) is not relayed.
    expect((await phonePost(urlOf(pingId), { ...sentEvent, id: 'other' })).status).toBe(204);

    expect((await deliveriesFor('hook-sent')).length).toBe(1);
    expect((await deliveriesFor(pingId)).length).toBe(1);
    const t0 = new Date(Date.now() + 1_000);
    const first = fakeFetch([503, 200]);
    expect(await deliverDueWebhooks(h.db, t0, first.f)).toBeGreaterThanOrEqual(3);
    const byUrl = new Map(first.calls.map((c) => [c.url, c]));
    expect(JSON.parse(byUrl.get('https://hooks.example.com/sent')?.body ?? '')).toEqual(sentEvent);
    expect(JSON.parse(byUrl.get('https://hooks.example.com/failed')?.body ?? '')).toEqual(failedEvent);
    expect(JSON.parse(byUrl.get('https://hooks.example.com/ping')?.body ?? '')).toEqual(pingEvent);
    expect(byUrl.get('https://hooks.example.com/sent')?.headers).toMatchObject({ 'content-type': 'application/json' });
    // The first attempt (sent) got 503: retried after the backoff, then delivered.
    const [d] = await deliveriesFor('hook-sent');
    expect(d).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: 503 });
    const retry = fakeFetch([200]);
    expect(await deliverDueWebhooks(h.db, new Date(t0.getTime() + BASE_BACKOFF_MS - 1), retry.f)).toBe(0);
    expect(await deliverDueWebhooks(h.db, new Date(t0.getTime() + BASE_BACKOFF_MS), retry.f)).toBe(1);
    expect(retry.calls.map((c) => c.url)).toEqual(['https://hooks.example.com/sent']);
    expect((await deliveriesFor('hook-sent'))[0]).toMatchObject({ status: 'delivered', attempts: 2 });
  });

  test('sms:received for a registration is relayed and not stored twice; a deleted registration is not delivered', async () => {
    const { creds, phone, register } = await setup();
    const rec = await register({ url: 'https://hooks.example.com/in', event: 'sms:received' });
    const id = String(rec.json.id);
    const list = await phoneList(phone.token);
    const payload = {
      messageId: 'm1',
      phoneNumber: 'Google',
      simNumber: 1,
      message: 'G-123456',
      receivedAt: '2026-01-01T10:00:00.000+06:30',
    };
    // What the app sends: one post per webhook of the event, each with its own event id.
    for (const w of list.filter((x) => x.event === 'sms:received'))
      expect(
        (await phonePost(w.url, { id: `e-${w.id}`, webhookId: w.id, event: 'sms:received', deviceId: phone.id, payload })).status,
      ).toBe(204);
    const stored = await h.db.select().from(inboundMessages).where(eq(inboundMessages.deviceId, phone.id));
    expect(stored.map((r) => r.text)).toEqual(['G-123456']);
    expect((await deliveriesFor(id)).length).toBe(1);
    // Deleted before the worker ran: not delivered, nor relayed again.
    const del = await call(deleteHookRoute, 'DELETE', `/api/3rdparty/v1/webhooks/${id}`, { headers: { authorization: creds.auth }, id });
    expect(del.status).toBeLessThan(300);
    const f = fakeFetch([200]);
    await deliverDueWebhooks(h.db, new Date(Date.now() + 1_000), f.f);
    expect(f.calls.filter((c) => c.url === 'https://hooks.example.com/in')).toEqual([]);
    expect((await deliveriesFor(id))[0]).toMatchObject({ status: 'failed', lastError: 'webhook deleted: not delivered' });
    const url = list.find((w) => w.id === id)?.url ?? '';
    expect((await phonePost(url, { id: 'late', webhookId: id, event: 'sms:received', deviceId: phone.id, payload })).status).toBe(204);
    expect((await deliveriesFor(id)).length).toBe(1);
    // A forged signature is refused.
    const bad = new URL(url);
    bad.searchParams.set('sig', 'x'.repeat(32));
    expect((await phonePost(bad.toString(), { id: 'f', event: 'sms:received', payload })).status).toBe(401);
  });
});
