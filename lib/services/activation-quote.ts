import 'server-only';
// What an activation costs now (SPEC §3): the pricing rule, the portal's cost preview, and the check that
// what is charged is exactly what the caller was quoted.
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { clients, packages, resellers } from '@/db/schema';
import { type Actor, assertCan } from '@/lib/auth/permissions';
import { DomainError, fieldError, notFound } from '@/lib/errors';
import { formatMoney } from '@/lib/format';
import type { ActivateInput } from '@/lib/validation/clients';
import { effectiveEndOf, liveSubscriptions, type Subscription } from './subscriptions';

const DAY_MS = 86_400_000;

export type Package = typeof packages.$inferSelect;

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
 * Another package while active: switch now, refunding each live subscription's unused whole days pro rata
 * (a queued renewal that has not started is refunded in full).
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
export function payerOf(actor: Actor): 'client' | 'reseller' {
  return actor.role === 'client' ? 'client' : 'reseller';
}

/** Only refunds that go back to the payer's own balance count towards what the payer must have. */
export function forPayer(q: Quote, payer: 'client' | 'reseller'): Quote {
  const own = q.refunds.filter((r) => r.subscription.paidBy === payer).reduce((a, r) => a + r.amount, 0);
  return { ...q, net: q.price - own };
}

export async function findPackage(db: Db, code: string): Promise<Package> {
  const [pkg] = await db.select().from(packages).where(eq(packages.code, code));
  if (!pkg?.active) throw fieldError('package_type', `Unknown or unavailable package_type "${code}".`);
  return pkg;
}

export async function resellerOf(db: Db, actor: Actor, clientId: number): Promise<number> {
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

/**
 * The caller's quote against the one computed now, inside the money transaction: a package price or a
 * refund that moved since the preview (a catalog edit, a day boundary, another activation) refuses the
 * activation instead of charging another amount.
 */
export function assertQuoteUnchanged(input: ActivateInput, pkg: Package, quote: Quote): void {
  const priceMoved = input.expected_price !== undefined && input.expected_price !== quote.price;
  const refundMoved = input.expected_refund !== undefined && input.expected_refund !== quote.refundTotal;
  if (!priceMoved && !refundMoved) return;
  const what = priceMoved
    ? `${pkg.name} now costs ${formatMoney(quote.price)}, not ${formatMoney(input.expected_price ?? 0)}`
    : `the refund is now ${formatMoney(quote.refundTotal)}, not ${formatMoney(input.expected_refund ?? 0)}`;
  throw new DomainError('price_changed', `The price changed since the preview: ${what}. Nothing was charged; check the new preview.`, {
    package_type: pkg.code,
    expected_price: input.expected_price ?? null,
    price: quote.price,
    expected_refund: input.expected_refund ?? null,
    refund: quote.refundTotal,
  });
}

export interface RefundLine {
  subscription_id: number;
  package_type: string;
  name: string;
  starts_at: string;
  ends_at: string;
  /** Not started yet: a queued renewal, refunded in full. */
  queued: boolean;
  unused_days: number;
  amount: number;
  /** Whose balance the refund goes back to. */
  paid_by: 'reseller' | 'client';
}

export interface ActivationPreview {
  kind: Quote['kind'];
  package_type: string;
  name: string;
  price: number;
  refund: number;
  /** One line per live subscription a switch cancels: the current period's unused days, each queued renewal in full. */
  refunds: RefundLine[];
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
  input: Pick<ActivateInput, 'package_type'>,
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
    refunds: q.refunds.map((x) => ({
      subscription_id: x.subscription.id,
      package_type: x.subscription.packageCode,
      name: x.subscription.packageName,
      starts_at: x.subscription.startsAt.toISOString(),
      ends_at: x.subscription.endsAt.toISOString(),
      queued: x.subscription.startsAt > now,
      unused_days: x.unusedDays,
      amount: x.amount,
      paid_by: x.subscription.paidBy,
    })),
    net: q.net,
    credit_balance: r.balance,
    balance_after: r.balance - q.net,
    sufficient: r.balance >= q.net,
    starts_at: q.startsAt.toISOString(),
    ends_at: q.endsAt.toISOString(),
  };
}
