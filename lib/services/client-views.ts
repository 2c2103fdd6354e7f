import 'server-only';
import { eq, type SQL, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '@/db';
import { clients, subscriptions, usageCounters, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import type { ClientStatus } from '@/lib/validation/clients';
import { getSettings, type PlatformSettings } from './settings';
import { at, coversNow, hasCurrentSubscription, type Subscription } from './subscriptions';
import { dayStartSql, pgArray } from './usage';

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
export const paidUntilOf = (clientIdColumn: unknown) => sql`(select max(${subscriptions.endsAt}) from ${subscriptions}
  where ${subscriptions.clientId} = ${clientIdColumn} and ${subscriptions.canceledAt} is null)`;
export const paidUntilSql = paidUntilOf(clients.id);

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

/** What a client's row shows of its current subscription (clientView). */
export type CurrentPlan = Pick<
  Subscription,
  'packageCode' | 'packageName' | 'startsAt' | 'endsAt' | 'dailyLimit' | 'periodLimit' | 'deviceLimit'
>;

/** Milliseconds since the epoch, cut as postgres.js cuts a timestamp into a Date. */
const epochMs = (e: SQL) => sql`floor(extract(epoch from ${e}) * 1000)::float8`;

/**
 * The views of a page's rows in one statement (issue 12): per row its current subscription (the latest
 * started that still gives service), paid-until, its reseller's name and its two usage counters (today in
 * the platform's zone; the period from the subscription's start, else sign-up), by index and counter rows.
 */
export async function toViews(db: Db, rows: ClientRow[], now: Date, known?: PlatformSettings): Promise<ClientView[]> {
  if (!rows.length) return [];
  const settings = known ?? (await getSettings(db));
  const result = await db.execute(sql`
    select p.id, s.package_code, s.package_name, ${epochMs(sql`s.starts_at`)} as starts_at, ${epochMs(sql`s.ends_at`)} as ends_at,
      s.daily_limit, s.period_limit, s.device_limit,
      ${epochMs(paidUntilOf(sql`p.id`))} as paid_until,
      (select r.name from ${users} r where r.id = p.reseller_id) as reseller_name,
      (select d.used from ${usageCounters} d where d.client_id = p.id and d.kind = 'day'
        and d.starts_at = ${dayStartSql(now, settings.time_zone)}) as today,
      (select u.used from ${usageCounters} u where u.client_id = p.id and u.kind = 'period'
        and u.starts_at = coalesce(date_trunc('milliseconds', s.starts_at), p.created_at)) as period
    from unnest(${pgArray(rows.map((r) => r.id))}::int[], ${pgArray(rows.map((r) => r.resellerId))}::int[],
      ${pgArray(rows.map((r) => r.createdAt.toISOString()))}::timestamptz[]) as p(id, reseller_id, created_at)
    left join lateral (select ${subscriptions.packageCode} as package_code, ${subscriptions.packageName} as package_name,
      ${subscriptions.startsAt} as starts_at, ${subscriptions.endsAt} as ends_at, ${subscriptions.dailyLimit} as daily_limit,
      ${subscriptions.periodLimit} as period_limit, ${subscriptions.deviceLimit} as device_limit
      from ${subscriptions} where ${coversNow(sql`p.id`, now)}
      order by ${subscriptions.startsAt} desc limit 1) s on true`);
  type Extra = {
    id: number;
    package_code: string | null;
    package_name: string;
    starts_at: number;
    ends_at: number;
    daily_limit: number;
    period_limit: number;
    device_limit: number;
    paid_until: number | null;
    reseller_name: string | null;
    today: number | null;
    period: number | null;
  };
  const extras = new Map(rowsOf<Extra>(result).map((e) => [Number(e.id), e]));
  return rows.map((r) => {
    const e = extras.get(r.id);
    const sub: CurrentPlan | undefined =
      e?.package_code != null
        ? {
            packageCode: e.package_code,
            packageName: e.package_name,
            startsAt: new Date(Number(e.starts_at)),
            endsAt: new Date(Number(e.ends_at)),
            dailyLimit: Number(e.daily_limit),
            periodLimit: Number(e.period_limit),
            deviceLimit: Number(e.device_limit),
          }
        : undefined;
    const paidUntil = e?.paid_until == null ? null : new Date(Number(e.paid_until));
    const used = { today: Number(e?.today ?? 0), period: Number(e?.period ?? 0) };
    return clientView({ ...r, resellerName: e?.reseller_name ?? '', paidUntil }, sub, used, settings, now);
  });
}

export function clientView(
  r: ClientRow & { resellerName: string; paidUntil: Date | null },
  sub: CurrentPlan | undefined,
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
