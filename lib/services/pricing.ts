import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { packages, resellerPrices, resellers, subscriptions } from '@/db/schema';
import { type Actor, assertCan } from '@/lib/auth/permissions';
import { DomainError, fieldError, notFound } from '@/lib/errors';
import { formatMoney } from '@/lib/format';
import type { RetailPriceInput } from '@/lib/validation/branding';
import { writeAudit } from './audit';
import { type PackageView, packageView } from './packages';
import { getSettings } from './settings';

export interface ResellerPackageView extends PackageView {
  /** What the reseller pays the platform (list price). */
  cost: number;
  /** What the reseller's clients see: its retail price (own plans) or the list price. */
  retail_price: number;
  display_name: string;
  profit: number;
  margin_pct: number;
  commission: number;
}

/** The catalog as a reseller (or its client) sees it: retail prices, display names, profit per sale. */
export async function resellerCatalog(db: Db, resellerId: number): Promise<ResellerPackageView[]> {
  // One statement: the reseller's row (its partner type) with the active packages and its prices for them;
  // a reseller with no package to sell still gives one row, with no package in it.
  const rows = await db
    .select({
      type: resellers.partnerType,
      bp: resellers.commissionRateBp,
      p: packages,
      retail: resellerPrices.retailPrice,
      display: resellerPrices.displayName,
    })
    .from(resellers)
    .leftJoin(packages, eq(packages.active, true))
    .leftJoin(resellerPrices, and(eq(resellerPrices.packageId, packages.id), eq(resellerPrices.resellerId, resellers.id)))
    .where(eq(resellers.id, resellerId))
    .orderBy(asc(packages.sortOrder), asc(packages.id));
  const r = rows[0];
  if (!r) throw notFound('Reseller');
  return rows.flatMap(({ p, retail, display }) => {
    if (!p) return [];
    const own = r.type === 'own_plans';
    const retailPrice = own ? (retail ?? p.price) : p.price;
    const profit = own ? retailPrice - p.price : 0;
    return [
      {
        ...packageView(p),
        cost: p.price,
        retail_price: retailPrice,
        display_name: (own && display) || p.name,
        profit,
        margin_pct: own && p.price > 0 ? Math.round((profit / p.price) * 1000) / 10 : 0,
        commission: r.type === 'commission' ? Math.floor((p.price * r.bp) / 10_000) : 0,
      },
    ];
  });
}

export async function listResellerPackages(db: Db, actor: Actor): Promise<ResellerPackageView[]> {
  assertCan(actor, 'package.read');
  if (actor.role !== 'reseller') throw new DomainError('forbidden', 'Only resellers have a price list.');
  return resellerCatalog(db, actor.userId);
}

/** An own-plans reseller sets its retail price (and optional display name) for one package. */
export async function setRetailPrice(db: Db, actor: Actor, input: RetailPriceInput): Promise<ResellerPackageView> {
  assertCan(actor, 'pricing.manage');
  await db.transaction(async (tx) => {
    const [r] = await tx.select({ type: resellers.partnerType }).from(resellers).where(eq(resellers.id, actor.userId));
    if (r?.type !== 'own_plans') throw new DomainError('forbidden', 'Commission partners sell at the platform list prices.');
    const [p] = await tx.select().from(packages).where(eq(packages.code, input.package_type));
    if (!p) throw fieldError('package_type', `Unknown package_type "${input.package_type}".`);
    if (input.retail_price < p.price && !input.allow_below_cost) {
      const loss = p.price - input.retail_price;
      throw fieldError(
        'retail_price',
        `${formatMoney(input.retail_price)} is below your cost of ${formatMoney(p.price)}: you lose ${formatMoney(loss)} on every sale. Confirm to sell at a loss.`,
        'below_cost',
      );
    }
    const [before] = await tx
      .select()
      .from(resellerPrices)
      .where(and(eq(resellerPrices.resellerId, actor.userId), eq(resellerPrices.packageId, p.id)));
    await tx
      .insert(resellerPrices)
      .values({ resellerId: actor.userId, packageId: p.id, retailPrice: input.retail_price, displayName: input.display_name ?? null })
      .onConflictDoUpdate({
        target: [resellerPrices.resellerId, resellerPrices.packageId],
        set: { retailPrice: input.retail_price, displayName: input.display_name ?? null, updatedAt: sql`now()` },
      });
    await writeAudit(
      tx,
      actor,
      'reseller.retail_price',
      { type: 'package', id: p.code },
      before ? { retail_price: before.retailPrice, display_name: before.displayName } : null,
      { retail_price: input.retail_price, display_name: input.display_name ?? null },
    );
  });
  const catalog = await resellerCatalog(db, actor.userId);
  const item = catalog.find((c) => c.package_type === input.package_type);
  if (!item) throw notFound('Package');
  return item;
}

