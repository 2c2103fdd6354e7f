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
  await notify(db, {
    event: 'commission_settled',
    key: `commission_settled:entry:${e.entryId}`,
    userIds: [e.resellerId],
    params: { amount: e.amount },
  });
}

export interface UsageAfterSend {
  clientId: number;
  dailyLimit: number;
  periodLimit: number;
  periodStart: Date;
  timeZone: string;
  now: Date;
  /** The counters after the send (takeQuota's answer). */
  used: { day: number; period: number };
}

/**
 * After a send: 80 % and 100 % of the day's or the period's limit, once per day / period and step. The send
 * handed over its counters, so below 80 % this costs no statement at all (the send stays four statements).
 */
export async function usageAfterSend(db: Db, u: UsageAfterSend): Promise<void> {
  for (const kind of ['day', 'period'] as const) {
    const limit = kind === 'day' ? u.dailyLimit : u.periodLimit;
    const used = u.used[kind];
    if (limit <= 0) continue;
    const percent = used >= limit ? 100 : used >= limit * 0.8 ? 80 : 0;
    if (!percent) continue;
    const start = kind === 'day' ? await dayStart(db, u.now, u.timeZone) : u.periodStart.toISOString();
    await notify(
      db,
      {
        event: 'usage_limit',
        key: `usage_limit:client:${u.clientId}:${kind}:${start}:${percent}`,
        userIds: [u.clientId],
        params: { client: await nameOf(db, u.clientId), limitKind: kind, used, limit, percent },
      },
      u.now,
    );
  }
}

async function dayStart(db: Db, now: Date, timeZone: string): Promise<string> {
  const [r] = rowsOf<{ s: string | Date }>(await db.execute(sql`select ${dayStartSql(now, timeZone)} as s`));
  return new Date(r.s).toISOString();
}
