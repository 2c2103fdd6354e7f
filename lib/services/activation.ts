import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { resellerPrices, resellers, subscriptions } from '@/db/schema';
import { type Actor, assertCan } from '@/lib/auth/permissions';
import { DomainError, notFound } from '@/lib/errors';
import { formatMoney } from '@/lib/format';
import type { ActivateInput } from '@/lib/validation/clients';
import {
  assertQuoteUnchanged,
  findPackage,
  forPayer,
  type Package,
  payerOf,
  type Quote,
  quoteActivation,
  resellerOf,
} from './activation-quote';
import { writeAudit } from './audit';
import { type ClientView, getClient, lockClientFor } from './clients';
import { postLedger } from './ledger';
import { liveSubscriptions, subscriptionView } from './subscriptions';

export { type ActivationPreview, previewActivation, quoteActivation, type RefundLine } from './activation-quote';

export interface ActivationResult {
  subscription: ReturnType<typeof subscriptionView>;
  kind: Quote['kind'];
  refund: number;
  credit_balance: number;
  client: ClientView;
}

/**
 * The money path. One transaction: lock the reseller's balance row, then the client's; quote; refund a
 * switched-away subscription; debit; create the subscription; accrue commission; audit.
 */
export async function activatePackage(
  db: Db,
  actor: Actor,
  clientId: number,
  input: ActivateInput,
  now = new Date(),
): Promise<ActivationResult> {
  assertCan(actor, 'client.activate');
  const resellerId = await resellerOf(db, actor, clientId);
  const result = await db.transaction(async (tx) => {
    // Lock order everywhere: reseller, then client. Concurrent activations queue here.
    const [reseller] = await tx.select().from(resellers).where(eq(resellers.id, resellerId)).for('update');
    if (!reseller || reseller.archivedAt) throw notFound('Client');
    const client = await lockClientFor(tx, actor, clientId);
    const pkg = await findPackage(tx, input.package_type);
    const payer = payerOf(actor);
    const quote = forPayer(quoteActivation(await liveSubscriptions(tx, clientId, now), pkg, now), payer);
    assertQuoteUnchanged(input, pkg, quote);
    const balance = payer === 'client' ? client.creditBalance : reseller.creditBalance;
    if (balance < quote.net) {
      throw new DomainError('insufficient_credit', `Not enough credit: ${pkg.name} needs ${formatMoney(quote.net)}.`, {
        balance,
        required: quote.net,
      });
    }
    const bp = reseller.partnerType === 'commission' ? reseller.commissionRateBp : 0;
    const retailPrice = await retailPriceOf(tx, reseller, pkg);
    for (const r of quote.refunds) {
      await tx.update(subscriptions).set({ canceledAt: now, refundAmount: r.amount }).where(eq(subscriptions.id, r.subscription.id));
      if (r.amount > 0) {
        const toClient = r.subscription.paidBy === 'client';
        await postLedger(tx, {
          account: toClient ? 'client_credit' : 'reseller_credit',
          accountId: toClient ? clientId : resellerId,
          resellerId,
          kind: 'refund',
          amount: r.amount,
          actorId: actor.userId,
          clientId,
          subscriptionId: r.subscription.id,
          note: `${r.unusedDays} unused day(s) of ${r.subscription.packageName}`,
        });
      }
    }
    const [sub] = await tx
      .insert(subscriptions)
      .values({
        clientId,
        resellerId,
        packageId: pkg.id,
        packageCode: pkg.code,
        packageName: pkg.name,
        price: pkg.price,
        retailPrice,
        dailyLimit: pkg.dailyLimit,
        periodLimit: pkg.periodLimit,
        deviceLimit: pkg.deviceLimit,
        periodDays: pkg.periodDays,
        smppThroughput: pkg.smppThroughput,
        smppMaxBinds: pkg.smppMaxBinds,
        kind: quote.kind,
        paidBy: payer,
        startsAt: quote.startsAt,
        endsAt: quote.endsAt,
        createdBy: actor.userId,
        createdAt: now,
      })
      .returning();
    const debit = await postLedger(tx, {
      account: payer === 'client' ? 'client_credit' : 'reseller_credit',
      accountId: payer === 'client' ? clientId : resellerId,
      resellerId,
      kind: 'activation',
      amount: -pkg.price,
      actorId: actor.userId,
      clientId,
      subscriptionId: sub.id,
      reference: pkg.code,
      note: `${pkg.name} (${quote.kind})`,
    });
    if (bp > 0) await settleCommission(tx, actor, resellerId, clientId, sub.id, pkg.price, quote.refundTotal, bp);
    await writeAudit(tx, actor, 'client.activate_package', { type: 'client', id: clientId }, null, {
      subscription_id: sub.id,
      package_type: pkg.code,
      kind: quote.kind,
      price: pkg.price,
      refund: quote.refundTotal,
      credit_balance: debit.balanceAfter,
      paid_by: payer,
    });
    // The answer is read inside the transaction, so nothing runs after COMMIT: an error the caller sees
    // (a dropped connection) means not charged, unless the COMMIT's own answer was lost.
    return { sub, quote, balance: debit.balanceAfter, client: await getClient(tx, actor, clientId, now) };
  });
  return {
    subscription: subscriptionView(result.sub),
    kind: result.quote.kind,
    refund: result.quote.refundTotal,
    credit_balance: result.balance,
    client: result.client,
  };
}

/** Commission partners earn a share of the list price; a switch's refund takes back the same share of it. */
async function settleCommission(
  tx: Db,
  actor: Actor,
  resellerId: number,
  clientId: number,
  subscriptionId: number,
  price: number,
  refund: number,
  bp: number,
): Promise<void> {
  const earned = Math.floor((price * bp) / 10_000);
  if (earned > 0) {
    await postLedger(tx, {
      account: 'reseller_commission',
      accountId: resellerId,
      resellerId,
      kind: 'commission',
      amount: earned,
      actorId: actor.userId,
      clientId,
      subscriptionId,
    });
  }
  const [{ balance }] = await tx.select({ balance: resellers.commissionBalance }).from(resellers).where(eq(resellers.id, resellerId));
  const reversal = Math.min(Math.floor((refund * bp) / 10_000), balance);
  if (reversal > 0) {
    await postLedger(tx, {
      account: 'reseller_commission',
      accountId: resellerId,
      resellerId,
      kind: 'commission_reversal',
      amount: -reversal,
      actorId: actor.userId,
      clientId,
      subscriptionId,
    });
  }
}

/** What the client pays the reseller: an own-plans reseller's retail price if set, else the list price. */
async function retailPriceOf(tx: Db, reseller: typeof resellers.$inferSelect, pkg: Package): Promise<number> {
  if (reseller.partnerType !== 'own_plans') return pkg.price;
  const [p] = await tx
    .select({ price: resellerPrices.retailPrice })
    .from(resellerPrices)
    .where(and(eq(resellerPrices.resellerId, reseller.id), eq(resellerPrices.packageId, pkg.id)));
  return p?.price ?? pkg.price;
}
