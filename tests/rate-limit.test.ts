// Rate limits live in PostgreSQL: a fixed window per bucket, 429 with Retry-After past the limit.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DbHandle } from '@/db';
import { errorResponse } from '@/lib/http/errors';
import { hitRateLimit } from '@/lib/http/rate-limit';
import { onPostgres, openTestDb } from './helpers/db';
import { domainError } from './helpers/errors';

let h: DbHandle;
beforeAll(async () => {
  h = await openTestDb({ max: 20 });
});
afterAll(async () => {
  await h.close();
});

const bucket = () => `test:${Math.random().toString(36).slice(2)}`;

test('the limit-th hit passes, the next is 429 with retry_after until the window ends', async () => {
  const b = bucket();
  const now = new Date('2026-11-21T10:00:10Z');
  for (let i = 1; i <= 5; i++) expect((await hitRateLimit(h.db, b, 5, 60_000, now)).count).toBe(i);
  const err = await domainError(hitRateLimit(h.db, b, 5, 60_000, now));
  expect(err.code).toBe('rate_limited');
  expect(err.details.retry_after).toBe(50);
  const res = errorResponse(err);
  expect(res.status).toBe(429);
  expect(res.headers.get('retry-after')).toBe('50');
  // A new window starts afresh.
  expect((await hitRateLimit(h.db, b, 5, 60_000, new Date('2026-11-21T10:01:00Z'))).count).toBe(1);
});

// Sign-in limits (failures only, per address and per email + address): tests/sign-in-limits.test.ts.

describe.skipIf(!onPostgres())('across connections (PostgreSQL)', () => {
  test('100 parallel hits on a limit of 30: exactly 30 pass', async () => {
    const b = bucket();
    const now = new Date();
    const results = await Promise.allSettled(Array.from({ length: 100 }, () => hitRateLimit(h.db, b, 30, 60_000, now)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(30);
  });
});
if (!onPostgres()) console.log('parallel rate-limit test needs PostgreSQL: set TEST_DATABASE_URL');

test('the admin sees buckets near or over their limit', async () => {
  const { busyRateLimits } = await import('@/lib/services/rate-limits');
  const { makeAdmin } = await import('./helpers/fixtures');
  const admin = await makeAdmin(h.db);
  const b = bucket();
  const now = new Date();
  for (let i = 0; i < 4; i++) await hitRateLimit(h.db, b, 5, 60_000, now);
  await domainError(Promise.all([hitRateLimit(h.db, b, 5, 60_000, now), hitRateLimit(h.db, b, 5, 60_000, now)]));
  const list = await busyRateLimits(h.db, admin, now);
  expect(list.find((l) => l.bucket === b)).toMatchObject({ count: 6, limit: 5, blocked: true });
  const quiet = bucket();
  await hitRateLimit(h.db, quiet, 100, 60_000, now);
  expect(list.concat(await busyRateLimits(h.db, admin, now)).some((l) => l.bucket === quiet)).toBe(false);
});
