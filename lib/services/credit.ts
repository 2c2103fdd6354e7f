import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { resellers } from '@/db/schema';
import { type Actor, assertCan } from '@/lib/auth/permissions';
import { DomainError, notFound } from '@/lib/errors';
import { formatMoney } from '@/lib/format';
import { creditAdded } from '@/lib/notifications/service-events';
import type { CreditInput, LedgerQuery } from '@/lib/validation/credit';
import { writeAudit } from './audit';
import { type LedgerRow, ledgerRowView, listLedger, postLedger } from './ledger';
import type { Page } from './paging';
import { assertReferenceUnused } from './payment-reference';

export interface CreditResult {
  ledger_entry: LedgerRow;
  credit_balance: number;
}

/**
 * Admin top-up (positive amount) or adjustment (negative, reason required, never below zero).
 * One transaction: balance, ledger row and audit row together.
 */
export async function creditReseller(db: Db, actor: Actor, resellerId: number, input: CreditInput): Promise<CreditResult> {
  assertCan(actor, 'reseller.credit');
  const result = await db.transaction(async (tx) => {
    const [r] = await tx
      .select({ id: resellers.id, balance: resellers.creditBalance, archivedAt: resellers.archivedAt })
      .from(resellers)
      .where(eq(resellers.id, resellerId))
      .for('update');
    if (!r || r.archivedAt) throw notFound('Reseller');
    const isAdjustment = input.amount < 0;
    if (isAdjustment && r.balance + input.amount < 0) {
      throw new DomainError('insufficient_credit', 'An adjustment cannot make the balance negative.', {
        balance: r.balance,
        required: -input.amount,
        fields: { amount: [`At most ${formatMoney(r.balance)} can be deducted.`] },
      });
    }
    if (!isAdjustment) await assertReferenceUnused(tx, input, input.allow_duplicate_reference);
    const entry = await postLedger(tx, {
      account: 'reseller_credit',
      accountId: resellerId,
      resellerId,
      kind: isAdjustment ? 'adjustment' : 'topup',
      amount: input.amount,
      actorId: actor.userId,
      method: input.method ?? null,
      reference: input.reference ?? null,
      note: input.note ?? null,
    });
    await writeAudit(
      tx,
      actor,
      isAdjustment ? 'reseller.credit_adjust' : 'reseller.credit_topup',
      { type: 'reseller', id: resellerId },
      { credit_balance: r.balance },
      {
        credit_balance: entry.balanceAfter,
        amount: input.amount,
        method: input.method ?? null,
        reference: input.reference ?? null,
        ledger_entry_id: entry.id,
        ...(input.allow_duplicate_reference ? { allow_duplicate_reference: true } : {}),
      },
    );
    return { ledger_entry: ledgerRowView(entry), credit_balance: entry.balanceAfter, entryId: entry.id };
  });
  const { entryId, ...out } = result;
  if (input.amount > 0) await creditAdded(db, { entryId, resellerId, amount: input.amount, balance: out.credit_balance });
  return out;
}

/** A reseller's credit ledger: the admin sees any, a reseller only its own. */
export async function resellerLedger(db: Db, actor: Actor, resellerId: number, q: LedgerQuery): Promise<Page<LedgerRow>> {
  assertCan(actor, 'ledger.read');
  if (actor.role === 'reseller' && actor.userId !== resellerId) throw notFound('Reseller');
  const [r] = await db.select({ id: resellers.id }).from(resellers).where(eq(resellers.id, resellerId));
  if (!r) throw notFound('Reseller');
  return listLedger(db, 'reseller_credit', resellerId, q);
}
