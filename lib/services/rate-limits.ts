import 'server-only';
import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '@/db';
import { rateLimits } from '@/db/schema';
import { type Actor, assertCan } from '@/lib/auth/permissions';

export interface RateLimitView {
  bucket: string;
  count: number;
  limit: number;
  window_start: string;
  blocked: boolean;
}

/** Sign-in and API buckets at 80 % of their limit or more in the last 15 minutes, busiest first. */
export async function busyRateLimits(db: Db, actor: Actor, now = new Date()): Promise<RateLimitView[]> {
  assertCan(actor, 'settings.manage');
  const since = new Date(now.getTime() - 15 * 60_000).toISOString();
  const rows = rowsOf<{ bucket: string; count: number; limit: number; window_start: string | Date }>(
    await db.execute(sql`
    select bucket, count, "limit", window_start from ${rateLimits}
    where window_start >= ${since}::timestamptz and count >= "limit" * 0.8 order by count desc limit 100`),
  );
  return rows.map((r) => ({
    bucket: r.bucket,
    count: Number(r.count),
    limit: Number(r.limit),
    window_start: new Date(r.window_start).toISOString(),
    blocked: Number(r.count) > Number(r.limit),
  }));
}
