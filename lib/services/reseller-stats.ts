import 'server-only';
// The reseller overview: clients by status, what needs attention soon (trials ending, paid periods
// ending), and a 30-day series of activations and spend. Every query is scoped to the acting reseller;
// days are calendar days in the platform time zone.
import { and, asc, count, eq, isNull, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '@/db';
import { clients, devices, ledgerEntries, subscriptions, usageCounters, users } from '@/db/schema';
import { type Actor, assertCan } from '@/lib/auth/permissions';
import { DomainError } from '@/lib/errors';
import { clientStatusCounts } from './clients';
import { ONLINE_WINDOW_MS } from './devices';
import { getSettings } from './settings';
import { at, hasCurrentSubscription } from './subscriptions';
import { dayStartSql } from './usage';

const DAY_MS = 86_400_000;

export interface ResellerDayPoint {
  day: string;
  activations: number;
  /** Credit spent on activations, less switch refunds. */
  spend: number;
}

export interface EndingTrial {
  id: number;
  name: string;
  email: string;
  trial_ends_at: string;
}

export interface EndingSubscription {
  client_id: number;
  name: string;
  email: string;
  package_type: string;
  package_name: string;
  ends_at: string;
}

export interface ResellerOverview {
  time_zone: string;
  clients: { trial: number; active: number; expired: number; suspended: number; total: number };
  trials_ending: EndingTrial[];
  subscriptions_ending: EndingSubscription[];
  series: ResellerDayPoint[];
  /** SMS of this reseller's clients (one per recipient; expired-unsent and cancelled do not count). */
  sms: { today: number; month: number };
  gateways_online: number;
  /** Commission earned this month, net of reversals on switches (from the commission ledger). */
  commission_month: number;
}

function resellerId(actor: Actor): number {
  assertCan(actor, 'client.read');
  if (actor.role !== 'reseller') throw new DomainError('forbidden', 'Only resellers have an overview.');
  return actor.userId;
}

export async function resellerOverview(db: Db, actor: Actor, now = new Date(), listLimit = 10): Promise<ResellerOverview> {
  const rid = resellerId(actor);
  const tz = (await getSettings(db)).time_zone;
  const active = sql`${users.status} = 'active'`;
  const [counts, trials, ending, series] = await Promise.all([
    clientStatusCounts(db, now, rid),
    // Trials that end within 24 h, for clients not already paying (index: clients by reseller, trial end).
    db
      .select({ id: clients.id, name: users.name, email: users.email, trialEndsAt: clients.trialEndsAt })
      .from(clients)
      .innerJoin(users, eq(users.id, clients.id))
      .where(
        and(
          eq(clients.resellerId, rid),
          active,
          sql`${clients.trialEndsAt} > ${at(now)} and ${clients.trialEndsAt} <= ${at(new Date(now.getTime() + DAY_MS))}`,
          sql`not ${hasCurrentSubscription(clients.id, now)}`,
        ),
      )
      .orderBy(asc(clients.trialEndsAt))
      .limit(listLimit),
    // Paid periods ending within 7 days with nothing queued after them (index: subscriptions by reseller, end).
    db
      .select({
        clientId: subscriptions.clientId,
        name: users.name,
        email: users.email,
        code: subscriptions.packageCode,
        pkg: subscriptions.packageName,
        endsAt: subscriptions.endsAt,
      })
      .from(subscriptions)
      .innerJoin(users, eq(users.id, subscriptions.clientId))
      .where(
        and(
          eq(subscriptions.resellerId, rid),
          active,
          sql`${subscriptions.canceledAt} is null and ${subscriptions.startsAt} <= ${at(now)}`,
          sql`${subscriptions.endsAt} > ${at(now)} and ${subscriptions.endsAt} <= ${at(new Date(now.getTime() + 7 * DAY_MS))}`,
          sql`not exists (select 1 from ${subscriptions} s2 where s2.client_id = ${subscriptions.clientId}
          and s2.canceled_at is null and s2.ends_at > ${subscriptions.endsAt})`,
        ),
      )
      .orderBy(asc(subscriptions.endsAt))
      .limit(listLimit),
    dailySeries(db, rid, tz, now),
  ]);
  const monthStart = sql`(date_trunc('month', ${at(now)} at time zone ${tz}) at time zone ${tz})`;
  const [[sms], [online], [commission]] = await Promise.all([
    // The reseller's clients' day counters (lib/services/usage.ts), not a sum over their messages.
    db
      .select({
        today: sql<string>`coalesce(sum(${usageCounters.used}) filter (where ${usageCounters.startsAt} = ${dayStartSql(now, tz)}), 0)`,
        month: sql<string>`coalesce(sum(${usageCounters.used}), 0)`,
      })
      .from(usageCounters)
      .innerJoin(clients, eq(clients.id, usageCounters.clientId))
      .where(
        and(
          eq(clients.resellerId, rid),
          sql`${usageCounters.kind} = 'day' and ${usageCounters.startsAt} >= ${monthStart} and ${usageCounters.startsAt} <= ${at(now)}`,
        ),
      ),
    db
      .select({ n: count() })
      .from(devices)
      .innerJoin(clients, eq(clients.id, devices.clientId))
      .where(
        and(
          eq(clients.resellerId, rid),
          isNull(devices.removedAt),
          eq(devices.enabled, true),
          sql`${devices.lastSeenAt} > ${at(new Date(now.getTime() - ONLINE_WINDOW_MS))}`,
        ),
      ),
    db
      .select({ v: sql<string>`coalesce(sum(${ledgerEntries.amount}), 0)` })
      .from(ledgerEntries)
      .where(
        and(
          eq(ledgerEntries.account, 'reseller_commission'),
          eq(ledgerEntries.accountId, rid),
          sql`${ledgerEntries.kind} in ('commission', 'commission_reversal') and ${ledgerEntries.createdAt} >= ${monthStart} and ${ledgerEntries.createdAt} <= ${at(now)}`,
        ),
      ),
  ]);
  return {
    sms: { today: Number(sms.today), month: Number(sms.month) },
    gateways_online: online.n,
    commission_month: Number(commission.v),
    time_zone: tz,
    clients: counts,
    trials_ending: trials.map((t) => ({ id: t.id, name: t.name, email: t.email, trial_ends_at: t.trialEndsAt.toISOString() })),
    subscriptions_ending: ending.map((s) => ({
      client_id: s.clientId,
      name: s.name,
      email: s.email,
      package_type: s.code,
      package_name: s.pkg,
      ends_at: s.endsAt.toISOString(),
    })),
    series,
  };
}

async function dailySeries(db: Db, rid: number, tz: string, now: Date): Promise<ResellerDayPoint[]> {
  const result = await db.execute(sql`
    with days as (
      select d::date as day, (d at time zone ${tz}) as lo, ((d + interval '1 day') at time zone ${tz}) as hi
      from generate_series(date_trunc('day', ${at(now)} at time zone ${tz}) - interval '29 days',
                           date_trunc('day', ${at(now)} at time zone ${tz}), interval '1 day') as d
    )
    select to_char(days.day, 'YYYY-MM-DD') as day,
      (select count(*) from ${subscriptions}
        where ${subscriptions.resellerId} = ${rid} and ${subscriptions.createdAt} >= days.lo and ${subscriptions.createdAt} < days.hi) as activations,
      coalesce((select -sum(${ledgerEntries.amount}) from ${ledgerEntries}
        where ${ledgerEntries.account} = 'reseller_credit' and ${ledgerEntries.accountId} = ${rid}
          and ${ledgerEntries.kind} in ('activation', 'refund')
          and ${ledgerEntries.createdAt} >= days.lo and ${ledgerEntries.createdAt} < days.hi), 0) as spend
    from days order by days.day`);
  return rowsOf<{ day: string; activations: string; spend: string }>(result).map((r) => ({
    day: r.day,
    activations: Number(r.activations),
    spend: Number(r.spend),
  }));
}
