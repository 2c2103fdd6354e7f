import 'server-only';
import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '@/db';
import { clients, devices, settings, subscriptions, users } from '@/db/schema';
import { DomainError, notFound } from '@/lib/errors';
import type { ClientStatus } from '@/lib/validation/clients';
import { blockedAmongSql } from './blocklist';
import { deriveStatus } from './clients';
import { type PlatformSettings, settingsFrom } from './settings';
import { coversNow } from './subscriptions';
import { usageCounts } from './usage';

export interface ClientContext {
  clientId: number;
  resellerId: number;
  status: ClientStatus;
  dailyLimit: number;
  periodLimit: number;
  deviceLimit: number;
  periodStart: Date;
  timeZone: string;
  settings: PlatformSettings;
  /** The device asked for, when one was: null when the client has no such (live) device. */
  device?: { id: string; enabled: boolean } | null;
  /** Of the numbers asked about (`phones`), those on the client's blocklist. */
  blocked?: Set<string>;
}

export interface ClientLimits extends ClientContext {
  used: { today: number; period: number };
}

interface ContextRow {
  reseller_id: number;
  trial_ends_at: string;
  created_at: string;
  user_status: string;
  sub_starts_at: string | null;
  daily_limit: number | null;
  period_limit: number | null;
  device_limit: number | null;
  settings: { key: string; value: string }[];
  device: { id: string; enabled: boolean } | null;
  blocked: string[] | null;
}

/**
 * Everything a send needs to know about its client, in one statement: the account, its current
 * subscription (the latest started of those covering `now`), the platform settings and, when asked, one of
 * its devices. `lock` takes a key-share lock on the client row, which any later foreign-key insert takes
 * anyway: taken first, it orders a send after an SMPP submit holding the row (lib/services/smpp/submit.ts).
 */
export async function clientContext(
  tx: Db,
  clientId: number,
  now: Date,
  opts: { deviceId?: string; lock?: boolean; phones?: string[] } = {},
): Promise<ClientContext> {
  const device = opts.deviceId
    ? sql`(select json_build_object('id', d.id, 'enabled', d.enabled) from ${devices} d
        where d.id = ${opts.deviceId} and d.client_id = c.id and d.removed_at is null)`
    : sql`null`;
  // The blocklist check of a send rides on this statement (issue 12 counts a send's statements).
  const blocked = opts.phones?.length ? blockedAmongSql(sql`c.id`, opts.phones) : sql`null`;
  const result = await tx.execute(sql`
    select json_build_object(
      'reseller_id', c.reseller_id, 'trial_ends_at', c.trial_ends_at, 'created_at', c.created_at, 'user_status', u.status,
      'sub_starts_at', s.starts_at, 'daily_limit', s.daily_limit, 'period_limit', s.period_limit, 'device_limit', s.device_limit,
      'settings', (select coalesce(json_agg(json_build_object('key', st.key, 'value', st.value)), '[]'::json) from ${settings} st),
      'device', ${device}, 'blocked', ${blocked}) as j
    from ${clients} c join ${users} u on u.id = c.id
    left join lateral (
      select ${subscriptions.startsAt} as starts_at, ${subscriptions.dailyLimit} as daily_limit,
        ${subscriptions.periodLimit} as period_limit, ${subscriptions.deviceLimit} as device_limit
      from ${subscriptions}
      where ${coversNow(sql`c.id`, now)}
      order by ${subscriptions.startsAt} desc limit 1) s on true
    where c.id = ${clientId}
    ${opts.lock ? sql`for key share of c` : sql``}`);
  const [row] = rowsOf<{ j: unknown }>(result);
  if (!row) throw notFound('Client');
  const c = (typeof row.j === 'string' ? JSON.parse(row.j) : row.j) as ContextRow;
  const s = settingsFrom(c.settings);
  const sub = c.sub_starts_at !== null;
  const status = deriveStatus(c.user_status, new Date(c.trial_ends_at), sub ? {} : undefined, now);
  const trial = status === 'trial';
  return {
    clientId,
    resellerId: c.reseller_id,
    status,
    dailyLimit: sub ? Number(c.daily_limit) : trial ? s.trial_daily_limit : 0,
    periodLimit: sub ? Number(c.period_limit) : trial ? s.trial_period_limit : 0,
    deviceLimit: sub ? Number(c.device_limit) : trial ? s.trial_device_limit : 0,
    // Milliseconds, as every Date in the app: the counter's key must be the same wherever it is computed.
    periodStart: new Date(c.sub_starts_at ?? c.created_at),
    timeZone: s.time_zone,
    settings: s,
    ...(opts.deviceId ? { device: c.device } : {}),
    ...(opts.phones ? { blocked: new Set(c.blocked ?? []) } : {}),
  };
}

/**
 * What a client may do now: its derived status, the limits of its subscription (or trial), and what it
 * has used (two counter rows).
 */
export async function clientLimits(tx: Db, clientId: number, now: Date): Promise<ClientLimits> {
  const ctx = await clientContext(tx, clientId, now);
  const used = (await usageCounts(tx, new Map([[clientId, ctx.periodStart]]), now, ctx.timeZone)).get(clientId) ?? {
    today: 0,
    period: 0,
  };
  return { ...ctx, used };
}

/** Suspended → 403 account_suspended; expired → 403 subscription_expired. */
export function assertCanSend(l: Pick<ClientContext, 'status'>): void {
  if (l.status === 'suspended') throw new DomainError('account_suspended', 'This account is suspended.');
  if (l.status === 'expired')
    throw new DomainError('subscription_expired', 'The trial or subscription has ended. Contact your provider to renew.');
}

/** A send of `count` SMS that does not fit is refused whole: 429 with the limit and what was used. */
export function assertQuota(l: ClientLimits, count: number): void {
  if (l.used.today + count > l.dailyLimit) {
    throw new DomainError('daily_limit_reached', `The daily limit of ${l.dailyLimit} SMS is reached (${l.used.today} used today).`, {
      limit: l.dailyLimit,
      used: l.used.today,
      requested: count,
    });
  }
  if (l.used.period + count > l.periodLimit) {
    throw new DomainError('period_limit_reached', `The period limit of ${l.periodLimit} SMS is reached (${l.used.period} used).`, {
      limit: l.periodLimit,
      used: l.used.period,
      requested: count,
    });
  }
}
