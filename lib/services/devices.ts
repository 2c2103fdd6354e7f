import 'server-only';
import { and, asc, count, eq, isNull, sql } from 'drizzle-orm';
import { type Db, perHandle } from '@/db';
import { apiTokens, clients, devices, users } from '@/db/schema';
import { type Actor, assertCan } from '@/lib/auth/permissions';
import { hashToken, newToken } from '@/lib/auth/tokens';
import { DomainError, notFound } from '@/lib/errors';
import { emitEnqueued } from '@/lib/events';
import { bucketHitSql, windowStartOf } from '@/lib/http/rate-limit';
import { writeAudit } from './audit';
import { announce, markOnline, ONLINE_WINDOW_MS } from './device-presence';
import { clientFromGatewayLogin, consumePairingCode, gatewayLoginOf } from './gateway-credentials';
import { newId } from './ids';
import { assertCanSend, clientLimits } from './limits';

export type Device = typeof devices.$inferSelect;
export { ONLINE_WINDOW_MS };

export type DeviceAuth =
  | { kind: 'basic'; login: string; password: string }
  | { kind: 'code'; code: string }
  | { kind: 'bearer'; token: string };

export interface RegisterInput {
  name: string;
  pushToken?: string | null;
  simCards?: unknown;
  appVersion?: string | null;
}

export interface DeviceView {
  id: string;
  name: string;
  enabled: boolean;
  online: boolean;
  last_seen_at: string | null;
  battery: number | null;
  charging: boolean | null;
  app_version: string | null;
  sim_cards: unknown;
  notification_channel: 'AUTO' | 'SSE_ONLY';
  created_at: string;
}

export function deviceView(d: Device, now = new Date()): DeviceView {
  return {
    id: d.id,
    name: d.name,
    enabled: d.enabled,
    online: Boolean(d.lastSeenAt && now.getTime() - d.lastSeenAt.getTime() < ONLINE_WINDOW_MS),
    last_seen_at: d.lastSeenAt?.toISOString() ?? null,
    battery: d.battery,
    charging: d.charging,
    app_version: d.appVersion,
    sim_cards: d.simCards ?? null,
    notification_channel: d.notificationChannel,
    created_at: d.createdAt.toISOString(),
  };
}

/** Resolves who is registering: gateway login (Basic), a one-time code, or a client's pairing token. */
async function clientForRegistration(tx: Db, auth: DeviceAuth, now: Date): Promise<number> {
  let clientId: number | null = null;
  if (auth.kind === 'basic') clientId = await clientFromGatewayLogin(tx, auth.login, auth.password);
  else if (auth.kind === 'code') clientId = await consumePairingCode(tx, auth.code, now);
  else {
    const [t] = await tx
      .select({ userId: apiTokens.userId, revokedAt: apiTokens.revokedAt })
      .from(apiTokens)
      .where(and(eq(apiTokens.tokenHash, hashToken(auth.token)), eq(apiTokens.kind, 'pairing')));
    clientId = t && !t.revokedAt ? t.userId : null;
  }
  if (clientId === null) throw new DomainError('unauthorized', 'Invalid gateway credentials.');
  return clientId;
}

/** Devices that count against the package's device limit: registered, not removed, enabled. */
async function activeDeviceCount(tx: Db, clientId: number): Promise<number> {
  const [{ n }] = await tx
    .select({ n: count() })
    .from(devices)
    .where(and(eq(devices.clientId, clientId), isNull(devices.removedAt), eq(devices.enabled, true)));
  return n;
}

/**
 * POST /device of the app's private-server protocol. The client row is locked while the device limit
 * is checked, so two phones registering at once cannot both take the last place.
 */
