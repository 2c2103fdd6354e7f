import 'server-only';
// One payment credited once (issue 10 item 3): a top-up (admin top-up or an approved top-up request) whose
// method and reference were already credited is refused with 409 duplicate_reference naming the earlier
// ledger entry, unless the admin credits it again on purpose (allow_duplicate_reference).
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { ledgerEntries, users } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import { formatDate, formatMoney } from '@/lib/format';
import { paymentMethodLabel } from '@/lib/payment-methods';

/** References compare without case and surrounding space: "KBZ-123 " and "kbz-123" are one payment. */
export const referenceKey = (reference: string) => reference.trim().toLowerCase();

/**
 * Inside the money transaction, before the ledger row: the same method and reference credited before is
 * refused. Two top-ups of one reference at the same moment queue on a transaction lock, so the second
 * sees the first.
 */
export async function assertReferenceUnused(
  tx: Db,
  payment: { method?: string | null; reference?: string | null },
  allowDuplicate: boolean | undefined,
): Promise<void> {
  if (!payment.reference?.trim()) return;
  const method = payment.method ?? null;
  const ref = referenceKey(payment.reference);
  await tx.execute(sql`select pg_advisory_xact_lock(727280, hashtext(${`${method ?? ''}|${ref}`}))`);
  if (allowDuplicate) return;
  const [hit] = await tx
    .select({
      id: ledgerEntries.id,
      resellerId: ledgerEntries.resellerId,
      resellerName: users.name,
      amount: ledgerEntries.amount,
      createdAt: ledgerEntries.createdAt,
      reference: ledgerEntries.reference,
    })
    .from(ledgerEntries)
    .innerJoin(users, eq(users.id, ledgerEntries.resellerId))
    .where(
      and(
        eq(ledgerEntries.kind, 'topup'),
        method === null ? isNull(ledgerEntries.method) : eq(ledgerEntries.method, method),
        sql`lower(trim(${ledgerEntries.reference})) = ${ref}`,
      ),
    )
    .orderBy(asc(ledgerEntries.id))
    .limit(1);
  if (!hit) return;
  const how = method ? ` (${paymentMethodLabel(method)})` : '';
  const message = `Payment reference “${payment.reference.trim()}”${how} was already credited: ledger entry #${hit.id}, ${formatMoney(hit.amount)} to ${hit.resellerName} on ${formatDate(hit.createdAt)}. Confirm to credit it again.`;
  throw new DomainError('duplicate_reference', message, {
    ledger_entry_id: hit.id,
    reseller_id: hit.resellerId,
    reseller_name: hit.resellerName,
    amount: hit.amount,
    created_at: hit.createdAt.toISOString(),
    method,
    reference: hit.reference,
    fields: { reference: [message] },
  });
}
