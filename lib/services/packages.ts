import 'server-only';
import { and, asc, count, eq, ne } from 'drizzle-orm';
import type { Db } from '@/db';
import { packages } from '@/db/schema';
import { type Actor, assertCan } from '@/lib/auth/permissions';
import { DomainError, fieldError, notFound } from '@/lib/errors';
import type { CreatePackageInput, UpdatePackageInput } from '@/lib/validation/packages';
import { writeAudit } from './audit';

export interface PackageView {
  id: number;
  package_type: string;
  name: string;
  price: number;
  daily_limit: number;
  period_limit: number;
  device_limit: number;
  period_days: number;
  /** SMPP submit_sm per second and simultaneous binds. */
  smpp_throughput: number;
  smpp_max_binds: number;
  active: boolean;
  sort_order: number;
}

export function packageView(p: typeof packages.$inferSelect): PackageView {
  return {
    id: p.id,
    package_type: p.code,
    name: p.name,
    price: p.price,
    daily_limit: p.dailyLimit,
    period_limit: p.periodLimit,
    device_limit: p.deviceLimit,
    period_days: p.periodDays,
    smpp_throughput: p.smppThroughput,
    smpp_max_binds: p.smppMaxBinds,
    active: p.active,
    sort_order: p.sortOrder,
  };
}

/** The catalog on sale, in display order. */
export async function listPackages(db: Db, actor: Actor): Promise<PackageView[]> {
  assertCan(actor, 'package.read');
  const rows = await db.select().from(packages).where(eq(packages.active, true)).orderBy(asc(packages.sortOrder), asc(packages.id));
  return rows.map(packageView);
}

/** The whole catalog for the admin, disabled packages included. */
export async function listAllPackages(db: Db, actor: Actor): Promise<PackageView[]> {
  assertCan(actor, 'package.manage');
  const rows = await db.select().from(packages).orderBy(asc(packages.sortOrder), asc(packages.id));
  return rows.map(packageView);
}

export async function createPackage(db: Db, actor: Actor, input: CreatePackageInput): Promise<PackageView> {
  assertCan(actor, 'package.manage');
  return db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: packages.id }).from(packages).where(eq(packages.code, input.code));
    if (taken) throw fieldError('code', 'A package with this code exists.', 'conflict');
    const [row] = await tx
      .insert(packages)
      .values({
        code: input.code,
        name: input.name,
        price: input.price,
        dailyLimit: input.daily_limit,
        periodLimit: input.period_limit,
        deviceLimit: input.device_limit,
        periodDays: input.period_days,
        smppThroughput: input.smpp_throughput,
        smppMaxBinds: input.smpp_max_binds,
        active: input.active,
        sortOrder: input.sort_order ?? 100,
      })
      .returning();
    await writeAudit(tx, actor, 'package.create', { type: 'package', id: row.code }, null, packageView(row));
    return packageView(row);
  });
}

/**
 * Edits the catalog. Subscriptions snapshot price and limits when sold, so no existing subscription
 * changes; only later activations see the new values.
 */
export async function updatePackage(db: Db, actor: Actor, id: number, input: UpdatePackageInput): Promise<PackageView> {
  assertCan(actor, 'package.manage');
  return db.transaction(async (tx) => {
    // Disabling locks the whole catalog first, so two admins disabling the last two packages at once
    // cannot leave nothing on sale.
    if (input.active === false) await tx.select({ id: packages.id }).from(packages).orderBy(asc(packages.id)).for('update');
    const [before] = await tx.select().from(packages).where(eq(packages.id, id)).for('update');
    if (!before) throw notFound('Package');
    const daily = input.daily_limit ?? before.dailyLimit;
    const period = input.period_limit ?? before.periodLimit;
    if (period < daily) throw fieldError('period_limit', 'The period limit must be at least the daily limit.');
    const set: Partial<typeof packages.$inferInsert> = { updatedAt: new Date() };
    if (input.name !== undefined) set.name = input.name;
    if (input.price !== undefined) set.price = input.price;
    if (input.daily_limit !== undefined) set.dailyLimit = input.daily_limit;
    if (input.period_limit !== undefined) set.periodLimit = input.period_limit;
    if (input.device_limit !== undefined) set.deviceLimit = input.device_limit;
    if (input.period_days !== undefined) set.periodDays = input.period_days;
    if (input.smpp_throughput !== undefined) set.smppThroughput = input.smpp_throughput;
    if (input.smpp_max_binds !== undefined) set.smppMaxBinds = input.smpp_max_binds;
    if (input.active !== undefined) set.active = input.active;
    if (input.sort_order !== undefined) set.sortOrder = input.sort_order;
    if (input.active === false && before.active) {
      const [{ n }] = await tx
        .select({ n: count() })
        .from(packages)
        .where(and(eq(packages.active, true), ne(packages.id, before.id)));
      if (n === 0) throw new DomainError('conflict', 'At least one package must stay on sale.');
    }
    const [after] = await tx.update(packages).set(set).where(eq(packages.id, before.id)).returning();
    await writeAudit(tx, actor, 'package.update', { type: 'package', id: before.code }, packageView(before), packageView(after));
    return packageView(after);
  });
}
