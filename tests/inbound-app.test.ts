// Incoming SMS as the app posts them (its WebHookEventDTO {id, webhookId, event, deviceId, payload} with
// SmsEventPayload): the sender kept as reported (alphanumeric, short codes), the event id de-duplicating
// the app's retries, and data SMS (sms:data-received) stored too.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { POST as inboundRoute } from '@/app/api/mobile/v1/inbound/[id]/route';
import { GET as mobileWebhooks } from '@/app/api/mobile/v1/webhooks/route';
import type { DbHandle } from '@/db';
import { inboundMessages } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { inboundSignature } from '@/lib/http/pipeline/gateway-auth';
import { createWebhook } from '@/lib/services/webhooks';
import { useTestDbForRoutes } from './helpers/db';
import { makeAdmin } from './helpers/fixtures';
import { deliveriesOf, gatewayClient, gatewayLogin, registerPhone } from './helpers/gateway';
import { call, type RouteHandler } from './helpers/http';

let h: DbHandle;
let admin: Actor;
beforeAll(async () => {
  h = await useTestDbForRoutes();
  admin = await makeAdmin(h.db);
});
afterAll(async () => {
  await h.close();
});

test('sender as reported, one row per event id, data SMS stored; GET /webhooks asks for both events', async () => {
  const c = await gatewayClient(h.db, admin);
  const phone = await registerPhone(h.db, await gatewayLogin(h.db, c.actor));
  const hook = await createWebhook(h.db, c.actor, { url: 'https://example.test/in', events: ['sms.received'] });
  const hooks = JSON.parse((await call(mobileWebhooks, 'GET', '/x', { token: phone.token })).text) as { event: string }[];
  expect(hooks.map((x) => x.event)).toEqual(['sms:received', 'sms:data-received']);
  const post = (body: unknown) =>
    call(inboundRoute as RouteHandler, 'POST', `/api/mobile/v1/inbound/${phone.id}`, {
      id: phone.id,
      query: { sig: inboundSignature(phone.id) },
      body,
    });
  const received = (id: string, sender: string, message: string) => ({
    id,
    webhookId: `inbound-${phone.id}`,
    event: 'sms:received',
    deviceId: phone.id,
    payload: {
      messageId: `m-${id}`,
      sender,
      recipient: null,
      simNumber: 1,
      phoneNumber: sender,
      message,
      receivedAt: '2026-01-01T10:00:00.000+06:30',
    },
  });
  expect((await post(received('evt-1', 'Google', 'G-123456 is your code'))).status).toBe(204);
  // The app retries the same event (e.g. after a timeout): stored and announced once.
  expect((await post(received('evt-1', 'Google', 'G-123456 is your code'))).status).toBe(204);
  expect((await post(received('evt-2', '8484', 'short code'))).status).toBe(204);
  expect(
    (
      await post({
        id: 'evt-3',
        webhookId: `inbound-data-${phone.id}`,
        event: 'sms:data-received',
        deviceId: phone.id,
        payload: {
          messageId: 'm-3',
          sender: '+959123123123',
          simNumber: 1,
          phoneNumber: '+959123123123',
          data: 'SGVsbG8=',
          receivedAt: '2026-01-01T10:00:01.000+06:30',
        },
      })
    ).status,
  ).toBe(204);
  const rows = (await h.db.select().from(inboundMessages).where(eq(inboundMessages.deviceId, phone.id))).sort((a, b) => a.id - b.id);
  expect(rows.map((r) => [r.eventId, r.kind, r.phone, r.text])).toEqual([
    ['evt-1', 'sms', 'Google', 'G-123456 is your code'],
    ['evt-2', 'sms', '8484', 'short code'],
    ['evt-3', 'data', '+959123123123', 'SGVsbG8='],
  ]);
  expect((await deliveriesOf(h.db, hook.id)).map((d) => (d.payload as { data: { phone: string } }).data.phone)).toEqual(['Google', '8484']);
});
