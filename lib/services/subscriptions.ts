import 'server-only';
import { and, asc, desc, eq, gt, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { subscriptions } from '@/db/schema';

export type Subscription = typeof subscriptions.$inferSelect;

/** A timestamp parameter for raw SQL (postgres.js does not serialise a Date inside `sql`). */
export const at = (d: Date) => sql`${d.toISOString()}::timestamptz`;

/** When a subscription stops giving service: its end, or the moment a switch cut it short. */
export const effectiveEnd = sql`coalesce(${subscriptions.canceledAt}, ${subscriptions.endsAt})`;

export function effectiveEndOf(s: Subscription): Date {
  return s.canceledAt && s.canceledAt < s.endsAt ? s.canceledAt : s.endsAt;
}

/** SQL condition on `subscriptions` (unaliased): a subscription of the client (column) covering `now`. */
export function coversNow(clientIdColumn: unknown, now: Date) {
  return sql`${subscriptions.clientId} = ${clientIdColumn} and ${subscriptions.startsAt} <= ${at(now)} and ${effectiveEnd} > ${at(now)}`;
}

/** SQL: the client (column) has a subscription covering `now`. */
export function hasCurrentSubscription(clientIdColumn: unknown, now: Date) {
  return sql`exists (select 1 from ${subscriptions} where ${coversNow(clientIdColumn, now)})`;
}

/** The subscriptions covering `now`, one per client at most (the latest started wins). */
export async function currentSubscriptions(db: Db, clientIds: number[], now: Date): Promise<Map<number, Subscription>> {
  const out = new Map<number, Subscription>();
  if (!clientIds.length) return out;
  const rows = await db
    .select()
    .from(subscriptions)
    .where(and(inArray(subscriptions.clientId, clientIds), lte(subscriptions.startsAt, now), sql`${effectiveEnd} > ${at(now)}`))
    .orderBy(asc(subscriptions.startsAt));
  for (const r of rows) out.set(r.clientId, r);
  return out;
}

/** Subscriptions still giving or owing service at `now` (current and queued renewals), oldest first. */
export function liveSubscriptions(db: Db, clientId: number, now: Date): Promise<Subscription[]> {
  return db
    .select()
    .from(subscriptions)
    .where(and(eq(subscriptions.clientId, clientId), isNull(subscriptions.canceledAt), gt(subscriptions.endsAt, now)))
    .orderBy(asc(subscriptions.startsAt));
}

export function subscriptionHistory(db: Db, clientId: number): Promise<Subscription[]> {
  return db
    .select()
    .from(subscriptions)
    .where(eq(subscriptions.clientId, clientId))
    .orderBy(desc(subscriptions.startsAt), desc(subscriptions.id));
}

export function subscriptionView(s: Subscription) {
  return {
    id: s.id,
    package_type: s.packageCode,
    name: s.packageName,
    price: s.price,
    kind: s.kind,
    daily_limit: s.dailyLimit,
    period_limit: s.periodLimit,
    device_limit: s.deviceLimit,
    starts_at: s.startsAt.toISOString(),
    ends_at: s.endsAt.toISOString(),
    canceled_at: s.canceledAt?.toISOString() ?? null,
    refund_amount: s.refundAmount,
  };
}