export async function registerDevice(db: Db, auth: DeviceAuth, input: RegisterInput, now = new Date()) {
  const { token, hash } = newToken('dv');
  const result = await db.transaction(async (tx) => {
    const clientId = await clientForRegistration(tx, auth, now);
    await tx.select({ id: clients.id }).from(clients).where(eq(clients.id, clientId)).for('update');
    const limits = await clientLimits(tx, clientId, now);
    assertCanSend(limits);
    const active = await activeDeviceCount(tx, clientId);
    if (active >= limits.deviceLimit) {
      throw new DomainError('device_limit_reached', `Your package allows ${limits.deviceLimit} device(s); remove or disable one first.`, {
        limit: limits.deviceLimit,
        used: active,
      });
    }
    const id = newId();
    const [d] = await tx
      .insert(devices)
      .values({
        id,
        clientId,
        name: input.name,
        tokenHash: hash,
        pushToken: input.pushToken ?? null,
        simCards: input.simCards ?? null,
        appVersion: input.appVersion ?? null,
        lastSeenAt: now,
        online: true,
        createdAt: now,
      })
      .returning();
    await announce(tx, d, 'online', now, now);
    await writeAudit(tx, { userId: clientId, role: 'client' }, 'device.register', { type: 'device', id }, null, {
      name: input.name,
      via: auth.kind,
    });
    return { device: d, login: await gatewayLoginOf(tx, clientId) };
  });
  return { id: result.device.id, token, login: result.login ?? '', device: result.device };
}

/**
 * Every mobile request after registration: the device token → the device (not removed) and its client.
 * One statement (a round trip less on every pull, docs/benchmarks.md): the device's row, and for a device of an
 * active client, in the same statement, last seen (written at most every 15 seconds per device, or when the app's
 * version changes, to keep writes down) and, with `countHit`, this request counted in the device's rate-limit
 * bucket (prefix + device id; lib/http/pipeline/gateway-auth.ts settles it): `hits` is then this request's count.
 * The row read is the one before that write, as a statement's snapshot gives it.
 */
export async function deviceFromToken(
  db: Db,
  token: string,
  now = new Date(),
  extra: { appVersion?: string | null; countHit?: { bucketPrefix: string; limit: number; windowMs: number } } = {},
): Promise<Device & { hits?: number }> {
  const hit = extra.countHit;
  const seen = { hash: hashToken(token), ts: now.toISOString(), version: extra.appVersion ?? null };
  const [row] = hit
    ? await countedDeviceLookup(db).execute({
        ...seen,
        prefix: hit.bucketPrefix,
        limit: hit.limit,
        windowStart: windowStartOf(now, hit.windowMs),
      })
    : await deviceLookup(db).execute(seen);
  if (!row) throw new DomainError('unauthorized', 'Unknown device token.');
  if (row.status !== 'active') throw new DomainError('account_suspended', 'This account is suspended.');
  const d = row.d;
  // Back after a silence (or never announced): device.online, once.
  if (!d.online) await markOnline(db, d, now);
  return hit ? { ...d, hits: Number(row.hits ?? 1) } : d;
}

/**
 * deviceFromToken's statement, built once per database handle (perHandle) and kind (with or without the rate-limit hit) as a
 * Drizzle prepared query: on every pull, building it again (two CTEs, every device column) cost about as much CPU
 * as the baseline's whole pull (docs/benchmarks.md, "Where ours spends its time").
 */
const deviceLookup = perHandle((db) => buildDeviceLookup(db, false));
const countedDeviceLookup = perHandle((db) => buildDeviceLookup(db, true));

function buildDeviceLookup(db: Db, counted: boolean) {
  const p = (name: string) => sql.placeholder(name);
  // The device that may be counted and marked seen: known, not removed, of an active client.
  const live = sql`select d.id from ${devices} d join ${users} u on u.id = d.client_id
    where d.token_hash = ${p('hash')} and d.removed_at is null and u.status = 'active'`;
  const seen = db.$with('seen', { n: sql<number>`n` }).as(
    sql`update ${devices} set last_seen_at = ${p('ts')}::timestamptz, app_version = coalesce(${p('version')}::text, app_version)
      where id = (${live}) and (last_seen_at is null or last_seen_at < ${p('ts')}::timestamptz - interval '15 seconds'
        or (${p('version')}::text is not null and app_version is distinct from ${p('version')}::text))
      returning 1 as n`,
  );
  const hit = db
    .$with('hit', { count: sql<number>`count` })
    .as(bucketHitSql(sql`select ${p('prefix')}::text || id as bucket, ${p('limit')}::int as "limit" from (${live}) l`, p('windowStart')));
  return db
    .with(...(counted ? [seen, hit] : [seen]))
    .select({ d: devices, status: users.status, hits: counted ? sql<number | null>`(select count from hit)` : sql<null>`null` })
    .from(devices)
    .innerJoin(users, eq(users.id, devices.clientId))
    .where(and(eq(devices.tokenHash, p('hash')), isNull(devices.removedAt)))
    .prepare(counted ? 'device_lookup_counted' : 'device_lookup');
}

