import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { clients, users } from '@/db/schema';
import { DomainError, notFound } from '@/lib/errors';
import type { ClientStatus } from '@/lib/validation/clients';
import { deriveStatus } from './clients';
import { getSettings } from './settings';
import { currentSubscriptions } from './subscriptions';
import { usageCounts } from './usage';

export interface ClientLimits {
  clientId: number;
  resellerId: number;
  status: ClientStatus;
  dailyLimit: number;
  periodLimit: number;
  deviceLimit: number;
  periodStart: Date;
  timeZone: string;
  used: { today: number; period: number };
}

/**
 * What a client may do now: its derived status, the limits of its subscription (or trial), and what it
 * has used. Call inside a transaction that holds the client row lock to check-and-insert atomically.
 */
export async function clientLimits(tx: Db, clientId: number, now: Date): Promise<ClientLimits> {
  const [c] = await tx
    .select({
      id: clients.id,
      resellerId: clients.resellerId,
      trialEndsAt: clients.trialEndsAt,
      createdAt: clients.createdAt,
      userStatus: users.status,
    })
    .from(clients)
    .innerJoin(users, eq(users.id, clients.id))
    .where(eq(clients.id, clientId));
  if (!c) throw notFound('Client');
  const settings = await getSettings(tx);
  const sub = (await currentSubscriptions(tx, [clientId], now)).get(clientId);
  const status = deriveStatus(c.userStatus, c.trialEndsAt, sub, now);
  const periodStart = sub?.startsAt ?? c.createdAt;
  const used = (await usageCounts(tx, new Map([[clientId, periodStart]]), now, settings.time_zone)).get(clientId) ?? {
    today: 0,
    period: 0,
  };
  const trial = status === 'trial';
  return {
    clientId,
    resellerId: c.resellerId,
    status,
    dailyLimit: sub ? sub.dailyLimit : trial ? settings.trial_daily_limit : 0,
    periodLimit: sub ? sub.periodLimit : trial ? settings.trial_period_limit : 0,
    deviceLimit: sub ? sub.deviceLimit : trial ? settings.trial_device_limit : 0,
    periodStart,
    timeZone: settings.time_zone,
    used,
  };
}

/** Suspended → 403 account_suspended; expired → 403 subscription_expired. */
export function assertCanSend(l: ClientLimits): void {
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