export interface ProfitRow {
  package_type: string;
  name: string;
  activations: number;
  /** What the platform charged for this month's activations. */
  cost: number;
  /** What the reseller billed its clients for them (the retail price at each activation). */
  revenue: number;
  /** Switch refunds the platform gave back this month (unused days, queued renewals): they lower the cost. */
  refunds: number;
  /** The same switched-away days at the retail price: what the reseller owes its clients back. */
  client_refunds: number;
  /** (revenue − client_refunds) − (cost − refunds). */
  profit: number;
}

type Totals = Omit<ProfitRow, 'package_type' | 'name'>;

/**
 * Profit in a month (platform time zone): what clients were billed for the month's activations, less the
 * switch refunds of the month at the retail price (the days a switch took away from the client), less what
 * the platform charged net of its own refunds for those days.
 */
export async function profitReport(
  db: Db,
  actor: Actor,
  month?: string,
  now = new Date(),
): Promise<{ month: string; rows: ProfitRow[]; totals: Totals }> {
  assertCan(actor, 'pricing.manage');
  const tz = (await getSettings(db)).time_zone;
  const m = month ?? new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit' }).format(now).slice(0, 7);
  const start = sql`(${`${m}-01`}::timestamp at time zone ${tz})`;
  const end = sql`((${`${m}-01`}::timestamp + interval '1 month') at time zone ${tz})`;
  const inMonth = (col: unknown) => sql`${col} >= ${start} and ${col} < ${end}`;
  const retail = sql`coalesce(${subscriptions.retailPrice}, ${subscriptions.price})`;
  const [sales, refunds] = await Promise.all([
    db
      .select({
        code: subscriptions.packageCode,
        name: sql<string>`min(${subscriptions.packageName})`,
        activations: sql<number>`count(*)::int`,
        cost: sql<string>`sum(${subscriptions.price})`,
        revenue: sql<string>`sum(${retail})`,
      })
      .from(subscriptions)
      .where(and(eq(subscriptions.resellerId, actor.userId), inMonth(subscriptions.createdAt)))
      .groupBy(subscriptions.packageCode),
    db
      .select({
        code: subscriptions.packageCode,
        name: sql<string>`min(${subscriptions.packageName})`,
        refunds: sql<string>`sum(${subscriptions.refundAmount})`,
        clientRefunds: sql<string>`sum(case when ${subscriptions.price} > 0 then ${retail} * ${subscriptions.refundAmount} / ${subscriptions.price} else 0 end)`,
      })
      .from(subscriptions)
      .where(and(eq(subscriptions.resellerId, actor.userId), sql`${subscriptions.refundAmount} > 0`, inMonth(subscriptions.canceledAt)))
      .groupBy(subscriptions.packageCode),
  ]);
  const byCode = new Map<string, ProfitRow>();
  const row = (code: string, name: string) => {
    let r = byCode.get(code);
    if (!r) {
      r = { package_type: code, name, activations: 0, cost: 0, revenue: 0, refunds: 0, client_refunds: 0, profit: 0 };
      byCode.set(code, r);
    }
    return r;
  };
  for (const s of sales)
    Object.assign(row(s.code, s.name), { activations: s.activations, cost: Number(s.cost), revenue: Number(s.revenue) });
  for (const f of refunds) Object.assign(row(f.code, f.name), { refunds: Number(f.refunds), client_refunds: Number(f.clientRefunds) });
  const rows = [...byCode.values()].sort((a, b) => a.package_type.localeCompare(b.package_type));
  for (const r of rows) r.profit = r.revenue - r.client_refunds - (r.cost - r.refunds);
  const totals = rows.reduce<Totals>(
    (t, r) => ({
      activations: t.activations + r.activations,
      cost: t.cost + r.cost,
      revenue: t.revenue + r.revenue,
      refunds: t.refunds + r.refunds,
      client_refunds: t.client_refunds + r.client_refunds,
      profit: t.profit + r.profit,
    }),
    { activations: 0, cost: 0, revenue: 0, refunds: 0, client_refunds: 0, profit: 0 },
  );
  return { month: m, rows, totals };
}
