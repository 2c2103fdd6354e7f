import 'server-only';
import { and, count, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '@/db';
import { clients, resellers, subscriptions, users } from '@/db/schema';
import { type Actor, assertCan } from '@/lib/auth/permissions';
import { DomainError, notFound } from '@/lib/errors';
import { formatMoney } from '@/lib/format';
import { commissionSettled } from '@/lib/notifications/service-events';
import type { CommissionSettleInput } from '@/lib/validation/credit';
import { writeAudit } from './audit';
import { postLedger } from './ledger';
import { endSessions } from './users';

/**
 * Deletes a reseller by archiving it: refused (409, with the reason) while any of its clients has paid
 * service left or either balance is not zero. Ledger, audit and clients stay; the login email and the
 * subdomain are released for reuse (the originals are kept in the audit row).
 */
export async function deleteReseller(
  db: Db,
  actor: Actor,
  id: number,
  confirmName?: string,
  now = new Date(),
): Promise<{ id: number; status: 'archived' }> {
  assertCan(actor, 'reseller.delete');
  return db.transaction(async (tx) => {
    const [r] = await tx.select().from(resellers).where(eq(resellers.id, id)).for('update');
    const [u] = r ? await tx.select().from(users).where(eq(users.id, id)) : [];
    if (!r || !u || r.archivedAt) throw notFound('Reseller');
    if (confirmName !== undefined && confirmName.trim() !== u.name) {
      throw new DomainError('validation_failed', 'Type the reseller name exactly to confirm.', {
        fields: { confirm: ['Type the reseller name exactly to confirm.'] },
      });
    }
    const [{ paid }] = await tx
      .select({ paid: count() })
      .from(subscriptions)
      .where(and(eq(subscriptions.resellerId, id), isNull(subscriptions.canceledAt), gt(subscriptions.endsAt, now)));
    const reasons: string[] = [];
    if (paid > 0) reasons.push(`${paid} paid subscription(s) still running`);
    if (r.creditBalance !== 0) reasons.push(`credit balance is ${formatMoney(r.creditBalance)}`);
    if (r.commissionBalance !== 0) reasons.push(`commission balance is ${formatMoney(r.commissionBalance)}`);
    if (reasons.length) {
      throw new DomainError('conflict', `This reseller cannot be deleted: ${reasons.join('; ')}.`, {
        reasons,
        paid_subscriptions: paid,
        credit_balance: r.creditBalance,
        commission_balance: r.commissionBalance,
      });
    }
    const [{ n }] = await tx.select({ n: count() }).from(clients).where(eq(clients.resellerId, id));
    await tx
      .update(users)
      .set({ status: 'archived', email: `archived-${id}~${u.email}`, updatedAt: now })
      .where(eq(users.id, id));
    await tx
      .update(resellers)
      .set({ archivedAt: now, subdomain: `archived-${id}~${r.subdomain}` })
      .where(eq(resellers.id, id));
    await endSessions(tx, id, now);
    await writeAudit(
      tx,
      actor,
      'reseller.delete',
      { type: 'reseller', id },
      { name: u.name, email: u.email, subdomain: r.subdomain, clients: n },
      { status: 'archived' },
    );
    return { id, status: 'archived' as const };
  });
}

export interface CommissionSettlement {
  mode: 'payout' | 'convert';
  amount: number;
  commission_balance: number;
  credit_balance: number;
}

/**
 * Settles a commission partner's earnings: paid out outside the platform (the commission balance goes
 * down), or converted to credit (commission down, credit up, both rows in one transaction).
 */
export async function settleCommission(
  db: Db,
  actor: Actor,
  resellerId: number,
  input: CommissionSettleInput,
): Promise<CommissionSettlement> {
  assertCan(actor, 'commission.settle');
  const out = await db.transaction(async (tx) => {
    const [r] = await tx.select().from(resellers).where(eq(resellers.id, resellerId)).for('update');
    if (!r || r.archivedAt) throw notFound('Reseller');
    const amount = input.amount ?? r.commissionBalance;
    if (amount <= 0) throw new DomainError('conflict', 'There is no commission to settle.', { commission_balance: r.commissionBalance });
    if (amount > r.commissionBalance) {
      throw new DomainError('insufficient_credit', 'The amount is more than the commission balance.', {
        balance: r.commissionBalance,
        required: amount,
        fields: { amount: [`At most ${formatMoney(r.commissionBalance)}.`] },
      });
    }
    const kind = input.mode === 'payout' ? 'commission_payout' : 'commission_conversion';
    const common = { resellerId, actorId: actor.userId, reference: input.reference ?? null, note: input.note ?? null };
    const c = await postLedger(tx, { ...common, account: 'reseller_commission', accountId: resellerId, kind, amount: -amount });
    let credit = r.creditBalance;
    if (input.mode === 'convert') {
      credit = (await postLedger(tx, { ...common, account: 'reseller_credit', accountId: resellerId, kind, amount })).balanceAfter;
    }
    await writeAudit(
      tx,
      actor,
      `reseller.commission_${input.mode}`,
      { type: 'reseller', id: resellerId },
      { commission_balance: r.commissionBalance, credit_balance: r.creditBalance },
      { commission_balance: c.balanceAfter, credit_balance: credit, amount },
    );
    return { mode: input.mode, amount, commission_balance: c.balanceAfter, credit_balance: credit, entryId: c.id };
  });
  const { entryId, ...settlement } = out;
  await commissionSettled(db, { entryId, resellerId, amount: settlement.amount });
  return settlement;
}
