import 'server-only';
import { and, desc, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { ledgerEntries, resellers } from '@/db/schema';
import { type Actor, assertCan } from '@/lib/auth/permissions';
import { notFound } from '@/lib/errors';
import { type LedgerKind, type LedgerRow, ledgerRowView, selectLedgerRows } from './ledger';

export interface LedgerExportFilters {
  kind?: string;
  /** Inclusive lower bound, an ISO instant. */
  from?: string;
  /** Exclusive upper bound, an ISO instant. */
  to?: string;
}

/**
 * Every row of a reseller's credit ledger that matches the filters, newest first, in batches, for a CSV
 * download of any size. Keyset paging on (created_at, id) keeps each batch an index range scan; the
 * cursor is compared in SQL against the row itself so microsecond timestamps never skip a row.
 * Permission and tenancy are checked before the first batch is read.
 */
export async function resellerLedgerExport(
  db: Db,
  actor: Actor,
  resellerId: number,
  filters: LedgerExportFilters,
  batchSize = 1000,
): Promise<AsyncGenerator<LedgerRow[]>> {
  assertCan(actor, 'ledger.read');
  if (actor.role === 'reseller' && actor.userId !== resellerId) throw notFound('Reseller');
  const [r] = await db.select({ id: resellers.id }).from(resellers).where(eq(resellers.id, resellerId));
  if (!r) throw notFound('Reseller');

  const base: SQL[] = [eq(ledgerEntries.account, 'reseller_credit'), eq(ledgerEntries.accountId, resellerId)];
  if (filters.kind) base.push(eq(ledgerEntries.kind, filters.kind as LedgerKind));
  if (filters.from) base.push(gte(ledgerEntries.createdAt, new Date(filters.from)));
  if (filters.to) base.push(lt(ledgerEntries.createdAt, new Date(filters.to)));

  return (async function* batches(): AsyncGenerator<LedgerRow[]> {
    let cursor: number | null = null;
    for (;;) {
      const conds: SQL[] =
        cursor === null
          ? base
          : [
              ...base,
              sql`(${ledgerEntries.createdAt}, ${ledgerEntries.id}) < (select c.created_at, c.id from ledger_entries c where c.id = ${cursor})`,
            ];
      const rows = await selectLedgerRows(db)
        .where(and(...conds))
        .orderBy(desc(ledgerEntries.createdAt), desc(ledgerEntries.id))
        .limit(batchSize);
      if (rows.length) yield rows.map((r) => ledgerRowView(r.e, r.clientName));
      if (rows.length < batchSize) return;
      cursor = rows[rows.length - 1].e.id;
    }
  })();
}
