import 'server-only';
// Events found by looking (docs/notifications.md#events): each detector is `(db, now) => raised count`, run by
// the `notification-scan` job. What makes each exactly once is its key — the subject and the instant that
// defines the occurrence (the trial's end, the subscription's end, the device's last sighting) — not the job:
// a second instance, or the next pass, raising the same key is a no-op (raise.ts).
import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '@/db';
import { raiseEvent } from './raise';

const DAY = 86_400_000;
const iso = (d: Date) => d.toISOString();
const ts = (d: Date) => sql`${iso(d)}::timestamptz`;
const when = (v: string | Date) => new Date(v).toISOString();
const LIMIT = 500;

/** Trials (clients with no running package) ending within 24 h: to the client and its reseller. */
export async function trialsEnding(db: Db, now = new Date()): Promise<number> {
  const rows = rowsOf<{ id: number; reseller_id: number; name: string; ends: string | Date }>(
    await db.execute(sql`
      select c.id, c.reseller_id, coalesce(c.account_name, u.name) as name, c.trial_ends_at as ends
      from clients c join users u on u.id = c.id
      where u.status = 'active' and c.trial_ends_at > ${ts(now)} and c.trial_ends_at <= ${ts(new Date(now.getTime() + DAY))}
        and not exists (select 1 from subscriptions s where s.client_id = c.id and s.canceled_at is null and s.ends_at > ${ts(now)})
      limit ${LIMIT}`),
  );
  let n = 0;
  for (const r of rows)
    if (
      await raiseEvent(
        db,
        {
          event: 'trial_ending',
          key: `trial_ending:client:${r.id}:${when(r.ends)}`,
          userIds: [r.id, r.reseller_id],
          params: { client: r.name, endsAt: when(r.ends) },
        },
        now,
      )
    )
      n++;
  return n;
}

/** Paid periods ending within 3 days with no later package queued: to the client and its reseller. */
export async function periodsEnding(db: Db, now = new Date()): Promise<number> {
  const rows = rowsOf<{ sid: number; id: number; reseller_id: number; name: string; ends: string | Date; package: string }>(
    await db.execute(sql`
      select s.id as sid, c.id, c.reseller_id, coalesce(c.account_name, u.name) as name, s.ends_at as ends, s.package_name as package
      from subscriptions s join clients c on c.id = s.client_id join users u on u.id = c.id
      where u.status = 'active' and s.canceled_at is null and s.starts_at <= ${ts(now)}
        and s.ends_at > ${ts(now)} and s.ends_at <= ${ts(new Date(now.getTime() + 3 * DAY))}
        and not exists (select 1 from subscriptions l where l.client_id = s.client_id and l.canceled_at is null and l.ends_at > s.ends_at)
      limit ${LIMIT}`),
  );
  let n = 0;
  for (const r of rows)
    if (
      await raiseEvent(
        db,
        {
          event: 'period_ending',
          key: `period_ending:subscription:${r.sid}:${when(r.ends)}`,
          userIds: [r.id, r.reseller_id],
          params: { client: r.name, package: r.package, endsAt: when(r.ends) },
        },
        now,
      )
    )
      n++;
  return n;
}

/** Clients whose trial or last package ended in the last 2 days (older ends are not news any more). */
export async function clientsExpired(db: Db, now = new Date()): Promise<number> {
  const rows = rowsOf<{ id: number; reseller_id: number; name: string; ended: string | Date }>(
    await db.execute(sql`
      select * from (
        select c.id, c.reseller_id, coalesce(c.account_name, u.name) as name,
          greatest(c.trial_ends_at, coalesce((select max(s.ends_at) from subscriptions s where s.client_id = c.id and s.canceled_at is null), c.trial_ends_at)) as ended
        from clients c join users u on u.id = c.id where u.status = 'active'
      ) x where x.ended <= ${ts(now)} and x.ended > ${ts(new Date(now.getTime() - 2 * DAY))}
      limit ${LIMIT}`),
  );
  let n = 0;
  for (const r of rows)
    if (
      await raiseEvent(
        db,
        {
          event: 'client_expired',
          key: `client_expired:client:${r.id}:${when(r.ended)}`,
          userIds: [r.id, r.reseller_id],
          params: { client: r.name },
        },
        now,
      )
    )
      n++;
  return n;
}

/** Phones not seen for 30 minutes (up to a day) while their client has messages waiting: to the client. */
export async function devicesOffline(db: Db, now = new Date()): Promise<number> {
  const rows = rowsOf<{ id: string; client_id: number; name: string; seen: string | Date; waiting: number }>(
    await db.execute(sql`
      select d.id, d.client_id, d.name, d.last_seen_at as seen,
        (select count(*)::int from messages m where m.client_id = d.client_id and m.state = 'pending' and m.valid_until > ${ts(now)}) as waiting
      from devices d
      where d.enabled and not d.online and d.last_seen_at <= ${ts(new Date(now.getTime() - 30 * 60_000))}
        and d.last_seen_at > ${ts(new Date(now.getTime() - DAY))}
        and exists (select 1 from messages m where m.client_id = d.client_id and m.state = 'pending' and m.valid_until > ${ts(now)})
      limit ${LIMIT}`),
  );
  let n = 0;
  for (const r of rows)
    if (
      await raiseEvent(
        db,
        {
          event: 'device_offline',
          key: `device_offline:device:${r.id}:${when(r.seen)}`,
          userIds: [r.client_id],
          params: { device: r.name, sinceAt: when(r.seen), waiting: Number(r.waiting) },
        },
        now,
      )
    )
      n++;
  return n;
}

/**
 * Resellers whose credit is below their threshold (default 100,000 MMK): once per refill — the key carries
 * the last credit added, so the next drop after a top-up is news again. A reseller never credited is not told.
 */
export async function lowCredit(db: Db, now = new Date()): Promise<number> {
  const rows = rowsOf<{ id: number; balance: number; threshold: number; last_in: number }>(
    await db.execute(sql`
      select r.id, r.credit_balance as balance, coalesce(n.low_credit_threshold, 100000) as threshold,
        (select max(l.id) from ledger_entries l where l.account = 'reseller_credit' and l.account_id = r.id and l.amount > 0) as last_in
      from resellers r join users u on u.id = r.id left join reseller_notice_settings n on n.reseller_id = r.id
      where r.archived_at is null and u.status = 'active' and r.credit_balance < coalesce(n.low_credit_threshold, 100000)
      limit ${LIMIT}`),
  );
  let n = 0;
  for (const r of rows) {
    if (r.last_in === null) continue;
    const params = { balanceAmount: Number(r.balance), thresholdAmount: Number(r.threshold) };
    if (await raiseEvent(db, { event: 'low_credit', key: `low_credit:reseller:${r.id}:after:${r.last_in}`, userIds: [r.id], params }, now))
      n++;
  }
  return n;
}

/** One pass of every detector (the job's body). */
export async function scanNotifications(db: Db, now = new Date()) {
  return {
    trial_ending: await trialsEnding(db, now),
    period_ending: await periodsEnding(db, now),
    client_expired: await clientsExpired(db, now),
    device_offline: await devicesOffline(db, now),
    low_credit: await lowCredit(db, now),
  };
}
