// The device pull (lib/services/device-queue.ts pullMessages) is one statement: the claim, the recipients'
// move and the answer (new claims and the ones the phone has not accepted yet, cancellations to confirm)
// together, so it is atomic without a transaction and reads no more as the log grows. On PGlite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DbHandle } from '@/db';
import type { Actor } from '@/lib/auth/permissions';
import { pullMessages, reportStates } from '@/lib/services/device-queue';
import { cancelMessage, queueMessages } from '@/lib/services/messages';
import { useTestDbForRoutes } from './helpers/db';
import { makeAdmin } from './helpers/fixtures';
import { gatewayClient, gatewayLogin, messageRow, recipientsOf, registerPhone } from './helpers/gateway';
import { logStatements } from './helpers/statements';

let h: DbHandle;
let admin: Actor;
beforeAll(async () => {
  h = await useTestDbForRoutes();
  admin = await makeAdmin(h.db);
});
afterAll(async () => {
  await h.close();
});

async function phoneWithQueue(n: number) {
  const c = await gatewayClient(h.db, admin, { pkg: 'enterprise_max' });
  const phone = await registerPhone(h.db, await gatewayLogin(h.db, c.actor));
  const queued = await queueMessages(h.db, c.actor, {
    messages: Array.from({ length: n }, (_, i) => ({
      phones: [`+95920000${String(i).padStart(4, '0')}`, `+95930000${String(i).padStart(4, '0')}`],
    })),
    text: 'pull me',
    source: 'api',
  });
  return { c, phone, ids: queued.map((m) => m.id) };
}

describe('the device pull', () => {
  test('one statement, outside any transaction: claims, moves the recipients and answers with both', async () => {
    const { phone, ids } = await phoneWithQueue(3);
    const { result, log } = await logStatements(h.db, () => pullMessages(h.db, phone.device, 'fifo'));
    expect(log.inTx).toEqual([]);
    expect(log.outside.length).toBe(1);
    // One send's messages share their creation time: their order among themselves is not promised.
    expect(result.map((m) => m.id).sort()).toEqual([...ids].sort());
    for (const m of result) {
      expect(m.state).toBe('processing');
      expect(m.device_id).toBe(phone.device.id);
      expect(m.recipients.map((r) => r.state)).toEqual(['processing', 'processing']);
      expect(m.recipients.map((r) => r.phone)).toEqual([m.phone, expect.stringMatching(/^\+95930000/)]);
      expect(Object.keys(m.states)).toEqual(expect.arrayContaining(['pending', 'processing']));
    }
    // What the phone got is what the database holds.
    const row = await messageRow(h.db, ids[0]);
    expect(row.state).toBe('processing');
    expect(row.claimedBy).toBe(phone.device.id);
    expect((await recipientsOf(h.db, ids[0])).map((r) => r.state)).toEqual(['processing', 'processing']);
  });

  test('a second pull offers again what the phone has not accepted, a cancellation to confirm, and nothing accepted', async () => {
    const { c, phone, ids } = await phoneWithQueue(3);
    expect((await pullMessages(h.db, phone.device)).length).toBe(3);
    await reportStates(h.db, phone.device, [{ id: ids[0], state: 'Processed', recipients: [] }]);
    await cancelMessage(h.db, c.actor, ids[1]);
    const again = await pullMessages(h.db, phone.device, 'fifo');
    expect(new Map(again.map((m) => [m.id, m.state]))).toEqual(
      new Map([
        [ids[1], 'cancelling'],
        [ids[2], 'processing'],
      ]),
    );
    // New work and held work come back together, newest first by default.
    const [more] = await queueMessages(h.db, c.actor, { messages: [{ phones: ['+959400000001'] }], text: 'later', source: 'api' });
    const lifo = await pullMessages(h.db, phone.device);
    expect(lifo[0].id).toBe(more.id);
    expect(
      lifo
        .slice(1)
        .map((m) => m.id)
        .sort(),
    ).toEqual([ids[1], ids[2]].sort());
    expect(lifo[0].recipients).toEqual([{ phone: '+959400000001', state: 'processing', error: null }]);
  });

  test('a disabled phone gets nothing and claims nothing', async () => {
    const { phone, ids } = await phoneWithQueue(1);
    expect(await pullMessages(h.db, { ...phone.device, enabled: false })).toEqual([]);
    expect((await messageRow(h.db, ids[0])).state).toBe('pending');
  });
});
