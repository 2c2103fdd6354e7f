import 'server-only';
// Events raised where the thing happens (docs/notifications.md#events): each service calls one of these after
// its transaction committed. Keys name the row that made the event (a top-up request, a ledger entry), so a
// retried request or a second instance cannot raise it twice.
import { eq, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '@/db';
import { users } from '@/db/schema';
import { dayStartSql } from '@/lib/services/usage';
import { adminIds, notify } from './raise';

const nameOf = async (db: Db, id: number) => (await db.select({ name: users.name }).from(users).where(eq(users.id, id)))[0]?.name ?? '';

export async function topupRequested(db: Db, t: { id: number; resellerId: number; amount: number }): Promise<void> {
  await notify(db, {
    event: 'topup_requested',
    key: `topup_requested:${t.id}`,
    userIds: await adminIds(db),
    params: { reseller: await nameOf(db, t.resellerId), amount: t.amount },
  });
}

export async function topupDecided(
  db: Db,
  t: { id: number; resellerId: number; amount: number; approved: boolean; reason: string | null; balance: number | null },
): Promise<void> {
  await notify(db, {
    event: t.approved ? 'topup_approved' : 'topup_rejected',
    key: `topup_decided:${t.id}`,
    userIds: [t.resellerId],
    params: { amount: t.amount, balanceAmount: t.balance, reason: t.reason },
  });
}

export async function creditAdded(db: Db, e: { entryId: number; resellerId: number; amount: number; balance: number }): Promise<void> {
  await notify(db, {
    event: 'credit_added',
    key: `credit_added:entry:${e.entryId}`,
    userIds: [e.resellerId],
    params: { amount: e.amount, balanceAmount: e.balance },
  });
}

export async function commissionSettled(db: Db, e: { entryId: number; resellerId: number; amount: number }): Promise<void> {
  await notify(db, { event: 'commission_settled', key: `commission_settled:entry:${e.entryId}`, userIds: [e.resellerId], params: { amount: e.amount } });
}

export interface UsageAfterSend {
  clientId: number;
  dailyLimit: number;
  periodLimit: number;
  periodStart: Date;
  timeZone: string;
  now: Date;
}

/**
 * After a send: 80 % and 100 % of the day's or the period's limit, once per day / period and step. One
 * index read of the two counters the send just moved; nothing is raised below 80 %.
 */
export async function usageAfterSend(db: Db, u: UsageAfterSend): Promise<void> {
  const rows = rowsOf<{ kind: 'day' | 'period'; used: number; starts_at: string | Date }>(
    await db.execute(sql`
      select kind, used, starts_at from usage_counters
      where client_id = ${u.clientId} and ((kind = 'day' and starts_at = ${dayStartSql(u.now, u.timeZone)})
        or (kind = 'period' and starts_at = ${u.periodStart.toISOString()}::timestamptz))`),
  );
  for (const r of rows) {
    const limit = r.kind === 'day' ? u.dailyLimit : u.periodLimit;
    if (limit <= 0) continue;
    const used = Number(r.used);
    const percent = used >= limit ? 100 : used >= limit * 0.8 ? 80 : 0;
    if (!percent) continue;
    const start = new Date(r.starts_at).toISOString();
    await notify(
      db,
      {
        event: 'usage_limit',
        key: `usage_limit:client:${u.clientId}:${r.kind}:${start}:${percent}`,
        userIds: [u.clientId],
        params: { client: await nameOf(db, u.clientId), limitKind: r.kind, used, limit, percent },
      },
      u.now,
    );
  }
}
