import 'server-only';
import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '@/db';
import { usageCounters } from '@/db/schema';
import { at } from './subscriptions';

// Usage lives in counters (db/schema/messages.ts `usage_counters`, docs/scaling.md#usage-counters): a read
// is an index lookup and a send one conditional upsert, whatever the client has sent before.

export interface UsageCount {
  today: number;
  period: number;
}

/** Start of the platform-time-zone day containing `now`. */
export const dayStartSql = (now: Date, timeZone: string) =>
  sql`(date_trunc('day', ${at(now)} at time zone ${timeZone}) at time zone ${timeZone})`;

const NEEDS_ESCAPE = /[\\"]/;

/** A PostgreSQL array literal, passed as one parameter (drizzle would spread a JS array into a list). */
export function pgArray(values: readonly (string | number | null)[]): string {
  // Most elements (ids, E.164 numbers) have nothing to escape: the two replaces run only when one must.
  const item = (v: string | number | null) =>
    v === null
      ? 'NULL'
      : typeof v === 'number'
        ? String(v)
        : NEEDS_ESCAPE.test(v)
          ? `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`
          : `"${v}"`;
  return `{${values.map(item).join(',')}}`;
}

/**
 * SMS counted against each client's limits, today (platform time zone) and in the period starting at
 * the given instant (its subscription's start, or its sign-up for the trial): two counter rows each.
 */
export async function usageCounts(db: Db, periods: Map<number, Date>, now: Date, timeZone: string): Promise<Map<number, UsageCount>> {
  const out = new Map<number, UsageCount>([...periods.keys()].map((id) => [id, { today: 0, period: 0 }]));
  if (!periods.size) return out;
  const ids = [...periods.keys()];
  const starts = ids.map((id) => (periods.get(id) as Date).toISOString());
  const result = await db.execute(sql`
    select u.client_id as id, u.kind, u.used
    from unnest(${pgArray(ids)}::int[], ${pgArray(starts)}::timestamptz[]) as p(id, start)
    join ${usageCounters} u on u.client_id = p.id
      and ((u.kind = 'day' and u.starts_at = ${dayStartSql(now, timeZone)}) or (u.kind = 'period' and u.starts_at = p.start))`);
  for (const r of rowsOf<{ id: number; kind: 'day' | 'period'; used: number }>(result)) {
    const u = out.get(Number(r.id));
    if (!u) continue;
    if (r.kind === 'day') u.today = Number(r.used);
    else u.period = Number(r.used);
  }
  return out;
}

export interface QuotaTake {
  clientId: number;
  count: number;
  dailyLimit: number;
  periodLimit: number;
  periodStart: Date;
  now: Date;
  timeZone: string;
}

/**
 * Takes `count` SMS from today's and the period's counters in one statement, only where both stay within
 * their limits: the check and the count are one round trip, exact under any concurrency (the counter rows
 * are locked by the upsert). False when a limit would be passed; the caller then refuses the send and its
 * transaction rolls back whichever counter did move. On success, the counters' new values (what the
 * 80 %/100 % notices read, without another statement).
 */
export async function takeQuota(tx: Db, q: QuotaTake): Promise<{ day: number; period: number } | null> {
  const result = await tx.execute(sql`
    insert into ${usageCounters} as u (client_id, kind, starts_at, used)
    select ${q.clientId}::int, k.kind, k.starts_at, ${q.count}::int
    from (values ('day', ${dayStartSql(q.now, q.timeZone)}, ${q.dailyLimit}::int),
                 ('period', ${at(q.periodStart)}, ${q.periodLimit}::int)) as k(kind, starts_at, lim)
    where ${q.count}::int <= k.lim
    on conflict (client_id, kind, starts_at) do update set used = u.used + excluded.used
    where u.used + excluded.used <= case u.kind when 'day' then ${q.dailyLimit}::int else ${q.periodLimit}::int end
    returning u.kind, u.used`);
  const rows = rowsOf<{ kind: 'day' | 'period'; used: number }>(result);
  if (rows.length !== 2) return null;
  return { day: Number(rows.find((r) => r.kind === 'day')?.used), period: Number(rows.find((r) => r.kind === 'period')?.used) };
}

/** A message's share of the counters, as given back. */
export interface QuotaShare {
  clientId: number;
  createdAt: Date;
  count: number;
}

/**
 * Gives SMS back (an expiry, a cancel) to the counters each message was counted in: for each kind, the
 * client's latest counter starting at or before the message (its day and its period; no time zone is
 * needed, so a later change of the platform's zone cannot send it to the wrong row). Call in the
 * transaction that changes the messages' state.
 */
export async function giveBackQuota(tx: Db, shares: QuotaShare[]): Promise<void> {
  if (!shares.length) return;
  const ids = pgArray(shares.map((s) => s.clientId));
  const times = pgArray(shares.map((s) => s.createdAt.toISOString()));
  const counts = pgArray(shares.map((s) => s.count));
  await tx.execute(sql`
    with m as (select * from unnest(${ids}::int[], ${times}::timestamptz[], ${counts}::int[]) as p(client_id, created_at, n)),
    x as (
      select m.client_id, k.kind, m.n, (select max(c.starts_at) from ${usageCounters} c
        where c.client_id = m.client_id and c.kind = k.kind and c.starts_at <= m.created_at) as starts_at
      from m cross join (values ('day'), ('period')) as k(kind)
    ),
    g as (select client_id, kind, starts_at, sum(n) as n from x where starts_at is not null group by client_id, kind, starts_at)
    update ${usageCounters} u set used = u.used - g.n
    from g where u.client_id = g.client_id and u.kind = g.kind and u.starts_at = g.starts_at`);
}
