import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { resellers } from '@/db/schema';
import { type Actor, assertCan } from '@/lib/auth/permissions';
import { DomainError, notFound } from '@/lib/errors';
import { formatMoney } from '@/lib/format';
import { writeAudit } from './audit';
import { lockClientFor } from './clients';
import { postLedger } from './ledger';

export interface TransferResult {
  client_id: number;
  amount: number;
  credit_balance: number;
  client_credit_balance: number;
}

/**
 * Moves credit between a reseller and one of its clients (ClickSend's transfer-credit): a positive amount
 * goes to the client's own balance, a negative one takes unused client balance back. Both sides are
 * ledger rows in one transaction; locks in the usual order (reseller, then client).
 */
export async function transferCredit(db: Db, actor: Actor, clientId: number, amount: number, note?: string): Promise<TransferResult> {
  assertCan(actor, 'client.transfer');
  if (!Number.isSafeInteger(amount) || amount === 0) {
    throw new DomainError('validation_failed', 'Amount must be a non-zero whole number.', {
      fields: { amount: ['Amount must be a non-zero whole number.'] },
    });
  }
  return db.transaction(async (tx) => {
    const [reseller] = await tx.select().from(resellers).where(eq(resellers.id, actor.userId)).for('update');
    if (!reseller || reseller.archivedAt) throw notFound('Reseller');
    const client = await lockClientFor(tx, actor, clientId);
    if (amount > 0 && reseller.creditBalance < amount) {
      throw new DomainError('insufficient_credit', 'Not enough credit to transfer.', { balance: reseller.creditBalance, required: amount });
    }
    if (amount < 0 && client.creditBalance < -amount) {
      throw new DomainError('insufficient_credit', 'The client does not have that much unused credit.', {
        balance: client.creditBalance,
        required: -amount,
        fields: { amount: [`At most ${formatMoney(client.creditBalance)} can be taken back.`] },
      });
    }
    const common = { resellerId: reseller.id, actorId: actor.userId, clientId, note: note ?? null };
    const r = await postLedger(tx, {
      ...common,
      account: 'reseller_credit',
      accountId: reseller.id,
      kind: amount > 0 ? 'transfer_out' : 'transfer_in',
      amount: -amount,
    });
    const c = await postLedger(tx, {
      ...common,
      account: 'client_credit',
      accountId: clientId,
      kind: amount > 0 ? 'transfer_in' : 'transfer_out',
      amount,
    });
    await writeAudit(
      tx,
      actor,
      amount > 0 ? 'client.credit_transfer' : 'client.credit_take_back',
      { type: 'client', id: clientId },
      { credit_balance: reseller.creditBalance, client_credit_balance: client.creditBalance },
      { credit_balance: r.balanceAfter, client_credit_balance: c.balanceAfter, amount },
    );
    return { client_id: clientId, amount, credit_balance: r.balanceAfter, client_credit_balance: c.balanceAfter };
  });
}
