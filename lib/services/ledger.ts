import 'server-only';
import { and, count, desc, eq, gte, type SQL, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { clients, type LEDGER_KINDS, ledgerEntries, resellers, users } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import type { LedgerQuery } from '@/lib/validation/credit';
import { dateRange } from './date-filter';
import { type Page, paginated } from './paging';
import { getSettings } from './settings';

export type LedgerAccount = (typeof ledgerEntries.$inferInsert)['account'];
export type LedgerKind = (typeof LEDGER_KINDS)[number];

export interface LedgerPosting {
  account: LedgerAccount;
  accountId: number;
  resellerId: number;
  kind: LedgerKind;
  amount: number;
  actorId: number | null;
  method?: string | null;
  reference?: string | null;
  note?: string | null;
  clientId?: number | null;
  subscriptionId?: number | null;
  topupRequestId?: number | null;
}

/**
 * The single money primitive. Must run inside a transaction. Moves a balance by `amount` with one
 * conditional UPDATE (never below zero) and appends the ledger row carrying the balance after, so that
 * balance == sum(ledger) holds by construction.
 */
export async function postLedger(tx: Db, p: LedgerPosting): Promise<typeof ledgerEntries.$inferSelect> {
  if (!Number.isSafeInteger(p.amount) || p.amount === 0) {
    throw new Error(`postLedger: amount must be a non-zero safe integer, got ${p.amount}`);
  }
  const balanceAfter = await moveBalance(tx, p.account, p.accountId, p.amount);
  if (balanceAfter === null) {
    const balance = await readBalance(tx, p.account, p.accountId);
    throw new DomainError('insufficient_credit', 'Not enough credit for this.', {
      balance,
      required: -p.amount,
    });
  }
  const [row] = await tx
    .insert(ledgerEntries)
    .values({
      account: p.account,
      accountId: p.accountId,
      resellerId: p.resellerId,
      kind: p.kind,
      amount: p.amount,
      balanceAfter,
      method: p.method ?? null,
      reference: p.reference ?? null,
      note: p.note ?? null,
      actorId: p.actorId,
      clientId: p.clientId ?? null,
      subscriptionId: p.subscriptionId ?? null,
      topupRequestId: p.topupRequestId ?? null,
    })
    .returning();
  return row;
}

async function moveBalance(tx: Db, account: LedgerAccount, id: number, amount: number): Promise<number | null> {
  if (account === 'client_credit') {
    const rows = await tx
      .update(clients)
      .set({ creditBalance: sql`${clients.creditBalance} + ${amount}` })
      .where(and(eq(clients.id, id), gte(sql`${clients.creditBalance} + ${amount}`, 0)))
      .returning({ balance: clients.creditBalance });
    return rows[0]?.balance ?? null;
  }
  const column = account === 'reseller_credit' ? resellers.creditBalance : resellers.commissionBalance;
  const rows = await tx
    .update(resellers)
    .set(account === 'reseller_credit' ? { creditBalance: sql`${column} + ${amount}` } : { commissionBalance: sql`${column} + ${amount}` })
    .where(and(eq(resellers.id, id), gte(sql`${column} + ${amount}`, 0)))
    .returning({ balance: column });
  return rows[0]?.balance ?? null;
}

export async function readBalance(tx: Db, account: LedgerAccount, id: number): Promise<number> {
  if (account === 'client_credit') {
    const [r] = await tx.select({ b: clients.creditBalance }).from(clients).where(eq(clients.id, id));
    return r?.b ?? 0;
  }
  const [r] = await tx
    .select({ b: account === 'reseller_credit' ? resellers.creditBalance : resellers.commissionBalance })
    .from(resellers)
    .where(eq(resellers.id, id));
  return r?.b ?? 0;
}

export type LedgerRow = {
  id: number;
  kind: string;
  amount: number;
  balance_after: number;
  method: string | null;
  reference: string | null;
  note: string | null;
  client_id: number | null;
  /** The client the entry is about (activations, refunds, transfers), by name. */
  client_name: string | null;
  subscription_id: number | null;
  created_at: string;
};

/** Ledger rows with the name of the client each one is about. */
export function selectLedgerRows(db: Db) {
  return db.select({ e: ledgerEntries, clientName: users.name }).from(ledgerEntries).leftJoin(users, eq(users.id, ledgerEntries.clientId));
}

export function ledgerRowView(r: typeof ledgerEntries.$inferSelect, clientName: string | null = null): LedgerRow {
  return {
    id: r.id,
    kind: r.kind,
    amount: r.amount,
    balance_after: r.balanceAfter,
    method: r.method,
    reference: r.reference,
    note: r.note,
    client_id: r.clientId,
    client_name: clientName,
    subscription_id: r.subscriptionId,
    created_at: r.createdAt.toISOString(),
  };
}

/** One account's ledger, newest first, with kind and date filters. Callers check tenancy. */
export async function listLedger(db: Db, account: LedgerAccount, accountId: number, q: LedgerQuery): Promise<Page<LedgerRow>> {
  const conds: SQL[] = [eq(ledgerEntries.account, account), eq(ledgerEntries.accountId, accountId)];
  if (q.kind) conds.push(eq(ledgerEntries.kind, q.kind as LedgerKind));
  conds.push(...dateRange(ledgerEntries.createdAt, q.from, q.to, (await getSettings(db)).time_zone));
  const where = and(...conds);
  const [rows, [{ total }]] = await Promise.all([
    selectLedgerRows(db)
      .where(where)
      .orderBy(desc(ledgerEntries.createdAt), desc(ledgerEntries.id))
      .limit(q.limit)
      .offset((q.page - 1) * q.limit),
    db.select({ total: count() }).from(ledgerEntries).where(where),
  ]);
  return paginated(
    rows.map((r) => ledgerRowView(r.e, r.clientName)),
    q,
    total,
  );
}
