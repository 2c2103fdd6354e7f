import 'server-only';
// Device online/offline (docs/device-protocol.md §2): a device is online while it is seen within
// ONLINE_WINDOW_MS. The change is announced once per transition with the client's device.online /
// device.offline webhooks: the first request after a silence flips `online` (one conditional UPDATE, so
// two requests at once announce it once), and a sweep flips the silent ones back.
import { and, eq, gte, isNull, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '@/db';
import { devices } from '@/db/schema';
import { enqueueEvent } from './webhooks';

export const ONLINE_WINDOW_MS = 5 * 60_000;

type Row = { id: string; clientId: number; name: string };

/** The device was just seen and was not announced online: announce it (once). */
export async function markOnline(db: Db, device: Row, now = new Date()): Promise<boolean> {
  return db.transaction(async (tx) => {
    const won = await tx
      .update(devices)
      .set({ online: true, lastSeenAt: now })
      .where(and(eq(devices.id, device.id), eq(devices.online, false)))
      .returning({ id: devices.id });
    if (!won.length) return false;
    await announce(tx, device, 'online', now, now);
    return true;
  });
}

export async function announce(tx: Db, device: Row, state: 'online' | 'offline', lastSeen: Date, now = new Date()): Promise<void> {
  await enqueueEvent(
    tx,
    device.clientId,
    state === 'online' ? 'device.online' : 'device.offline',
    { device_id: device.id, name: device.name, state, last_seen_at: lastSeen.toISOString() },
    now,
  );
}

/** Devices announced online but not seen for ONLINE_WINDOW_MS → offline (any number of instances at once). */
export async function sweepOffline(db: Db, now = new Date(), batch = 500): Promise<number> {
  const before = new Date(now.getTime() - ONLINE_WINDOW_MS).toISOString();
  return db.transaction(async (tx) => {
    const gone = rowsOf<{ id: string; client_id: number; name: string; last_seen_at: string | Date }>(
      await tx.execute(sql`
      update ${devices} set online = false
      where id in (select id from ${devices} where online and last_seen_at <= ${before}::timestamptz
                   order by last_seen_at limit ${batch} for update skip locked)
      returning id, client_id, name, last_seen_at`),
    );
    for (const d of gone) await announce(tx, { id: d.id, clientId: d.client_id, name: d.name }, 'offline', new Date(d.last_seen_at), now);
    return gone.length;
  });
}

/**
 * Whether the client has an enabled phone (the given one, when `deviceId`) that may take a message now,
 * and, with `seenWithinHours`, one seen within that many hours (the 3rd-party send's deviceActiveWithin).
 */
export async function hasUsableDevice(
  db: Db,
  clientId: number,
  opts: { deviceId?: string; seenWithinHours?: number } = {},
  now = new Date(),
) {
  const conds = [eq(devices.clientId, clientId), eq(devices.enabled, true), isNull(devices.removedAt)];
  if (opts.deviceId) conds.push(eq(devices.id, opts.deviceId));
  if (opts.seenWithinHours) conds.push(gte(devices.lastSeenAt, new Date(now.getTime() - opts.seenWithinHours * 3_600_000)));
  const [row] = await db
    .select({ id: devices.id })
    .from(devices)
    .where(and(...conds))
    .limit(1);
  return Boolean(row);
}
