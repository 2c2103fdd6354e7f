// Time-based message states (docs/ARCHITECTURE.md#rules-devices): pending past valid_until → expired (quota given back);
// processing with no report for 15 minutes past its validity → unknown. Sweeps touch every client, so a database of its own.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { DbHandle } from '@/db';
import { messages } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { pullMessages, reportStates } from '@/lib/services/device-queue';
import { queueMessages } from '@/lib/services/messages';
import { sweepMessages } from '@/lib/services/sweeps';
import { makeAdmin } from './helpers/fixtures';
import { gatewayClient, gatewayLogin, messageRow, recipientsOf, registerPhone } from './helpers/gateway';
import { openPrivateDb } from './helpers/private-db';

const MIN = 60_000;
let h: DbHandle;
let admin: Actor;
beforeAll(async () => {
  h = await openPrivateDb();
  admin = await makeAdmin(h.db);
});
afterAll(async () => {
  await h.close();
});

test('pending past valid_until → expired, recipients too, quota given back; a second sweep changes nothing', async () => {
  const t0 = new Date();
  const c = await gatewayClient(h.db, admin, { pkg: 'starter_pro', now: new Date(t0.getTime() - MIN) });
  const [m] = await queueMessages(
    h.db,
    c.actor,
    { messages: [{ phones: ['+959111111111', '+959222222222'] }], text: 'x', source: 'api', validUntil: new Date(t0.getTime() + 10 * MIN) },
    t0,
  );
  const [keep] = await queueMessages(
    h.db,
    c.actor,
    { messages: [{ phones: ['+959333333333'] }], text: 'y', source: 'api', validUntil: new Date(t0.getTime() + 60 * MIN) },
    t0,
  );

  expect(await sweepMessages(h.db, new Date(t0.getTime() + 9 * MIN))).toEqual({ expired: 0, unknown: 0 });
  expect((await messageRow(h.db, m.id)).state).toBe('pending');

  const at = new Date(t0.getTime() + 10 * MIN);
  expect(await sweepMessages(h.db, at)).toEqual({ expired: 1, unknown: 0 });
  const row = await messageRow(h.db, m.id);
  expect(row).toMatchObject({ state: 'expired', countsTowardQuota: false });
  expect((row.states as Record<string, string>).expired).toBe(at.toISOString());
  expect((await recipientsOf(h.db, m.id)).map((r) => r.state)).toEqual(['expired', 'expired']);
  expect(await messageRow(h.db, keep.id)).toMatchObject({ state: 'pending', countsTowardQuota: true });

  const snapshot = await h.db.select().from(messages).where(eq(messages.clientId, c.id));
  expect(await sweepMessages(h.db, new Date(at.getTime() + MIN))).toEqual({ expired: 0, unknown: 0 });
  expect(await h.db.select().from(messages).where(eq(messages.clientId, c.id))).toEqual(snapshot);
});

test('an expired message is never handed to a device', async () => {
  const t0 = new Date();
  const c = await gatewayClient(h.db, admin);
  const phone = await registerPhone(h.db, await gatewayLogin(h.db, c.actor));
  await queueMessages(
    h.db,
    c.actor,
    { messages: [{ phones: ['+959111111111'] }], text: 'x', source: 'api', validUntil: new Date(t0.getTime() + MIN) },
    t0,
  );
  expect(await pullMessages(h.db, phone.device, 'lifo', new Date(t0.getTime() + 2 * MIN))).toEqual([]);
  expect(await sweepMessages(h.db, new Date(t0.getTime() + 2 * MIN))).toEqual({ expired: 1, unknown: 0 });
});

test('processing with no report for 15 minutes past its validity → unknown (not given back); a report resets the clock', async () => {
  const t0 = new Date();
  const c = await gatewayClient(h.db, admin, { pkg: 'starter_pro', now: new Date(t0.getTime() - MIN) });
  const phone = await registerPhone(h.db, await gatewayLogin(h.db, c.actor), 'p', t0);
  const [silent, talking] = await queueMessages(
    h.db,
    c.actor,
    {
      messages: [{ phones: ['+959111111111'] }, { phones: ['+959222222222'] }],
      text: 'x',
      source: 'api',
      validUntil: new Date(t0.getTime() + MIN),
    },
    t0,
  );
  expect(await pullMessages(h.db, phone.device, 'fifo', t0)).toHaveLength(2);
  await reportStates(
    h.db,
    phone.device,
    [{ id: talking.id, state: 'Processed', recipients: [{ phoneNumber: '+959222222222', state: 'Processed' }] }],
    new Date(t0.getTime() + 10 * MIN),
  );

  // Silent since t0, valid until t0 + 1 min: unknown 15 minutes after both, at t0 + 16 min.
  expect(await sweepMessages(h.db, new Date(t0.getTime() + 15 * MIN))).toEqual({ expired: 0, unknown: 0 });
  expect(await sweepMessages(h.db, new Date(t0.getTime() + 16 * MIN))).toEqual({ expired: 0, unknown: 1 });
  expect(await messageRow(h.db, silent.id)).toMatchObject({ state: 'unknown', countsTowardQuota: true });
  expect((await recipientsOf(h.db, silent.id)).map((r) => r.state)).toEqual(['unknown']);
  expect((await messageRow(h.db, talking.id)).state).toBe('processing');
  expect(await sweepMessages(h.db, new Date(t0.getTime() + 24 * MIN))).toEqual({ expired: 0, unknown: 0 });
  expect(await sweepMessages(h.db, new Date(t0.getTime() + 25 * MIN))).toEqual({ expired: 0, unknown: 1 });
  // A late report still moves an unknown message forward.
  await reportStates(
    h.db,
    phone.device,
    [{ id: silent.id, state: 'Sent', recipients: [{ phoneNumber: '+959111111111', state: 'Sent' }] }],
    new Date(t0.getTime() + 30 * MIN),
  );
  expect((await messageRow(h.db, silent.id)).state).toBe('sent');
});

test('a message a phone holds is never expired nor made unknown while it is valid (the app sends it or fails it itself)', async () => {
  const t0 = new Date();
  const c = await gatewayClient(h.db, admin, { pkg: 'starter_pro', now: new Date(t0.getTime() - MIN) });
  const phone = await registerPhone(h.db, await gatewayLogin(h.db, c.actor), 'p', t0);
  const [held] = await queueMessages(
    h.db,
    c.actor,
    { messages: [{ phones: ['+959111111111'] }], text: 'x', source: 'api', validUntil: new Date(t0.getTime() + 120 * MIN) },
    t0,
  );
  await pullMessages(h.db, phone.device, 'fifo', t0);
  await reportStates(
    h.db,
    phone.device,
    [{ id: held.id, state: 'Processed', recipients: [{ phoneNumber: '+959111111111', state: 'Processed' }] }],
    t0,
  );
  // (Other tests' messages in this database may expire meanwhile: only this one is looked at.)
  for (const at of [30, 119, 121, 134]) {
    await sweepMessages(h.db, new Date(t0.getTime() + at * MIN));
    expect((await messageRow(h.db, held.id)).state, `after ${at} min`).toBe('processing');
  }
  // The app's own answer once the validity passed on the phone.
  await reportStates(
    h.db,
    phone.device,
    [{ id: held.id, state: 'Failed', recipients: [{ phoneNumber: '+959111111111', state: 'Failed', error: 'TTL expired' }] }],
    new Date(t0.getTime() + 134 * MIN),
  );
  expect(await messageRow(h.db, held.id)).toMatchObject({ state: 'failed', error: 'TTL expired' });
});
