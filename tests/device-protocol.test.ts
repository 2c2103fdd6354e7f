// The app's private-server protocol (docs/device-protocol.md): pulling messages (GET /message), reporting
// per-recipient states (PATCH /message), webhook deliveries queued for sent / delivered / failed.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { GET as pullRoute, PATCH as reportRoute } from '@/app/api/mobile/v1/message/route';
import type { DbHandle } from '@/db';
import type { Actor } from '@/lib/auth/permissions';
import { queueMessages } from '@/lib/services/messages';
import { createWebhook } from '@/lib/services/webhooks';
import { useTestDbForRoutes } from './helpers/db';
import { makeAdmin } from './helpers/fixtures';
import { deliveriesOf, gatewayClient, gatewayLogin, messageRow, recipientsOf, registerPhone } from './helpers/gateway';
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

type AppMessage = {
  id: string;
  message: string;
  textMessage: { text: string };
  phoneNumbers: string[];
  state: string;
  withDeliveryReport: boolean;
  validUntil: string;
  createdAt: string;
};
const pull = async (token: string) => {
  const res = await call(pullRoute, 'GET', '/api/mobile/v1/message', { token });
  expect(res.status).toBe(200);
  return JSON.parse(res.text) as AppMessage[];
};
const report = (token: string, body: unknown) => call(reportRoute, 'PATCH', '/api/mobile/v1/message', { token, body });
const queue = (actor: Actor, phones: string[][], text = 'hello', deviceId?: string) =>
  queueMessages(h.db, actor, { messages: phones.map((p) => ({ phones: p })), text, source: 'api', deviceId });

/** A client on Business Elite (2 devices) with two registered phones. */
async function twoPhones() {
  const c = await gatewayClient(h.db, admin, { pkg: 'business_elite' });
  const creds = await gatewayLogin(h.db, c.actor);
  const a = await registerPhone(h.db, creds, 'A');
  const b = await registerPhone(h.db, creds, 'B');
  return { c, a, b };
}

describe('GET /api/mobile/v1/message', () => {
  test("returns the app's shape and marks the messages processing, claimed by that device", async () => {
    const { c, a } = await twoPhones();
    const [m] = await queue(c.actor, [['+959111111111', '+959222222222']], 'Hello there');
    const list = await pull(a.token);
    expect(list).toEqual([
      {
        id: m.id,
        message: 'Hello there',
        textMessage: { text: 'Hello there' },
        phoneNumbers: ['+959111111111', '+959222222222'],
        withDeliveryReport: true,
        ttl: expect.any(Number),
        validUntil: m.valid_until,
        state: 'Pending',
        createdAt: m.created_at,
      },
    ]);
    const row = await messageRow(h.db, m.id);
    expect(row).toMatchObject({ state: 'processing', claimedBy: a.id });
    expect((await recipientsOf(h.db, m.id)).map((r) => r.state)).toEqual(['processing', 'processing']);
  });

  test('an empty queue is []', async () => {
    const { a } = await twoPhones();
    expect(await pull(a.token)).toEqual([]);
  });

  test('messages addressed to device A are never given to device B', async () => {
    const { c, a, b } = await twoPhones();
    const forA = await queue(c.actor, [['+959111111111'], ['+959222222222']], 'for A', a.id);
    expect(await pull(b.token)).toEqual([]);
    expect((await pull(a.token)).map((m) => m.id).sort()).toEqual(forA.map((m) => m.id).sort());
    const forB = await queue(c.actor, [['+959333333333']], 'for B', b.id);
    const any = await queue(c.actor, [['+959444444444']], 'anyone');
    const gotA = (await pull(a.token)).map((m) => m.id);
    expect(gotA).not.toContain(forB[0].id);
    const gotB = (await pull(b.token)).map((m) => m.id);
    expect(gotB).toContain(forB[0].id);
    // The unaddressed one went to exactly one of them.
    expect([gotA.includes(any[0].id), gotB.includes(any[0].id)].filter(Boolean)).toHaveLength(1);
  });

  test('a device that pulled but did not report gets the same messages again; another device does not', async () => {
    const { c, a, b } = await twoPhones();
    const ms = await queue(c.actor, [['+959111111111'], ['+959222222222'], ['+959333333333']]);
    const ids = ms.map((m) => m.id).sort();
    expect((await pull(a.token)).map((m) => m.id).sort()).toEqual(ids);
    // "Crash": the app pulls again without reporting.
    expect((await pull(a.token)).map((m) => m.id).sort()).toEqual(ids);
    expect(await pull(b.token)).toEqual([]);
    // Once the device accepted them (Processed), they are not sent again.
    expect(
      (
        await report(
          a.token,
          ms.map((m) => ({ id: m.id, state: 'Processed', recipients: [{ phoneNumber: m.phone, state: 'Processed' }] })),
        )
      ).status,
    ).toBe(204);
    expect(await pull(a.token)).toEqual([]);
  });

  test('a disabled device gets nothing', async () => {
    const { c, a, b } = await twoPhones();
    const { updateDevice } = await import('@/lib/services/devices');
    await updateDevice(h.db, c.actor, a.id, { enabled: false });
    await queue(c.actor, [['+959111111111']]);
    expect(await pull(a.token)).toEqual([]);
    expect(await pull(b.token)).toHaveLength(1);
  });
});

