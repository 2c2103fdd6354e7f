import 'server-only';
import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '@/db';
import { rateLimits } from '@/db/schema';
import { DomainError } from '@/lib/errors';

// Tests and load runs raise these through the environment; production keeps the defaults.
export const LOGIN_LIMIT = { limit: Number(process.env.LOGIN_RATE_LIMIT || 10), windowMs: 15 * 60_000 };
export const API_LIMIT_PER_MINUTE = Number(process.env.API_RATE_LIMIT || 100);

/**
 * Counts one hit in a fixed window, in PostgreSQL (one upsert), so every instance shares the count.
 * Over the limit → 429 rate_limited with details.retry_after (seconds), which becomes Retry-After.
 */
export async function hitRateLimit(
  db: Db,
  bucket: string,
  limit: number,
  windowMs: number,
  now = new Date(),
): Promise<{ count: number; remaining: number }> {
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const ws = windowStart.toISOString();
  const [row] = rowsOf<{ count: number }>(
    await db.execute(sql`
    insert into ${rateLimits} (bucket, window_start, count, "limit") values (${bucket}, ${ws}::timestamptz, 1, ${limit})
    on conflict (bucket) do update set
      count = case when ${rateLimits}.window_start = excluded.window_start then ${rateLimits}.count + 1 else 1 end,
      window_start = excluded.window_start, "limit" = excluded."limit"
    returning count`),
  );
  const count = Number(row?.count ?? 1);
  if (count > limit) {
    const retryAfter = Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000));
    throw new DomainError('rate_limited', `Too many requests. Try again in ${retryAfter} s.`, { retry_after: retryAfter, limit });
  }
  return { count, remaining: limit - count };
}

/** Sign-in attempts: 10 per 15 minutes per email and per IP. The same answer whether the email exists or not. */
export async function limitLogin(db: Db, email: string, ip: string | null, now = new Date(), limit = LOGIN_LIMIT.limit): Promise<void> {
  await hitRateLimit(db, `login:email:${email.trim().toLowerCase()}`, limit, LOGIN_LIMIT.windowMs, now);
  if (ip) await hitRateLimit(db, `login:ip:${ip}`, limit, LOGIN_LIMIT.windowMs, now);
}
