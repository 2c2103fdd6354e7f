import 'server-only';
import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '@/db';
import { messageRecipients, messages } from '@/db/schema';
import { enqueueReceipts } from './smpp/outbox';
import { giveBackQuota } from './usage';

export const UNKNOWN_AFTER_MS = 15 * 60_000;

/**
 * Time-based message states, run by the server on an interval (safe with several instances: rows are
 * claimed with FOR UPDATE SKIP LOCKED):
 * - pending past valid_until → expired; it never left the server, so its quota is given back;
 * - processing with no report for 15 minutes → unknown, but never while the message is still valid: the
 *   phone holding it sends it (the app may wait long between sends) or fails it itself once its validity
 *   has passed ("TTL expired"), so only 15 minutes past both is the phone taken to have lost it.
 */
export async function sweepMessages(db: Db, now = new Date(), batch = 500): Promise<{ expired: number; unknown: number }> {
  const ts = now.toISOString();
  // The expiry and its quota given back in one transaction (lib/services/usage.ts).
  const expired = await db.transaction(async (tx) => {
    const rows = rowsOf<{ id: string; client_id: number; created_at: string | Date; recipient_count: number; counted: boolean }>(
      await tx.execute(sql`
      update ${messages} m set state = 'expired', counts_toward_quota = false, updated_at = ${ts}::timestamptz,
        states = m.states || jsonb_build_object('expired', ${ts}::text)
      from (select id, counts_toward_quota from ${messages} where state = 'pending' and valid_until <= ${ts}::timestamptz
            order by valid_until limit ${batch} for update skip locked) old
      where m.id = old.id
      returning m.id, m.client_id, m.created_at, m.recipient_count, old.counts_toward_quota as counted`),
    );
    await giveBackQuota(
      tx,
      rows
        .filter((r) => r.counted)
        .map((r) => ({ clientId: Number(r.client_id), createdAt: new Date(r.created_at), count: Number(r.recipient_count) })),
    );
    return rows;
  });
  const stale = new Date(now.getTime() - UNKNOWN_AFTER_MS).toISOString();
  const unknown = rowsOf<{ id: string }>(
    await db.execute(sql`
    update ${messages} set state = 'unknown', updated_at = ${ts}::timestamptz,
      states = states || jsonb_build_object('unknown', ${ts}::text)
    where id in (select id from ${messages} where state = 'processing' and updated_at <= ${stale}::timestamptz
                   and valid_until <= ${stale}::timestamptz
                 order by claimed_at limit ${batch} for update skip locked)
    returning id`),
  );
  for (const [ids, state] of [
    [expired, 'expired'],
    [unknown, 'unknown'],
  ] as const) {
    if (ids.length) {
      await db.execute(sql`update ${messageRecipients} set state = ${state}, updated_at = ${ts}::timestamptz
        where message_id in ${sql`(${sql.join(
          ids.map((r) => sql`${r.id}`),
          sql`, `,
        )})`} and state in ('pending', 'processing')`);
      // Receipts (EXPIRED / UNKNOWN) for the SMPP parts of these messages that asked.
      await enqueueReceipts(
        db,
        ids.map((r) => r.id),
        state,
        now,
      );
    }
  }
  return { expired: expired.length, unknown: unknown.length };
}