describe('PATCH /api/mobile/v1/message', () => {
  test('Processed → Sent → Delivered per recipient; webhooks queued with the right payload', async () => {
    const { c, a } = await twoPhones();
    const hook = await createWebhook(h.db, c.actor, {
      url: 'https://example.test/hook',
      events: ['message.sent', 'message.delivered', 'message.failed'],
    });
    const [m] = await queue(c.actor, [['+959111111111', '+959222222222']]);
    await pull(a.token);
    const r = (s1: string, s2: string) => [
      { phoneNumber: '+959111111111', state: s1 },
      { phoneNumber: '959222222222', state: s2 },
    ];

    expect((await report(a.token, [{ id: m.id, state: 'Processed', recipients: r('Processed', 'Processed') }])).status).toBe(204);
    expect((await messageRow(h.db, m.id)).state).toBe('processing');
    expect(await deliveriesOf(h.db, hook.id)).toEqual([]);

    expect((await report(a.token, [{ id: m.id, state: 'Sent', recipients: r('Sent', 'Sent') }])).status).toBe(204);
    expect((await messageRow(h.db, m.id)).state).toBe('sent');
    expect((await recipientsOf(h.db, m.id)).map((x) => x.state)).toEqual(['sent', 'sent']);

    // One recipient delivered first, then the other.
    await report(a.token, [{ id: m.id, state: 'Sent', recipients: r('Delivered', 'Sent') }]);
    expect((await recipientsOf(h.db, m.id)).map((x) => x.state)).toEqual(['delivered', 'sent']);
    await report(a.token, [{ id: m.id, state: 'Delivered', recipients: r('Delivered', 'Delivered') }]);
    const row = await messageRow(h.db, m.id);
    expect(row.state).toBe('delivered');
    expect(Object.keys(row.states as object)).toEqual(
      expect.arrayContaining(['pending', 'processing', 'device_accepted', 'sent', 'delivered']),
    );
    expect((await recipientsOf(h.db, m.id)).map((x) => x.state)).toEqual(['delivered', 'delivered']);

    const ds = await deliveriesOf(h.db, hook.id);
    expect(ds.map((d) => d.event)).toEqual(['message.sent', 'message.delivered']);
    expect(ds[0]).toMatchObject({ status: 'pending', attempts: 0 });
    expect(ds[0].payload).toEqual({
      event: 'message.sent',
      created_at: expect.any(String),
      data: {
        message_id: m.id,
        state: 'sent',
        device_id: a.id,
        recipients: [
          { phone: '+959111111111', state: 'sent', error: null },
          { phone: '+959222222222', state: 'sent', error: null },
        ],
      },
    });
    expect(ds[1].payload).toMatchObject({ event: 'message.delivered', data: { message_id: m.id, state: 'delivered', device_id: a.id } });
  });

  test('states only move forward: a late Sent after Delivered changes nothing and queues nothing', async () => {
    const { c, a } = await twoPhones();
    const hook = await createWebhook(h.db, c.actor, { url: 'https://example.test/hook', events: ['message.sent', 'message.delivered'] });
    const [m] = await queue(c.actor, [['+959111111111']]);
    await pull(a.token);
    const one = (s: string) => [{ id: m.id, state: s, recipients: [{ phoneNumber: '+959111111111', state: s }] }];
    await report(a.token, one('Delivered'));
    expect((await deliveriesOf(h.db, hook.id)).map((d) => d.event)).toEqual(['message.delivered']);
    await report(a.token, one('Sent'));
    await report(a.token, one('Processed'));
    await report(a.token, one('Failed'));
    expect((await messageRow(h.db, m.id)).state).toBe('delivered');
    expect((await recipientsOf(h.db, m.id)).map((x) => x.state)).toEqual(['delivered']);
    expect((await deliveriesOf(h.db, hook.id)).map((d) => d.event)).toEqual(['message.delivered']);
  });

  test('Failed with an error: stored on the message and recipient; message.failed queued with the error', async () => {
    const { c, a } = await twoPhones();
    const hook = await createWebhook(h.db, c.actor, { url: 'https://example.test/hook', events: ['message.failed'] });
    const [m] = await queue(c.actor, [['+959111111111']]);
    await pull(a.token);
    await report(a.token, [
      { id: m.id, state: 'Failed', recipients: [{ phoneNumber: '+959111111111', state: 'Failed', error: 'RESULT_ERROR_NO_SERVICE' }] },
    ]);
    expect(await messageRow(h.db, m.id)).toMatchObject({ state: 'failed', error: 'RESULT_ERROR_NO_SERVICE' });
    expect(await recipientsOf(h.db, m.id)).toMatchObject([{ state: 'failed', error: 'RESULT_ERROR_NO_SERVICE' }]);
    const [d] = await deliveriesOf(h.db, hook.id);
    expect(d.payload).toMatchObject({
      event: 'message.failed',
      data: {
        message_id: m.id,
        state: 'failed',
        error: 'RESULT_ERROR_NO_SERVICE',
        recipients: [{ phone: '+959111111111', state: 'failed', error: 'RESULT_ERROR_NO_SERVICE' }],
      },
    });
  });

  test("a device cannot update another device's message (ignored, 204)", async () => {
    const { c, a, b } = await twoPhones();
    const hook = await createWebhook(h.db, c.actor, { url: 'https://example.test/hook', events: ['message.sent'] });
    const [m] = await queue(c.actor, [['+959111111111']], 'x', a.id);
    await pull(a.token);
    const res = await report(b.token, [{ id: m.id, state: 'Sent', recipients: [{ phoneNumber: '+959111111111', state: 'Sent' }] }]);
    expect(res.status).toBe(204);
    expect(await messageRow(h.db, m.id)).toMatchObject({ state: 'processing', claimedBy: a.id });
    expect(await deliveriesOf(h.db, hook.id)).toEqual([]);
    // Unknown ids are ignored too; bad bodies are 400 {message}.
    expect((await report(a.token, [{ id: 'unknown-id', state: 'Sent', recipients: [{ phoneNumber: '+1', state: 'Sent' }] }])).status).toBe(
      204,
    );
    const bad = await report(a.token, [{ id: m.id, state: 'Bogus', recipients: [] }]);
    expect(bad.status).toBe(400);
    expect(typeof bad.json.message).toBe('string');
  });

  test('a webhook not subscribed to the event, disabled or deleted gets nothing', async () => {
    const { c, a } = await twoPhones();
    const onlyFailed = await createWebhook(h.db, c.actor, { url: 'https://example.test/f', events: ['message.failed'] });
    const [m] = await queue(c.actor, [['+959111111111']]);
    await pull(a.token);
    await report(a.token, [{ id: m.id, state: 'Sent', recipients: [{ phoneNumber: '+959111111111', state: 'Sent' }] }]);
    expect(await deliveriesOf(h.db, onlyFailed.id)).toEqual([]);
  });
});
