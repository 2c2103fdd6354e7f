// The app's state reports end to end (docs/device-protocol.md item 5): long error texts, mixed recipient
// outcomes, and cancelling a message a phone holds. Bodies are the app's JSON (GatewayApi.kt:
// MessagePatchRequest with its Gson dates, RecipientState without a null error).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DELETE as cancelRoute } from '@/app/api/3rdparty/v1/message/[id]/route';
import { POST as sendRoute } from '@/app/api/3rdparty/v1/message/route';
import { GET as pullRoute, PATCH as reportRoute } from '@/app/api/mobile/v1/message/route';
import { type DbHandle, setDbHandle } from '@/db';
import type { Actor } from '@/lib/auth/permissions';
import { deviceWake, ERROR_MAX } from '@/lib/services/device-queue';
import { sse } from './helpers/device-sse';
import { makeAdmin } from './helpers/fixtures';
import { gatewayClient, gatewayLogin, messageRow, recipientsOf, registerPhone } from './helpers/gateway';
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
const patch = (token: string, body: unknown) => call(reportRoute, 'PATCH', '/api/mobile/v1/message', { token, body });
// The app writes dates with Gson's pattern yyyy-MM-dd'T'HH:mm:ss.SSSXXX (extensions/GsonBuilder.kt).
const gson = (d: Date) => d.toISOString().replace('Z', '+00:00');

describe('state reports (item 5)', () => {
  test('an error text of any length is accepted and stored truncated', async () => {
    const { auth, phone } = await account();
    const sent = await send(auth, { phoneNumbers: ['+959111111111'], message: 'x' });
    const id = String(sent.json.id);
    await pull(phone.token);
    const long = `java.lang.IllegalStateException: ${'x'.repeat(5_000)}`;
    const t = new Date();
    const res = await patch(phone.token, [
      {
        id,
        state: 'Failed',
        recipients: [{ phoneNumber: '+959111111111', state: 'Failed', error: long }],
        states: { Processed: gson(t), Failed: gson(t) },
      },
    ]);
    expect(res.status).toBe(204);
    const row = await messageRow(h.db, id);
    expect(row.state).toBe('failed');
    expect(row.error).toBe(long.slice(0, ERROR_MAX));
    expect((await recipientsOf(h.db, id))[0].error).toBe(long.slice(0, ERROR_MAX));
  });

  test("mixed recipient outcomes: the message takes the app's reported state (Sent), each recipient its own", async () => {
    const { auth, phone } = await account();
    const sent = await send(auth, { phoneNumbers: ['+959111111111', '+959222222222'], message: 'x' });
    const id = String(sent.json.id);
    await pull(phone.token);
    const t = new Date();
    // The app's MessageWithRecipients.state: not all Failed, not all Delivered → Sent.
    expect(
      (
        await patch(phone.token, [
          {
            id,
            state: 'Sent',
            recipients: [
              { phoneNumber: '+959111111111', state: 'Delivered' },
              { phoneNumber: '+959222222222', state: 'Failed', error: 'RESULT_ERROR_NO_SERVICE' },
            ],
            states: { Processed: gson(t), Sent: gson(t), Delivered: gson(t), Failed: gson(t) },
          },
        ])
      ).status,
    ).toBe(204);
    expect((await messageRow(h.db, id)).state).toBe('sent');
    expect((await recipientsOf(h.db, id)).map((r) => [r.state, r.error])).toEqual([
      ['delivered', null],
      ['failed', 'RESULT_ERROR_NO_SERVICE'],
    ]);
  });

  test('cancelling a held message: Cancelling, MessageCancelled on the stream, Cancelling in the pull, Cancelled on confirmation', async () => {
    const { c, auth, phone } = await account();
    const sent = await send(auth, { phoneNumbers: ['+959111111111'], message: 'x' });
    const id = String(sent.json.id);
    await pull(phone.token);
    // The phone accepted it (Processed) and holds it in its queue.
    await patch(phone.token, [
      {
        id,
        state: 'Processed',
        recipients: [{ phoneNumber: '+959111111111', state: 'Processed' }],
        states: { Processed: gson(new Date()) },
      },
    ]);
    expect(await pull(phone.token)).toEqual([]);
    let del: Awaited<ReturnType<typeof call>> | undefined;
    const stream = await sse(
      phone.token,
      2_000,
      async () => {
        del = await call(cancelRoute, 'DELETE', `/api/3rdparty/v1/messages/${id}`, { headers: { authorization: auth }, id });
      },
      /MessageCancelled/,
    );
    expect(del?.status).toBe(200);
    expect(del?.json).toMatchObject({ id, state: 'Cancelling' });
    expect(stream).toContain(`event: MessageCancelled\ndata: {"messageId":"${id}"}\n\n`);
    // Every pull offers it as Cancelling until the phone confirms; the re-check wakes the phone for it.
    const offered = await pull(phone.token);
    expect(offered).toEqual([expect.objectContaining({ id, state: 'Cancelling', phoneNumbers: ['+959111111111'] })]);
    expect((await deviceWake(h.db, phone.device)).waiting).toBe(true);
    // A second cancel changes nothing.
    expect((await call(cancelRoute, 'DELETE', '/x', { headers: { authorization: auth }, id })).json).toMatchObject({ state: 'Cancelling' });
    // What the app sends when it cancelled it locally (GatewayService.processMessage).
    const res = await patch(phone.token, [
      {
        id,
        state: 'Cancelled',
        recipients: [{ phoneNumber: '+959111111111', state: 'Cancelled' }],
        states: { Cancelled: gson(new Date()) },
      },
    ]);
    expect(res.status).toBe(204);
    expect(await messageRow(h.db, id)).toMatchObject({ state: 'cancelled', countsTowardQuota: false });
    expect((await recipientsOf(h.db, id)).map((r) => r.state)).toEqual(['cancelled']);
    expect(await pull(phone.token)).toEqual([]);
    expect((await deviceWake(h.db, phone.device)).waiting).toBe(false);
    expect(c.id).toBeGreaterThan(0);
  });

  test('a cancellation that came too late: the phone reports Sent and the message is sent', async () => {
    const { auth, phone } = await account();
    const sent = await send(auth, { phoneNumbers: ['+959111111111'], message: 'x' });
    const id = String(sent.json.id);
    await pull(phone.token);
    expect((await call(cancelRoute, 'DELETE', '/x', { headers: { authorization: auth }, id })).json).toMatchObject({ state: 'Cancelling' });
    await patch(phone.token, [
      { id, state: 'Sent', recipients: [{ phoneNumber: '+959111111111', state: 'Sent' }], states: { Sent: gson(new Date()) } },
    ]);
    expect(await messageRow(h.db, id)).toMatchObject({ state: 'sent', countsTowardQuota: true });
    expect((await call(cancelRoute, 'DELETE', '/x', { headers: { authorization: auth }, id })).status).toBe(409);
  });
});
