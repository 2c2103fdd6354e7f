import 'server-only';
import { and, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db';
import { messageRecipients, messages, type MessageState } from '@/db/schema';
import { assertCan, type Actor } from '@/lib/auth/permissions';
import { dateRange } from './date-filter';
import { withRecipients, type MessageView } from './messages';
import { likePattern } from './paging';

export interface MessageExportFilters {
  status?: MessageState;
  search?: string;
  from?: string;
  to?: string;
}

/**
 * The client's own messages matching the message log's filters, newest first, in batches, for a CSV
 * download of any size. Keyset paging on (created_at, id) keeps each batch an index range scan.
 */
export async function clientMessageExport(db: Db, actor: Actor, f: MessageExportFilters, timeZone: string, batchSize = 500): Promise<AsyncGenerator<MessageView[]>> {
  assertCan(actor, 'sms.send');
  const base: SQL[] = [eq(messages.clientId, actor.userId), ...dateRange(messages.createdAt, f.from, f.to, timeZone)];
  if (f.status) base.push(eq(messages.state, f.status));
  if (f.search) {
    const p = likePattern(f.search);
    base.push(or(ilike(messages.text, p), sql`exists (select 1 from ${messageRecipients} r where r.message_id = ${messages.id} and r.phone ilike ${p})`)!);
  }
  return (async function* batches(): AsyncGenerator<MessageView[]> {
    let cursor: string | null = null;
    for (;;) {
      const conds: SQL[] = cursor === null ? base : [...base,
        sql`(${messages.createdAt}, ${messages.id}) < (select c.created_at, c.id from ${messages} c where c.id = ${cursor})`];
      const rows = await db.select().from(messages).where(and(...conds)).orderBy(desc(messages.createdAt), desc(messages.id)).limit(batchSize);
      if (rows.length) yield await withRecipients(db, rows);
      if (rows.length < batchSize) return;
      cursor = rows[rows.length - 1].id;
    }
  })();
}
