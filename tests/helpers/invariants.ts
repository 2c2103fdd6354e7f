// Money invariants checked after every test that moves money: balance == sum(ledger) for every account.
import { and, count, eq, or, type SQL, sql } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Db } from '@/db';
import { auditLog, clients, ledgerEntries, resellers, subscriptions } from '@/db/schema';

/** Rows of a raw query, whichever driver answered (postgres.js gives an array, PGlite `{rows}`). */
export async function queryRows<T extends Record<string, unknown>>(db: Db, query: SQL): Promise<T[]> {
  const res: unknown = await db.execute(query);
  if (Array.isArray(res)) return res as T[];
  if (res && typeof res === 'object' && 'rows' in res && Array.isArray(res.rows)) return res.rows as T[];
  throw new Error('unexpected result shape from db.execute');
}

export interface LedgerMismatch extends Record<string, unknown> {
  problem: string;
  account: string;
  account_id: number;
  balance: string | null;
  ledger: string | null;
}

// One statement, so one snapshot: safe to run while other transactions move money.
const MISMATCHES = sql`
with balances as (
  select 'reseller_credit'::text as account, id as account_id, credit_balance as balance from resellers
  union all select 'reseller_commission'::text, id, commission_balance from resellers
  union all select 'client_credit'::text, id, credit_balance from clients
), sums as (
  select account, account_id, sum(amount) as total from ledger_entries group by account, account_id
), running as (
  select account, account_id, id, balance_after,
    sum(amount) over (partition by account, account_id order by id) as running_total
  from ledger_entries
)
select 'balance_vs_sum' as problem, b.account, b.account_id, b.balance::text as balance, coalesce(s.total, 0)::text as ledger
  from balances b left join sums s on s.account = b.account and s.account_id = b.account_id
  where b.balance <> coalesce(s.total, 0)
union all
select 'orphan_ledger', s.account, s.account_id, null, s.total::text
  from sums s left join balances b on s.account = b.account and s.account_id = b.account_id
  where b.account_id is null
union all
select 'balance_after_vs_running_sum', r.account, r.account_id, r.balance_after::text, r.running_total::text
  from running r where r.balance_after <> r.running_total
union all
select 'negative_balance', b.account, b.account_id, b.balance::text, null from balances b where b.balance < 0
`;

/** Every account of every kind: balance == sum(ledger.amount), each row's balance_after is the running sum. */
export async function ledgerMismatches(db: Db): Promise<LedgerMismatch[]> {
  return queryRows<LedgerMismatch>(db, MISMATCHES);
}

export async function assertLedgerInvariant(db: Db): Promise<void> {
  expect(await ledgerMismatches(db)).toEqual([]);
}

/** Everything an activation may change for one reseller and client; equal before and after a refusal. */
export async function moneyFootprint(db: Db, resellerId: number, clientId: number) {
  const [r] = await db
    .select({ credit: resellers.creditBalance, commission: resellers.commissionBalance })
    .from(resellers)
    .where(eq(resellers.id, resellerId));
  const [c] = await db.select({ credit: clients.creditBalance }).from(clients).where(eq(clients.id, clientId));
  const [{ ledger }] = await db.select({ ledger: count() }).from(ledgerEntries).where(eq(ledgerEntries.resellerId, resellerId));
  const [{ subs }] = await db.select({ subs: count() }).from(subscriptions).where(eq(subscriptions.clientId, clientId));
  const [{ audit }] = await db
    .select({ audit: count() })
    .from(auditLog)
    .where(or(eq(auditLog.actorId, resellerId), and(eq(auditLog.targetType, 'client'), eq(auditLog.targetId, String(clientId)))));
  return { credit: r.credit, commission: r.commission, clientCredit: c.credit, ledger, subs, audit };
}

export interface UsageMismatch extends Record<string, unknown> {
  client_id: number;
  kind: string;
  starts_at: string | null;
  counter: number | null;
  messages: number | null;
}

/**
 * Usage counters recomputed from the messages (lib/services/usage.ts): every counted message belongs, per
 * kind, to its client's latest counter starting at or before it (a day counter within the day); each
 * counter must equal the sum of its messages' recipients, and no counted message may be left without one.
 * One statement, so one snapshot: safe while other suites send (the counters move in the send's transaction).
 */
export async function usageMismatches(db: Db, clientIds?: number[]): Promise<UsageMismatch[]> {
  const only = (col: SQL) => (clientIds ? sql`${col} = any(${`{${clientIds.join(',')}}`}::int[])` : sql`true`);
  return queryRows<UsageMismatch>(
    db,
    sql`
    with m as (select client_id, created_at, recipient_count as n from messages where counts_toward_quota and ${only(sql`client_id`)}),
    a as (
      select m.client_id, k.kind, m.n, (select max(c.starts_at) from usage_counters c
        where c.client_id = m.client_id and c.kind = k.kind and c.starts_at <= m.created_at
          and (k.kind = 'period' or c.starts_at > m.created_at - interval '25 hours')) as s
      from m cross join (values ('day'), ('period')) as k(kind)
    ),
    want as (select client_id, kind, s, sum(n)::int as used from a where s is not null group by 1, 2, 3),
    have as (select client_id, kind, starts_at as s, used from usage_counters where ${only(sql`client_id`)})
    select coalesce(h.client_id, w.client_id) as client_id, coalesce(h.kind, w.kind) as kind, coalesce(h.s, w.s)::text as starts_at,
      h.used as counter, w.used as messages
    from have h full join want w on w.client_id = h.client_id and w.kind = h.kind and w.s = h.s
    where coalesce(h.used, 0) <> coalesce(w.used, 0)
    union all
    select client_id, kind || ' (no counter)', null, null, sum(n)::int from a where s is null group by client_id, kind`,
  );
}

export async function assertUsageInvariant(db: Db, clientIds?: number[]): Promise<void> {
  expect(await usageMismatches(db, clientIds)).toEqual([]);
}
