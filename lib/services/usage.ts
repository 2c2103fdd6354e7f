import 'server-only';
import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '@/db';
import { messages } from '@/db/schema';
import { at } from './subscriptions';

export interface UsageCount {
  today: number;
  period: number;
}

/** Start of the platform-time-zone day containing `now`. */
export const dayStartSql = (now: Date, timeZone: string) =>
  sql`(date_trunc('day', ${at(now)} at time zone ${timeZone}) at time zone ${timeZone})`;

/**
 * SMS counted against each client's limits: one per recipient, today (platform time zone) and since the
 * start of its period. A message that expired without leaving the server gave its quota back
 * (counts_toward_quota = false).
 * No upper time bound: a send that waited for the client lock with an earlier `now` must still see the
 * messages queued by the sends that held the lock before it.
 */
export async function usageCounts(db: Db, periods: Map<number, Date>, now: Date, timeZone: string): Promise<Map<number, UsageCount>> {
  const out = new Map<number, UsageCount>([...periods.keys()].map((id) => [id, { today: 0, period: 0 }]));
  if (!periods.size) return out;
  const values = sql.join(
    [...periods].map(([id, start]) => sql`(${id}::int, ${start.toISOString()}::timestamptz)`),
    sql`, `,
  );
  const day = dayStartSql(now, timeZone);
  const result = await db.execute(sql`
    select m.client_id as id,
      coalesce(sum(m.recipient_count) filter (where m.created_at >= ${day}), 0) as today,
      coalesce(sum(m.recipient_count) filter (where m.created_at >= p.start), 0) as period
    from ${messages} m join (values ${values}) as p(id, start) on p.id = m.client_id
    where m.counts_toward_quota and m.created_at >= least(p.start, ${day})
    group by m.client_id`);
  for (const r of rowsOf<{ id: number; today: string; period: string }>(result)) {
    out.set(Number(r.id), { today: Number(r.today), period: Number(r.period) });
  }
  return out;
}
