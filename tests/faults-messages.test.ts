// Fault tests, messages (issue 6 item 4): the database connection dies while a send is queued, while a
// device claims its work, and while it reports states; a device that pulls and then "crashes". No message
// may be lost, none sent twice, quota counted for exactly what was queued. PostgreSQL only.
import { like, sql } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { PATCH as reportRoute } from '@/app/api/mobile/v1/message/route';
import { rowsOf, setDbHandle } from '@/db';
import { messageRecipients, messages } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { pullMessages, reportStates, type StateReport } from '@/lib/services/device-queue';
import type { Device } from '@/lib/services/devices';
import { clientLimits } from '@/lib/services/limits';
import { queueMessages } from '@/lib/services/messages';
import { sweepMessages } from '@/lib/services/sweeps';
import { createWebhook } from '@/lib/services/webhooks';
import { onPostgres } from './helpers/db';
import { type BlockSpec, type FaultDb, faultProxy, faultSuite, installBlocker, killDuring, reasonOf, within } from './helpers/faults';
import { gatewayClient, gatewayLogin, messageRow, recipientsOf, registerPhone } from './helpers/gateway';
import { call } from './helpers/http';

const MIN = 60_000;

if (!onPostgres())
  console.log('fault tests (messages) skipped: they terminate PostgreSQL backends and cut connections; set TEST_DATABASE_URL');

