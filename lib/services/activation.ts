import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { clients, packages, resellerPrices, resellers, subscriptions } from '@/db/schema';
import { type Actor, assertCan } from '@/lib/auth/permissions';
import { DomainError, fieldError, notFound } from '@/lib/errors';
import type { ActivateInput } from '@/lib/validation/clients';
import { writeAudit } from './audit';
import { type ClientView, getClient, lockClientFor } from './clients';
import { postLedger } from './ledger';
import { effectiveEndOf, liveSubscriptions, type Subscription, subscriptionView } from './subscriptions';

const DAY_MS = 86_400_000;

type Package = typeof packages.$inferSelect;

export interface Refund {
  subscription: Subscription;
  unusedDays: number;
  amount: number;
}

export interface Quote {
  kind: 'new' | 'renewal' | 'switch';
  price: number;
  refunds: Refund[];
  refundTotal: number;
  /** What the balance must cover: price less refunds. */
  net: number;
  startsAt: Date;
  endsAt: Date;
}

/**
 * The pricing rule of docs/ARCHITECTURE.md#rules-money. Same package while active: renewal, starting when the paid chain ends.
 * Another package while active: switch now, refunding each live subscription's unused whole days pro rata.
 */
export function quoteActivation(live: Subscription[], pkg: Package, now: Date): Quote {
  // A live period that has not started yet (another request's clock ran a moment ahead) still counts:
  // the client is paid for, so the same package renews after it instead of buying an overlapping period.
  const current = live.find((s) => s.startsAt <= now && effectiveEndOf(s) > now) ?? live[0];
  const period = pkg.periodDays * DAY_MS;
  if (!current) {
    return {
      kind: 'new',
      price: pkg.price,
      refunds: [],
      refundTotal: 0,
      net: pkg.price,
      startsAt: now,
      endsAt: new Date(now.getTime() + period),
    };
  }
  if (current.packageCode === pkg.code) {
    const chainEnd = new Date(Math.max(...live.map((s) => s.endsAt.getTime())));
    return {
      kind: 'renewal',
      price: pkg.price,
      refunds: [],
      refundTotal: 0,
      net: pkg.price,
      startsAt: chainEnd,
      endsAt: new Date(chainEnd.getTime() + period),
    };
  }
  const refunds = live.map((s) => {
    const from = Math.max(now.getTime(), s.startsAt.getTime());
    const unusedDays = Math.max(0, Math.floor((s.endsAt.getTime() - from) / DAY_MS));
    return { subscription: s, unusedDays, amount: Math.floor((s.price * unusedDays) / s.periodDays) };
  });
  const refundTotal = refunds.reduce((a, r) => a + r.amount, 0);
  return {
    kind: 'switch',
    price: pkg.price,
    refunds,
    refundTotal,
    net: pkg.price - refundTotal,
    startsAt: now,
    endsAt: new Date(now.getTime() + period),
  };
}

/** A client activating for itself pays from its own balance (credit its reseller transferred); otherwise the reseller pays. */
function payerOf(actor: Actor): 'client' | 'reseller' {
  return actor.role === 'client' ? 'client' : 'reseller';
}

/** Only refunds that go back to the payer's own balance count towards what the payer must have. */
function forPayer(q: Quote, payer: 'client' | 'reseller'): Quote {
  const own = q.refunds.filter((r) => r.subscription.paidBy === payer).reduce((a, r) => a + r.amount, 0);
  return { ...q, net: q.price - own };
}

async function findPackage(db: Db, code: string): Promise<Package> {
  const [pkg] = await db.select().from(packages).where(eq(packages.code, code));
  if (!pkg?.active) throw fieldError('package_type', `Unknown or unavailable package_type "${code}".`);
  return pkg;
}

async function resellerOf(db: Db, actor: Actor, clientId: number): Promise<number> {
  const conds = [eq(clients.id, clientId)];
  if (actor.role === 'reseller') conds.push(eq(clients.resellerId, actor.userId));
  if (actor.role === 'client' && actor.userId !== clientId) throw notFound('Client');
  const [c] = await db
    .select({ resellerId: clients.resellerId })
    .from(clients)
    .where(and(...conds));
  if (!c) throw notFound('Client');
  return c.resellerId;
}

export interface ActivationPreview {
  kind: Quote['kind'];
  package_type: string;
  name: string;
  price: number;
  refund: number;
  net: number;
  credit_balance: number;
  balance_after: number;
  sufficient: boolean;
  starts_at: string;
  ends_at: string;
}

/** What an activation would cost now, without changing anything (the portal's cost preview). */
export async function previewActivation(
  db: Db,
  actor: Actor,
  clientId: number,
  input: ActivateInput,
  now = new Date(),
): Promise<ActivationPreview> {
  assertCan(actor, 'client.activate');
  const resellerId = await resellerOf(db, actor, clientId);
  const pkg = await findPackage(db, input.package_type);
  const payer = payerOf(actor);
  const [r] =
    payer === 'client'
      ? await db.select({ balance: clients.creditBalance }).from(clients).where(eq(clients.id, clientId))
      : await db.select({ balance: resellers.creditBalance }).from(resellers).where(eq(resellers.id, resellerId));
  const q = forPayer(quoteActivation(await liveSubscriptions(db, clientId, now), pkg, now), payer);
  return {
    kind: q.kind,
    package_type: pkg.code,
    name: pkg.name,
    price: q.price,
    refund: q.refundTotal,
    net: q.net,
    credit_balance: r.balance,
    balance_after: r.balance - q.net,
    sufficient: r.balance >= q.net,
    starts_at: q.startsAt.toISOString(),
    ends_at: q.endsAt.toISOString(),
  };
}

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
    const balance = payer === 'client' ? client.creditBalance : reseller.creditBalance;
    if (balance < quote.net) {
      throw new DomainError('insufficient_credit', `Not enough credit: ${pkg.name} needs ${quote.net} MMK.`, {
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
