import 'server-only';
import { type AnyColumn, and, count, eq, isNull, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '@/db';
import { devices, ledgerEntries, resellers, subscriptions, topupRequests, usageCounters, users } from '@/db/schema';
import { type Actor, assertCan } from '@/lib/auth/permissions';
import { clientStatusCounts } from './clients';
import { ONLINE_WINDOW_MS } from './devices';
import { getSettings } from './settings';
import { at } from './subscriptions';
import { dayStartSql } from './usage';

export interface DayPoint {
  day: string;
  revenue: number;
  activations: number;
  sms: number;
}

export interface AdminStats {
  time_zone: string;
  active_resellers: number;
  clients: { trial: number; active: number; expired: number; suspended: number; total: number };
  gateways_online: number;
  sms_today: number;
  sms_month: number;
  credit_outstanding: number;
  commission_outstanding: number;
  revenue_month: number;
  activations_month: number;
  pending_topups: number;
  series: DayPoint[];
}

/** Revenue is what activations took from reseller credit, less switch refunds (kinds activation + refund). */
const revenueKinds = sql`${ledgerEntries.kind} in ('activation', 'refund') and ${ledgerEntries.account} = 'reseller_credit'`;

/**
 * The admin overview: cards and 30-day series, days counted in the platform time zone.
 */
export async function adminStats(db: Db, actor: Actor, now = new Date()): Promise<AdminStats> {
  assertCan(actor, 'stats.read');
  const tz = (await getSettings(db)).time_zone;
  const monthStart = sql`(date_trunc('month', ${at(now)} at time zone ${tz}) at time zone ${tz})`;
  // Bounded on both sides: for a `now` in the past, later months are not "this month".
  const monthEnd = sql`((date_trunc('month', ${at(now)} at time zone ${tz}) + interval '1 month') at time zone ${tz})`;
  const inMonth = (col: AnyColumn) => sql`${col} >= ${monthStart} and ${col} < ${monthEnd}`;
  const [[res], cl, [money], [rev], [acts], [pending]] = await Promise.all([
    db
      .select({ n: count() })
      .from(users)
      .where(and(eq(users.role, 'reseller'), eq(users.status, 'active'))),
    clientStatusCounts(db, now),
    db
      .select({
        credit: sql<string>`coalesce(sum(${resellers.creditBalance}), 0)`,
        commission: sql<string>`coalesce(sum(${resellers.commissionBalance}), 0)`,
      })
      .from(resellers)
      .where(isNull(resellers.archivedAt)),
    db
      .select({ v: sql<string>`coalesce(-sum(${ledgerEntries.amount}), 0)` })
      .from(ledgerEntries)
      .where(sql`${revenueKinds} and ${inMonth(ledgerEntries.createdAt)}`),
    db.select({ n: count() }).from(subscriptions).where(inMonth(subscriptions.createdAt)),
    db.select({ n: count() }).from(topupRequests).where(eq(topupRequests.status, 'pending')),
  ]);
  // SMS: one per recipient of every message that counts toward a quota (expired-unsent and cancelled do not),
  // read from the clients' day counters (lib/services/usage.ts), not summed over the messages.
  const dayStart = dayStartSql(now, tz);
  const [[sms], [online]] = await Promise.all([
    db
      .select({
        today: sql<string>`coalesce(sum(${usageCounters.used}) filter (where ${usageCounters.startsAt} = ${dayStart}), 0)`,
        month: sql<string>`coalesce(sum(${usageCounters.used}), 0)`,
      })
      .from(usageCounters)
      .where(sql`${usageCounters.kind} = 'day' and ${inMonth(usageCounters.startsAt)}`),
    db
      .select({ n: count() })
      .from(devices)
      .where(
        and(
          isNull(devices.removedAt),
          eq(devices.enabled, true),
          sql`${devices.lastSeenAt} > ${new Date(now.getTime() - ONLINE_WINDOW_MS).toISOString()}::timestamptz`,
        ),
      ),
  ]);
  return {
    time_zone: tz,
    active_resellers: res.n,
    clients: cl,
    gateways_online: online.n,
    sms_today: Number(sms.today),
    sms_month: Number(sms.month),
    credit_outstanding: Number(money.credit),
    commission_outstanding: Number(money.commission),
    revenue_month: Number(rev.v),
    activations_month: acts.n,
    pending_topups: pending.n,
    series: await dailySeries(db, tz, now),
  };
}

async function dailySeries(db: Db, tz: string, now: Date): Promise<DayPoint[]> {
  const result = await db.execute(sql`
    with days as (
      select d::date as day, (d at time zone ${tz}) as lo, ((d + interval '1 day') at time zone ${tz}) as hi
      from generate_series(date_trunc('day', ${at(now)} at time zone ${tz}) - interval '29 days',
                           date_trunc('day', ${at(now)} at time zone ${tz}), interval '1 day') as d
    )
    select to_char(days.day, 'YYYY-MM-DD') as day,
      coalesce((select -sum(${ledgerEntries.amount}) from ${ledgerEntries}
        where ${revenueKinds} and ${ledgerEntries.createdAt} >= days.lo and ${ledgerEntries.createdAt} < days.hi), 0) as revenue,
      (select count(*) from ${subscriptions}
        where ${subscriptions.createdAt} >= days.lo and ${subscriptions.createdAt} < days.hi) as activations,
      coalesce((select sum(u.used) from ${usageCounters} u
        where u.kind = 'day' and u.starts_at >= days.lo and u.starts_at < days.hi), 0) as sms
    from days order by days.day`);
  return rowsOf<{ day: string; revenue: string; activations: string; sms: string }>(result).map((r) => ({
    day: r.day,
    revenue: Number(r.revenue),
    activations: Number(r.activations),
    sms: Number(r.sms),
  }));
}
