import 'server-only';
import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { idempotencyKeys } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import { deferEvents } from '@/lib/events';
import { pgError } from './errors';

export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;
/** How long a retry waits for a first request with the same key that is still running. */
export const IDEMPOTENCY_WAIT_MS = 10_000;

export interface StoredResponse {
  status: number;
  body: unknown;
}

/** An answer that must not be kept (5xx): the transaction rolls back, key and all. */
class NotStored extends Error {
  constructor(readonly response: StoredResponse) {
    super('not stored');
  }
}

/**
 * Runs `run` once per (account, Idempotency-Key), in ONE transaction with the key: the key row, the money
 * move and the stored answer commit together or not at all. So a retry after any failure (a dropped
 * connection, a lost COMMIT answer, a crash) either replays the committed answer or runs afresh; it can never
 * charge twice and a key is never left stuck.
 * - Same key, same request: the first answer (2xx or 4xx) replayed. A retry that arrives while the first is
 *   still running waits on the key row's lock (up to 10 s, then 409 request_in_progress).
 * - Same key, another request: 422 idempotency_mismatch. Keys are per account and kept 24 h.
 * - A 5xx is not kept: nothing was applied, and the same key may be retried.
 * `run` gets the transaction; the service's own transaction becomes a savepoint inside it, so a refused
 * request (4xx) rolls its work back and still records its answer. Notifications wait for the commit.
 */
export async function idempotent(
  db: Db,
  userId: number,
  key: string,
  fingerprint: string,
  run: (tx: Db) => Promise<StoredResponse>,
  failure: (err: unknown) => StoredResponse,
): Promise<StoredResponse & { replayed: boolean }> {
  if (!/^[\x21-\x7e]{1,255}$/.test(key))
    throw new DomainError('validation_failed', 'Idempotency-Key must be 1-255 visible ASCII characters.', {
      fields: { 'Idempotency-Key': ['1-255 visible ASCII characters.'] },
    });
  const hash = createHash('sha256').update(fingerprint).digest('hex');
  const where = and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key));
  for (let attempt = 0; ; attempt++) {
    const expired = new Date(Date.now() - IDEMPOTENCY_TTL_MS);
    const [row] = await db.select().from(idempotencyKeys).where(where);
    if (row && row.createdAt > expired) {
      if (row.requestHash !== hash)
        throw new DomainError('idempotency_mismatch', 'This Idempotency-Key was used with a different request.');
      if (row.status === 'done' && row.responseStatus !== null)
        return { status: row.responseStatus, body: row.responseBody, replayed: true };
    }
    try {
      return await deferEvents(() =>
        db.transaction(async (tx) => {
          // A twin request holding the key makes the insert below wait for it; not forever.
          await tx.execute(sql.raw(`set local lock_timeout = '${IDEMPOTENCY_WAIT_MS}ms'`));
          await tx.delete(idempotencyKeys).where(and(where, sql`${idempotencyKeys.createdAt} <= ${expired.toISOString()}::timestamptz`));
          await tx.insert(idempotencyKeys).values({ userId, key, requestHash: hash });
          let out: StoredResponse;
          try {
            out = await tx.transaction((sp) => run(sp));
          } catch (err) {
            if (err instanceof NotStored) throw err;
            out = failure(err);
            if (out.status >= 500) throw err;
          }
          if (out.status >= 500) throw new NotStored(out);
          await tx
            .update(idempotencyKeys)
            .set({ status: 'done', responseStatus: out.status, responseBody: out.body as object })
            .where(where);
          return { ...out, replayed: false };
        }),
      );
    } catch (err) {
      if (err instanceof NotStored) return { ...err.response, replayed: false };
      const state = pgError(err)?.code;
      // The twin committed first: replay its answer (or refuse a different request).
      if (state === '23505' && attempt < 2) continue;
      if (state === '55P03') throw new DomainError('request_in_progress', 'A request with this Idempotency-Key is still running.');
      throw err;
    }
  }
}