describe.skipIf(!onPostgres())('connection dropped between queueing and delivery', () => {
  let f: FaultDb;
  let admin: Actor;
  faultSuite((s) => ({ f, admin } = s));

  /** A client on Business Elite with a webhook for message events (deliveries are counted, not sent). */
  async function sender() {
    const c = await gatewayClient(f.db, admin, { pkg: 'business_elite' });
    await createWebhook(f.db, c.actor, {
      url: 'http://127.0.0.1:9/unused',
      events: ['message.sent', 'message.delivered', 'message.failed'],
    });
    const used = async () => (await clientLimits(f.db, c.id, new Date())).used;
    return { c, used };
  }
  const tag = () => `m${Math.random().toString(36).slice(2, 10)}`;
  const rowsLike = (prefix: string) =>
    f.db
      .select()
      .from(messages)
      .where(like(messages.id, `${prefix}%`));
  const recipientsLike = (prefix: string) =>
    f.db
      .select()
      .from(messageRecipients)
      .where(like(messageRecipients.messageId, `${prefix}%`));
  const eventsOf = async (id: string) =>
    rowsOf<{ event: string }>(
      await f.db.execute(sql`select event from webhook_deliveries where payload->'data'->>'message_id' = ${id} order by id`),
    ).map((r) => r.event);
  const say = (id: string, state: string, phones: string[]): StateReport => ({
    id,
    state,
    recipients: phones.map((p) => ({ phoneNumber: p, state })),
  });

  // One request: two messages, 3 + 2 recipients = 5 SMS of quota.
  const PHONES = [
    ['+959100000001', '+959100000002', '+959100000003'],
    ['+959100000004', '+959100000005'],
  ];
  const request = (t: string) => ({
    messages: PHONES.map((phones, i) => ({ id: `${t}-${i}`, phones })),
    text: 'fault test',
    source: 'api' as const,
  });

  const queuePoints: { name: string; spec: (t: string) => BlockSpec }[] = [
    { name: 'first message row in, second not yet', spec: (t) => ({ table: 'messages', event: 'insert', when: `new.id = '${t}-1'` }) },
    {
      name: 'messages in, recipients half inserted',
      spec: (t) => ({ table: 'message_recipients', event: 'insert', when: `new.message_id = '${t}-0' and new.position = 2` }),
    },
    {
      name: 'at COMMIT',
      spec: (t) => ({ table: 'message_recipients', event: 'insert', atCommit: true, when: `new.message_id = '${t}-1'` }),
    },
  ];

  test.each(queuePoints)(
    'a multi-recipient send killed ($name) → nothing queued, no quota used; the retry queues all of it once',
    async ({ spec }) => {
      const { c, used } = await sender();
      const t = tag();
      const v = f.victim();
      try {
        const r = await killDuring(f, v, spec(t), 'terminate', () => queueMessages(v.db, c.actor, request(t)));
        expect(r.status).toBe('rejected');
        expect(await rowsLike(t)).toEqual([]);
        expect(await recipientsLike(t)).toEqual([]);
        expect(await used()).toEqual({ today: 0, period: 0 });
      } finally {
        await v.crash();
      }
      const queued = await queueMessages(f.db, c.actor, request(t));
      expect(queued.map((m) => m.recipients.length)).toEqual([3, 2]);
      expect(await recipientsLike(t)).toHaveLength(5);
      expect(await used()).toEqual({ today: 5, period: 5 });
    },
  );

  test('a send whose COMMIT answer is lost → the caller sees an error but all of it is queued; a retry with the same message ids is refused (conflict), never a second copy', async () => {
    const { c, used } = await sender();
    const t = tag();
    const proxy = await faultProxy(f.url);
    const v = f.victim({ url: proxy.url });
    try {
      proxy.arm({ at: 'commit-ack', afterClientSent: 'insert into "message_recipients"' });
      const [r] = await within(Promise.allSettled([queueMessages(v.db, c.actor, request(t))]), 15_000, 'send');
      expect(proxy.fired()).toBe(true);
      expect(reasonOf(r)).toMatch(/CONNECTION_(CLOSED|DESTROYED)/);
    } finally {
      await v.crash();
      await proxy.close();
    }
    expect(await recipientsLike(t)).toHaveLength(5);
    await expect(queueMessages(f.db, c.actor, request(t))).rejects.toMatchObject({ code: 'conflict' });
    expect(await rowsLike(t)).toHaveLength(2);
    expect(await used()).toEqual({ today: 5, period: 5 });
  });

  test('a device pulls and crashes before reporting: the same device gets the messages again, no other device ever does; each is sent and reported once', async () => {
    const { c, used } = await sender();
    const creds = await gatewayLogin(f.db, c.actor);
    const a = await registerPhone(f.db, creds, 'A');
    const b = await registerPhone(f.db, creds, 'B');
    const queued = await queueMessages(f.db, c.actor, {
      messages: [0, 1, 2, 3].map((i) => ({ phones: [`+95920000000${i}`] })),
      text: 'crash me',
      source: 'api',
    });
    const ids = queued.map((m) => m.id).sort();

    const first = await pullMessages(f.db, a.device);
    expect(first.map((m) => m.id).sort()).toEqual(ids);
    // A is gone without a word. B pulls: nothing — the messages are A's (A may already be sending them).
    expect(await pullMessages(f.db, b.device)).toEqual([]);
    // A comes back and pulls again: the same messages, re-offered because A never accepted them.
    const again = await pullMessages(f.db, a.device);
    expect(again.map((m) => m.id).sort()).toEqual(ids);
    expect(await pullMessages(f.db, b.device)).toEqual([]);

    const phoneOf = new Map(queued.map((m) => [m.id, m.recipients[0].phone]));
    const reportAll = (state: string) =>
      reportStates(
        f.db,
        a.device,
        ids.map((id) => say(id, state, [phoneOf.get(id) ?? ''])),
      );
    expect(await reportAll('Processed')).toBe(4);
    // Accepted by the phone: not offered again, to anyone.
    expect(await pullMessages(f.db, a.device)).toEqual([]);
    expect(await pullMessages(f.db, b.device)).toEqual([]);
    await reportAll('Sent');
    await reportAll('Delivered');
    // The phone's retry of a report it is unsure about changes nothing and queues no second event.
    await reportAll('Delivered');
    await reportAll('Sent');
    for (const id of ids) {
      expect(await messageRow(f.db, id)).toMatchObject({ state: 'delivered', claimedBy: a.id });
      expect(await eventsOf(id)).toEqual(['message.sent', 'message.delivered']);
    }
    expect(await used()).toEqual({ today: 4, period: 4 });
  });

  test('a device that pulls and never comes back: 15 minutes after its validity the messages are unknown, never handed to another device', async () => {
    const { c, used } = await sender();
    const creds = await gatewayLogin(f.db, c.actor);
    const a = await registerPhone(f.db, creds, 'A');
    const b = await registerPhone(f.db, creds, 'B');
    const t0 = new Date();
    const validUntil = new Date(t0.getTime() + MIN);
    const [m] = await queueMessages(
      f.db,
      c.actor,
      { messages: [{ phones: ['+959300000001'] }], text: 'gone', source: 'api', validUntil },
      t0,
    );
    expect(await pullMessages(f.db, a.device, 'lifo', t0)).toHaveLength(1);
    expect(await sweepMessages(f.db, new Date(t0.getTime() + 16 * MIN - 1))).toEqual({ expired: 0, unknown: 0 });
    expect(await sweepMessages(f.db, new Date(t0.getTime() + 16 * MIN))).toEqual({ expired: 0, unknown: 1 });
    expect(await messageRow(f.db, m.id)).toMatchObject({ state: 'unknown', claimedBy: a.id, countsTowardQuota: true });
    expect((await recipientsOf(f.db, m.id)).map((r) => r.state)).toEqual(['unknown']);
    // At most once towards the recipient: the phone may have sent it, so nobody else does.
    expect(await pullMessages(f.db, b.device, 'lifo', new Date(t0.getTime() + 17 * MIN))).toEqual([]);
    expect(await used()).toEqual({ today: 1, period: 1 });
  });

  test('the connection dies while a device claims its work → all or nothing: claimed with its recipients, or still pending; the same device gets it on the next pull', async () => {
    const { c } = await sender();
    const creds = await gatewayLogin(f.db, c.actor);
    const a = await registerPhone(f.db, creds, 'A');
    const b = await registerPhone(f.db, creds, 'B');
    const queued = await queueMessages(f.db, c.actor, {
      messages: [{ phones: ['+959400000001', '+959400000002'] }, { phones: ['+959400000003'] }],
      text: 'claim',
      source: 'api',
    });
    const ids = queued.map((m) => m.id).sort();
    const v = f.victim();
    try {
      const spec: BlockSpec = {
        table: 'message_recipients',
        event: 'update',
        when: `new.message_id in (${ids.map((i) => `'${i}'`).join(', ')})`,
      };
      const r = await killDuring(f, v, spec, 'terminate', () => pullMessages(v.db, a.device as Device));
      expect(r.status).toBe('rejected');
    } finally {
      await v.crash();
    }
    for (const id of ids) {
      const m = await messageRow(f.db, id);
      const states = new Set([m.state, ...(await recipientsOf(f.db, id)).map((x) => x.state)]);
      // Never "processing" with recipients still "pending" (or the reverse).
      expect(states.size).toBe(1);
      expect(['pending', 'processing']).toContain(m.state);
    }
    // A (restarted) pulls again: claimed before the fault or claimed now, it gets all of them; B none.
    const mine = await pullMessages(f.db, a.device);
    expect(mine.map((m) => m.id).sort()).toEqual(ids);
    expect(await pullMessages(f.db, b.device)).toEqual([]);
    for (const m of mine) expect(m.recipients.every((x) => x.state === 'processing')).toBe(true);
  });

  test("the connection dies during a status report (PATCH /message) → that message's report is all or nothing; re-sending the batch applies each once", async () => {
    const { c, used } = await sender();
    const creds = await gatewayLogin(f.db, c.actor);
    const a = await registerPhone(f.db, creds, 'A');
    const queued = await queueMessages(f.db, c.actor, {
      messages: [0, 1, 2].map((i) => ({ phones: [`+95950000000${i}`, `+95951000000${i}`] })),
      text: 'report',
      source: 'api',
    });
    await pullMessages(f.db, a.device);
    const batch = queued.map((m) =>
      say(
        m.id,
        'Sent',
        m.recipients.map((x) => x.phone),
      ),
    );
    const patch = () => call(reportRoute, 'PATCH', '/api/mobile/v1/message', { token: a.token, body: batch });
    const [m0, m1, m2] = queued.map((m) => m.id);

    const v = f.victim({ max: 2 });
    setDbHandle(v);
    const blocker = await installBlocker(f, {
      table: 'webhook_deliveries',
      event: 'insert',
      when: `new.payload->'data'->>'message_id' = '${m1}'`,
    });
    try {
      const first = patch();
      await blocker.kill(await blocker.victimBlocked(v.appName), 'terminate');
      expect((await within(first, 15_000, 'report')).status).toBe(500);
    } finally {
      await blocker.remove();
      setDbHandle(f.handle);
      await v.crash();
    }
    // Reports are applied one message at a time: m0 fully, m1 not at all (its event never queued), m2 not reached.
    expect((await messageRow(f.db, m0)).state).toBe('sent');
    expect((await recipientsOf(f.db, m0)).map((x) => x.state)).toEqual(['sent', 'sent']);
    for (const id of [m1, m2]) {
      expect((await messageRow(f.db, id)).state).toBe('processing');
      expect((await recipientsOf(f.db, id)).map((x) => x.state)).toEqual(['processing', 'processing']);
      expect(await eventsOf(id)).toEqual([]);
    }
    expect(await eventsOf(m0)).toEqual(['message.sent']);

    // The app re-sends the whole batch, twice: each message sent once, one event each, quota untouched.
    expect((await patch()).status).toBe(204);
    expect((await patch()).status).toBe(204);
    for (const id of [m0, m1, m2]) {
      expect((await messageRow(f.db, id)).state).toBe('sent');
      expect(await eventsOf(id)).toEqual(['message.sent']);
    }
    expect(await used()).toEqual({ today: 6, period: 6 });
  });
});
