// Devices of one client pulling at once (docs/ARCHITECTURE.md#rules-devices: "claimed atomically by exactly one device").
// Only a real PostgreSQL server has truly parallel transactions.
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { DbHandle } from '@/db';
import { messages } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { pullMessages, reportStates } from '@/lib/services/device-queue';
import { queueMessages } from '@/lib/services/messages';
import { onPostgres, openTestDb } from './helpers/db';
import { makeAdmin } from './helpers/fixtures';
import { gatewayClient, insertDevice } from './helpers/gateway';
import { assertUsageInvariant } from './helpers/invariants';

if (!onPostgres()) console.log('claim race tests need PostgreSQL: set TEST_DATABASE_URL');

describe.skipIf(!onPostgres())('parallel pulls', () => {
  let h: DbHandle;
  let admin: Actor;
  beforeAll(async () => {
    h = await openTestDb({ max: 20 });
    admin = await makeAdmin(h.db);
  });
  // Every counter of this suite's clients equals its messages recomputed, after each race (lib/services/usage.ts).
  // Only its own: other files share the run's database and queue, sweep and scan at made-up times meanwhile.
  const raced: number[] = [];
  afterEach(async () => {
    expect(raced.length).toBeGreaterThan(0);
    await assertUsageInvariant(h.db, raced);
  });
  afterAll(async () => {
    await h.close();
  });

  /** Each device pulls and accepts until nothing is left; returns what each device was given. */
  async function drain(devicesN: number) {
    const c = await gatewayClient(h.db, admin, { pkg: 'enterprise_max' });
    raced.push(c.id);
    const phones = Array.from({ length: 200 }, (_, i) => `+95930${String(i).padStart(6, '0')}`);
    const queued = await queueMessages(h.db, c.actor, { messages: phones.map((p) => ({ phones: [p] })), text: 'race', source: 'api' });
    const devs = await Promise.all(Array.from({ length: devicesN }, () => insertDevice(h.db, c.id)));
    const got = await Promise.all(
      devs.map(async ({ device }) => {
        const mine: string[] = [];
        for (let round = 0; round < 50; round++) {
          const batch = await pullMessages(h.db, device, round % 2 ? 'fifo' : 'lifo');
          if (!batch.length) break;
          mine.push(...batch.map((m) => m.id));
          await reportStates(
            h.db,
            device,
            batch.map((m) => ({
              id: m.id,
              state: 'Processed',
              recipients: m.recipients.map((r) => ({ phoneNumber: r.phone, state: 'Processed' })),
            })),
          );
        }
        return { id: device.id, mine };
      }),
    );
    const all = got.flatMap((g) => g.mine);
    expect(all).toHaveLength(200);
    expect(new Set(all).size).toBe(200);
    expect(new Set(all)).toEqual(new Set(queued.map((m) => m.id)));
    const rows = await h.db.select().from(messages).where(eq(messages.clientId, c.id));
    const owner = new Map(got.flatMap((g) => g.mine.map((id) => [id, g.id] as const)));
    for (const m of rows) {
      expect(m.state).toBe('processing');
      expect(m.claimedBy).toBe(owner.get(m.id));
    }
    return got;
  }

  test('two devices over 200 pending messages: every message claimed exactly once', async () => {
    const got = await drain(2);
    expect(got.every((g) => g.mine.length > 0 || got.some((o) => o.mine.length === 200))).toBe(true);
  });

  test('five devices over 200 pending messages: every message claimed exactly once', async () => {
    await drain(5);
  });

  test('repeated: 3 × five devices, no message twice', async () => {
    for (let i = 0; i < 3; i++) await drain(5);
  });
});
