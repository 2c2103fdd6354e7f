import 'server-only';
// A reseller (or the admin) may see a client's gateway devices, read-only; another tenant's client is
// "not found", exactly as getClient answers.
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db';
import { devices } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { getClient } from './clients';
import { type DeviceView, deviceView } from './devices';

export async function clientDevices(db: Db, actor: Actor, clientId: number, now = new Date()): Promise<DeviceView[]> {
  await getClient(db, actor, clientId, now); // permission and tenancy (404 for another reseller's client)
  const rows = await db
    .select()
    .from(devices)
    .where(and(eq(devices.clientId, clientId), isNull(devices.removedAt)))
    .orderBy(asc(devices.createdAt));
  return rows.map((d) => deviceView(d, now));
}

/** A device's name for display (a message's sending phone), also when it was removed since; null if unknown. */
export async function deviceNameOf(db: Db, actor: Actor, deviceId: string): Promise<{ name: string; removed: boolean } | null> {
  if (actor.role !== 'client') return null;
  const [d] = await db
    .select({ name: devices.name, removedAt: devices.removedAt })
    .from(devices)
    .where(and(eq(devices.id, deviceId), eq(devices.clientId, actor.userId)));
  return d ? { name: d.name, removed: d.removedAt !== null } : null;
}
