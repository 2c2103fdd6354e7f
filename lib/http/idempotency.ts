import 'server-only';
import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '@/db';
import { idempotencyKeys } from '@/db/schema';
import { DomainError } from '@/lib/errors';

export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;
const WAIT_MS = 10_000;

export interface StoredResponse {
  status: number;
  body: unknown;
}

/**
 * Runs `fn` once per (account, Idempotency-Key). The same key with the same request replays the first
 * response, even while the first is still running (the retry waits for it, up to 10 s, then gets 409
 * request_in_progress); the same key with a different request → 422 idempotency_mismatch. Kept 24 h.
 * A 5xx is not stored, so the client may retry it with the same key.
 */
export async function idempotent(db: Db, userId: number, key: string, fingerprint: string, fn: () => Promise<StoredResponse>): Promise<StoredResponse & { replayed: boolean }> {
  if (!/^[\x21-\x7e]{1,255}$/.test(key)) throw new DomainError('validation_failed', 'Idempotency-Key must be 1-255 visible ASCII characters.', { fields: { 'Idempotency-Key': ['1-255 visible ASCII characters.'] } });
  const hash = createHash('sha256').update(fingerprint).digest('hex');
  const expired = new Date(Date.now() - IDEMPOTENCY_TTL_MS).toISOString();
  await db.execute(sql`delete from ${idempotencyKeys} where user_id = ${userId} and key = ${key} and created_at < ${expired}::timestamptz`);
  const claimed = rowsOf<{ key: string }>(await db.execute(sql`
    insert into ${idempotencyKeys} (user_id, key, request_hash) values (${userId}, ${key}, ${hash})
    on conflict do nothing returning key`));
  if (!claimed.length) return { ...(await replay(db, userId, key, hash)), replayed: true };
  let out: StoredResponse;
  try {
    out = await fn();
  } catch (err) {
    await db.delete(idempotencyKeys).where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)));
    throw err;
  }
  if (out.status >= 500) {
    await db.delete(idempotencyKeys).where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)));
  } else {
    await db.update(idempotencyKeys).set({ status: 'done', responseStatus: out.status, responseBody: out.body as object }).where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)));
  }
  return { ...out, replayed: false };
}

async function replay(db: Db, userId: number, key: string, hash: string): Promise<StoredResponse> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const [row] = await db.select().from(idempotencyKeys).where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)));
    if (!row) throw new DomainError('request_in_progress', 'The first request with this Idempotency-Key failed; retry.');
    if (row.requestHash !== hash) throw new DomainError('idempotency_mismatch', 'This Idempotency-Key was used with a different request.');
    if (row.status === 'done' && row.responseStatus !== null) return { status: row.responseStatus, body: row.responseBody };
    if (Date.now() > deadline) throw new DomainError('request_in_progress', 'A request with this Idempotency-Key is still running.');
    await new Promise((r) => setTimeout(r, 100));
  }
}