/** PATCH /device: push token, SIM cards, and (beyond the protocol) battery and app version. */
export async function updateDeviceInfo(
  db: Db,
  device: Device,
  input: { id: string; pushToken?: string | null; simCards?: unknown; battery?: number; charging?: boolean; appVersion?: string },
) {
  if (input.id !== device.id) throw new DomainError('forbidden', 'This token belongs to another device.');
  const set: Partial<typeof devices.$inferInsert> = { lastSeenAt: new Date() };
  if (input.pushToken !== undefined) set.pushToken = input.pushToken;
  if (input.simCards !== undefined) set.simCards = input.simCards;
  if (input.battery !== undefined) set.battery = input.battery;
  if (input.charging !== undefined) set.charging = input.charging;
  if (input.appVersion !== undefined) set.appVersion = input.appVersion;
  await db.update(devices).set(set).where(eq(devices.id, device.id));
}

// ---- the client's device management (portal and client API) ----

export async function listDevices(db: Db, actor: Actor, now = new Date()): Promise<DeviceView[]> {
  assertCan(actor, 'device.manage');
  const rows = await db
    .select()
    .from(devices)
    .where(and(eq(devices.clientId, actor.userId), isNull(devices.removedAt)))
    .orderBy(asc(devices.createdAt));
  return rows.map((d) => deviceView(d, now));
}

async function ownDevice(tx: Db, actor: Actor, id: string): Promise<Device> {
  const [d] = await tx
    .select()
    .from(devices)
    .where(and(eq(devices.id, id), eq(devices.clientId, actor.userId), isNull(devices.removedAt)))
    .for('update');
  if (!d) throw notFound('Device');
  return d;
}

/** Rename, enable or disable. Enabling counts against the device limit again. */
export async function updateDevice(
  db: Db,
  actor: Actor,
  id: string,
  input: { name?: string; enabled?: boolean; notification_channel?: 'AUTO' | 'SSE_ONLY' },
  now = new Date(),
): Promise<DeviceView> {
  assertCan(actor, 'device.manage');
  const d = await db.transaction(async (tx) => {
    await tx.select({ id: clients.id }).from(clients).where(eq(clients.id, actor.userId)).for('update');
    const before = await ownDevice(tx, actor, id);
    if (input.enabled === true && !before.enabled) {
      const limits = await clientLimits(tx, actor.userId, now);
      const active = await activeDeviceCount(tx, actor.userId);
      if (active >= limits.deviceLimit) {
        throw new DomainError('device_limit_reached', `Your package allows ${limits.deviceLimit} active device(s).`, {
          limit: limits.deviceLimit,
          used: active,
        });
      }
    }
    const changes = {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
      ...(input.notification_channel !== undefined ? { notificationChannel: input.notification_channel } : {}),
    };
    // An empty change ({}) is valid and changes nothing (an UPDATE with no columns is an error).
    if (!Object.keys(changes).length) return before;
    const [after] = await tx.update(devices).set(changes).where(eq(devices.id, id)).returning();
    await writeAudit(
      tx,
      actor,
      'device.update',
      { type: 'device', id },
      { name: before.name, enabled: before.enabled, notification_channel: before.notificationChannel },
      input,
    );
    return after;
  });
  // The phone re-reads GET /settings on SettingsUpdated (after the commit; other instances' streams do not
  // hear it, and the app also refreshes its settings every 24 h and at start).
  if (input.notification_channel !== undefined) emitEnqueued({ clientId: actor.userId, deviceId: id, type: 'SettingsUpdated' });
  return deviceView(d, now);
}

/** Removes a device: its token stops working; messages it had claimed keep their history. */
export async function removeDevice(db: Db, actor: Actor, id: string, now = new Date()): Promise<{ id: string; removed: true }> {
  assertCan(actor, 'device.manage');
  await db.transaction(async (tx) => {
    const d = await ownDevice(tx, actor, id);
    await tx.update(devices).set({ removedAt: now, enabled: false }).where(eq(devices.id, d.id));
    await writeAudit(tx, actor, 'device.remove', { type: 'device', id }, { name: d.name }, null);
  });
  return { id, removed: true };
}
