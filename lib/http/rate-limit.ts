import 'server-only';
import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '@/db';
import { rateLimits } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import { ipKey } from './client-ip';

// Tests and load runs raise these through the environment; production keeps the defaults.
const positive = (v: string | undefined, fallback: number) => (Number.isInteger(Number(v)) && Number(v) > 0 ? Number(v) : fallback);
/** Requests per minute per credential, in every API family (a reseller may have its own); read per request. */
export const apiLimitPerMinute = () => positive(process.env.API_RATE_LIMIT, 100);
/** Requests per minute per phone: a phone that sends and reports one SMS a second needs about 120. */
export const deviceLimitPerMinute = () => positive(process.env.DEVICE_RATE_LIMIT, 600);

const windowOf = (now: Date, windowMs: number) => new Date(Math.floor(now.getTime() / windowMs) * windowMs);
/** The start of the fixed window `now` falls in, as the counters store it (ISO). */
export const windowStartOf = (now: Date, windowMs: number): string => windowOf(now, windowMs).toISOString();
const retryAfter = (windowStart: Date, windowMs: number, now: Date) =>
  Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000));

export function rateLimited(retry: number, limit: number): DomainError {
  return new DomainError('rate_limited', `Too many requests. Try again in ${retry} s.`, { retry_after: retry, limit });
}

// Buckets this process has seen over their limit, until their window ends: refused again without asking
// the database, so a flood of refused requests costs next to nothing. Counts only grow within a window.
const blocked = new Map<string, number>();

function remember(bucket: string, until: number): void {
  if (blocked.size > 50_000) for (const [b, t] of blocked) if (t <= Date.now()) blocked.delete(b);
  blocked.set(bucket, until);
}

/** 429 at once when this process saw the bucket over its limit in the current window. */
export function assertNotBlocked(bucket: string, limit: number, now = new Date()): void {
  const until = blocked.get(bucket);
  if (until === undefined) return;
  if (until <= now.getTime()) {
    blocked.delete(bucket);
    return;
  }
  throw rateLimited(Math.max(1, Math.ceil((until - now.getTime()) / 1000)), limit);
}

/**
 * SQL: the upsert that adds one hit to each bucket the `select` yields (columns bucket, "limit"), returning
 * count — for a statement that counts a request beside its own work (the API-key and device lookups, one round
 * trip). `ws` is the window's start: windowStartOf(now, windowMs), or a prepared statement's placeholder for it.
 */
export function bucketHitSql(select: SQL, ws: string | SQLWrapper): SQL {
  return sql`insert into ${rateLimits} (bucket, window_start, count, "limit")
    select h.bucket, ${ws}::timestamptz, 1, h."limit" from (${select}) h
    on conflict (bucket) do update set
      count = case when ${rateLimits}.window_start = excluded.window_start then ${rateLimits}.count + 1 else 1 end,
      window_start = excluded.window_start, "limit" = excluded."limit"
    returning count`;
}

/** A hit already counted (bucketHitSql): remembered when at the limit, 429 when over it, as hitRateLimit. */
export function settleHit(bucket: string, count: number, limit: number, windowMs: number, now = new Date()): void {
  const ws = windowOf(now, windowMs);
  if (count >= limit) remember(bucket, ws.getTime() + windowMs);
  else blocked.delete(bucket);
  if (count > limit) throw rateLimited(retryAfter(ws, windowMs, now), limit);
}

/** Adds `delta` to a fixed-window counter in PostgreSQL (one upsert, shared by every instance); the new count. */
export async function addToBucket(
  db: Db,
  bucket: string,
  delta: number,
  limit: number,
  windowMs: number,
  now = new Date(),
): Promise<number> {
  const ws = windowOf(now, windowMs);
  const [row] = rowsOf<{ count: number }>(
    await db.execute(sql`
    insert into ${rateLimits} (bucket, window_start, count, "limit") values (${bucket}, ${ws.toISOString()}::timestamptz, ${Math.max(delta, 0)}, ${limit})
    on conflict (bucket) do update set
      count = greatest(0, case when ${rateLimits}.window_start = excluded.window_start then ${rateLimits}.count + ${delta} else ${Math.max(delta, 0)} end),
      window_start = excluded.window_start, "limit" = excluded."limit"
    returning count`),
  );
  const count = Number(row?.count ?? delta);
  if (count >= limit) remember(bucket, ws.getTime() + windowMs);
  else blocked.delete(bucket);
  return count;
}

/**
 * Counts one hit in a fixed window. Over the limit → 429 rate_limited with details.retry_after (seconds),
 * which every family's answer carries as Retry-After.
 */
export async function hitRateLimit(
  db: Db,
  bucket: string,
  limit: number,
  windowMs: number,
  now = new Date(),
): Promise<{ count: number; remaining: number }> {
  const count = await addToBucket(db, bucket, 1, limit, windowMs, now);
  if (count > limit) throw rateLimited(retryAfter(windowOf(now, windowMs), windowMs, now), limit);
  return { count, remaining: limit - count };
}

/** A bucket's count in the current window (0 when it has none). */
export async function bucketCount(db: Db, bucket: string, windowMs: number, now = new Date()): Promise<number> {
  const ws = windowOf(now, windowMs).toISOString();
  const [row] = rowsOf<{ count: number }>(
    await db.execute(sql`select count from ${rateLimits} where bucket = ${bucket} and window_start = ${ws}::timestamptz`),
  );
  return Number(row?.count ?? 0);
}

/** The per-IP part of a bucket name: IPv4 whole, IPv6 by /64. */
export const ipBucket = (prefix: string, ip: string) => `${prefix}:ip:${ipKey(ip)}`;
