import 'server-only';
import { and, eq, inArray, isNull, max, type SQL, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { clients, subscriptions, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import type { ClientStatus } from '@/lib/validation/clients';
import { getSettings, type PlatformSettings } from './settings';
import { at, currentSubscriptions, hasCurrentSubscription, type Subscription } from './subscriptions';
import { usageCounts } from './usage';

// How a client reads (lib/services/clients.ts): its columns, status, the view of a page's rows and tenancy.

export interface ClientView {
  id: number;
  reseller_id: number;
  reseller_name: string;
  name: string;
  email: string;
  phone: string | null;
  account_name: string | null;
  country: string | null;
  time_zone: string | null;
  status: ClientStatus;
  trial_ends_at: string;
  package: null | { package_type: string; name: string; starts_at: string; ends_at: string };
  paid_until: string | null;
  /** The date that matters now: paid until for a subscriber, the trial end for a trial or expired trial. */
  expires_at: string | null;
  usage: { today: number; period: number; daily_limit: number; period_limit: number; device_limit: number };
  credit_balance: number;
  auto_renew: boolean;
  created_at: string;
}

// The reseller's name and the paid-until date are read for the rows of a page only (toViews): as
// subqueries in the select list they ran for every row an OFFSET skipped.
export const clientColumns = {
  id: clients.id,
  resellerId: clients.resellerId,
  name: users.name,
  email: users.email,
  userStatus: users.status,
  phone: clients.phone,
  accountName: clients.accountName,
  country: clients.country,
  timeZone: clients.timeZone,
  trialEndsAt: clients.trialEndsAt,
  creditBalance: clients.creditBalance,
  autoRenew: clients.autoRenew,
  createdAt: clients.createdAt,
};

/** Paid until: the end of the last uncanceled subscription (for sorting by expiry). */
export const paidUntilSql = sql`(select max(${subscriptions.endsAt}) from ${subscriptions}
  where ${subscriptions.clientId} = ${clients.id} and ${subscriptions.canceledAt} is null)`;

export function selectClients(db: Db) {
  return db.select(clientColumns).from(clients).innerJoin(users, eq(users.id, clients.id));
}
export type ClientRow = Awaited<ReturnType<ReturnType<typeof selectClients>['execute']>>[number];

/** Status is derived from timestamps at `now`: right at every instant, no cron job. */
export function deriveStatus(userStatus: string, trialEndsAt: Date, current: object | undefined, now: Date): ClientStatus {
  if (userStatus !== 'active') return 'suspended';
  if (current) return 'active';
  return trialEndsAt > now ? 'trial' : 'expired';
}

export function statusCondition(status: ClientStatus, now: Date): SQL {
  const current = hasCurrentSubscription(clients.id, now);
  switch (status) {
    case 'suspended':
      return sql`${users.status} <> 'active'`;
    case 'active':
      return sql`${users.status} = 'active' and ${current}`;
    case 'trial':
      return sql`${users.status} = 'active' and not ${current} and ${clients.trialEndsAt} > ${at(now)}`;
    case 'expired':
      return sql`${users.status} = 'active' and not ${current} and ${clients.trialEndsAt} <= ${at(now)}`;
  }
}

/** How many clients are in each status at `now` (of one reseller, or all). */
export async function clientStatusCounts(db: Db, now: Date, resellerId?: number): Promise<Record<ClientStatus | 'total', number>> {
  const n = (status: ClientStatus) => sql<number>`count(*) filter (where ${statusCondition(status, now)})::int`;
  const [row] = await db
    .select({ trial: n('trial'), active: n('active'), expired: n('expired'), suspended: n('suspended'), total: sql<number>`count(*)::int` })
    .from(clients)
    .innerJoin(users, eq(users.id, clients.id))
    .where(resellerId === undefined ? undefined : eq(clients.resellerId, resellerId));
  return row;
}

export async function toViews(db: Db, rows: ClientRow[], now: Date): Promise<ClientView[]> {
  const ids = rows.map((r) => r.id);
  if (!ids.length) return [];
  const resellerIds = [...new Set(rows.map((r) => r.resellerId))];
  const [subs, settings, names, paid] = await Promise.all([
    currentSubscriptions(db, ids, now),
    getSettings(db),
    db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, resellerIds)),
    db
      .select({ clientId: subscriptions.clientId, until: max(subscriptions.endsAt) })
      .from(subscriptions)
      .where(and(inArray(subscriptions.clientId, ids), isNull(subscriptions.canceledAt)))
      .groupBy(subscriptions.clientId),
  ]);
  const resellerName = new Map(names.map((n) => [n.id, n.name]));
  const paidUntil = new Map(paid.map((p) => [p.clientId, p.until ? new Date(p.until) : null]));
  // The period a client's SMS count toward: its current subscription, or its trial (since sign-up).
  const periods = new Map(rows.map((r) => [r.id, subs.get(r.id)?.startsAt ?? r.createdAt]));
  const usage = await usageCounts(db, periods, now, settings.time_zone);
  return rows.map((r) =>
    clientView(
      { ...r, resellerName: resellerName.get(r.resellerId) ?? '', paidUntil: paidUntil.get(r.id) ?? null },
      subs.get(r.id),
      usage.get(r.id),
      settings,
      now,
    ),
  );
}

export function clientView(
  r: ClientRow & { resellerName: string; paidUntil: Date | null },
  sub: Subscription | undefined,
  used: { today: number; period: number } | undefined,
  settings: PlatformSettings,
  now: Date,
): ClientView {
  const status = deriveStatus(r.userStatus, r.trialEndsAt, sub, now);
  const inTrial = !sub && r.trialEndsAt > now;
  const paidUntil = r.paidUntil;
  return {
    id: r.id,
    reseller_id: r.resellerId,
    reseller_name: r.resellerName,
    name: r.name,
    email: r.email,
    phone: r.phone,
    account_name: r.accountName,
    country: r.country,
    time_zone: r.timeZone,
    status,
    trial_ends_at: r.trialEndsAt.toISOString(),
    package: sub
      ? { package_type: sub.packageCode, name: sub.packageName, starts_at: sub.startsAt.toISOString(), ends_at: sub.endsAt.toISOString() }
      : null,
    paid_until: paidUntil && paidUntil > now ? paidUntil.toISOString() : null,
    expires_at:
      paidUntil && paidUntil > now
        ? paidUntil.toISOString()
        : status === 'trial' || status === 'expired'
          ? r.trialEndsAt.toISOString()
          : null,
    usage: {
      today: used?.today ?? 0,
      period: used?.period ?? 0,
      daily_limit: sub ? sub.dailyLimit : inTrial ? settings.trial_daily_limit : 0,
      period_limit: sub ? sub.periodLimit : inTrial ? settings.trial_period_limit : 0,
      device_limit: sub ? sub.deviceLimit : inTrial ? settings.trial_device_limit : 0,
    },
    credit_balance: r.creditBalance,
    auto_renew: r.autoRenew,
    created_at: r.createdAt.toISOString(),
  };
}

export function tenancy(actor: Actor): SQL | undefined {
  if (actor.role === 'reseller') return eq(clients.resellerId, actor.userId);
  if (actor.role === 'client') return eq(clients.id, actor.userId);
  return undefined;
}
