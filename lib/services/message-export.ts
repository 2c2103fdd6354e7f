import 'server-only';
import { and, desc, type SQL, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { type MessageState, messages } from '@/db/schema';
import { type Actor, assertCan } from '@/lib/auth/permissions';
import { type CountryCode, DEFAULT_COUNTRY } from '@/lib/phone';
import { type MessageView, messageFilters, withRecipients } from './messages';

export interface MessageExportFilters {
  status?: MessageState;
  phone?: string;
  search?: string;
  from?: string;
  to?: string;
}

/**
 * The client's own messages matching the message log's filters, newest first, in batches, for a CSV
 * download of any size. Keyset paging on (created_at, id) keeps each batch an index range scan.
 */
export async function clientMessageExport(
  db: Db,
  actor: Actor,
  f: MessageExportFilters,
  timeZone: string,
  country: CountryCode = DEFAULT_COUNTRY,
  batchSize = 500,
): Promise<AsyncGenerator<MessageView[]>> {
  assertCan(actor, 'sms.send');
  const base = messageFilters(actor, f, timeZone, country);
  return (async function* batches(): AsyncGenerator<MessageView[]> {
    let cursor: string | null = null;
    for (;;) {
      const conds: SQL[] =
        cursor === null
          ? base
          : [...base, sql`(${messages.createdAt}, ${messages.id}) < (select c.created_at, c.id from ${messages} c where c.id = ${cursor})`];
      const rows = await db
        .select()
        .from(messages)
        .where(and(...conds))
        .orderBy(desc(messages.createdAt), desc(messages.id))
        .limit(batchSize);
      if (rows.length) yield await withRecipients(db, rows);
      if (rows.length < batchSize) return;
      cursor = rows[rows.length - 1].id;
    }
  })();
}
