import 'server-only';
import { asc, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { packages } from '@/db/schema';
import { assertCan, type Actor } from '@/lib/auth/permissions';

export interface PackageView {
  package_type: string;
  name: string;
  price: number;
  daily_limit: number;
  period_limit: number;
  device_limit: number;
  period_days: number;
}

export function packageView(p: typeof packages.$inferSelect): PackageView {
  return {
    package_type: p.code,
    name: p.name,
    price: p.price,
    daily_limit: p.dailyLimit,
    period_limit: p.periodLimit,
    device_limit: p.deviceLimit,
    period_days: p.periodDays,
  };
}

/** The catalog on sale, in display order. */
export async function listPackages(db: Db, actor: Actor): Promise<PackageView[]> {
  assertCan(actor, 'package.read');
  const rows = await db.select().from(packages).where(eq(packages.active, true)).orderBy(asc(packages.sortOrder), asc(packages.id));
  return rows.map(packageView);
}
